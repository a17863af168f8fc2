package org.dicta.quote;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * How far one reader has applied a feed whose entries are numbered when written but may commit in any order: a floor,
 * up to which every number is applied (or was given up), and the numbers applied above it. A missing number holds the
 * floor back until it is applied or has been missing for the gap timeout (its transaction rolled back). Not thread-safe.
 */
final class FeedCursor {

    private final Duration gapTimeout;
    private long floor;
    private final NavigableSet<Long> applied = new TreeSet<>();
    /** Missing numbers above the floor, with when they were first seen missing. */
    private final Map<Long, Instant> gaps = new HashMap<>();

    FeedCursor(long floor, Duration gapTimeout) {
        this.floor = floor;
        this.gapTimeout = gapTimeout;
    }

    /** Entries above this number must still be read; some of them may be applied already. */
    long floor() {
        return floor;
    }

    boolean isApplied(long seq) {
        return seq <= floor || applied.contains(seq);
    }

    /** Records these entries as applied, and moves the floor as far as it can go. */
    void applied(Collection<Long> seqs, Instant now) {
        seqs.stream().filter(seq -> seq > floor).forEach(applied::add);
        if (applied.isEmpty()) {
            gaps.clear();
            return;
        }
        for (long seq = floor + 1; seq < applied.last(); seq++) {
            if (!applied.contains(seq)) {
                gaps.putIfAbsent(seq, now);
            }
        }
        while (!applied.isEmpty()) {
            long next = floor + 1;
            if (applied.remove(next)) {
                gaps.remove(next);
                floor = next;
            } else if (Duration.between(gaps.get(next), now).compareTo(gapTimeout) >= 0) {
                gaps.remove(next);
                floor = next;
            } else {
                return;
            }
        }
    }

    /** Numbers missing above the floor (for logs and tests). */
    int gapCount() {
        return gaps.size();
    }
}
