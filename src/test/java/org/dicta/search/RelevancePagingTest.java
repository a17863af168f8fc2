package org.dicta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relevance pages collect only the top-scoring documents: on a corpus with far more matches than a page collects,
 * and large groups of equal scores, every page size walks the same order (score, then quote id), each quote once,
 * with all of its matching variants.
 */
class RelevancePagingTest {

    private static final int QUOTES = 600;

    private final SearchIndex index = new SearchIndex(InMemorySearch.config());
    private final Map<String, List<Long>> matching = new LinkedHashMap<>();
    private long nextVariant = 1;

    @BeforeEach
    void fill() {
        Map<String, List<IndexedVariant>> quotes = new LinkedHashMap<>();
        for (int q = 0; q < QUOTES; q++) {
            String id = String.format("q%04d", (q * 7919) % QUOTES); // ids not in the order documents are added
            List<IndexedVariant> variants = new ArrayList<>();
            // Five score groups of equal texts; a second variant, when there is one, says the word less often.
            variants.add(variant(id, "common words " + "partners ".repeat(q % 5 + 1) + "end"));
            if (q % 3 == 0) {
                variants.add(variant(id, "other words " + "partners ".repeat(Math.max(1, q % 5)) + "end"));
            }
            if (q % 4 == 0) {
                variants.add(variant(id, "nothing to find here"));
            }
            quotes.put(id, variants);
            matching.put(id, variants.stream().filter(v -> v.text().contains("partners")).map(IndexedVariant::variantId).toList());
        }
        index.replaceQuotes(quotes, Instant.now());
    }

    @AfterEach
    void close() throws Exception {
        index.close(null);
    }

    @Test
    void everyPageSizeWalksTheSameOrderOfScoreThenId() {
        SearchQuery query = SearchQuery.parse("partners");
        List<SearchHit> all = index.searchByRelevance(query, InMemorySearch.language(null), null, QUOTES * 2);

        assertThat(all).hasSize(QUOTES);
        assertThat(all).isSortedAccordingTo(Comparator
                .comparing((SearchHit hit) -> -RelevanceKey.parse(hit.key()).score())
                .thenComparing(SearchHit::quoteId));
        for (SearchHit hit : all) {
            assertThat(hit.variantIds()).as(hit.quoteId()).containsExactlyInAnyOrderElementsOf(matching.get(hit.quoteId()));
        }
        List<String> order = all.stream().map(SearchHit::quoteId).toList();
        for (int limit : new int[] {1, 7, 20, 100}) {
            assertThat(paged(query, limit)).as("limit %d", limit).isEqualTo(order);
        }
    }

    private List<String> paged(SearchQuery query, int limit) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            List<SearchHit> page = index.searchByRelevance(query, InMemorySearch.language(null), after, limit);
            page.forEach(hit -> ids.add(hit.quoteId()));
            if (page.size() < limit) {
                return ids;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    private IndexedVariant variant(String quote, String text) {
        return new IndexedVariant(nextVariant++, quote, "speaker", "meeting", "en", "direct", List.of(),
                LocalDate.of(2023, 3, 13), Instant.parse("2023-03-13T12:00:00Z"), false, text);
    }
}
