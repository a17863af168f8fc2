package org.dicta.quote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The position of a quote in "most recently changed first" order: its last change (to the microsecond, as the
 * database keeps it) and its id. Cursors carry it as {@code 1678700000123456|quote-id}.
 */
public record ChangeKey(Instant changedAt, String quoteId) {

    public static String format(Instant changedAt, String quoteId) {
        Instant micros = changedAt.truncatedTo(ChronoUnit.MICROS);
        return ChronoUnit.MICROS.between(Instant.EPOCH, micros) + "|" + quoteId;
    }

    /**
     * @throws IllegalArgumentException when the key is malformed
     */
    public static ChangeKey parse(String key) {
        int bar = key.indexOf('|');
        if (bar <= 0 || bar == key.length() - 1) {
            throw new IllegalArgumentException("not a change key: " + key);
        }
        try {
            long micros = Long.parseLong(key.substring(0, bar));
            if (micros < 0 || micros > 253_402_300_799_999_999L) { // up to 9999-12-31T23:59:59.999999Z
                throw new IllegalArgumentException("time out of range in key: " + key);
            }
            return new ChangeKey(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), key.substring(bar + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a change key: " + key, e);
        }
    }
}
