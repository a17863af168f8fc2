package org.dicta.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.dicta.finder.StatementGrouper.Group;
import org.dicta.finder.StatementGrouper.Member;
import org.dicta.meeting.Meeting;
import org.dicta.meeting.Participant;
import org.dicta.meeting.ParticipantRole;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteVariant;
import org.dicta.quote.QuoteView.Span;
import org.dicta.search.Analysis;
import org.dicta.search.Token;
import org.dicta.search.Tokens;
import org.dicta.seed.Corpus;
import org.dicta.source.Source;
import org.junit.jupiter.api.function.Executable;

/**
 * Scores the {@link StatementFinder} and the {@link StatementGrouper} against a curated corpus (the format of
 * {@code seeds/}), whose quote variants are the answer key.
 *
 * <p><b>Words.</b> The words of a text are its tokens by {@link Tokens#of(String, Analysis)} with
 * {@link Analysis#of(String)} of its language: a curated variant's text in the variant's language, a candidate's text in
 * its report's language. Their offsets are shifted by the start of the text's span, so that they are offsets in the
 * report. A word <em>lies inside</em> a span when {@code span.start <= word.start && word.end <= span.end}; a span
 * <em>covers</em> the words that lie inside it. "At least half" of {@code n} words means {@code k} words with
 * {@code 2k >= n} and {@code k >= 1} (a text without words is never half covered).
 *
 * <p><b>Matching.</b> Each curated variant is matched to the candidate of its own source that covers most of its words;
 * among equals, the one earlier in the report's list of candidates (the finder lists them in the order of the text).
 * The variant is <em>found</em> when that candidate covers at least half of its words. Several variants may match one
 * candidate (a joint statement is one span recorded once per speaker).
 *
 * <p><b>Metrics</b>, per report and overall (overall figures are pooled over all reports, not averaged):
 * <ul>
 *   <li><b>statement recall</b> = found curated variants / curated variants;</li>
 *   <li><b>precision</b> = correct candidates / candidates, a candidate being <em>correct</em> when it covers at least
 *       half of the words of some curated variant of its source, or when at least half of its own words lie inside one
 *       curated variant of its source;</li>
 *   <li><b>speaker accuracy</b> = found variants whose matched candidate's {@code speaker.id} equals the quote's speaker
 *       id / found variants (a candidate without a speaker, or with {@code id} null, is wrong);</li>
 *   <li><b>mode accuracy</b> = found variants whose matched candidate has the variant's mode / found variants;</li>
 *   <li><b>grouping pairwise precision, recall and F1</b>: for each meeting, every pair of found curated variants that
 *       lie in two different sources of the meeting, whichever meeting their quote is of (pairs within one source are
 *       not counted), is <em>gold-positive</em> when both are variants of the same quote, and <em>predicted-positive</em>
 *       when the grouper put their matched candidates in the same group of that meeting. Pairs are pooled over all
 *       meetings; precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2TP / (2TP + FP + FN). By convention F1 is
 *       1.0 when there are neither gold-positive nor predicted-positive pairs (TP = FP = FN = 0), so a finder that finds
 *       nothing scores 1.0 here. (A joint statement reported in two sources would cost a false positive even to a
 *       perfect grouper, its two quotes sharing one candidate per source; the seeds have one only in a single-source
 *       meeting.)</li>
 * </ul>
 * A ratio whose denominator is zero (recall without curated variants, precision without candidates, accuracy without
 * found variants, pairwise precision or recall without pairs) is undefined: {@link Double#NaN}, shown as {@code n/a},
 * and never meets a target.
 *
 * <p><b>The finder's contract</b>, checked before scoring ({@link ContractBroken} otherwise): every candidate's
 * {@code text} is its report's {@code substring(span.start, span.end)}, its span lies within the report and it has a
 * mode; every candidate of a meeting's reports is in exactly one group of that meeting; no group has two members of one
 * report.
 *
 * <p>{@link #evaluate(Corpus)} runs the finder and the grouper; {@link #score(AnswerKey, Proposal)} is the scoring core,
 * for given candidates and groups.
 */
public final class FinderEvaluation {

    private static final int QUOTED_TEXT = 110;
    private static final int LISTED_FAULTS = 25;

    private FinderEvaluation() {
    }

