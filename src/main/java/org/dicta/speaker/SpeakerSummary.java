package org.dicta.speaker;

import java.util.Map;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The short form of a speaker embedded in quotes and meetings. */
@Schema(name = "SpeakerSummary", description = "A speaker as embedded in quotes and meetings; the full record is at /api/v1/speakers/{id}.")
public record SpeakerSummary(
        @Schema(required = true, description = "Stable slug id.", example = "ali-khamenei") String id,
        @Schema(required = true, description = "Person or organization.", example = "person") SpeakerKind kind,
        @Schema(required = true, description = "Name by language tag; with `lang`, only the language served.",
                example = "{\"en\": \"Ali Khamenei\"}") Map<String, String> names) {

    public static SpeakerSummary from(Speaker speaker, LanguageChoice language) {
        return new SpeakerSummary(speaker.id, speaker.kind, language.pick(speaker.names()));
    }
}
