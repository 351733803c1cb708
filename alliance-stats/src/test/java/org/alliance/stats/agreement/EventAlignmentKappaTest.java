package org.alliance.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliance.stats.agreement.EventAlignmentKappa.Pair;
import org.junit.jupiter.api.Test;

class EventAlignmentKappaTest {

    private static final long[] ANY = new long[0];

    @Test
    void alignsAnInsertedEventAgainstAGap() {
        int[] first = {0, 1, 2};
        int[] second = {0, 2};
        var result =
                EventAlignmentKappa.fit(first, new long[3], second, new long[2], 3, EventAlignmentKappa.NO_TOLERANCE);
        assertThat(result.alignment()).containsExactly(new Pair(0, 0), new Pair(1, -1), new Pair(2, 1));
        assertThat(result.cost()).isEqualTo(1);
        assertThat(result.agreements()).isEqualTo(2);
        assertThat(result.onlyFirst()).isEqualTo(1);
        // table with nil: [0][0]=1, [2][2]=1, [1][nil]=1
        assertThat(result.kappa().table()[1][3]).isEqualTo(1);
    }

    @Test
    void aMismatchCostsOneLikeAGap() {
        var result = EventAlignmentKappa.fit(
                new int[] {0, 1}, new long[2], new int[] {0, 2}, new long[2], 3, EventAlignmentKappa.NO_TOLERANCE);
        assertThat(result.cost()).isEqualTo(1);
        assertThat(result.disagreements()).isEqualTo(1);
    }

    @Test
    void toleranceForbidsPairingDistantEvents() {
        var result = EventAlignmentKappa.fit(new int[] {0}, new long[] {0}, new int[] {0}, new long[] {5000}, 1, 2000);
        assertThat(result.agreements()).isZero();
        assertThat(result.onlyFirst()).isEqualTo(1);
        assertThat(result.onlySecond()).isEqualTo(1);
        assertThat(ANY).isEmpty();
    }
}