    // ---- The answer key ----

    /** A report the finder reads. */
    public record Report(String source, String lang, String text) {
    }

    /** A curated variant: where its source reports a quote, in which language and mode, said by whom. */
    public record Curated(String quote, String speaker, String source, String lang, QuoteMode mode, Span span, String text) {
    }

    /**
     * A meeting: the ids of its sources, whose order gives the grouper's report indices, and its participants' speaker
     * ids, the hosts apart from the others (guests and attendees), each in the meeting's order.
     */
    public record MeetingReports(String meeting, List<String> sources, List<String> hosts, List<String> others) {
    }

    /** The reports, the curated variants and the meetings of a corpus. */
    public record AnswerKey(List<Report> reports, List<Curated> variants, List<MeetingReports> meetings) {

        public static AnswerKey of(Corpus corpus) {
            List<Report> reports = corpus.sources().stream().map(FinderEvaluation::report).toList();
            List<Curated> variants = new ArrayList<>();
            for (Quote quote : corpus.quotes()) {
                for (QuoteVariant variant : quote.variants) {
                    variants.add(new Curated(quote.id, quote.speaker.id, variant.source.id, variant.lang, variant.mode,
                            new Span(variant.spanStart, variant.spanEnd), variant.text));
                }
            }
            List<MeetingReports> meetings = corpus.meetings().stream().map(FinderEvaluation::meeting).toList();
            return new AnswerKey(reports, List.copyOf(variants), meetings);
        }

        /** The report of this source. */
        public Report report(String source) {
            return reports.stream().filter(report -> report.source().equals(source)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no report " + source + " in the answer key"));
        }

        /** The curated variants that lie in this source, in the order of the key. */
        public List<Curated> variantsOf(String source) {
            return variants.stream().filter(variant -> variant.source().equals(source)).toList();
        }

        /**
         * The finder's participants for a source: the speakers of every meeting that lists it, the hosts of all those
         * meetings first, then the others, each once, in the order of the meetings and of their participants.
         */
        public List<String> participants(String source) {
            List<MeetingReports> listing = meetings.stream().filter(meeting -> meeting.sources().contains(source)).toList();
            Set<String> ordered = new LinkedHashSet<>();
            listing.forEach(meeting -> ordered.addAll(meeting.hosts()));
            listing.forEach(meeting -> ordered.addAll(meeting.others()));
            return List.copyOf(ordered);
        }
    }

    private static Report report(Source source) {
        return new Report(source.id, source.lang, source.text);
    }

    private static MeetingReports meeting(Meeting meeting) {
        List<String> sources = meeting.sources.stream().map(source -> source.id).toList();
        return new MeetingReports(meeting.id, sources, speakers(meeting, true), speakers(meeting, false));
    }

    private static List<String> speakers(Meeting meeting, boolean hosts) {
        return meeting.participants.stream().filter(participant -> (participant.role == ParticipantRole.HOST) == hosts)
                .map((Participant participant) -> participant.speaker.id).toList();
    }

    /**
     * What was proposed: each report's candidates, by source id, and each meeting's groups, by meeting id, whose members'
     * {@code report} indexes {@link MeetingReports#sources()}.
     */
    public record Proposal(Map<String, List<Candidate>> candidates, Map<String, List<Group>> groups) {
    }

    // ---- Running the finder ----

    /** Runs the finder and the grouper over the corpus, and scores them. */
    public static Result evaluate(Corpus corpus) {
        AnswerKey key = AnswerKey.of(corpus);
        Catalogue catalogue = Catalogue.of(corpus.speakers(), corpus.topics());
        Proposal proposal = propose(key, new StatementFinder(catalogue), new StatementGrouper(catalogue));
        checkInTextOrder(proposal);
        return score(key, proposal);
    }

    /**
     * The finder's candidates come in text order and do not overlap (one statement, one span). Checked on the finder's
     * own output only: the metric tests score hand-made, overlapping candidates on purpose.
     */
    public static void checkInTextOrder(Proposal proposal) {
        List<String> faults = new ArrayList<>();
        proposal.candidates().forEach((source, candidates) -> {
            for (int i = 1; i < candidates.size(); i++) {
                if (candidates.get(i).span().start() < candidates.get(i - 1).span().end()) {
                    faults.add(source + " candidate " + i + " overlaps or comes before candidate " + (i - 1));
                }
            }
        });
        if (!faults.isEmpty()) {
            throw new ContractBroken(faults);
        }
    }

