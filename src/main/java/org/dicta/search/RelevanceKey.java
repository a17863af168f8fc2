package org.dicta.search;

/**
 * The position of a quote in "most relevant first" order: its score and its id, carried in cursors as the score's
 * exact bits so that paging never repeats or skips a quote whose score equals another's.
 */
public record RelevanceKey(float score, String quoteId) {

    public static String format(float score, String quoteId) {
        return Integer.toHexString(Float.floatToIntBits(score)) + "|" + quoteId;
    }

    /**
     * @throws IllegalArgumentException when the key is malformed
     */
    public static RelevanceKey parse(String key) {
        int bar = key.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a relevance key: " + key);
        }
        try {
            return new RelevanceKey(Float.intBitsToFloat(Integer.parseUnsignedInt(key.substring(0, bar), 16)),
                    key.substring(bar + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a relevance key: " + key, e);
        }
    }

    /** Whether this key comes before a quote with the given score and id, i.e. that quote belongs to a later page. */
    public boolean isBefore(float otherScore, String otherQuoteId) {
        int byScore = Float.compare(otherScore, score);
        return byScore < 0 || (byScore == 0 && otherQuoteId.compareTo(quoteId) > 0);
    }
}
