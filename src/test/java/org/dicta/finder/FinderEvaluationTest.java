package org.dicta.finder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.dicta.quote.QuoteMode.DIRECT;
import static org.dicta.quote.QuoteMode.INDIRECT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.finder.FinderEvaluation.AnswerKey;
import org.dicta.finder.FinderEvaluation.ContractBroken;
import org.dicta.finder.FinderEvaluation.Curated;
import org.dicta.finder.FinderEvaluation.MeetingReports;
import org.dicta.finder.FinderEvaluation.Pairs;
import org.dicta.finder.FinderEvaluation.Proposal;
import org.dicta.finder.FinderEvaluation.Report;
import org.dicta.finder.FinderEvaluation.Result;
import org.dicta.finder.StatementGrouper.Group;
import org.dicta.finder.StatementGrouper.Member;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteView.Span;
import org.dicta.seed.Corpus;
import org.dicta.seed.CorpusLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's metrics on hand-made answer keys and candidates, whose scores are worked out by hand. */
class FinderEvaluationTest {

    private static final String TEXT = "Anna said that alpha beta gamma delta epsilon. Boris said zeta eta theta.";
    private static final String FIRST = "alpha beta gamma delta epsilon";
    private static final String SECOND = "zeta eta theta";

    @Nested
    class StatementRecall {

        @Test
        void aCandidateCoveringThreeOfFiveWordsFindsTheVariant() {
            Result result = scoreOne(candidate(TEXT, "alpha beta gamma", DIRECT, "anna"));

            assertThat(result.matches().get(0).found()).isTrue();
            assertThat(result.overall().recall()).isEqualTo(1.0 / 2);   // the second variant has no candidate
            assertThat(result.matches().get(0).covered()).isEqualTo(3);
            assertThat(result.matches().get(0).words()).isEqualTo(5);
        }

        @Test
        void aCandidateCoveringTwoOfFiveWordsDoesNot() {
            Result result = scoreOne(candidate(TEXT, "alpha beta", DIRECT, "anna"));

            assertThat(result.matches().get(0).found()).isFalse();
            assertThat(result.overall().recall()).isEqualTo(0.0);
            assertThat(result.missed()).extracting(match -> match.variant().quote()).containsExactly("first", "second");
            // Yet it is a correct candidate: both its words lie inside the curated variant.
            assertThat(result.overall().precision()).isEqualTo(1.0);
        }

        @Test
        void aWordTheSpanCutsIsNotCovered() {
            int start = TEXT.indexOf("alpha");
            Result result = scoreOne(candidateAt(TEXT, start, TEXT.indexOf("gamma") + 3, DIRECT, "anna"));

            assertThat(result.matches().get(0).covered()).isEqualTo(2);
            assertThat(result.overall().recall()).isEqualTo(0.0);
        }

        @Test
        void aCandidateOfAnotherSourceFindsNothing() {
            AnswerKey key = new AnswerKey(List.of(new Report("s1", "en", TEXT), new Report("s2", "en", TEXT)),
                    List.of(curated("first", "anna", "s1", DIRECT, TEXT, FIRST)),
                    List.of(new MeetingReports("m", List.of("s1", "s2"), List.of("anna"), List.of())));
            Map<String, List<Candidate>> candidates = Map.of("s1", List.of(),
                    "s2", List.of(candidate(TEXT, FIRST, DIRECT, "anna")));

            Result result = FinderEvaluation.score(key, new Proposal(candidates, Map.of("m", singletons(key, candidates))));

            assertThat(result.overall().recall()).isEqualTo(0.0);
            assertThat(result.overall().precision()).isEqualTo(0.0);
        }

        @Test
        void amongCandidatesCoveringAsManyWordsTheEarlierIsMatched() {
            Result result = scoreOne(candidate(TEXT, "alpha beta gamma", DIRECT, "anna"),
                    candidate(TEXT, "gamma delta epsilon", INDIRECT, "boris"));

            assertThat(result.matches().get(0).index()).isZero();
            assertThat(result.overall().speakerAccuracy()).isEqualTo(1.0);
            assertThat(result.overall().modeAccuracy()).isEqualTo(1.0);
        }

        @Test
        void theVariantIsMatchedToTheCandidateCoveringMostOfIt() {
            Result result = scoreOne(candidate(TEXT, "alpha beta gamma", INDIRECT, "boris"),
                    candidate(TEXT, "beta gamma delta epsilon", DIRECT, "anna"));

            assertThat(result.matches().get(0).index()).isEqualTo(1);
            assertThat(result.matches().get(0).covered()).isEqualTo(4);
        }
    }

