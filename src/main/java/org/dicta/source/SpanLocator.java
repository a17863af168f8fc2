package org.dicta.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a quote variant's text lies in its source, in UTF-16 code units (the unit of Java's and JavaScript's
 * strings), and explains a failure precisely enough for an editor to fix it: how much matched, and the first
 * character that differs, named by its Unicode name (the seeds mix look-alike letters such as ي and ی).
 */
public final class SpanLocator {

    private SpanLocator() {
    }

    /** Where a text lies: [start, end) in UTF-16 code units. */
    public record Span(int start, int end) {
    }

    /** The text cannot be located; the message says why, without naming the field at fault. */
    public static class SpanException extends Exception {
        public SpanException(String message) {
            super(message);
        }
    }

    /**
     * Locates {@code text} in the source: at the given offsets when both are given (they must cover exactly the text),
     * else at its only occurrence.
     */
    public static Span locate(String text, Source source, Integer givenStart, Integer givenEnd) throws SpanException {
        String body = source.text;
        if (givenStart != null || givenEnd != null) {
            if (givenStart == null || givenEnd == null || givenStart < 0 || givenEnd <= givenStart || givenEnd > body.length()) {
                throw new SpanException("span must have 0 <= start < end <= " + body.length() + " (the length of source '"
                        + source.id + "' in UTF-16 code units)");
            }
            String covered = body.substring(givenStart, givenEnd);
            if (!covered.equals(text)) {
                throw new SpanException("span [" + givenStart + ", " + givenEnd + ") of source '" + source.id + "' covers «"
                        + abbreviate(covered) + "», not the variant's text «" + abbreviate(text) + "»");
            }
            return new Span(givenStart, givenEnd);
        }
        List<Integer> found = new ArrayList<>();
        for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
            found.add(at);
        }
        if (found.size() == 1) {
            return new Span(found.get(0), found.get(0) + text.length());
        }
        if (found.isEmpty()) {
            throw new SpanException("text «" + abbreviate(text) + "» is not in source '" + source.id + "'" + divergence(text, body));
        }
        throw new SpanException("text «" + abbreviate(text) + "» occurs " + found.size() + " times in source '" + source.id
                + "', at offsets " + found + "; give span: {start, end} to say which");
    }

    /** Explains a failed match: how much of the text matches, and the first character that differs. */
    private static String divergence(String text, String body) {
        int low = 0;
        int high = text.length();
        while (low < high) { // longest prefix of text found in body; "found" is monotone in the prefix length
            int mid = (low + high + 1) >>> 1;
            if (body.contains(text.substring(0, mid))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low == 0) {
            return "; not even its first character occurs there";
        }
        int at = body.indexOf(text.substring(0, low));
        int wanted = text.codePointAt(low);
        String found = at + low < body.length()
                ? "the source has " + describe(body.codePointAt(at + low))
                : "the source ends";
        return "; its first " + low + " code units match at offset " + at + ", then the given text has " + describe(wanted)
                + " where " + found;
    }

    private static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return "'" + new String(Character.toChars(codePoint)) + "' (U+" + String.format("%04X", codePoint)
                + (name == null ? "" : " " + name) + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
