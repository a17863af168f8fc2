package org.dicta.quote;

import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** Fired inside the transaction that created, changed or retracted a quote; observers act once it commits. */
public record QuoteChanged(String quoteId) {

    /**
     * Quotes that show something that changed (their speaker's names, their meeting, a source they cite, a topic's
     * labels): each is updated now, for clients that sync, and announced, for the index and the change feed.
     */
    public static void touch(Collection<Quote> quotes, Event<QuoteChanged> events) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Quote quote : quotes) {
            quote.updatedAt = now;
            events.fire(new QuoteChanged(quote.id));
        }
    }
}