    @Nested
    class Precision {

        @Test
        void aCandidateIsCorrectWhenItCoversHalfAVariantOrHalfOfItLiesInOne() {
            Result result = scoreOne(
                    candidate(TEXT, "Anna said that alpha", DIRECT, "anna"),   // 1 of its 4 words inside, 1 of 5 covered
                    candidate(TEXT, "that alpha", DIRECT, "anna"),             // 1 of its 2 words inside: half
                    candidate(TEXT, "alpha beta gamma", DIRECT, "anna"),       // covers 3 of 5
                    candidate(TEXT, "Boris said", INDIRECT, "boris"),          // nothing of any variant
                    candidate(TEXT, "said zeta eta theta", INDIRECT, "boris")); // covers 3 of 3

            assertThat(result.candidates()).extracting(FinderEvaluation.Judged::correct)
                    .containsExactly(false, true, true, false, true);
            assertThat(result.overall().precision()).isEqualTo(3.0 / 5);
            assertThat(result.incorrect()).extracting(FinderEvaluation.Judged::index).containsExactly(0, 3);
            assertThat(result.overall().recall()).isEqualTo(1.0);
        }

        @Test
        void withoutCandidatesPrecisionAndAccuraciesAreUndefinedAndMissTheirTargets() {
            Result result = scoreOne();

            assertThat(result.overall().recall()).isEqualTo(0.0);
            assertThat(result.overall().precision()).isNaN();
            assertThat(result.overall().speakerAccuracy()).isNaN();
            assertThatThrownBy(() -> result.precisionAtLeast(0.1).execute()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("precision is undefined (0 of 0 candidates correct), below the target 0.10");
            assertThatThrownBy(() -> result.recallAtLeast(0.95).execute())
                    .hasMessageContaining("statement recall is 0.000 (0 of 2 curated variants found)");
        }
    }

    @Nested
    class SpeakerAndMode {

        @Test
        void areCountedOverFoundVariants() {
            Result result = scoreOne(
                    candidate(TEXT, FIRST, INDIRECT, "anna"),                          // right speaker, wrong mode
                    candidateAt(TEXT, TEXT.indexOf("Boris"), TEXT.indexOf("Boris") + 5, INDIRECT, null), // finds nothing
                    new Candidate(SECOND, span(TEXT, SECOND), INDIRECT, new SpeakerGuess(null, "Boris", null),
                            Mention.of(TEXT, 0, 0), 0.5));                          // unknown person, right mode

            assertThat(result.overall().found()).isEqualTo(2);
            assertThat(result.overall().speakerAccuracy()).isEqualTo(0.5);
            assertThat(result.overall().modeAccuracy()).isEqualTo(0.5);
            assertThat(result.wrongSpeakers()).extracting(match -> match.variant().quote()).containsExactly("second");
            assertThat(result.wrongModes()).extracting(match -> match.variant().quote()).containsExactly("first");
        }

        @Test
        void aCandidateWithoutSpeakerHasTheWrongOne() {
            Result result = scoreOne(candidate(TEXT, FIRST, DIRECT, null), candidate(TEXT, SECOND, INDIRECT, "boris"));

            assertThat(result.overall().speakerAccuracy()).isEqualTo(0.5);
            assertThat(result.diagnosis()).contains("first: expected anna, found none");
        }
    }

    @Nested
    class Grouping {

        private static final String REPORT = "Anna said alpha beta gamma. Boris said delta epsilon zeta.";
        private final AnswerKey key = threeReports();
        private final Map<String, List<Candidate>> exact = exactCandidates(key);

