package org.dicta.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.search.Analysis;
import org.dicta.search.Tokens;

/**
 * Groups the candidates of a meeting's reports into proposed statements, as an editor lines reports up by hand: the
 * report with the most statements is the spine; each other report is aligned to it in order (reports of one meeting
 * tell it in much the same order), and two candidates align when the same speaker says them and they speak of the same
 * things ({@link Concepts}: names, places, numbers, topic words, in any script) at about the same place in their
 * reports. A candidate that aligns with nothing is a statement of its own. See docs/finder.md for where this fails.
 */
public final class StatementGrouper {

    /** One report of the meeting, and what the finder found in it. */
    public record Report(String source, String lang, String text, ReportCandidates found) {
    }

    /** A candidate of one report: {@code report} indexes the reports, {@code candidate} that report's items. */
    public record Member(int report, int candidate) {
    }

    /**
     * A proposed statement: its speaker (null when unknown), its members (at most one per report), a confidence, and the
     * catalogue topics its reports speak of (by their labels in any language), most reports first.
     */
    public record Group(String speaker, List<Member> members, double confidence, List<String> topics) {
    }

    /** Below this, two candidates are not taken for one statement. */
    private static final double THRESHOLD = 0.2;
    /** The fewest words a lead needs to be taken for an echo of a later statement. */
    private static final int ECHO_WORDS = 6;
    /** The most candidate–group comparisons one report's alignment makes; a larger report's candidates stand alone. */
    private static final long MAX_CELLS = 4_000_000;
    /** How much shared concepts weigh against nearness in the reports' order. */
    private static final double CONCEPT_WEIGHT = 0.8;

    private final Concepts concepts;

    public StatementGrouper(Catalogue catalogue) {
        this.concepts = new Concepts(catalogue, new SpeakerIndex(catalogue));
    }

    /** A candidate with what it is compared by. */
    private record Item(Member member, String speaker, Set<String> about, double position, double confidence) {
    }

    /** A growing group: its items, and the similarity each joined with. */
    private static final class Bucket {
        final List<Item> items = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        double position() {
            return items.stream().mapToDouble(Item::position).average().orElse(0);
        }

        boolean has(int report) {
            return items.stream().anyMatch(item -> item.member().report() == report);
        }
    }

