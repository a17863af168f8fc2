package org.dicta.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A webhook subscription: where to send which changes of which quotes, signed with which secret, for whom. The lease
 * says which instance is delivering to it now, so that two never deliver the same attempt.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {

    @Id
    public String id;

    /** The subject of the token that created it. */
    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String url;

    /** The filter as JSON ({@link SubscriptionFilter}). */
    @Column(name = "filter_json", nullable = false)
    public String filter;

    /** The event types, comma-separated ({@code quote.created,quote.updated}). */
    @Column(nullable = false)
    public String events;

    /** {@code whsec_} and the base64 of the signing key. */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
}
