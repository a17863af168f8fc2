package org.dicta.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A filter checked on one quote in memory (what webhooks use) finds exactly what the list finds, variants included:
 * full-text queries in Persian, Arabic, Urdu and English, phrases, and the variant-level criteria with them.
 */
@QuarkusTest
class QuoteFilterMatchTest {

    @Inject
    QuoteService quotes;

    private static QuoteFilter filter(String lang, String mode, String q) {
        return QuoteFilter.of(List.of(), null, List.of(), lang, mode, null, null, q);
    }

    @Test
    void agreesWithTheListOnEverySeedQuote() {
        List<QuoteFilter> filters = List.of(
                filter(null, null, "تحریم"),            // Persian
                filter(null, null, "تحریم‌ها"),          // Persian, with a zero-width non-joiner
                filter(null, null, "العقوبات"),          // Arabic
                filter(null, null, "پابندیوں"),          // Urdu
                filter(null, null, "sanctions"),
                filter(null, null, "\"North-South corridor\""),
                filter(null, null, "«خامنه ای»"),
                filter("fa", null, "بلاروس"),
                filter("ar", "direct", "بيلاروس"),
                filter(null, "indirect", "Belarus Iran"),
                filter("en", null, null),
                filter(null, "direct", null));
        List<String> every = quotes.list(QuoteFilter.none(), null, 1000).stream().map(m -> m.quote().id()).toList();
        assertThat(every).hasSizeGreaterThan(20);
        int found = 0;
        for (QuoteFilter filter : filters) {
            Map<String, List<Long>> listed = quotes.list(filter, null, 1000).stream().collect(Collectors.toMap(
                    match -> match.quote().id(), match -> variantIds(match), (x, y) -> x, TreeMap::new));
            Map<String, List<Long>> matched = new TreeMap<>();
            for (String id : every) {
                filter.match(quotes.find(id).orElseThrow()).ifPresent(match -> matched.put(id, variantIds(match)));
            }
            String query = filter.query() == null ? "" : filter.query().text();
            assertThat(matched).as(query + " lang=" + filter.lang() + " mode=" + filter.mode()).isEqualTo(listed);
            found += listed.size();
        }
        assertThat(found).as("the queries find something").isGreaterThan(30);
    }

    private static List<Long> variantIds(QuoteMatch match) {
        return match.variants().stream().map(QuoteRecord.Variant::id).sorted().toList();
    }
}