        @Test
        void aWrongGroupLowersPairwiseF1AsWorkedOutByHand() {
            // Reports 0, 1, 2 each hold q1 (candidate 0) and q2 (candidate 1). 12 cross-source pairs, 6 gold-positive.
            List<Group> groups = List.of(group(new Member(0, 0), new Member(1, 0)),  // q1 q1: TP
                    group(new Member(2, 0), new Member(0, 1)),                       // q1 q2: FP
                    group(new Member(1, 1), new Member(2, 1)));                      // q2 q2: TP
            Result result = FinderEvaluation.score(key, new Proposal(exact, Map.of("m", groups)));

            assertThat(result.grouping()).isEqualTo(new Pairs(2, 1, 4, 5));
            assertThat(result.grouping().precision()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(result.grouping().recall()).isCloseTo(2.0 / 6, within(1e-12));
            assertThat(result.grouping().f1()).isCloseTo(4.0 / 9, within(1e-12));   // 2TP / (2TP + FP + FN)
            assertThat(result.pairErrors()).hasSize(5);
            assertThat(result.pairErrors()).filteredOn(FinderEvaluation.PairError::grouped).hasSize(1);
        }

        @Test
        void theRightGroupsScoreOne() {
            List<Group> groups = List.of(group(new Member(0, 0), new Member(1, 0), new Member(2, 0)),
                    group(new Member(0, 1), new Member(1, 1), new Member(2, 1)));
            Result result = FinderEvaluation.score(key, new Proposal(exact, Map.of("m", groups)));

            assertThat(result.grouping()).isEqualTo(new Pairs(6, 0, 0, 6));
            assertThat(result.grouping().f1()).isEqualTo(1.0);
            assertThat(result.meetingsWithSeveralSources()).isEqualTo(1);
        }

        @Test
        void variantsNotFoundAreNotPaired() {
            Map<String, List<Candidate>> candidates = new LinkedHashMap<>(exact);
            candidates.put("s3", List.of());
            List<Group> groups = List.of(group(new Member(0, 0), new Member(1, 0)), group(new Member(0, 1), new Member(1, 1)));
            Result result = FinderEvaluation.score(key, new Proposal(candidates, Map.of("m", groups)));

            assertThat(result.grouping()).isEqualTo(new Pairs(2, 0, 0, 2));
        }

        @Test
        void twoVariantsOfAQuoteInOneReportAreNotAPair() {
            String twice = "Anna said alpha beta gamma. Later Anna said alpha beta gamma again.";
            int second = twice.lastIndexOf("alpha beta gamma");
            AnswerKey repeated = new AnswerKey(List.of(new Report("s1", "en", twice), new Report("s2", "en", REPORT)),
                    List.of(curated("q1", "anna", "s1", DIRECT, twice, "alpha beta gamma"),
                            new Curated("q1", "anna", "s1", "en", DIRECT, new Span(second, second + 16), "alpha beta gamma"),
                            curated("q1", "anna", "s2", DIRECT, REPORT, "alpha beta gamma")),
                    List.of(new MeetingReports("m", List.of("s1", "s2"), List.of("anna"), List.of())));
            Map<String, List<Candidate>> candidates = Map.of(
                    "s1", List.of(candidate(twice, "alpha beta gamma", DIRECT, "anna"),
                            candidateAt(twice, second, second + 16, DIRECT, "anna")),
                    "s2", List.of(candidate(REPORT, "alpha beta gamma", DIRECT, "anna")));
            List<Group> groups = List.of(group(new Member(0, 0), new Member(1, 0)), group(new Member(0, 1)));

            Result result = FinderEvaluation.score(repeated, new Proposal(candidates, Map.of("m", groups)));

            assertThat(result.grouping()).isEqualTo(new Pairs(1, 0, 1, 0));
            assertThat(result.grouping().f1()).isCloseTo(2.0 / 3, within(1e-12));
        }

        @Test
        void withNeitherGoldNorPredictedPairsF1IsOneByConvention() {
            Result result = scoreOne(candidate(TEXT, FIRST, DIRECT, "anna"));

            assertThat(result.grouping()).isEqualTo(new Pairs(0, 0, 0, 0));
            assertThat(result.grouping().f1()).isEqualTo(1.0);
            assertThat(result.grouping().precision()).isNaN();
            assertThat(result.grouping().recall()).isNaN();
        }

        @Test
        void goldPairsLeftApartScoreZero() {
            Result result = FinderEvaluation.score(key, new Proposal(exact, Map.of("m", singletons(key, exact))));

            assertThat(result.grouping()).isEqualTo(new Pairs(0, 0, 6, 6));
            assertThat(result.grouping().f1()).isEqualTo(0.0);
            assertThatThrownBy(() -> result.groupingF1AtLeast(0.9).execute())
                    .hasMessageContaining("grouping pairwise F1 is 0.000 (TP 0, FP 0, FN 6), below the target 0.90");
        }

        private static AnswerKey threeReports() {
            List<Report> reports = new ArrayList<>();
            List<Curated> variants = new ArrayList<>();
            for (String source : List.of("s1", "s2", "s3")) {
                reports.add(new Report(source, "en", REPORT));
                variants.add(curated("q1", "anna", source, DIRECT, REPORT, "alpha beta gamma"));
                variants.add(curated("q2", "boris", source, INDIRECT, REPORT, "delta epsilon zeta"));
            }
            return new AnswerKey(reports, variants,
                    List.of(new MeetingReports("m", List.of("s1", "s2", "s3"), List.of("anna"), List.of("boris"))));
        }

        private static Map<String, List<Candidate>> exactCandidates(AnswerKey key) {
            Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
            for (Report report : key.reports()) {
                candidates.put(report.source(), List.of(candidate(REPORT, "alpha beta gamma", DIRECT, "anna"),
                        candidate(REPORT, "delta epsilon zeta", INDIRECT, "boris")));
            }
            return candidates;
        }
    }

