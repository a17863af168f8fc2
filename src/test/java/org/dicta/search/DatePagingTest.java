package org.dicta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date pages on an index kept in date order: with far more matches than a page, documents added in no particular
 * order and over several segments, every page size walks the same order (newest meeting, then quote id), each quote
 * once with all of its matching variants; and an index written in another order is started afresh, not refused.
 */
class DatePagingTest {

    private static final int QUOTES = 900;

    @TempDir
    Path dir;

    private long nextVariant = 1;

    @Test
    void everyPageSizeWalksTheSameOrderOfDateThenId() throws Exception {
        SearchIndex index = new SearchIndex(InMemorySearch.config());
        Map<String, List<Long>> matching = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        // Three writes, three segments; days repeat, so many quotes share a date and the id decides.
        for (int part = 0; part < 3; part++) {
            Map<String, List<IndexedVariant>> quotes = new LinkedHashMap<>();
            for (int q = part; q < QUOTES; q += 3) {
                String id = String.format("q%04d", (q * 7919) % QUOTES);
                LocalDate date = LocalDate.of(2020, 1, 1).plusDays((q * 31L) % 40);
                List<IndexedVariant> variants = new ArrayList<>();
                variants.add(variant(id, date, "partners in trade"));
                if (q % 3 == 0) {
                    variants.add(variant(id, date, "the partners agreed"));
                }
                if (q % 4 == 0) {
                    variants.add(variant(id, date, "nothing to find here"));
                }
                quotes.put(id, variants);
                dates.put(id, date);
                matching.put(id, variants.stream().filter(v -> v.text().contains("partners")).map(IndexedVariant::variantId).toList());
            }
            index.replaceQuotes(quotes, Instant.now());
        }
        SearchQuery query = SearchQuery.parse("partners");
        try {
            List<SearchHit> all = index.searchByDate(query, InMemorySearch.language(null), null, QUOTES * 2);

            assertThat(all).hasSize(QUOTES);
            assertThat(all).isSortedAccordingTo(Comparator
                    .comparing((SearchHit hit) -> dates.get(hit.quoteId()), Comparator.reverseOrder())
                    .thenComparing(SearchHit::quoteId));
            for (SearchHit hit : all) {
                assertThat(hit.variantIds()).as(hit.quoteId()).containsExactlyInAnyOrderElementsOf(matching.get(hit.quoteId()));
            }
            List<String> order = all.stream().map(SearchHit::quoteId).toList();
            for (int limit : new int[] {1, 7, 20, 100}) {
                assertThat(paged(index, query, limit)).as("limit %d", limit).isEqualTo(order);
            }
        } finally {
            index.close(null);
        }
    }

    @Test
    void anIndexWrittenInAnotherOrderIsStartedAfresh() throws Exception {
        Path indexDir = dir.resolve("index");
        try (FSDirectory directory = FSDirectory.open(indexDir);
                IndexWriter unsorted = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("quote", "q-old", Field.Store.NO));
            unsorted.addDocument(doc);
            unsorted.setLiveCommitData(Map.of("dicta.read-at", Instant.EPOCH.toString()).entrySet());
            unsorted.commit();
        }

        SearchIndex index = new SearchIndex(InMemorySearch.onDisk(indexDir));
        try {
            assertThat(index.readAt()).as("nothing of the old index is kept: the start-up check rebuilds it").isEmpty();
            assertThat(index.searchByDate(SearchQuery.parse("anything"), InMemorySearch.language(null), null, 10)).isEmpty();
            index.replaceQuotes(Map.of("q1", List.of(variant("q1", LocalDate.of(2023, 3, 13), "partners"))), Instant.now());
            assertThat(index.searchByDate(SearchQuery.parse("partners"), InMemorySearch.language(null), null, 10))
                    .extracting(SearchHit::quoteId).containsExactly("q1");
        } finally {
            index.close(null);
        }
        assertThat(Files.list(indexDir)).isNotEmpty();
    }

    private static List<String> paged(SearchIndex index, SearchQuery query, int limit) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            List<SearchHit> page = index.searchByDate(query, InMemorySearch.language(null), after, limit);
            page.forEach(hit -> ids.add(hit.quoteId()));
            if (page.size() < limit) {
                return ids;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    private IndexedVariant variant(String quote, LocalDate date, String text) {
        return new IndexedVariant(nextVariant++, quote, "speaker", "meeting", "en", "direct", List.of(), date,
                Instant.parse("2023-03-13T12:00:00Z"), false, text);
    }
}
