package org.dicta.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revision as the public history shows it. */
@Schema(name = "Revision", description = "One change to a resource: who made it, when, why, and its editable state before and after.")
public record RevisionView(
        @Schema(required = true, description = "The resource's version once the change was made; its ETag is this number in quotes.",
                example = "2") long version,
        @Schema(required = true, description = "What the change did.", example = "update") RevisionAction action,
        @Schema(required = true, description = "Who made it: the subject of the editor's token.", example = "newsdesk-editor")
        String editor,
        @Schema(required = true, nullable = true, description = "Why, as the editor gave it.",
                example = "The English report says \"remain on paper\" where the others say meetings: note added.") String reason,
        @Schema(required = true, description = "When (RFC 3339).", example = "2026-11-22T18:30:00Z") OffsetDateTime at,
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "The editable state before the change (as accepted by PUT); null for a creation.",
                example = BEFORE_EXAMPLE) JsonNode before,
        @Schema(required = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "The editable state after the change.", example = AFTER_EXAMPLE) JsonNode after) {

    private static final String STATE_EXAMPLE = "{\"id\": \"khamenei-agreements-must-be-implemented\", \"speaker\": \"ali-khamenei\", "
            + "\"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"topics\": [\"implementation-of-agreements\"], "
            + "\"variants\": [{\"source\": \"002_fcbcff514eaca929\", \"lang\": \"en\", \"mode\": \"direct\", "
            + "\"text\": \"agreements should not remain on paper. Rather they should be pursued and implemented within a specific "
            + "time frame.\", \"span\": {\"start\": 1955, \"end\": 2069}, \"note\": ";
    static final String BEFORE_EXAMPLE = STATE_EXAMPLE + "null}]}";
    static final String AFTER_EXAMPLE = STATE_EXAMPLE + "\"Says agreements should not \\\"remain on paper\\\" where the other "
            + "reports say they should not end in meetings.\"}]}";

    public static RevisionView from(Revision revision, ObjectMapper json) {
        try {
            return new RevisionView(revision.version, revision.action, revision.editor, revision.reason, revision.changedAt,
                    revision.beforeState == null ? null : json.readTree(revision.beforeState), json.readTree(revision.afterState));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("A stored revision is not JSON", e);
        }
    }
}
