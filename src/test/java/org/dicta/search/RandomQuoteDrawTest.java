package org.dicta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Random quotes are drawn from the index uniformly over quotes, however many variants each has. */
class RandomQuoteDrawTest {

    private final SearchIndex index = new SearchIndex(InMemorySearch.config());
    private long nextVariant = 1;

    @AfterEach
    void close() throws Exception {
        index.close(null);
    }

    @Test
    void drawsEveryQuoteEquallyOftenWhateverItsNumberOfVariants() {
        Map<String, List<IndexedVariant>> quotes = new HashMap<>();
        // q0..q9 have one variant, q10..q19 four: drawing variants would pick the latter four times as often.
        for (int q = 0; q < 20; q++) {
            List<String> langs = q < 10 ? List.of("ar") : List.of("ar", "fa", "en", "ur");
            String id = "q" + q;
            quotes.put(id, langs.stream().map(lang -> variant(id, lang, false)).toList());
        }
        index.replaceQuotes(quotes, java.time.Instant.now());

        Map<String, Integer> counts = draw(InMemorySearch.language(null), 20_000);

        assertThat(counts).hasSize(20);
        // 1 000 expected each; 5 standard deviations is about 150.
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @Test
    void drawsOnlyAmongMatchesAndIsUniformForSelectiveFilters() {
        Map<String, List<IndexedVariant>> quotes = new HashMap<>();
        for (int q = 0; q < 3_000; q++) {
            // Only q0..q2 have an Urdu variant: the draws find none by chance, and the matches are listed instead.
            String lang = q < 3 ? "ur" : "ar";
            quotes.put("q" + q, List.of(variant("q" + q, lang, false), variant("q" + q, "en", false)));
        }
        quotes.put("retracted", List.of(variant("retracted", "ur", true)));
        index.replaceQuotes(quotes, java.time.Instant.now());

        Map<String, Integer> counts = draw(InMemorySearch.language("ur"), 900);

        assertThat(counts).containsOnlyKeys("q0", "q1", "q2");
        // 300 expected each; 5 standard deviations is about 70.
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(230, 370));
        assertThat(index.randomQuote(InMemorySearch.language("ps"), new SplittableRandom(1))).isEmpty();
    }

    @Test
    void skipsDeletedDocuments() {
        index.replaceQuotes(Map.of("a", List.of(variant("a", "ar", false)), "b", List.of(variant("b", "ar", false))), java.time.Instant.now());
        index.replaceQuotes(Map.of("b", List.of()), java.time.Instant.now());

        assertThat(draw(InMemorySearch.language(null), 200)).containsOnlyKeys("a");
    }

    private Map<String, Integer> draw(SearchFilter filter, int times) {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < times; i++) {
            Optional<String> quote = index.randomQuote(filter, random);
            assertThat(quote).isPresent();
            counts.merge(quote.get(), 1, Integer::sum);
        }
        return counts;
    }

    private IndexedVariant variant(String quote, String lang, boolean retracted) {
        return new IndexedVariant(nextVariant++, quote, "speaker", "meeting", lang, "direct", new ArrayList<>(),
                LocalDate.of(2023, 3, 13), Instant.parse("2023-03-13T12:00:00Z"), retracted, "text");
    }
}
