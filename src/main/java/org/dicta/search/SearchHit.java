package org.dicta.search;

import java.util.List;

/** A quote that matched a search: its page key and the ids of its variants that matched, best first. */
public record SearchHit(String quoteId, String key, List<Long> variantIds) {
}
