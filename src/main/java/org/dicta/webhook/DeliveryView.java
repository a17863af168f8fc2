package org.dicta.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of a subscription as its owner sees it: what was sent and how the target answered. */
@Schema(name = "WebhookDelivery", description = "One webhook message to a subscription, and the outcome of its attempts.")
public record DeliveryView(
        @Schema(required = true, description = "Delivery id.", example = "812") long id,
        @Schema(required = true, description = "The `webhook-id` header of the message (the same in a replay).",
                example = "msg_5b0e4f0d9a6c4c2e8f1a3b7d9e2c4a61") String messageId,
        @Schema(required = true) EventType type,
        @Schema(required = true, description = "The quote it is about.", example = "khamenei-north-south-corridor") String quoteId,
        @Schema(required = true, description = "`pending` (not yet accepted: waiting for its turn or a retry), `delivered` "
                + "(a 2xx answer) or `failed` (given up after a day of attempts).", enumeration = {"pending", "delivered",
                "failed"}, example = "delivered") String status,
        @Schema(required = true, description = "Attempts made so far.", example = "3") int attempts,
        @Schema(required = true, description = "When it was made (RFC 3339).") OffsetDateTime createdAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When the last attempt was made (RFC 3339), or null.", example = "2026-11-22T18:30:02Z")
        OffsetDateTime lastAttemptAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When the next attempt is due (RFC 3339), while pending; else null.",
                example = "2026-11-22T18:30:07Z") OffsetDateTime nextAttemptAt,
        @Schema(required = true, nullable = true, description = "The HTTP status of the last answer, or null when there was "
                + "none (timeout, refused connection).", example = "200") Integer lastStatus,
        @Schema(required = true, nullable = true, description = "The start of the last answer's body (a few KB at most).",
                example = "ok") String lastResponse,
        @Schema(required = true, nullable = true, description = "Why the last attempt failed without an answer, or why its "
                + "answer counts as a failure.", example = "timed out after 10 s") String lastError,
        @Schema(required = true, nullable = true, description = "The delivery this one replays, or null.",
                example = "811") Long replayOf) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id, delivery.messageId, delivery.type, delivery.quoteId,
                delivery.status.name().toLowerCase(java.util.Locale.ROOT), delivery.attempts, delivery.createdAt,
                delivery.lastAttemptAt, delivery.status == Delivery.Status.PENDING ? delivery.nextAttemptAt : null,
                delivery.lastStatus, delivery.lastResponse, delivery.lastError, delivery.replayOf);
    }
}
