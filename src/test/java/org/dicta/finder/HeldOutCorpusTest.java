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
 * The statement finder's held-out set (src/test/resources/finder/heldout): real reports, annotated by hand from the
 * reports alone, used only to measure the finder, never to tune it. The loader checks every reference, each file's
 * SHA-256 and that every variant's text is in its source; this test holds the set to the counts its README states.
 */
class HeldOutCorpusTest {

    private static final Path HELD_OUT = Path.of("src/test/resources/finder/heldout");

    private static Corpus corpus;

    @BeforeAll
    static void load() {
        corpus = CorpusLoader.load(HELD_OUT);
    }

    @Test
    void hasTheReportsTheReadmeLists() {
        Map<String, Long> perLanguage = corpus.sources().stream()
                .collect(Collectors.groupingBy(source -> source.lang, TreeMap::new, Collectors.counting()));
        assertThat(corpus.sources()).hasSize(9);
        assertThat(perLanguage).containsExactlyEntriesOf(new TreeMap<>(Map.of("ar", 3L, "en", 2L, "fa", 2L, "ur", 2L)));
        assertThat(corpus.sources().stream().map(source -> source.publisher).distinct()).hasSize(9);
    }

    @Test
    void hasTheMeetingsTheReadmeLists() {
        assertThat(corpus.meetings()).hasSize(4);
        Map<String, Set<String>> languages = corpus.meetings().stream().collect(Collectors.toMap(meeting -> meeting.id,
                meeting -> meeting.sources.stream().map(source -> source.lang).collect(Collectors.toSet())));
        assertThat(languages.values().stream().filter(langs -> langs.size() >= 2)).hasSize(2);
        assertThat(languages.get("2022-05-08-leader-receives-assad")).containsExactlyInAnyOrder("ar", "en", "fa");
        assertThat(languages.get("2025-08-03-pezeshkian-sharif-islamabad-press-conference"))
                .containsExactlyInAnyOrder("ar", "en", "ur");
        assertThat(languages.get("dar-fidan-islamabad-press-conference")).containsExactly("ur");
        assertThat(languages.get("baghaei-weekly-press-conference-8-dey")).containsExactly("fa");
    }

    @Test
    void hasTheQuotesAndVariantsTheReadmeCounts() {
        assertThat(corpus.quotes()).hasSize(60);
        assertThat(corpus.variantCount()).isEqualTo(81);
        Map<QuoteMode, Long> modes = corpus.quotes().stream().flatMap(quote -> quote.variants.stream())
                .collect(Collectors.groupingBy(variant -> variant.mode, Collectors.counting()));
        assertThat(modes).containsEntry(QuoteMode.DIRECT, 41L).containsEntry(QuoteMode.INDIRECT, 40L);
        long crossLanguage = corpus.quotes().stream()
                .filter(quote -> quote.variants.stream().map(variant -> variant.source.lang).distinct().count() >= 2)
                .count();
        assertThat(crossLanguage).isEqualTo(10);
        assertThat(corpus.quotes().stream().map(quote -> quote.speaker.id).distinct()).hasSize(7);
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
