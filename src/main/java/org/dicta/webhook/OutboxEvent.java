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

/** One change of a quote in the outbox, written in the transaction that made it, until it is fanned out. */
@Entity
@Table(name = "webhook_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "quote_id", nullable = false)
    public String quoteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    public EventType type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** When it was fanned out into deliveries; null until then. */
    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;
}
