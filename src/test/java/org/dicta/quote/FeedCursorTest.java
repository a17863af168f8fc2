package org.dicta.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Test
    void movesOverEntriesAppliedInOrder() {
        FeedCursor cursor = new FeedCursor(4, TIMEOUT);
        cursor.applied(List.of(5L, 6L, 7L), T0);
        assertThat(cursor.floor()).isEqualTo(7);
        assertThat(cursor.gapCount()).isZero();
        assertThat(cursor.isApplied(3)).isTrue();
    }

    @Test
    void holdsTheFloorBelowAnEntryThatCommitsLate() {
        FeedCursor cursor = new FeedCursor(0, TIMEOUT);
        cursor.applied(List.of(1L, 3L), T0);
        // 2 was numbered before 3 but is not committed yet: it must still be read.
        assertThat(cursor.floor()).isEqualTo(1);
        assertThat(cursor.isApplied(2)).isFalse();
        assertThat(cursor.isApplied(3)).isTrue();
        assertThat(cursor.gapCount()).isEqualTo(1);

        cursor.applied(List.of(2L), T0.plusSeconds(1));
        assertThat(cursor.floor()).isEqualTo(3);
        assertThat(cursor.gapCount()).isZero();
    }

    @Test
    void givesUpAnEntryMissingForLongerThanTheTimeout() {
        FeedCursor cursor = new FeedCursor(10, TIMEOUT);
        cursor.applied(List.of(12L, 14L), T0);
        assertThat(cursor.floor()).isEqualTo(10);
        cursor.applied(List.of(), T0.plus(TIMEOUT).minusSeconds(1));
        assertThat(cursor.floor()).isEqualTo(10);
        // 11 and 13 were first seen missing at T0; both rolled back.
        cursor.applied(List.of(), T0.plus(TIMEOUT));
        assertThat(cursor.floor()).isEqualTo(14);
        assertThat(cursor.gapCount()).isZero();
    }

    @Test
    void timesEachGapFromWhenItWasFirstSeen() {
        FeedCursor cursor = new FeedCursor(0, TIMEOUT);
        cursor.applied(List.of(2L), T0);
        cursor.applied(List.of(4L), T0.plus(TIMEOUT).minusSeconds(30));
        // 1 has timed out, 3 has been missing only 30 seconds.
        cursor.applied(List.of(), T0.plus(TIMEOUT));
        assertThat(cursor.floor()).isEqualTo(2);
        assertThat(cursor.isApplied(3)).isFalse();
        cursor.applied(List.of(3L), T0.plus(TIMEOUT).plusSeconds(1));
        assertThat(cursor.floor()).isEqualTo(4);
    }

    @Test
    void ignoresEntriesAlreadyBelowTheFloor() {
        FeedCursor cursor = new FeedCursor(9, TIMEOUT);
        cursor.applied(List.of(3L, 9L, 10L), T0);
        assertThat(cursor.floor()).isEqualTo(10);
        assertThat(cursor.gapCount()).isZero();
    }
}
