package org.dicta.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to subscribe, or to change a subscription. */
@Schema(name = "SubscriptionInput", description = "Where to send which changes of which quotes.")
public record SubscriptionInput(
        @Schema(required = true, description = "Where each webhook is POSTed: https, on a public address (checked now and "
                + "before each delivery, after DNS resolution); no user name or password in it. Redirects are not followed.",
                example = "https://newsroom.example/hooks/dicta", maxLength = SubscriptionInput.MAX_URL)
        @NotBlank(message = "is required") @Size(max = SubscriptionInput.MAX_URL, message = "is longer than {max} characters")
        String url,
        @Schema(description = "Which quotes; omitted: all of them.") @Valid SubscriptionFilter filter,
        @Schema(description = "Which changes; omitted: all three.", example = "[\"quote.created\", \"quote.updated\"]")
        @Size(min = 1, max = 3, message = "must name 1 to 3 event types") List<EventType> events,
        @Schema(description = "`false` pauses deliveries (changes made meanwhile are not sent later); `true` (the default) "
                + "resumes a subscription, also one disabled after failed deliveries.", example = "true") Boolean enabled) {

    /** Longest URL accepted. */
    static final int MAX_URL = 2000;
}
