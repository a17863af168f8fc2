package org.dicta.quote;

import org.dicta.domain.DomainException;

/** The quote was retracted: it is kept, with its history, but no longer served or edited. */
public class QuoteRetractedException extends DomainException {

    public QuoteRetractedException(Quote quote) {
        super(Kind.GONE, "retracted", "Quote retracted", "This quote was retracted on " + quote.retractedAt.toLocalDate()
                + ": " + quote.retractionReason + " Its history is at " + historyOf(quote) + ".", null, null, historyOf(quote));
    }

    private static String historyOf(Quote quote) {
        return "/api/v1/quotes/" + quote.id + "/revisions";
    }
}
