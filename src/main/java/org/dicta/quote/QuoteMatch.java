package org.dicta.quote;

import java.util.List;
import java.util.Map;
import org.dicta.search.SearchQuery.Highlight;

/**
 * A quote as a list or a search found it: its position key in the list's order, the variants that met the filter,
 * and, for a full-text search, where the query matched in each of them.
 */
public record QuoteMatch(QuoteRecord quote, String key, List<QuoteRecord.Variant> variants,
        Map<Long, List<Highlight>> highlights) {

    /** A quote on its own, with all its variants. */
    public static QuoteMatch whole(QuoteRecord quote) {
        return new QuoteMatch(quote, null, quote.variants(), Map.of());
    }

    /** A quote as its entities hold it now, with all its variants (the answer to a write). */
    public static QuoteMatch whole(Quote quote) {
        return whole(QuoteRecord.of(quote));
    }
}
