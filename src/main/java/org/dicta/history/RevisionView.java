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
                example = "The English report says European where the others say Western: note added.") String reason,
        @Schema(required = true, description = "When (RFC 3339).", example = "2026-11-22T18:30:00Z") OffsetDateTime at,
        @Schema(required = true, nullable = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "The editable state before the change (as accepted by PUT); null for a creation.")
        JsonNode before,
        @Schema(required = true, type = SchemaType.OBJECT, implementation = Object.class,
                description = "The editable state after the change.") JsonNode after) {

    public static RevisionView from(Revision revision, ObjectMapper json) {
        try {
            return new RevisionView(revision.version, revision.action, revision.editor, revision.reason, revision.changedAt,
                    revision.beforeState == null ? null : json.readTree(revision.beforeState), json.readTree(revision.afterState));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("A stored revision is not JSON", e);
        }
    }
}