    /**
     * The finder's candidates for every report (with the participants of {@link AnswerKey#participants(String)}) and the
     * grouper's groups for every meeting (its reports in the order of the meeting's sources).
     */
    public static Proposal propose(AnswerKey key, StatementFinder finder, StatementGrouper grouper) {
        Map<String, ReportCandidates> found = new LinkedHashMap<>();
        for (Report report : key.reports()) {
            ReportCandidates candidates = finder.analyse(report.source(), report.lang(), report.text(),
                    key.participants(report.source()));
            if (candidates == null || candidates.items() == null) {
                throw new ContractBroken(List.of("the finder returned no list of candidates for " + report.source()));
            }
            found.put(report.source(), candidates);
        }
        Map<String, List<Group>> groups = new LinkedHashMap<>();
        for (MeetingReports meeting : key.meetings()) {
            List<StatementGrouper.Report> reports = meeting.sources().stream().map(key::report)
                    .map(report -> new StatementGrouper.Report(report.source(), report.lang(), report.text(),
                            found.get(report.source())))
                    .toList();
            List<Group> grouped = grouper.group(reports);
            if (grouped == null) {
                throw new ContractBroken(List.of("the grouper returned no list of groups for meeting " + meeting.meeting()));
            }
            groups.put(meeting.meeting(), grouped);
        }
        Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
        found.forEach((source, report) -> candidates.put(source, report.items()));
        return new Proposal(candidates, groups);
    }

    // ---- The contract ----

    /** The finder or the grouper broke its contract; the message lists every fault. */
    public static final class ContractBroken extends AssertionError {

        private final List<String> faults;

        public ContractBroken(List<String> faults) {
            super(message(faults));
            this.faults = List.copyOf(faults);
        }

        public List<String> faults() {
            return faults;
        }

        private static String message(List<String> faults) {
            StringBuilder message = new StringBuilder("The finder's contract is broken (" + faults.size() + " faults):");
            faults.stream().limit(LISTED_FAULTS).forEach(fault -> message.append("\n  - ").append(fault));
            if (faults.size() > LISTED_FAULTS) {
                message.append("\n  … and ").append(faults.size() - LISTED_FAULTS).append(" more");
            }
            return message.toString();
        }
    }

    /** Checks the contract of the class comment; throws {@link ContractBroken} listing every fault. */
    public static void checkContract(AnswerKey key, Proposal proposal) {
        List<String> faults = new ArrayList<>();
        for (Report report : key.reports()) {
            checkCandidates(report, proposal.candidates().get(report.source()), faults);
        }
        for (MeetingReports meeting : key.meetings()) {
            checkGroups(meeting, proposal, faults);
        }
        if (!faults.isEmpty()) {
            throw new ContractBroken(faults);
        }
    }

    private static void checkCandidates(Report report, List<Candidate> candidates, List<String> faults) {
        if (candidates == null) {
            faults.add(report.source() + ": no list of candidates");
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            String fault = fault(report.text(), candidates.get(i));
            if (fault != null) {
                faults.add(report.source() + " candidate " + i + ": " + fault);
            }
        }
    }

    private static String fault(String text, Candidate candidate) {
        if (candidate == null) {
            return "null";
        }
        Span span = candidate.span();
        if (span == null) {
            return "no span";
        }
        if (span.start() < 0 || span.start() > span.end() || span.end() > text.length()) {
            return "span [" + span.start() + ", " + span.end() + ") is not within the report (length " + text.length() + ")";
        }
        String slice = text.substring(span.start(), span.end());
        if (!slice.equals(candidate.text())) {
            return "text " + quoted(candidate.text()) + " is not the report's substring(" + span.start() + ", " + span.end()
                    + ") " + quoted(slice);
        }
        return candidate.mode() == null ? "no mode" : null;
    }

