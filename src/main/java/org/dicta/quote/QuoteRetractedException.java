package org.dicta.quote;

import org.dicta.domain.DomainException;

/** The quote was retracted: it is kept, with its history, but no longer served or edited. */
public class QuoteRetractedException extends DomainException {

    public QuoteRetractedException(Quote quote) {
        this(quote.id, quote.retractedAt, quote.retractionReason);
    }

    public QuoteRetractedException(QuoteRecord quote) {
        this(quote.id(), quote.retractedAt(), quote.retractionReason());
    }

    private QuoteRetractedException(String id, java.time.OffsetDateTime at, String reason) {
        super(Kind.GONE, "retracted", "Quote retracted", "This quote was retracted on " + at.toLocalDate()
                + ": " + reason + " Its history is at " + historyOf(id) + ".", null, null, historyOf(id));
    }

    private static String historyOf(String id) {
        return "/api/v1/quotes/" + id + "/revisions";
    }
}
