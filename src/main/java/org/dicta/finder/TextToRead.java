package org.dicta.finder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dicta.web.SafeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report an editor has not stored yet, to be read by the finder. */
@Schema(name = "TextToRead", description = "A report that is not stored yet, to be read for statements. Nothing is stored.")
public record TextToRead(
        @Schema(required = true, description = "The report's language: one the finder reads.", enumeration = {"ar", "fa", "en", "ur"},
                example = "ur") @NotNull @Size(max = 35) String lang,
        @Schema(required = true, description = "The report's text, exactly as it will be stored; at most 400,000 characters.",
                example = "انھوں نے کہا کہ یہ کوریڈور دونوں ملکوں کے مفاد میں ہے۔") @NotBlank @Size(max = 400_000)
        @SafeText.AsPublished String text,
        @Schema(description = "The meeting the report is about, if known: its participants break ties between speakers.",
                example = "2023-03-13-leader-receives-lukashenko")
        @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(?:[-_][a-z0-9]+)*", message = "must be a slug: lower-case letters, digits, '-' and '_'")
        String meeting) {
}