    @Nested
    class Contract {

        private final AnswerKey key = oneReport();

        @Test
        void emptyOutputKeepsTheContract() {
            Result result = scoreOne();

            assertThat(result.overall().candidates()).isZero();
            assertThat(result.grouping().f1()).isEqualTo(1.0);
        }

        @Test
        void aTextThatIsNotItsSpansSliceBreaksIt() {
            Candidate wrong = new Candidate("alpha beta", span(TEXT, "beta gamma"), DIRECT, null, Mention.of(TEXT, 0, 0), 1);

            assertThatThrownBy(() -> scoreOne(wrong)).isInstanceOf(ContractBroken.class)
                    .hasMessageContaining("s1 candidate 0: text «alpha beta» is not the report's substring(")
                    .hasMessageContaining("«beta gamma»");
        }

        @Test
        void aSpanOutsideTheReportBreaksIt() {
            Candidate outside = new Candidate("x", new Span(TEXT.length() - 1, TEXT.length() + 1), DIRECT, null,
                    Mention.of(TEXT, 0, 0), 1);

            assertThatThrownBy(() -> scoreOne(outside)).isInstanceOf(ContractBroken.class)
                    .hasMessageContaining("is not within the report (length " + TEXT.length() + ")");
        }

        @Test
        void aCandidateInNoGroupOrInTwoBreaksIt() {
            Map<String, List<Candidate>> candidates = Map.of("s1", List.of(candidate(TEXT, FIRST, DIRECT, "anna"),
                    candidate(TEXT, SECOND, INDIRECT, "boris")));
            List<Group> groups = List.of(group(new Member(0, 0)), group(new Member(0, 0)));

            assertThatThrownBy(() -> FinderEvaluation.score(key, new Proposal(candidates, Map.of("m", groups))))
                    .isInstanceOf(ContractBroken.class)
                    .hasMessageContaining("candidate 0 of report 0 (s1) is in 2 groups")
                    .hasMessageContaining("candidate 1 of report 0 (s1) is in no group");
        }

        @Test
        void aGroupWithTwoMembersOfOneReportOrAMissingCandidateBreaksIt() {
            Map<String, List<Candidate>> candidates = Map.of("s1", List.of(candidate(TEXT, FIRST, DIRECT, "anna"),
                    candidate(TEXT, SECOND, INDIRECT, "boris")));
            List<Group> groups = List.of(group(new Member(0, 0), new Member(0, 1), new Member(0, 2)));

            assertThatThrownBy(() -> FinderEvaluation.score(key, new Proposal(candidates, Map.of("m", groups))))
                    .isInstanceOf(ContractBroken.class)
                    .hasMessageContaining("meeting m group 0: two members of report 0 (s1)")
                    .hasMessageContaining("member Member[report=0, candidate=2] names no candidate");
        }
    }

    @Nested
    class FromACorpus {

        @TempDir
        Path dir;

        @Test
        void theKeyHoldsEveryVariantAndTheParticipantsHostsFirst() throws Exception {
            AnswerKey key = AnswerKey.of(corpus());

            assertThat(key.reports()).extracting(Report::source).containsExactly("s1", "s2");
            assertThat(key.variants()).containsExactly(
                    new Curated("q1", "anna", "s1", "en", DIRECT, new Span(10, 26), "trade must grow."),
                    new Curated("q2", "carl", "s2", "en", INDIRECT, new Span(15, 34), "the talks went well"));
            assertThat(key.meetings()).containsExactly(
                    new MeetingReports("m1", List.of("s1", "s2"), List.of("anna"), List.of("boris")),
                    new MeetingReports("m2", List.of("s2"), List.of("carl"), List.of("anna")));
            assertThat(key.participants("s1")).containsExactly("anna", "boris");
            assertThat(key.participants("s2")).containsExactly("anna", "carl", "boris");
        }

