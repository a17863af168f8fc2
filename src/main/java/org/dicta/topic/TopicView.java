package org.dicta.topic;

import java.util.Map;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic as the API shows it. */
@Schema(name = "Topic", description = "A subject quotes are tagged with.")
public record TopicView(
        @Schema(required = true, description = "Stable slug id, the value of the `topic` filter.", example = "implementation-of-agreements") String id,
        @Schema(required = true, description = "Label by language tag; with a language selected, only the language served.",
                example = "{\"en\": \"implementation of agreements\"}") Map<String, String> labels) {

    public static TopicView from(Topic topic, LanguageChoice language) {
        return new TopicView(topic.id, language.pick(topic.labels));
    }
}