    private static void checkGroups(MeetingReports meeting, Proposal proposal, List<String> faults) {
        List<Group> groups = proposal.groups().get(meeting.meeting());
        if (groups == null) {
            faults.add("meeting " + meeting.meeting() + ": no list of groups");
            return;
        }
        Map<Member, Integer> times = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            String where = "meeting " + meeting.meeting() + " group " + g;
            Group group = groups.get(g);
            if (group == null || group.members() == null) {
                faults.add(where + ": no members");
                continue;
            }
            Set<Integer> reports = new LinkedHashSet<>();
            for (Member member : group.members()) {
                if (!exists(meeting, proposal, member)) {
                    faults.add(where + ": member " + member + " names no candidate of the meeting's reports");
                    continue;
                }
                if (!reports.add(member.report())) {
                    faults.add(where + ": two members of report " + member.report() + " ("
                            + meeting.sources().get(member.report()) + ")");
                }
                times.merge(member, 1, Integer::sum);
            }
        }
        for (int r = 0; r < meeting.sources().size(); r++) {
            String source = meeting.sources().get(r);
            List<Candidate> candidates = proposal.candidates().getOrDefault(source, List.of());
            for (int c = 0; c < candidates.size(); c++) {
                int count = times.getOrDefault(new Member(r, c), 0);
                if (count != 1) {
                    faults.add("meeting " + meeting.meeting() + ": candidate " + c + " of report " + r + " (" + source
                            + ") is in " + (count == 0 ? "no group" : count + " groups"));
                }
            }
        }
    }

    private static boolean exists(MeetingReports meeting, Proposal proposal, Member member) {
        if (member == null || member.report() < 0 || member.report() >= meeting.sources().size()) {
            return false;
        }
        List<Candidate> candidates = proposal.candidates().getOrDefault(meeting.sources().get(member.report()), List.of());
        return member.candidate() >= 0 && member.candidate() < candidates.size();
    }

    // ---- Scoring ----

    /**
     * A curated variant and the candidate it is matched to: {@code index} in its report's candidates (-1 and
     * {@code candidate} null when no candidate covers any of its words), with how many of its {@code words} it covers.
     */
    public record Match(Curated variant, int index, Candidate candidate, int covered, int words) {

        public boolean found() {
            return candidate != null && atLeastHalf(covered, words);
        }

        public boolean rightSpeaker() {
            return found() && candidate.speaker() != null && Objects.equals(candidate.speaker().id(), variant.speaker());
        }

        public boolean rightMode() {
            return found() && candidate.mode() == variant.mode();
        }
    }

    /** A candidate of a report ({@code index} in its list) and whether it is correct. */
    public record Judged(String source, int index, Candidate candidate, boolean correct) {
    }

    /** A pair of found variants of one meeting that the grouper got wrong: {@code grouped} says what it did. */
    public record PairError(String meeting, Match first, Match second, boolean grouped) {
    }

    /** One report's counts; the ratios are those of the class comment ({@link Double#NaN} when undefined). */
    public record Row(String source, String lang, int variants, int candidates, int found, int correct, int rightSpeaker,
            int rightMode) {

        public double recall() {
            return ratio(found, variants);
        }

        public double precision() {
            return ratio(correct, candidates);
        }

        public double speakerAccuracy() {
            return ratio(rightSpeaker, found);
        }

        public double modeAccuracy() {
            return ratio(rightMode, found);
        }

        static Row total(List<Row> rows) {
            return new Row("overall", "", sum(rows, Row::variants), sum(rows, Row::candidates), sum(rows, Row::found),
                    sum(rows, Row::correct), sum(rows, Row::rightSpeaker), sum(rows, Row::rightMode));
        }

        private static int sum(List<Row> rows, ToIntFunction<Row> count) {
            return rows.stream().mapToInt(count).sum();
        }
    }

    /** The grouping's pair counts, pooled over all meetings. */
    public record Pairs(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public int goldPositives() {
            return truePositives + falseNegatives;
        }

        public int predictedPositives() {
            return truePositives + falsePositives;
        }

        public double precision() {
            return ratio(truePositives, predictedPositives());
        }

        public double recall() {
            return ratio(truePositives, goldPositives());
        }

        /** 2TP / (2TP + FP + FN); 1.0 when there are neither gold- nor predicted-positive pairs. */
        public double f1() {
            int errors = falsePositives + falseNegatives;
            return truePositives + errors == 0 ? 1.0 : 2.0 * truePositives / (2.0 * truePositives + errors);
        }
    }