        @Test
        void theEvaluationRunsTheFinderOnEveryReportAndChecksItsContract() throws Exception {
            Result result = FinderEvaluation.evaluate(corpus());

            assertThat(result.reports()).isEqualTo(2);
            assertThat(result.overall().variants()).isEqualTo(2);
            assertThat(result.meetingsWithSeveralSources()).isEqualTo(1);
        }

        @Test
        void theTableAndTheDiagnosisNameEveryReportAndEveryMiss() throws Exception {
            AnswerKey key = AnswerKey.of(corpus());
            Map<String, List<Candidate>> candidates = Map.of("s1", List.of(), "s2",
                    List.of(candidate(key.report("s2").text(), "Carl said", INDIRECT, "carl")));
            Map<String, List<Group>> groups = Map.of("m1", singletons(key.meetings().get(0), candidates),
                    "m2", singletons(key.meetings().get(1), candidates));
            Result result = FinderEvaluation.score(key, new Proposal(candidates, groups));

            String table = result.table();
            assertThat(table).contains("report", "lang", "variants", "candidates", "recall", "precision", "speaker", "mode")
                    .contains("s1       en           1           0   0.000        n/a      n/a    n/a")
                    .contains("overall               2           1   0.000      0.000      n/a    n/a")
                    .contains("meetings with >= 2 sources: 1").contains("F1 1.000");
            assertThat(result.diagnosis()).contains("Missed curated variants (2):", "s1 q1 [direct, anna] [10, 26)",
                    "Incorrect candidates (1):", "s2 [0, 9) indirect, speaker carl: «Carl said»");
        }

        private Corpus corpus() throws Exception {
            Files.writeString(dir.resolve("s1.txt"), "Anna said trade must grow. Boris agreed.", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("s2.txt"), "Carl said that the talks went well.", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("annotations.yaml"), """
                    languages:
                      - { code: en, english: English, native: English, direction: ltr }
                    topics:
                      - { id: trade, labels: { en: trade } }
                    speakers:
                      - { id: anna, kind: person, names: { en: Anna Host } }
                      - { id: boris, kind: person, names: { en: Boris Guest } }
                      - { id: carl, kind: person, names: { en: Carl Other } }
                    sources:
                      - { id: s1, file: s1.txt, lang: en }
                      - { id: s2, file: s2.txt, lang: en }
                    meetings:
                      - id: m1
                        titles: { en: Anna receives Boris }
                        participants:
                          - { speaker: boris, role: guest }
                          - { speaker: anna, role: host }
                        sources: [s1, s2]
                      - id: m2
                        titles: { en: Carl receives Anna }
                        participants:
                          - { speaker: anna, role: attendee }
                          - { speaker: carl, role: host }
                        sources: [s2]
                    quotes:
                      - id: q1
                        speaker: anna
                        meeting: m1
                        variants:
                          - { source: s1, mode: direct, text: trade must grow. }
                      - id: q2
                        speaker: carl
                        meeting: m2
                        variants:
                          - { source: s2, mode: indirect, text: the talks went well }
                    """, StandardCharsets.UTF_8);
            return CorpusLoader.load(dir);
        }
    }

    @Nested
    class OnTheSeeds {

        /**
         * Candidates that are exactly the curated spans, each with its first variant's speaker and mode, grouped by quote:
         * the figures show what the seed targets leave room for (a joint statement has one span for two speakers, and a
         * group holds one of the two variants 004 has of one quote).
         */
        @Test
        void anOracleMeetsTheSeedTargets() {
            AnswerKey key = AnswerKey.of(CorpusLoader.load(Path.of("seeds")));
            Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
            key.reports().forEach(report -> candidates.put(report.source(), oracle(report, key.variantsOf(report.source()))));
            Map<String, List<Group>> groups = new LinkedHashMap<>();
            key.meetings().forEach(meeting -> groups.put(meeting.meeting(), byQuote(key, meeting, candidates)));

            Result result = FinderEvaluation.score(key, new Proposal(candidates, groups));

            assertThat(result.overall().recall()).isEqualTo(1.0);
            assertThat(result.overall().precision()).isEqualTo(1.0);
            assertThat(result.overall().speakerAccuracy()).isEqualTo(71.0 / 72);   // the joint statement's second speaker
            assertThat(result.overall().modeAccuracy()).isEqualTo(1.0);
            // 004 has two variants of one quote of the four-report meeting: 3 of its 9 pairs cannot be grouped.
            assertThat(result.grouping().falsePositives()).isZero();
            assertThat(result.grouping().falseNegatives()).isEqualTo(3);
            assertThat(result.grouping().f1()).isGreaterThan(0.9);
        }

