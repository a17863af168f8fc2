package org.dicta.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner sees it; with its secret only in the answer that creates or rotates it. */
@Schema(name = "Subscription", description = "A webhook subscription.")
public record SubscriptionView(
        @Schema(required = true, description = "Subscription id.", example = "sub_2b1f8c0e6a2d4e0b9d3c7a51f4e6b2c8") String id,
        @Schema(required = true, description = "Where webhooks are POSTed.", example = "https://newsroom.example/hooks/dicta")
        String url,
        @Schema(required = true) SubscriptionFilter filter,
        @Schema(required = true, description = "The changes sent.") List<EventType> events,
        @Schema(required = true, description = "Whether changes are being sent. A subscription whose delivery kept failing "
                + "for a day is disabled, with the reason; PUT it with `enabled: true` to resume.", example = "true")
        boolean enabled,
        @Schema(required = true, nullable = true, description = "Why it was disabled, or null.",
                example = "Delivery 812 failed for 24 hours (last answer: HTTP 503); re-enable the subscription once the "
                        + "target answers, and replay what it missed.") String disabledReason,
        @Schema(required = true, description = "Who owns it: the subject of the token that created it.", example = "newsroom-bot")
        String owner,
        @Schema(required = true, description = "When it was created (RFC 3339).") OffsetDateTime createdAt,
        @Schema(required = true, description = "When it was last changed (RFC 3339).") OffsetDateTime updatedAt,
        @Schema(description = "The signing secret (`whsec_` and base64): present only in the answer to the creation and to "
                + "a rotation, never again. Verify each webhook's `webhook-signature` with it (Standard Webhooks).",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionView of(Subscription subscription, SubscriptionFilter filter, String secret) {
        return new SubscriptionView(subscription.id, subscription.url, filter, Subscriptions.events(subscription),
                subscription.enabled, subscription.disabledReason, subscription.owner, subscription.createdAt,
                subscription.updatedAt, secret);
    }
}