    /** Scores given candidates and groups against the answer key, after checking the contract. */
    public static Result score(AnswerKey key, Proposal proposal) {
        checkContract(key, proposal);
        List<Row> rows = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        List<Judged> judged = new ArrayList<>();
        for (Report report : key.reports()) {
            List<Candidate> candidates = proposal.candidates().get(report.source());
            List<Curated> curated = key.variantsOf(report.source());
            List<Match> matched = curated.stream().map(variant -> match(variant, candidates)).toList();
            List<Judged> verdicts = judge(report, candidates, curated);
            matches.addAll(matched);
            judged.addAll(verdicts);
            rows.add(row(report, curated.size(), matched, verdicts));
        }
        List<PairError> pairErrors = new ArrayList<>();
        Pairs pairs = pairs(key, proposal, matches, pairErrors);
        int meetingsWithSeveralSources = (int) key.meetings().stream().filter(meeting -> meeting.sources().size() >= 2).count();
        return new Result(List.copyOf(rows), Row.total(rows), pairs, meetingsWithSeveralSources, List.copyOf(matches),
                List.copyOf(judged), List.copyOf(pairErrors));
    }

    private static Row row(Report report, int variants, List<Match> matched, List<Judged> verdicts) {
        return new Row(report.source(), report.lang(), variants, verdicts.size(), count(matched, Match::found),
                count(verdicts, Judged::correct), count(matched, Match::rightSpeaker), count(matched, Match::rightMode));
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    /** The candidate covering most of the variant's words, the earliest among equals. */
    static Match match(Curated variant, List<Candidate> candidates) {
        List<Word> words = words(variant.text(), variant.span().start(), variant.lang());
        int best = -1;
        int most = 0;
        for (int i = 0; i < candidates.size(); i++) {
            int covered = covered(words, candidates.get(i).span());
            if (covered > most) {
                best = i;
                most = covered;
            }
        }
        return new Match(variant, best, best < 0 ? null : candidates.get(best), most, words.size());
    }

    private static List<Judged> judge(Report report, List<Candidate> candidates, List<Curated> curated) {
        List<List<Word>> curatedWords = curated.stream()
                .map(variant -> words(variant.text(), variant.span().start(), variant.lang())).toList();
        List<Judged> verdicts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            List<Word> own = words(candidate.text(), candidate.start(), report.lang());
            boolean correct = false;
            for (int v = 0; v < curated.size() && !correct; v++) {
                correct = atLeastHalf(covered(curatedWords.get(v), candidate.span()), curatedWords.get(v).size())
                        || atLeastHalf(covered(own, curated.get(v).span()), own.size());
            }
            verdicts.add(new Judged(report.source(), i, candidate, correct));
        }
        return verdicts;
    }

    private static Pairs pairs(AnswerKey key, Proposal proposal, List<Match> matches, List<PairError> errors) {
        int[] counts = new int[4];
        for (MeetingReports meeting : key.meetings()) {
            Map<Member, Integer> groupOf = groupIndex(proposal.groups().get(meeting.meeting()));
            List<Match> found = matches.stream()
                    .filter(match -> match.found() && meeting.sources().contains(match.variant().source())).toList();
            for (int i = 0; i < found.size(); i++) {
                for (int j = i + 1; j < found.size(); j++) {
                    Match first = found.get(i);
                    Match second = found.get(j);
                    if (first.variant().source().equals(second.variant().source())) {
                        continue;
                    }
                    boolean gold = first.variant().quote().equals(second.variant().quote());
                    boolean grouped = Objects.equals(groupOf.get(member(meeting, first)), groupOf.get(member(meeting, second)));
                    counts[(gold ? 0 : 1) + (grouped ? 0 : 2)]++;
                    if (gold != grouped) {
                        errors.add(new PairError(meeting.meeting(), first, second, grouped));
                    }
                }
            }
        }
        return new Pairs(counts[0], counts[1], counts[2], counts[3]);
    }

