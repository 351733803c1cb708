package org.alliance.stats.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParticipationTest {

    // actor 0 = client, 1 = professional. Hand-computed figures in the comments.
    private final int[] actor = {1, 1, 0, 1, 0, 0};
    private final long[] onset = {0, 500, 3000, 4000, 6000, 6500};
    private final long[] offset = {2000, 2500, 5000, 7000, 7000, 6500};

    @Test
    void turnsAreRunsOfTheSameActorInOnsetOrder() {
        var result = Participation.compute(actor, onset, offset, 2, 0);
        // order: P P C P C C -> turns P, C, P, C
        assertThat(result.totalTurns()).isEqualTo(4);
        assertThat(result.actors().get(0).turns()).isEqualTo(2);
        assertThat(result.actors().get(1).turns()).isEqualTo(2);
        assertThat(result.actors().get(0).events()).isEqualTo(3);
        assertThat(result.actors().get(0).turnShare()).isEqualTo(0.5);
    }

    @Test
    void speakingTimeIsTheUnionOfAnActorsIntervals() {
        var result = Participation.compute(actor, onset, offset, 2, 0);
        // professional: [0,2500] U [4000,7000] = 2500 + 3000; client: [3000,5000] U [6000,7000] = 3000
        assertThat(result.actors().get(1).speechMs()).isEqualTo(5500);
        assertThat(result.actors().get(0).speechMs()).isEqualTo(3000);
        assertThat(result.actors().get(0).timeShare()).isCloseTo(3000.0 / 8500, within(1e-15));
    }

    @Test
    void overlapCountsTimeWithTwoActorsAtOnce() {
        var result = Participation.compute(actor, onset, offset, 2, 0);
        // [4000,5000] and [6000,7000]
        assertThat(result.overlapMs()).isEqualTo(2000);
    }

    @Test
    void clientLatencyAndMeanTurnLength() {
        var result = Participation.compute(actor, onset, offset, 2, 0);
        assertThat(result.clientLatencyMs()).hasValue(3000);
        // client turns: [3000,5000] = 2000 and [6000,7000] = 1000
        assertThat(result.clientMeanTurnMs()).hasValue(1500.0);
    }

    @Test
    void touchingIntervalsDoNotOverlap() {
        var result = Participation.compute(new int[] {0, 1}, new long[] {0, 1000}, new long[] {1000, 2000}, 2, -1);
        assertThat(result.overlapMs()).isZero();
        assertThat(result.clientLatencyMs()).isEmpty();
    }

    @Test
    void tenThousandOverlappingTurnsAreCountedExactly() {
        int n = 10_000;
        int[] a = new int[n];
        long[] on = new long[n];
        long[] off = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 3;
            on[i] = i * 1000L;
            off[i] = on[i] + 1500;
        }
        // Speed is measured by alliance-bench's ParticipationBenchmark (docs/benchmarks.md), not here.
        var result = Participation.compute(a, on, off, 3, 0);
        assertThat(result.totalTurns()).isEqualTo(n);
        assertThat(result.overlapMs()).isEqualTo((n - 1) * 500L);
    }
}
