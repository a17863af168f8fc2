package org.dicta.finder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dicta.quote.QuoteMode;
import org.dicta.seed.Corpus;
import org.dicta.seed.CorpusLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The finder's reading of single texts, against the seed catalogue: the contract on hard input (quotations that
 * run past their sentence or nest, a sentence without stops, a text without words) and the readings the docs promise.
 */
class StatementFinderTest {

    private static StatementFinder finder;

    @BeforeAll
    static void catalogue() {
        Corpus corpus = CorpusLoader.load(Path.of("seeds"));
        finder = new StatementFinder(Catalogue.of(corpus.speakers(), corpus.topics()));
    }

    private static List<Candidate> read(String lang, String text) {
        List<Candidate> items = finder.analyse(null, lang, text, List.of("ali-khamenei", "alexander-lukashenko")).items();
        for (int i = 0; i < items.size(); i++) {
            Candidate candidate = items.get(i);
            assertThat(candidate.text()).isEqualTo(text.substring(candidate.start(), candidate.end()));
            if (i > 0) {
                assertThat(candidate.start()).as("candidate %d starts after %d ends", i, i - 1).isGreaterThanOrEqualTo(items.get(i - 1).end());
            }
        }
        return items;
    }

    @Test
    void quotationsThatRunPastTheirSentenceOrNestGiveNoOverlappingCandidates() {
        read("fa", "رهبر انقلاب گفتند: «ما آماده‌ایم. همکاری با بلاروس را مهم می‌دانیم» و توسعه روابط دو کشور را ضروری دانستند.");
        read("ar", "وقال لوكاشينكو إن «المحادثات كانت جيدة جدا لنا جميعا»، أضاف سماحته.");
        List<Candidate> nested = read("en", "The text read: no. “The people of both nations have said \"we will never accept these "
                + "unjust sanctions\" and they are right.”");
        assertThat(nested).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aSentenceWithoutStopsAndATextWithoutWordsAreRead() {
        String endless = "Khamenei met Lukashenko and said that ties were good, ".repeat(800);
        assertThat(read("en", endless)).isNotEmpty();
        assertThat(read("ar", "… «» !!! 🙂 ؟")).isEmpty();
        assertThat(read("ur", "")).isEmpty();
    }

    @Test
    void readsTheSpeakerTheModeAndTheCueInEachScript() {
        Candidate persian = read("fa", "ایشان افزودند: ما معتقدیم این کار شدنی است.").get(0);
        assertThat(persian.text()).isEqualTo("ما معتقدیم این کار شدنی است");
        assertThat(persian.mode()).isEqualTo(QuoteMode.DIRECT);
        assertThat(persian.speaker().id()).isEqualTo("ali-khamenei");
        assertThat(persian.cue().text()).isEqualTo("افزودند:");

        Candidate arabic = read("ar", "وأكد الرئيس البيلاروسي أن العقوبات فرصة للبلدين.").get(0);
        assertThat(arabic.text()).isEqualTo("العقوبات فرصة للبلدين");
        assertThat(arabic.mode()).isEqualTo(QuoteMode.INDIRECT);
        assertThat(arabic.speaker().id()).isEqualTo("alexander-lukashenko");

        Candidate urdu = read("ur", "رہبر انقلاب اسلامی نے زور دے کر کہا کہ ہمارا ماننا ہے کہ یہ کام ممکن ہے۔").get(0);
        assertThat(urdu.mode()).isEqualTo(QuoteMode.DIRECT);
        assertThat(urdu.speaker().mention().text()).isEqualTo("رہبر انقلاب اسلامی");

        List<Candidate> english = read("en", "The Leader met the Belarusian President. He said that the corridor would benefit "
                + "both countries. \"Agreements must not remain on paper,\" Ayatollah Khamenei added.");
        assertThat(english).extracting(Candidate::text)
                .containsExactly("the corridor would benefit both countries", "Agreements must not remain on paper");
        assertThat(english).extracting(candidate -> candidate.speaker().id()).containsOnly("ali-khamenei");
        assertThat(english.get(1).mode()).isEqualTo(QuoteMode.DIRECT);
    }

    @Test
    void aPersonTheCatalogueLacksIsNamedAsWrittenAndPronounsReferToThem() {
        List<Candidate> items = read("en", "Foreign Minister Sergei Lavrov said that Russia would stand by Iran. "
                + "He added that talks would continue.");
        assertThat(items).hasSize(2).allSatisfy(candidate -> {
            assertThat(candidate.speaker().id()).isNull();
            assertThat(candidate.speaker().name()).isEqualTo("Foreign Minister Sergei Lavrov");
        });
        ReportCandidates report = finder.analyse(null, "en", "Foreign Minister Sergei Lavrov said that Russia would stand "
                + "by Iran.", List.of());
        assertThat(report.speakers()).anySatisfy(tally -> {
            assertThat(tally.id()).isNull();
            assertThat(tally.name()).isEqualTo("Foreign Minister Sergei Lavrov");
        });
    }
}