        private static List<Candidate> oracle(Report report, List<Curated> variants) {
            Map<Span, Curated> first = new LinkedHashMap<>();
            variants.stream().sorted(Comparator.comparingInt(variant -> variant.span().start()))
                    .forEach(variant -> first.putIfAbsent(variant.span(), variant));
            return first.values().stream().map(variant -> candidateAt(report.text(), variant.span().start(),
                    variant.span().end(), variant.mode(), variant.speaker())).toList();
        }

        private static List<Group> byQuote(AnswerKey key, MeetingReports meeting, Map<String, List<Candidate>> candidates) {
            Map<String, Map<Integer, Member>> quotes = new LinkedHashMap<>();
            Set<Member> placed = new HashSet<>();
            for (Curated variant : key.variants()) {
                int report = meeting.sources().indexOf(variant.source());
                if (report < 0) {
                    continue;
                }
                Member member = new Member(report, index(candidates.get(variant.source()), variant.span()));
                Map<Integer, Member> members = quotes.computeIfAbsent(variant.quote(), quote -> new LinkedHashMap<>());
                if (!members.containsKey(report) && placed.add(member)) {
                    members.put(report, member);
                }
            }
            List<Group> groups = new ArrayList<>();
            quotes.values().stream().filter(members -> !members.isEmpty())
                    .forEach(members -> groups.add(new Group(null, List.copyOf(members.values()), 1, List.of())));
            singletons(meeting, candidates).stream().filter(group -> !placed.contains(group.members().get(0)))
                    .forEach(groups::add);
            return groups;
        }

        private static int index(List<Candidate> candidates, Span span) {
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).span().equals(span)) {
                    return i;
                }
            }
            throw new IllegalStateException("no oracle candidate at " + span);
        }
    }

    // ---- Hand-made keys and candidates ----

    /** One report (s1, {@link #TEXT}) with two curated variants, in a meeting of its own; each candidate in a group. */
    private static Result scoreOne(Candidate... candidates) {
        AnswerKey key = oneReport();
        Map<String, List<Candidate>> byReport = Map.of("s1", List.of(candidates));
        return FinderEvaluation.score(key, new Proposal(byReport, Map.of("m", singletons(key, byReport))));
    }

    private static AnswerKey oneReport() {
        return new AnswerKey(List.of(new Report("s1", "en", TEXT)),
                List.of(curated("first", "anna", "s1", DIRECT, TEXT, FIRST),
                        curated("second", "boris", "s1", INDIRECT, TEXT, SECOND)),
                List.of(new MeetingReports("m", List.of("s1"), List.of("anna"), List.of("boris"))));
    }

    private static Curated curated(String quote, String speaker, String source, QuoteMode mode, String text, String words) {
        return new Curated(quote, speaker, source, "en", mode, span(text, words), words);
    }

    private static Candidate candidate(String text, String words, QuoteMode mode, String speaker) {
        Span span = span(text, words);
        return candidateAt(text, span.start(), span.end(), mode, speaker);
    }

    private static Candidate candidateAt(String text, int start, int end, QuoteMode mode, String speaker) {
        SpeakerGuess guess = speaker == null ? null : new SpeakerGuess(speaker, null, null);
        return new Candidate(text.substring(start, end), new Span(start, end), mode, guess, Mention.of(text, start, start), 0.5);
    }

    private static Span span(String text, String words) {
        int start = text.indexOf(words);
        assertThat(start).as("«%s» in «%s»", words, text).isNotNegative();
        return new Span(start, start + words.length());
    }

    private static Group group(Member... members) {
        return new Group(null, List.of(members), 0.5, List.of());
    }

    /** Every candidate of the meeting's reports in a group of its own (what the grouper does without a partner). */
    private static List<Group> singletons(AnswerKey key, Map<String, List<Candidate>> candidates) {
        return singletons(key.meetings().get(0), candidates);
    }

    private static List<Group> singletons(MeetingReports meeting, Map<String, List<Candidate>> candidates) {
        List<Group> groups = new ArrayList<>();
        for (int r = 0; r < meeting.sources().size(); r++) {
            for (int c = 0; c < candidates.getOrDefault(meeting.sources().get(r), List.of()).size(); c++) {
                groups.add(group(new Member(r, c)));
            }
        }
        return groups;
    }
}
