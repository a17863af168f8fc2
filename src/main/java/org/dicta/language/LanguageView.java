package org.dicta.language;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supported language as the API shows it. */
@Schema(name = "Language", description = "A language Dicta publishes quotes in.")
public record LanguageView(
        @Schema(required = true, description = "BCP 47 language tag.", example = "ur") String code,
        @Schema(required = true, description = "The language's name in English.", example = "Urdu") String englishName,
        @Schema(required = true, description = "The language's name in itself.", example = "اردو") String nativeName,
        @Schema(required = true, description = "Direction of the language's script.", example = "rtl") TextDirection direction) {

    public static LanguageView from(Language language) {
        return new LanguageView(language.code, language.englishName, language.nativeName, language.direction);
    }
}
