package org.dicta.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.dicta.web.SafeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as editors write it (POST, PUT, and the document JSON Merge Patch applies to). */
@Schema(name = "SourceInput", description = "A reporting document as editors write it. Its text is stored exactly as sent "
        + "(it must be Unicode NFC) and cannot change once a quote cites it: a corrected article is a new source.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceInput(
        @Schema(description = "Slug id; on POST, optional (derived from the language when absent).", example = "005_tehran_times")
        @Pattern(regexp = "[a-z0-9]+(?:[-_][a-z0-9]+)*", message = "must be a slug: lower-case letters, digits, '-' and '_'")
        @Size(max = 100) String id,
        @Schema(required = true, description = "BCP 47 tag, one of /api/v1/languages.", example = "en") @NotNull @Size(max = 35)
        String lang,
        @Schema(description = "Only when the text itself names its publisher.", example = "www.irna.ir") @Size(max = 300)
        String publisher,
        @Schema(description = "The document's headline, if it has one.", example = "The Leader holds talks with the Belarusian President")
        @Size(max = 1000) String headline,
        @Schema(description = "The date the document gives (ISO 8601).", example = "2023-03-13") LocalDate date,
        @Schema(description = "Editorial note: what the document names or lacks.") @Size(max = 2000) String note,
        @Schema(required = true, description = "The full text, exactly as received (Unicode NFC); at most 400,000 characters.",
                example = "This afternoon (Monday), the Leader of the Islamic Revolution met Alexander Lukashenko, the Belarusian "
                        + "President, and the accompanying delegation.") @NotBlank
        @Size(max = 400_000) @SafeText.AsPublished String text,
        @Schema(description = "Why this change is made; shown in the source's revisions.") @Size(max = 2000) String reason) {

    public static SourceInput of(Source source) {
        return new SourceInput(source.id, source.lang, source.publisher, source.headline, source.date, source.note,
                source.text, null);
    }
}
