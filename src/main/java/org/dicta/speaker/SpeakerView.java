package org.dicta.speaker;

import java.util.List;
import java.util.Map;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker with everything the API knows of them. */
@Schema(name = "Speaker", description = "A person or organization to whom statements are attributed.")
public record SpeakerView(
        @Schema(required = true, description = "Stable slug id.", example = "alexander-lukashenko") String id,
        @Schema(required = true, description = "Person or organization.", example = "person") SpeakerKind kind,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 country code.", example = "BY", nullable = true) String country,
        @Schema(required = true, description = "Name by language tag; with `lang`, only the language served.",
                example = "{\"ur\": \"الیگزینڈر لوکاشنکوو\"}") Map<String, String> names,
        @Schema(required = true, description = "Title or role by language tag, as the sources give it; with `lang`, only the language served.",
                example = "{\"ur\": \"بیلاروس کے صدر\"}") Map<String, String> titles,
        @Schema(required = true, description = "Other spellings and forms of address found in the sources; with `lang`, those in the language served.")
        List<Alias> aliases) {

    /** One alias. */
    @Schema(name = "SpeakerAlias", description = "Another spelling or form of address of a speaker.")
    public record Alias(
            @Schema(required = true, description = "Language tag of the spelling.", example = "ar") String lang,
            @Schema(required = true, description = "The spelling.", example = "لوكاشنكو") String name) {
    }

    public static SpeakerView from(Speaker speaker, LanguageChoice language) {
        Map<String, String> names = language.pick(speaker.names());
        List<Alias> aliases = speaker.aliases.stream()
                .filter(alias -> language.allLanguages() || names.containsKey(alias.lang))
                .map(alias -> new Alias(alias.lang, alias.name))
                .toList();
        return new SpeakerView(speaker.id, speaker.kind, speaker.country, names, language.pick(speaker.titles()), aliases);
    }
}
