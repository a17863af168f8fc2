package org.dicta.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One message to one subscription, with its signed body fixed when it was made, and the outcome of its attempts. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    /** Also the order of a subscription's deliveries. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;

    /** The {@code webhook-id} header: the same for every attempt and replay of the message. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    public EventType type;

    @Column(name = "quote_id", nullable = false)
    public String quoteId;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "first_attempt_at")
    public OffsetDateTime firstAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_response")
    public String lastResponse;

    @Column(name = "last_error")
    public String lastError;

    /** The delivery this one replays, if any. */
    @Column(name = "replay_of")
    public Long replayOf;
}
