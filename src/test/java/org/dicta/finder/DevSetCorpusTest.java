package org.dicta.finder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dicta.meeting.Meeting;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteVariant;
import org.dicta.seed.Corpus;
import org.dicta.seed.CorpusLoader;
import org.dicta.source.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statement finder's development set (src/test/resources/finder/dev): real reports, annotated by hand. The loader
 * checks every reference, each file's SHA-256 and that every variant's text is in its source; this test holds the
 * set to the counts its README states.
 */
class DevSetCorpusTest {

    private static final Path DEV = Path.of("src/test/resources/finder/dev");

    private static Corpus corpus;

    @BeforeAll
    static void load() {
        corpus = CorpusLoader.load(DEV);
    }

    @Test
    void hasTheReportsTheReadmeLists() {
        Map<String, Long> perLanguage = corpus.sources().stream()
                .collect(Collectors.groupingBy(source -> source.lang, TreeMap::new, Collectors.counting()));
        assertThat(corpus.sources()).hasSize(17);
        assertThat(perLanguage).containsExactlyEntriesOf(new TreeMap<>(Map.of("ar", 4L, "en", 5L, "fa", 4L, "ur", 4L)));
        assertThat(corpus.sources().stream().map(source -> source.publisher).distinct()).hasSize(16);
    }

    @Test
    void hasTheMeetingsTheReadmeLists() {
        assertThat(corpus.meetings()).hasSize(9);
        Map<String, Set<String>> languages = corpus.meetings().stream().collect(Collectors.toMap(meeting -> meeting.id,
                meeting -> meeting.sources.stream().map(source -> source.lang).collect(Collectors.toSet())));
        assertThat(languages.values().stream().filter(langs -> langs.size() >= 2)).hasSize(4);
        assertThat(languages.get("2023-12-04-leader-receives-diaz-canel")).containsExactlyInAnyOrder("ar", "fa", "en", "ur");
        assertThat(languages.get("leader-receives-kadhimi")).containsExactlyInAnyOrder("ar", "fa", "en");
        assertThat(languages.get("2022-09-15-sharif-raisi-samarkand")).containsExactlyInAnyOrder("en", "ur");
        assertThat(languages.get("2019-04-06-leader-receives-abdul-mahdi")).containsExactlyInAnyOrder("ar", "en");
    }

    @Test
    void hasTheQuotesAndVariantsTheReadmeCounts() {
        assertThat(corpus.quotes()).hasSize(79);
        assertThat(corpus.variantCount()).isEqualTo(137);
        Map<QuoteMode, Long> modes = corpus.quotes().stream().flatMap(quote -> quote.variants.stream())
                .collect(Collectors.groupingBy(variant -> variant.mode, Collectors.counting()));
        assertThat(modes).containsEntry(QuoteMode.DIRECT, 50L).containsEntry(QuoteMode.INDIRECT, 87L);
        long crossLanguage = corpus.quotes().stream()
                .filter(quote -> quote.variants.stream().map(variant -> variant.source.lang).distinct().count() >= 2)
                .count();
        assertThat(crossLanguage).isEqualTo(26);
        assertThat(corpus.quotes().stream().map(quote -> quote.speaker.id).distinct()).hasSize(9);
    }

    @Test
    void everyVariantIsInItsMeetingsSourcesAndSpansItsText() {
        Map<String, Meeting> meetings = corpus.meetings().stream().collect(Collectors.toMap(meeting -> meeting.id, Function.identity()));
        for (Quote quote : corpus.quotes()) {
            assertThat(quote.topics).as(quote.id).isNotEmpty();
            Set<String> sources = meetings.get(quote.meeting.id).sources.stream().map(source -> source.id).collect(Collectors.toSet());
            for (QuoteVariant variant : quote.variants) {
                Source source = variant.source;
                assertThat(sources).as(quote.id).contains(source.id);
                assertThat(source.text.substring(variant.spanStart, variant.spanEnd)).as(quote.id).isEqualTo(variant.text);
            }
        }
    }
}
