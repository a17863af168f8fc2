package org.dicta.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.dicta.quote.QuoteChanged;

/**
 * Writes each change of a quote to the outbox in the transaction that makes it, so that the webhook exists exactly
 * when the change does. The start-up import writes quotes directly and announces none: it leaves no events.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final EntityManager em;

    WebhookOutbox(EntityManager em) {
        this.em = em;
    }

    void record(@Observes QuoteChanged change) {
        OutboxEvent event = new OutboxEvent();
        event.quoteId = change.quoteId();
        event.type = EventType.of(change.kind());
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(event);
    }
}
