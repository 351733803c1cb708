package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against R 4.2.2's pchisq(q, df, ncp) over a grid (reference/cfa/pchisq-noncentral.csv); 1e-12 absolute. */
class NoncentralChiSquareTest {

    @Test
    void cdfMatchesRsPchisqOnTheWholeGrid() {
        int checked = 0;
        for (Map<String, String> row : ReferenceFiles.csv("/reference/cfa/pchisq-noncentral.csv")) {
            double q = ReferenceFiles.number(row.get("q"));
            double df = ReferenceFiles.number(row.get("df"));
            double ncp = ReferenceFiles.number(row.get("ncp"));
            double expected = ReferenceFiles.number(row.get("p"));
            assertThat(NoncentralChiSquare.cdf(q, df, ncp))
                    .as("pchisq(%s, %s, %s)", q, df, ncp)
                    .isCloseTo(expected, within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(100);
    }

    @Test
    void noncentralityInvertsTheCdf() {
        double lambda = NoncentralChiSquare.noncentralityFor(85.3055, 24, 0.95);
        assertThat(NoncentralChiSquare.cdf(85.3055, 24, lambda)).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void noncentralityIsZeroWhenNoRootExists() {
        // chi-square 10 on 24 df: even lambda = 0 gives a cdf far below 0.95 (lavaan then reports 0).
        assertThat(NoncentralChiSquare.noncentralityFor(10, 24, 0.95)).isZero();
    }

    @Test
    void rejectsInvalidDegreesOfFreedom() {
        assertThatThrownBy(() -> NoncentralChiSquare.cdf(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
