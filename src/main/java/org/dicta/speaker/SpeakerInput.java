package org.dicta.speaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker as admins write it (POST, PUT, and the document JSON Merge Patch applies to). */
@Schema(name = "SpeakerInput", description = "A speaker as admins write it: names and titles by language tag, and aliases.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerInput(
        @Schema(description = "Slug id; required on POST.", example = "vladimir-putin")
        @Pattern(regexp = "[a-z0-9]+(?:[-_][a-z0-9]+)*", message = "must be a slug: lower-case letters, digits, '-' and '_'")
        @Size(max = 100) String id,
        @Schema(required = true, example = "person") @NotNull SpeakerKind kind,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", example = "RU") @Pattern(regexp = "[A-Z]{2}",
                message = "must be an ISO 3166-1 alpha-2 code such as IR or BY") String country,
        @Schema(required = true, description = "Name by language tag.", example = "{\"en\": \"Vladimir Putin\", \"ar\": \"فلاديمير بوتين\"}")
        @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 300) String> names,
        @Schema(description = "Title or role by language tag.", example = "{\"en\": \"President of Russia\"}")
        @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 300) String> titles,
        @Schema(description = "Other spellings found in the sources.") @Size(max = 50) List<@NotNull @Valid Alias> aliases,
        @Schema(description = "Why this change is made; shown in the speaker's revisions.") @Size(max = 2000) String reason) {

    /** One alias. */
    @Schema(name = "SpeakerAliasInput", description = "Another spelling of a speaker's name.")
    public record Alias(
            @Schema(required = true, example = "ar") @NotBlank @Size(max = 35) String lang,
            @Schema(required = true, example = "بوتين") @NotBlank @Size(max = 300) String name) {
    }

    /** The same speaker with aliases in a fixed order, to compare states: their order carries no meaning. */
    public SpeakerInput canonical() {
        return new SpeakerInput(id, kind, country, names, titles == null ? Map.of() : titles, aliases == null ? List.of()
                : aliases.stream().sorted(java.util.Comparator.comparing(Alias::lang).thenComparing(Alias::name)).toList(),
                reason);
    }

    public static SpeakerInput of(Speaker speaker) {
        return new SpeakerInput(speaker.id, speaker.kind, speaker.country, speaker.names(), speaker.titles(),
                speaker.aliases.stream().map(alias -> new Alias(alias.lang, alias.name)).toList(), null);
    }
}
