package org.dicta.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A small generated corpus whose quotes spread over many meeting dates (and one undated meeting), with ties on every
 * date, so that ordering and paging are tested where the seed corpus, nearly all of one day, cannot test them.
 */
public class VariedCorpusProfile implements QuarkusTestProfile {

    public static final int MEETINGS = 8;
    public static final int QUOTES_PER_MEETING = 5;
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 2);

    private static Path corpus;

    /** One quote of the generated corpus. */
    public record Expected(String id, LocalDate date) {
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dicta.seed.dir", corpus().toString(),
                "dicta.test.database", "varied",
                // Small batches, so that exports and date-ordered search take several rounds.
                "dicta.api.export-batch-size", "4",
                "dicta.search.batch-size", "3");
    }

    /** Every quote in the order of the default sort: newest meeting first, then id; the undated meeting last. */
    public static List<Expected> expectedOrder() {
        List<Expected> quotes = new ArrayList<>();
        for (int m = 0; m <= MEETINGS; m++) {
            for (int q = 0; q < QUOTES_PER_MEETING; q++) {
                quotes.add(new Expected(quoteId(m, q), m == MEETINGS ? null : FIRST_DAY.plusDays(m * 3L)));
            }
        }
        quotes.sort(Comparator.comparing((Expected e) -> e.date() == null ? LocalDate.MIN : e.date()).reversed()
                .thenComparing(Expected::id));
        return quotes;
    }

    private static String quoteId(int meeting, int quote) {
        // Ids whose order differs from the order of their dates.
        return "q-" + (char) ('a' + (quote * 7 + meeting) % 26) + "-" + meeting + "-" + quote;
    }

    private static synchronized Path corpus() {
        if (corpus != null) {
            return corpus;
        }
        try {
            corpus = Files.createTempDirectory("dicta-varied-corpus");
            StringBuilder yaml = new StringBuilder("""
                    languages:
                      - { code: en, english: English, native: English, direction: ltr }
                      - { code: fa, english: Persian, native: فارسی, direction: rtl }
                    topics:
                      - { id: trade, labels: { en: trade } }
                    speakers:
                      - { id: speaker-one, kind: person, names: { en: Speaker One } }
                      - { id: speaker-two, kind: person, names: { en: Speaker Two } }
                    sources:
                    """);
            for (int m = 0; m <= MEETINGS; m++) {
                StringBuilder text = new StringBuilder("Report " + m + ".\n");
                for (int q = 0; q < QUOTES_PER_MEETING; q++) {
                    text.append("Statement ").append(m).append('-').append(q)
                            .append(": common words about trade ").append("partners ".repeat(q + 1)).append("end.\n");
                }
                Files.writeString(corpus.resolve("report-" + m + ".txt"), text);
                yaml.append("  - { id: report-").append(m).append(", file: report-").append(m).append(".txt, lang: en }\n");
            }
            yaml.append("meetings:\n");
            for (int m = 0; m <= MEETINGS; m++) {
                yaml.append("  - id: meeting-").append(m).append('\n');
                if (m < MEETINGS) {
                    yaml.append("    date: ").append(FIRST_DAY.plusDays(m * 3L)).append('\n');
                }
                yaml.append("    titles: { en: Meeting ").append(m).append(" }\n")
                        .append("    sources: [report-").append(m).append("]\n");
            }
            yaml.append("quotes:\n");
            for (int m = 0; m <= MEETINGS; m++) {
                for (int q = 0; q < QUOTES_PER_MEETING; q++) {
                    yaml.append("  - id: ").append(quoteId(m, q)).append('\n')
                            .append("    speaker: speaker-").append(q % 2 == 0 ? "one" : "two").append('\n')
                            .append("    meeting: meeting-").append(m).append('\n')
                            .append("    topics: [trade]\n")
                            .append("    variants:\n")
                            .append("      - source: report-").append(m).append('\n')
                            .append("        mode: direct\n")
                            .append("        text: \"common words about trade ").append("partners ".repeat(q + 1))
                            .append("end\"\n");
                }
            }
            Files.writeString(corpus.resolve("annotations.yaml"), yaml);
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
