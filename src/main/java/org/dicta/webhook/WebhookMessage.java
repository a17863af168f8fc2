package org.dicta.webhook;

import java.time.OffsetDateTime;
import org.dicta.quote.QuoteView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a webhook: what happened, when, and the quote as the API shows it. */
@Schema(name = "WebhookEvent", description = "The body POSTed to a subscription's URL for each matching change, signed "
        + "as Standard Webhooks says (headers webhook-id, webhook-timestamp, webhook-signature).")
public record WebhookMessage(
        @Schema(required = true) EventType type,
        @Schema(required = true, description = "When the change was made (RFC 3339).", example = "2026-11-22T18:30:00Z")
        OffsetDateTime timestamp,
        @Schema(required = true) Data data) {

    /** What the message is about. */
    @Schema(name = "WebhookEventData", description = "What the change is about.")
    public record Data(
            @Schema(required = true, description = "The quote as GET /api/v1/quotes with the subscription's filter shows it "
                    + "(the variants that meet it); a retracted quote with its `retraction`.") QuoteView quote) {
    }
}
