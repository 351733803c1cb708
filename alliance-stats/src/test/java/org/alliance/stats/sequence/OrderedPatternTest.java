package org.alliance.stats.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderedPatternTest {

    @Test
    void findsAnOrderedSubsequenceWithOtherEventsBetween() {
        int[] code = {0, 3, 1, 3, 2};
        long[] onset = {0, 10, 20, 30, 40};
        var result = OrderedPattern.find(code, onset, onset, new int[] {0, 1, 2}, OrderedPattern.NO_MAX_GAP);
        assertThat(result.matched()).isTrue();
        assertThat(result.events()).containsExactly(0, 2, 4);
        assertThat(result.firstFailedStep()).isEqualTo(-1);
    }

    @Test
    void reportsTheFirstStepThatFailed() {
        int[] code = {0, 1, 0};
        long[] onset = {0, 10, 20};
        var result = OrderedPattern.find(code, onset, onset, new int[] {0, 1, 2}, OrderedPattern.NO_MAX_GAP);
        assertThat(result.matched()).isFalse();
        assertThat(result.firstFailedStep()).isEqualTo(2);
        assertThat(result.events()).containsExactly(0, 1);
    }

    @Test
    void wrongOrderDoesNotMatch() {
        int[] code = {1, 0};
        long[] onset = {0, 10};
        var result = OrderedPattern.find(code, onset, onset, new int[] {0, 1}, OrderedPattern.NO_MAX_GAP);
        assertThat(result.matched()).isFalse();
        assertThat(result.firstFailedStep()).isEqualTo(1);
    }

    @Test
    void maxGapChoosesALaterStartWhenTheEarliestIsTooFarAway() {
        // a@0-10, a@100-110, b@150: gap from the first a is 140, from the second 40
        int[] code = {0, 0, 1};
        long[] onset = {0, 100, 150};
        long[] offset = {10, 110, 160};
        assertThat(OrderedPattern.find(code, onset, offset, new int[] {0, 1}, 50)
                        .events())
                .containsExactly(1, 2);
        assertThat(OrderedPattern.find(code, onset, offset, new int[] {0, 1}, 30)
                        .matched())
                .isFalse();
    }

    @Test
    void oneEventDoesNotServeTwoSteps() {
        int[] code = {0};
        long[] onset = {0};
        assertThat(OrderedPattern.find(code, onset, onset, new int[] {0, 0}, OrderedPattern.NO_MAX_GAP)
                        .matched())
                .isFalse();
        assertThat(OrderedPattern.find(
                                new int[] {0, 1, 0}, new long[] {0, 1, 2}, new long[] {0, 1, 2}, new int[] {0, 1, 0}, 5)
                        .events())
                .containsExactly(0, 1, 2);
    }
}
