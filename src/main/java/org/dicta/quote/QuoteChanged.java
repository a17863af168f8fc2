package org.dicta.quote;

/** Fired inside the transaction that created, changed or retracted a quote; observers act once it commits. */
public record QuoteChanged(String quoteId) {
}
