package org.dicta.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the index holds of one quote variant: its text and the fields quote lists filter and sort by. */
public record IndexedVariant(long variantId, String quoteId, String speakerId, String meetingId, String lang, String mode,
        List<String> topics, LocalDate sortDate, Instant updatedAt, boolean retracted, String text) {
}
