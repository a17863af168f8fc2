package org.dicta.webhook;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhooks are dispatched, delivered, retried and kept (see docs/webhooks.md). */
@ConfigMapping(prefix = "dicta.webhooks")
public interface WebhookConfig {

    /** Whether this instance dispatches and delivers webhooks at all (subscriptions are kept either way). */
    @WithDefault("true")
    boolean enabled();

    /** How often the outbox is read and due deliveries are made when no change nudges it (also after each commit). */
    @WithDefault("1s")
    Duration pollInterval();

    /** The wait before the first retry; each further retry waits twice as long, with jitter, up to the cap. */
    @WithDefault("5s")
    Duration retryInitialDelay();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration retryMaxDelay();

    /** How long a delivery is retried after its first attempt before it is given up and its subscription disabled. */
    @WithDefault("1d")
    Duration giveUpAfter();

    /** How long one attempt may take, connection, answer and body together. */
    @WithDefault("10s")
    Duration timeout();

    /** How much of a target's answer is read (and kept, to show its owner); the rest is not read. */
    @WithDefault("4K")
    MemorySize maxResponseBytes();

    /**
     * Lifts the refusal of private, loopback, link-local and other non-public addresses, and allows plain http to such
     * addresses: for tests and a newsroom's intranet only.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Most subscriptions one owner may hold. */
    @WithDefault("25")
    int maxSubscriptionsPerOwner();

    /** Subscriptions delivered to at once by this instance (each in order, one delivery at a time). */
    @WithDefault("4")
    int concurrency();

    /** How long dispatched events are kept in the outbox. */
    @WithDefault("1d")
    Duration eventRetention();

    /** How long finished deliveries (delivered or given up) stay visible to their owner. */
    @WithDefault("30d")
    Duration deliveryRetention();
}
