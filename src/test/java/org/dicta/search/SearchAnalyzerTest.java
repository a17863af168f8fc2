package org.dicta.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each normalisation rule, on words as the seed documents write them and as a journalist might type them. */
class SearchAnalyzerTest {

    private static void sameTerms(String asWritten, String... asTyped) {
        List<String> expected = Tokens.terms(asWritten);
        assertThat(expected).isNotEmpty();
        for (String typed : asTyped) {
            assertThat(Tokens.terms(typed)).as("«%s» should fold like «%s»", typed, asWritten).isEqualTo(expected);
        }
    }

    @Test
    void yehForms() {
        // Urdu report (004) «رئيسی» with Arabic yeh then Farsi yeh; Persian «رئیسی»; Arabic «رئيسي»; alef maksura; yeh barree
        sameTerms("رئيسی", "رئیسی", "رئيسي");
        sameTerms("على", "علي", "علی");
        sameTerms("ہے", "هي", "هی");
    }

    @Test
    void kafForms() {
        // Persian «کشور» (001) typed on an Arabic keyboard
        sameTerms("کشور", "كشور");
        sameTerms("لوکاشنکو", "لوكاشنكو");
    }

    @Test
    void hehForms() {
        // Urdu «خامنہ» (heh goal, 004) and Persian «خامنه»; teh marbuta in «الإسلامية» (000); heh doachashmee in Urdu
        // «انھوں» (004) typed with heh goal «انہوں»; Urdu «دورۂ» (004) with heh goal + hamza
        sameTerms("خامنه", "خامنہ");
        sameTerms("الاسلاميه", "الإسلامية");
        sameTerms("انھوں", "انہوں", "انهوں");
        sameTerms("دورۂ", "دوره", "دورۀ");
    }

    @Test
    void alefForms() {
        // «أمريكا» (000), «إيران» (000), «آمریکا» (001) and Urdu «امریکا» (004) are one word
        sameTerms("امريكا", "أمريكا");
        sameTerms("ايران", "إيران");
        sameTerms("امریکا", "آمریکا");
        sameTerms("العلم", "ٱلعلم");
    }

    @Test
    void diacriticsAndTatweel() {
        // «محرّكاً» and «الممرّ» (000) carry shadda and tanween; journalists type them bare, or stretched with tatweel
        sameTerms("محرّكاً", "محركا");
        sameTerms("الممرّ", "الممر", "المـمـر");
        sameTerms("الحظر", "الحَظْر", "الحـظر");
        sameTerms("انقلاب", "انقلابٰ");
    }

    @Test
    void zeroWidthNonJoinerOrSpaceInPersianCompounds() {
        // 001 lost its ZWNJs: «خامنهای» must match «خامنه‌ای» and «خامنه ای»; Urdu 004 writes «خامنہ ای»
        sameTerms("خامنهای", "خامنه\u200Cای", "خامنه ای", "خامنہ ای");
        sameTerms("تحریمهای", "تحریم\u200Cهای", "تحریم های");
        sameTerms("میتواند", "می\u200Cتواند", "می تواند");
        sameTerms("بینالمللی", "بین\u200Cالمللی");
    }

    @Test
    void digits() {
        // «30 عاماً» and «100 مليون» (003), «1401» (001) in Arabic-Indic and Persian digits
        sameTerms("30", "٣٠", "۳۰");
        sameTerms("100", "١٠٠", "۱۰۰");
        sameTerms("1401", "۱۴۰۱");
    }

    @Test
    void latinCaseAndAccents() {
        sameTerms("Tehran", "TEHRAN", "Tehrán", "téhran");
        sameTerms("Lukashenko", "LUKASHENKO", "Lukashénko");
    }

    @Test
    void wordsKeepTheirOffsetsInTheOriginalText() {
        String text = "حضرت آیت الله خامنه\u200Cای رهبر";
        Token joined = Tokens.of(text).get(3);
        assertThat(text.substring(joined.start(), joined.end())).isEqualTo("خامنه\u200Cای");
        String urdu = "سید علی خامنہ ای نے";
        Token khamenei = Tokens.of(urdu).get(2);
        assertThat(urdu.substring(khamenei.start(), khamenei.end())).isEqualTo("خامنہ ای");
        assertThat(khamenei.position()).isEqualTo(2);
        assertThat(Tokens.of(urdu).get(3).position()).isEqualTo(3);
    }

    @Test
    void arabicAndEnglishTextsDoNotJoinPersianAffixes() {
        // Arabic «في أي مكان»: أي folds to the Persian suffix form اي, but Arabic writes it as a word of its own.
        assertThat(Tokens.terms("في أي مكان", Analysis.PLAIN)).containsExactly("في", "اي", "مكان");
        assertThat(Tokens.terms("في أي مكان", Analysis.JOINED)).hasSize(2);
        assertThat(Analysis.of("ar")).isEqualTo(Analysis.PLAIN);
        assertThat(Analysis.of("fa")).isEqualTo(Analysis.JOINED);
        assertThat(Analysis.of("ur")).isEqualTo(Analysis.JOINED);
    }

    @Test
    void standaloneWordsAreNotJoined() {
        assertThat(Tokens.terms("ایران و بلاروس")).hasSize(3);
        assertThat(Tokens.terms("Iran and Belarus")).containsExactly("iran", "and", "belarus");
    }
}