    private static Map<Member, Integer> groupIndex(List<Group> groups) {
        Map<Member, Integer> index = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Member member : groups.get(g).members()) {
                index.put(member, g);
            }
        }
        return index;
    }

    private static Member member(MeetingReports meeting, Match match) {
        return new Member(meeting.sources().indexOf(match.variant().source()), match.index());
    }

    // ---- Words ----

    /** A word of a report, by its offsets in the report. */
    record Word(int start, int end) {
    }

    /** The words of a text that starts at {@code offset} in its report. */
    static List<Word> words(String text, int offset, String lang) {
        List<Word> words = new ArrayList<>();
        for (Token token : Tokens.of(text, Analysis.of(lang))) {
            words.add(new Word(offset + token.start(), offset + token.end()));
        }
        return words;
    }

    private static int covered(List<Word> words, Span span) {
        return (int) words.stream().filter(word -> span.start() <= word.start() && word.end() <= span.end()).count();
    }

    static boolean atLeastHalf(int covered, int words) {
        return covered >= 1 && 2 * covered >= words;
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    // ---- The result ----

    /**
     * The scores: one row per report, the pooled {@code overall} row, the grouping's pairs, the number of meetings with
     * at least two sources, and for diagnosis every match, every judged candidate and every wrongly grouped pair.
     */
    public record Result(List<Row> rows, Row overall, Pairs grouping, int meetingsWithSeveralSources, List<Match> matches,
            List<Judged> candidates, List<PairError> pairErrors) {

        public int reports() {
            return rows.size();
        }

        public List<Match> missed() {
            return sorted(matches.stream().filter(match -> !match.found()).toList());
        }

        public List<Judged> incorrect() {
            return candidates.stream().filter(judged -> !judged.correct()).toList();
        }

        public List<Match> wrongSpeakers() {
            return sorted(matches.stream().filter(match -> match.found() && !match.rightSpeaker()).toList());
        }

        public List<Match> wrongModes() {
            return sorted(matches.stream().filter(match -> match.found() && !match.rightMode()).toList());
        }

        private static List<Match> sorted(List<Match> matches) {
            return matches.stream().sorted(Comparator.comparing((Match match) -> match.variant().source())
                    .thenComparingInt(match -> match.variant().span().start())).toList();
        }

        /** Overall statement recall is at least the target. */
        public Executable recallAtLeast(double target) {
            return () -> assertAtLeast("statement recall", overall.recall(), target,
                    overall.found() + " of " + overall.variants() + " curated variants found");
        }

        /** Overall precision is at least the target. */
        public Executable precisionAtLeast(double target) {
            return () -> assertAtLeast("precision", overall.precision(), target,
                    overall.correct() + " of " + overall.candidates() + " candidates correct");
        }

        /** Overall speaker accuracy is at least the target. */
        public Executable speakerAccuracyAtLeast(double target) {
            return () -> assertAtLeast("speaker accuracy", overall.speakerAccuracy(), target,
                    overall.rightSpeaker() + " of " + overall.found() + " found variants attributed to the quote's speaker");
        }

        /** Overall mode accuracy is at least the target. */
        public Executable modeAccuracyAtLeast(double target) {
            return () -> assertAtLeast("mode accuracy", overall.modeAccuracy(), target,
                    overall.rightMode() + " of " + overall.found() + " found variants in the curated mode");
        }

        /** The grouping's pairwise F1 is at least the target. */
        public Executable groupingF1AtLeast(double target) {
            return () -> assertAtLeast("grouping pairwise F1", grouping.f1(), target, "TP " + grouping.truePositives()
                    + ", FP " + grouping.falsePositives() + ", FN " + grouping.falseNegatives());
        }

        /** A fixed-width table of the rows and the overall figures. */
        public String table() {
            int width = rows.stream().mapToInt(row -> row.source().length()).max().orElse(0);
            width = Math.max(width, "overall".length());
            String format = "%-" + width + "s  %-4s  %8s  %10s  %6s  %9s  %7s  %5s%n";
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, format, "report", "lang", "variants", "candidates", "recall", "precision",
                    "speaker", "mode"));
            table.append("-".repeat(width + 67)).append('\n');
            rows.forEach(row -> table.append(line(format, row)));
            table.append("-".repeat(width + 67)).append('\n');
            table.append(line(format, overall));
            table.append(String.format(Locale.ROOT, "reports: %d, curated variants: %d (found %d), candidates: %d (correct %d),"
                    + " meetings with >= 2 sources: %d%n", reports(), overall.variants(), overall.found(), overall.candidates(),
                    overall.correct(), meetingsWithSeveralSources));
            table.append(String.format(Locale.ROOT, "grouping pairs: gold-positive %d, predicted-positive %d, true-positive %d;"
                    + " precision %s, recall %s, F1 %s%n", grouping.goldPositives(), grouping.predictedPositives(),
                    grouping.truePositives(), figure(grouping.precision()), figure(grouping.recall()), figure(grouping.f1())));
            table.append("(grouping F1 is 1.0 by convention when there are neither gold- nor predicted-positive pairs;"
                    + " n/a = undefined, nothing to count)\n");
            return table.toString();
        }

        private static String line(String format, Row row) {
            return String.format(Locale.ROOT, format, row.source(), row.lang(), row.variants(), row.candidates(),
                    figure(row.recall()), figure(row.precision()), figure(row.speakerAccuracy()), figure(row.modeAccuracy()));
        }

        /** For whoever tunes the finder: every missed variant, incorrect candidate, wrong speaker or mode, grouping error. */
        public String diagnosis() {
            StringBuilder text = new StringBuilder();
            section(text, "Missed curated variants", missed(), Result::describeMiss);
            section(text, "Incorrect candidates", incorrect(), judged -> judged.source() + " " + describe(judged.candidate()));
            section(text, "Wrong speakers", wrongSpeakers(), match -> where(match) + ": expected " + match.variant().speaker()
                    + ", found " + speaker(match.candidate().speaker()) + "; " + quoted(match.variant().text()));
            section(text, "Wrong modes", wrongModes(), match -> where(match) + ": expected " + name(match.variant().mode())
                    + ", found " + name(match.candidate().mode()) + "; " + quoted(match.variant().text()));
            section(text, "Grouping errors", pairErrors, Result::describe);
            return text.toString();
        }

        private static <T> void section(StringBuilder text, String title, List<T> items, Function<T, String> line) {
            text.append(title).append(" (").append(items.size()).append("):\n");
            items.forEach(item -> text.append("  ").append(line.apply(item)).append('\n'));
        }

        private static String describeMiss(Match match) {
            String best = match.candidate() == null ? "no candidate covers any of its " + match.words() + " words"
                    : "best candidate " + match.index() + " covers " + match.covered() + " of " + match.words() + " words";
            return where(match) + " [" + name(match.variant().mode()) + ", " + match.variant().speaker() + "] " + span(
                    match.variant().span()) + ": " + best + "; " + quoted(match.variant().text());
        }

        private static String describe(Candidate candidate) {
            return span(candidate.span()) + " " + name(candidate.mode()) + ", speaker " + speaker(candidate.speaker()) + ": "
                    + quoted(candidate.text());
        }

        private static String describe(PairError error) {
            String verdict = error.grouped() ? "grouped, but are different quotes" : "not grouped, but are one quote";
            return error.meeting() + ": " + where(error.first()) + " and " + where(error.second()) + " " + verdict;
        }

        private static String where(Match match) {
            return match.variant().source() + " " + match.variant().quote();
        }
    }

    private static String speaker(SpeakerGuess guess) {
        if (guess == null) {
            return "none";
        }
        return guess.id() != null ? guess.id() : "unknown person '" + guess.name() + "'";
    }

    private static String name(QuoteMode mode) {
        return mode == null ? "no mode" : mode.name().toLowerCase(Locale.ROOT);
    }

    private static String span(Span span) {
        return "[" + span.start() + ", " + span.end() + ")";
    }

    /** A figure with three decimals, or {@code n/a} when undefined. */
    static String figure(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return "«" + (line.length() <= QUOTED_TEXT ? line : line.substring(0, QUOTED_TEXT) + "…") + "»";
    }

    // ---- Targets ----

    /**
     * Asserts that a figure meets its target; the message names the figure, its value, the target and the counts behind
     * it. An undefined figure (NaN) fails.
     */
    public static void assertAtLeast(String figure, double value, double target, String counts) {
        if (!(value >= target)) {
            String shown = Double.isNaN(value) ? "undefined" : figure(value);
            throw new AssertionError(figure + " is " + shown + " (" + counts + "), below the target "
                    + String.format(Locale.ROOT, "%.2f", target));
        }
    }
}
