package org.dicta.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The position of a quote in "newest first" order: its meeting date (or {@link #UNDATED}) and its id. Cursors carry
 * it as {@code 2023-03-13|quote-id}; SQL listing and search use the same form.
 */
public record DateKey(LocalDate date, String quoteId) {

    /** The date that sorts undated statements after every dated one in "newest first" order. */
    public static final LocalDate UNDATED = LocalDate.of(1, 1, 1);

    public static String format(LocalDate date, String quoteId) {
        return date + "|" + quoteId;
    }

    /**
     * @throws IllegalArgumentException when the key is malformed
     */
    public static DateKey parse(String key) {
        int bar = key.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a date key: " + key);
        }
        try {
            LocalDate date = LocalDate.parse(key.substring(0, bar));
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new IllegalArgumentException("date out of range in key: " + key);
            }
            return new DateKey(date, key.substring(bar + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date key: " + key, e);
        }
    }
}
