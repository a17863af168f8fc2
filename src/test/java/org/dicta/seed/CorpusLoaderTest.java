package org.dicta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteVariant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on the real seed corpus, and on copies of it broken one way at a time. */
class CorpusLoaderTest {

    private static final Path SEEDS = Path.of("seeds");

    @TempDir
    Path dir;

    private String annotations;

    @BeforeEach
    void copySeeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        annotations = Files.readString(dir.resolve(CorpusLoader.ANNOTATIONS));
    }

    @Test
    void loadsTheSeedCorpusAndLocatesEveryVariant() throws IOException {
        Corpus corpus = CorpusLoader.load(SEEDS);
        assertThat(corpus.languages()).extracting(language -> language.code).containsExactly("ar", "fa", "en", "ur");
        assertThat(corpus.speakers()).hasSize(4);
        assertThat(corpus.sources()).hasSize(5);
        assertThat(corpus.meetings()).hasSize(3);
        assertThat(corpus.quotes()).hasSize(26);
        assertThat(corpus.variantCount()).isEqualTo(72);
        for (Quote quote : corpus.quotes()) {
            for (QuoteVariant variant : quote.variants) {
                assertThat(variant.source.text.substring(variant.spanStart, variant.spanEnd)).isEqualTo(variant.text);
                assertThat(variant.lang).isEqualTo(variant.source.lang);
            }
        }
        assertThat(corpus.sources().get(1).text)
                .isEqualTo(Files.readString(SEEDS.resolve("001_e2ce688135970981.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void recordsOffsetsInUtf16CodeUnits() throws IOException {
        // A source with a character outside the Basic Multilingual Plane (two UTF-16 code units) before the quote.
        Files.writeString(dir.resolve("emoji.txt"), "🙂 He said: \"we will\".");
        write(annotations
                .replace("sources:\n", "sources:\n  - id: emoji\n    file: emoji.txt\n    lang: en\n")
                .replace("    sources: [003_b5ccf18f57044a7b]\n\n  # 003 reports",
                        "    sources: [003_b5ccf18f57044a7b, emoji]\n\n  # 003 reports")
                + "  - id: test-quote\n"
                + "    speaker: ebrahim-raisi\n"
                + "    meeting: 2023-03-13-raisi-lukashenko-talks\n"
                + "    variants:\n"
                + "      - source: emoji\n"
                + "        mode: direct\n"
                + "        text: we will\n");
        QuoteVariant variant = CorpusLoader.load(dir).quotes().stream().filter(quote -> quote.id.equals("test-quote"))
                .findFirst().orElseThrow().variants.get(0);
        assertThat(variant.spanStart).isEqualTo(13);
        assertThat(variant.spanEnd).isEqualTo(20);
        assertThat(variant.mode).isEqualTo(QuoteMode.DIRECT);
    }

    @Test
    void rejectsTextNotInTheSourceAndShowsWhereItDiverges() throws IOException {
        // Arabic yeh where the Urdu report has Farsi yeh in «نیا باب».
        write(annotations.replace("ایک نیا باب کھولنے", "ایک نيا باب کھولنے"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining(dir.resolve("annotations.yaml").toString())
                .hasMessageContaining("quotes[11] (lukashenko-new-page-in-relations) variants[3]")
                .hasMessageContaining("is not in source '004_dbc71cf8bbbb5a4e'")
                .hasMessageContaining("U+064A ARABIC LETTER YEH")
                .hasMessageContaining("U+06CC ARABIC LETTER FARSI YEH");
    }

    @Test
    void rejectsTextThatOccursMoreThanOnceWithoutASpan() throws IOException {
        write(annotations.replace("text: إنه يدعم بشكل كامل مقترحات بكين لوقف الحرب", "text: لوكاشينكو"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("quotes[25] (lukashenko-supports-beijing-proposals) variants[0]")
                .hasMessageContaining("occurs 4 times")
                .hasMessageContaining("give span");
    }

    @Test
    void acceptsAGivenSpanAndRejectsOneThatCoversOtherText() throws IOException {
        String withSpan = annotations.replace("        text: إنه يدعم بشكل كامل مقترحات بكين لوقف الحرب\n",
                "        text: إنه يدعم بشكل كامل مقترحات بكين لوقف الحرب\n        span: {start: 2081, end: 2123}\n");
        write(withSpan);
        assertThat(CorpusLoader.load(dir).quotes().get(25).variants.get(0).spanStart).isEqualTo(2081);

        write(withSpan.replace("span: {start: 2081, end: 2123}", "span: {start: 2080, end: 2122}"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("span [2080, 2122) of source '003_b5ccf18f57044a7b' covers");
    }

    @Test
    void holdsEveryTextToTheRulesOfTheApi() throws IOException {
        // A name made to display reversed, a control character in a note, a NUL in a source document.
        write(annotations.replace("      en: Alexander Lukashenko", "      en: \"Alexander \\u202Eoknehsakul\"")
                .replace("    note: The text names no publisher and has no headline;",
                        "    note: \"The text names no publisher\\a\"\n    headline: The headline;"));
        Files.write(dir.resolve("nul.txt"), "Tehran\u0000 and Minsk".getBytes(StandardCharsets.UTF_8));
        write(Files.readString(dir.resolve(CorpusLoader.ANNOTATIONS))
                .replace("sources:\n", "sources:\n  - id: nul\n    file: nul.txt\n    lang: en\n"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("speakers[1] (alexander-lukashenko): names.en has the bidirectional control U+202E at offset 10")
                .hasMessageContaining("note has the control character U+0007 at offset 27")
                .hasMessageContaining("sources[0] (nul): file nul.txt has the control character U+0000 at offset 6");
    }

    @Test
    void keepsTheBidiControlsOfASourceInAVariantOnlyWhenTheyAreClosedWithinIt() throws IOException {
        Files.writeString(dir.resolve("bidi.txt"), "He said: \u202Bwe will\u202C and then \u2067left\u2069 it.");
        String corpus = annotations
                .replace("sources:\n", "sources:\n  - id: bidi\n    file: bidi.txt\n    lang: en\n")
                .replace("    sources: [003_b5ccf18f57044a7b]\n\n  # 003 reports",
                        "    sources: [003_b5ccf18f57044a7b, bidi]\n\n  # 003 reports")
                + "  - id: bidi-quote\n"
                + "    speaker: ebrahim-raisi\n"
                + "    meeting: 2023-03-13-raisi-lukashenko-talks\n"
                + "    variants:\n"
                + "      - source: bidi\n"
                + "        mode: direct\n"
                + "        text: \"\\u202Bwe will\\u202C\"\n";
        write(corpus);
        QuoteVariant variant = CorpusLoader.load(dir).quotes().stream().filter(quote -> quote.id.equals("bidi-quote"))
                .findFirst().orElseThrow().variants.get(0);
        assertThat(variant.text).isEqualTo("\u202Bwe will\u202C");
        assertThat(variant.spanStart).isEqualTo(9);

        write(corpus.replace("text: \"\\u202Bwe will\\u202C\"", "text: \"then \\u2067left\""));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("quotes[26] (bidi-quote) variants[0]: text has U+2067 at offset 5, which is not closed");
    }

    @Test
    void rejectsUnknownSpeaker() throws IOException {
        write(annotations.replace("  - id: raisi-good-agreements\n    speaker: ebrahim-raisi",
                "  - id: raisi-good-agreements\n    speaker: ebrahim-raisy"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("quotes[18] (raisi-good-agreements): speaker names unknown speaker 'ebrahim-raisy'");
    }

    @Test
    void rejectsBadLanguageTags() throws IOException {
        write(annotations.replace("  - id: 004_dbc71cf8bbbb5a4e\n    file: 004_dbc71cf8bbbb5a4e.txt",
                "  - id: 004_dbc71cf8bbbb5a4e\n    file: 004_dbc71cf8bbbb5a4e.txt\n    lang: ur_PK")
                .replace("    lang: ur\n    note: The text names no publisher, headline or date (it says پیر",
                        "    note: The text names no publisher, headline or date (it says پیر")
                .replace("      - { lang: en, name: Raisi }", "      - { lang: de, name: Raisi }"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("sources[4] (004_dbc71cf8bbbb5a4e): lang 'ur_PK' is not a well-formed BCP 47 language tag")
                .hasMessageContaining("speakers[2] (ebrahim-raisi): aliases.lang 'de' is not among the declared languages [ar, fa, en, ur]");
    }

    @Test
    void rejectsDuplicateIds() throws IOException {
        write(annotations.replace("  - id: lukashenko-similar-positions", "  - id: lukashenko-purpose-of-visit"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("quotes[24] (lukashenko-purpose-of-visit): duplicate quote id 'lukashenko-purpose-of-visit'");
    }

    @Test
    void rejectsADocumentThatNoLongerMatchesItsRecordedHash() throws IOException {
        Files.writeString(dir.resolve("002_fcbcff514eaca929.txt"), "\nedited", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("sources[2] (002_fcbcff514eaca929): file 002_fcbcff514eaca929.txt has SHA-256")
                .hasMessageContaining("not the a1e5d4dc5dcc7554829592f916b11b0cfdae384972e3d6ef14a32bcf63e7c1ca");
    }

    @Test
    void rejectsMissingDocumentAndPathsOutsideTheCorpus() throws IOException {
        Files.delete(dir.resolve("003_b5ccf18f57044a7b.txt"));
        write(annotations.replace("file: 000_26e08119a475d493.txt", "file: ../../etc/passwd"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("sources[0] (000_26e08119a475d493): file '../../etc/passwd' is outside the corpus directory")
                .hasMessageContaining("sources[3] (003_b5ccf18f57044a7b): file '003_b5ccf18f57044a7b.txt' does not exist");
    }

    @Test
    void thePackagedCorpusIsTheSeedDirectoryByteForByte() throws IOException {
        Corpus packaged = CorpusLoader.load(CorpusFiles.packaged());
        Corpus directory = CorpusLoader.load(SEEDS);
        assertThat(packaged.annotationsSha256()).isEqualTo(directory.annotationsSha256());
        assertThat(packaged.quotes()).hasSize(26);
        assertThat(packaged.sources()).extracting(source -> source.sha256)
                .containsExactlyElementsOf(directory.sources().stream().map(source -> source.sha256).toList());
        assertThat(CorpusFiles.packaged().read("004_dbc71cf8bbbb5a4e.txt"))
                .isEqualTo(Files.readAllBytes(SEEDS.resolve("004_dbc71cf8bbbb5a4e.txt")));
    }

    @Test
    void aCorpusOnTheClassPathIsCheckedLikeADirectoryAndNamedByItsResources() throws IOException {
        Path classes = dir.resolve("classes");
        Path folder = Files.createDirectories(classes.resolve("corpus"));
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.delete(folder.resolve("003_b5ccf18f57044a7b.txt"));
        Files.writeString(folder.resolve(CorpusLoader.ANNOTATIONS),
                annotations.replace("file: 000_26e08119a475d493.txt", "file: ../../etc/passwd"));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            CorpusFiles files = new CorpusFiles.Packaged("corpus", loader);
            assertThatThrownBy(() -> CorpusLoader.load(files))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageContaining("The corpus in classpath:corpus/annotations.yaml cannot be loaded")
                    .hasMessageContaining("sources[0] (000_26e08119a475d493): file '../../etc/passwd' is outside the corpus directory")
                    .hasMessageContaining("sources[3] (003_b5ccf18f57044a7b): file '003_b5ccf18f57044a7b.txt' does not exist "
                            + "in classpath:corpus");

            assertThatThrownBy(() -> CorpusLoader.load(new CorpusFiles.Packaged("elsewhere", loader)))
                    .hasMessageContaining("The corpus in classpath:elsewhere/annotations.yaml cannot be loaded")
                    .hasMessageContaining("the file does not exist");
        }
    }

    @Test
    void rejectsAVariantWhoseSourceDoesNotReportTheMeeting() throws IOException {
        write(annotations.replace(
                "  - id: lukashenko-similar-positions\n"
                        + "    speaker: alexander-lukashenko\n"
                        + "    meeting: 2023-03-13-raisi-lukashenko-talks",
                "  - id: lukashenko-similar-positions\n"
                        + "    speaker: alexander-lukashenko\n"
                        + "    meeting: 2023-03-13-leader-receives-lukashenko"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("quotes[24] (lukashenko-similar-positions) variants[0]: source '003_b5ccf18f57044a7b' "
                        + "is not among the sources of meeting '2023-03-13-leader-receives-lukashenko'");
    }

    @Test
    void rejectsBadDatesModesRolesAndCountries() throws IOException {
        write(annotations.replace("    date: 2023-03-13\n    places:", "    date: 13/03/2023\n    places:")
                .replace("      - { speaker: ebrahim-raisi, role: attendee }", "      - { speaker: ebrahim-raisi, role: observer }")
                .replace("    country: BY", "    country: XX")
                .replace("        mode: indirect\n        text: إنه يدعم", "        mode: reported\n        text: إنه يدعم"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .isInstanceOfSatisfying(CorpusException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        "speakers[1] (alexander-lukashenko): country 'XX' is not an ISO 3166-1 alpha-2 code (e.g. IR, BY)",
                        "meetings[0] (2023-03-13-leader-receives-lukashenko): participants.role is 'observer'; it must be one of [host, guest, attendee]",
                        "meetings[1] (2023-03-13-raisi-lukashenko-talks): date '13/03/2023' is not an ISO 8601 date (YYYY-MM-DD)",
                        "quotes[25] (lukashenko-supports-beijing-proposals) variants[0]: mode is 'reported'; it must be one of [direct, indirect]"));
    }

    @Test
    void rejectsUnknownFieldsWithTheirLine() throws IOException {
        write(annotations.replace("    kind: organization", "    knd: organization"));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("speakers[3]: unknown field 'knd' (line ")
                .hasMessageContaining("the fields here are [");
    }

    @Test
    void rejectsAMissingAnnotationFile() throws IOException {
        Files.delete(dir.resolve(CorpusLoader.ANNOTATIONS));
        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .isInstanceOfSatisfying(CorpusException.class,
                        e -> assertThat(e.errors()).isEqualTo(List.of("the file does not exist")))
                .hasMessageContaining(dir.resolve("annotations.yaml").toString());
    }

    private void write(String content) throws IOException {
        assertThat(content).as("the test's edit must change the annotations").isNotEqualTo(annotations);
        Files.writeString(dir.resolve(CorpusLoader.ANNOTATIONS), content);
    }
}
