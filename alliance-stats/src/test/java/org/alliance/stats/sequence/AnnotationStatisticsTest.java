package org.alliance.stats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnnotationStatisticsTest {

    @Test
    void figuresFollowElansDefinitions() {
        int[] group = {0, 0, 0, 1};
        long[] onset = {1000, 3000, 7000, 2000};
        long[] offset = {2000, 6000, 9000, 11000};
        var result = AnnotationStatistics.compute(group, onset, offset, 3);
        assertThat(result.periodStartMs()).isEqualTo(1000);
        assertThat(result.periodEndMs()).isEqualTo(11000);
        var g = result.groups().get(0);
        assertThat(g.occurrences()).isEqualTo(3);
        assertThat(g.minDurationMs()).isEqualTo(1000);
        assertThat(g.maxDurationMs()).isEqualTo(3000);
        assertThat(g.meanDurationMs()).isEqualTo(2000);
        assertThat(g.medianDurationMs()).isEqualTo(2000);
        assertThat(g.totalDurationMs()).isEqualTo(6000);
        assertThat(g.timeRatio()).isCloseTo(0.6, within(1e-15));
        assertThat(g.latencyMs()).isZero();
        assertThat(g.relativeFrequency()).isEqualTo(0.75);
        assertThat(g.perMinute()).isCloseTo(18.0, within(1e-12)); // 3 in 10 s
        assertThat(result.groups().get(1).latencyMs()).isEqualTo(1000);
        assertThat(result.groups().get(1).medianDurationMs()).isEqualTo(9000);
        assertThat(result.groups().get(2).occurrences()).isZero();
        assertThat(result.groups().get(2).meanDurationMs()).isNaN();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        var result = AnnotationStatistics.compute(
                new int[] {0, 0}, new long[] {0, 0}, new long[] {1000, 2000}, 1, 0, 60_000);
        assertThat(result.groups().get(0).medianDurationMs()).isEqualTo(1500);
        assertThat(result.groups().get(0).perMinute()).isEqualTo(2.0);
    }
}
