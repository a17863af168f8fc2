package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A database of its own for the webhook tests, whose receivers run on loopback: private addresses allowed, and
 * retries and polls quick, so that a failing receiver is retried, and given up on, within the test.
 */
public class WebhookProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dicta.test.database", "webhooks",
                "dicta.webhooks.allow-private-addresses", "true",
                "dicta.webhooks.retry-initial-delay", "100ms",
                "dicta.webhooks.retry-max-delay", "1s",
                "dicta.webhooks.give-up-after", "6s",
                "dicta.webhooks.timeout", "5s");
    }
}
