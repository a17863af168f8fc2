package org.dicta.quote;

import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.dicta.history.RevisionAction;

/**
 * Fired inside the transaction that created, changed or retracted a quote; observers act once it commits, or write
 * what must commit with the change (the change feed, webhooks' outbox).
 *
 * @param kind what happened to the quote, as the outside world sees it
 */
public record QuoteChanged(String quoteId, Kind kind) {

    /** What a change did to a quote. */
    public enum Kind {
        CREATED, UPDATED, RETRACTED;

        /** The kind of a change recorded as this revision action. */
        public static Kind of(RevisionAction action) {
            return switch (action) {
                case CREATE -> CREATED;
                case UPDATE -> UPDATED;
                case RETRACT -> RETRACTED;
            };
        }
    }

    /**
     * Quotes that show something that changed (their speaker's names, their meeting, a source they cite, a topic's
     * labels): each is updated now, for clients that sync, and announced as updated, for the index, the change feed and
     * webhooks.
     */
    public static void touch(Collection<Quote> quotes, Event<QuoteChanged> events) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Quote quote : quotes) {
            quote.updatedAt = now;
            events.fire(new QuoteChanged(quote.id, Kind.UPDATED));
        }
    }
}