    /** Every candidate of every report in exactly one group, groups in the order the reports tell them. */
    public List<Group> group(List<Report> reports) {
        List<List<Item>> items = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            items.add(items(r, reports.get(r)));
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingInt((Integer r) -> items.get(r).size()).reversed().thenComparing(r -> r));
        Map<String, Double> weights = weights(items);
        List<Bucket> buckets = new ArrayList<>();
        List<Bucket> echoes = new ArrayList<>();
        for (int r : order) {
            List<Item> told = new ArrayList<>();
            List<Set<String>> words = words(reports.get(r));
            for (Item item : items.get(r)) {
                if (echoes(item, items.get(r), words)) {
                    Bucket alone = new Bucket();
                    alone.items.add(item);
                    echoes.add(alone);
                } else {
                    told.add(item);
                }
            }
            align(buckets, told, r, weights);
        }
        buckets.addAll(echoes);
        buckets.sort(Comparator.comparingDouble(Bucket::position));
        return buckets.stream().map(StatementGrouper::group).toList();
    }

    /**
     * Whether a candidate is a report's lead repeating a statement its body reports again (news often opens with the
     * point it then tells in full): it has six words or more, and most of them recur in a later candidate of the same
     * report. Only the later
     * one is aligned with the other reports; the echo stays a statement of its own.
     */
    private static boolean echoes(Item item, List<Item> report, List<Set<String>> words) {
        Set<String> lead = words.get(item.member().candidate());
        for (Item later : report) {
            if (later.member().candidate() > item.member().candidate()) {
                Set<String> common = new HashSet<>(lead);
                common.retainAll(words.get(later.member().candidate()));
                if (lead.size() >= ECHO_WORDS && common.size() >= 0.6 * lead.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Set<String>> words(Report report) {
        return report.found().items().stream()
                .map(candidate -> (Set<String>) new HashSet<>(Tokens.terms(candidate.text(), Analysis.of(report.lang())))).toList();
    }

    private List<Item> items(int r, Report report) {
        List<Candidate> candidates = report.found().items();
        List<Item> list = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = candidates.get(c);
            String speaker = candidate.speaker() == null ? null : candidate.speaker().id();
            double position = position(candidates, c);
            list.add(new Item(new Member(r, c), speaker, concepts.of(report.lang(), candidate.text()), position,
                    candidate.confidence()));
        }
        return list;
    }

    /**
     * Where a candidate lies in its report, from 0 to 1: half its rank among the report's candidates, half its offset
     * between the first candidate's start and the last one's end (so that a report's lead and its extra statements
     * shift the others less).
     */
    private static double position(List<Candidate> candidates, int c) {
        if (candidates.size() == 1) {
            return 0.5;
        }
        double rank = (double) c / (candidates.size() - 1);
        int first = candidates.get(0).start();
        int last = candidates.get(candidates.size() - 1).end();
        double offset = last <= first ? rank : (double) (candidates.get(c).start() - first) / (last - first);
        return (rank + offset) / 2;
    }

    /**
     * Aligns one report's candidates to the groups so far, in order (a monotone alignment, as in sequence alignment:
     * each candidate joins at most one group, each group takes at most one candidate of the report, and the matches
     * keep both orders), maximising the sum of similarities; the rest start groups of their own.
     */
    private static void align(List<Bucket> buckets, List<Item> items, int report, Map<String, Double> weights) {
        buckets.sort(Comparator.comparingDouble(Bucket::position));
        int n = items.size();
        int m = buckets.size();
        if ((long) n * m > MAX_CELLS) {
            for (Item item : items) {
                Bucket alone = new Bucket();
                alone.items.add(item);
                buckets.add(alone);
            }
            return;
        }
        double[][] best = new double[n + 1][m + 1];
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sim[i][j] = buckets.get(j).has(report) ? 0 : similarity(items.get(i), buckets.get(j), weights);
            }
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double match = sim[i - 1][j - 1] >= THRESHOLD ? best[i - 1][j - 1] + sim[i - 1][j - 1] : -1;
                best[i][j] = Math.max(match, Math.max(best[i - 1][j], best[i][j - 1]));
            }
        }
        Map<Integer, Integer> joins = new HashMap<>();
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            double match = sim[i - 1][j - 1] >= THRESHOLD ? best[i - 1][j - 1] + sim[i - 1][j - 1] : -1;
            if (match >= 0 && best[i][j] == match) {
                joins.put(i - 1, j - 1);
                i--;
                j--;
            } else if (best[i][j] == best[i - 1][j]) {
                i--;
            } else {
                j--;
            }
        }
        List<Bucket> fresh = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Integer target = joins.get(k);
            if (target != null) {
                buckets.get(target).items.add(items.get(k));
                buckets.get(target).scores.add(sim[k][target]);
            } else {
                Bucket bucket = new Bucket();
                bucket.items.add(items.get(k));
                fresh.add(bucket);
            }
        }
        buckets.addAll(fresh);
    }

    /** How alike a candidate is to a group: its best likeness to one of the group's members. */
    private static double similarity(Item item, Bucket bucket, Map<String, Double> weights) {
        double best = 0;
        for (Item other : bucket.items) {
            best = Math.max(best, similarity(item, other, weights));
        }
        return best;
    }

    /**
     * How much each concept tells two statements apart: its inverse document frequency over the meeting's candidates.
     * The meeting's own countries and words such as «cooperation», which most of its statements share, weigh almost
     * nothing; a name, a number or a place that two candidates alone share weighs most.
     */
    private static Map<String, Double> weights(List<List<Item>> reports) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (List<Item> report : reports) {
            for (Item item : report) {
                total++;
                item.about().forEach(concept -> counts.merge(concept, 1, Integer::sum));
            }
        }
        Map<String, Double> weights = new HashMap<>();
        int n = total;
        counts.forEach((concept, count) -> weights.put(concept, Math.log((n + 1.0) / (count + 0.5))));
        return weights;
    }

    /**
     * Two candidates of different reports: nothing when different speakers say them; otherwise the weighted share of
     * the concepts they have in common (weighted Jaccard, {@link #weights}), weighed with how near they are in their
     * reports' order.
     */
    static double similarityOf(Set<String> a, Set<String> b, double positionA, double positionB, Map<String, Double> weights) {
        double common = 0;
        double all = 0;
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        for (String concept : union) {
            double weight = Math.max(0, weights.getOrDefault(concept, 0.0));
            all += weight;
            if (a.contains(concept) && b.contains(concept)) {
                common += weight;
            }
        }
        double overlap = all == 0 ? 0 : common / all;
        double nearness = 1 - Math.min(1, Math.abs(positionA - positionB) * 2);
        return CONCEPT_WEIGHT * overlap + (1 - CONCEPT_WEIGHT) * nearness;
    }

    private static double similarity(Item a, Item b, Map<String, Double> weights) {
        if (a.speaker() != null && b.speaker() != null && !a.speaker().equals(b.speaker())) {
            return 0;
        }
        return similarityOf(a.about(), b.about(), a.position(), b.position(), weights);
    }

    private static Group group(Bucket bucket) {
        List<Member> members = bucket.items.stream().map(Item::member)
                .sorted(Comparator.comparingInt(Member::report)).toList();
        Map<String, Integer> votes = new HashMap<>();
        bucket.items.stream().map(Item::speaker).filter(speaker -> speaker != null).forEach(speaker -> votes.merge(speaker, 1, Integer::sum));
        String speaker = votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        double found = bucket.items.stream().mapToDouble(Item::confidence).average().orElse(0);
        double agreement = bucket.scores.isEmpty() ? 1 : bucket.scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<String, Integer> topics = new HashMap<>();
        bucket.items.forEach(item -> item.about().stream().filter(concept -> concept.startsWith(Concepts.TOPIC))
                .forEach(concept -> topics.merge(concept.substring(Concepts.TOPIC.length()), 1, Integer::sum)));
        List<String> ordered = topics.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return new Group(speaker, members, Math.round(found * agreement * 100) / 100.0, ordered);
    }
}
