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
    void noncentralityInvertsTheCdfForBothBoundsOfALargeChiSquare() {
        // bfi's five-factor model: chi-square 4165 on 265 df, far out in the mixture (Poisson mode near 1850). There
        // the sum of ~500 terms is itself exact to a few 1e-12 only (two neighbouring doubles of λ near the lower
        // bound give values 1.7e-12 apart), so the root is checked to 5e-12.
        for (double p : new double[] {0.95, 0.05}) {
            double lambda = NoncentralChiSquare.noncentralityFor(4165.0, 265, p);
            assertThat(NoncentralChiSquare.cdf(4165.0, 265, lambda)).isCloseTo(p, within(5e-12));
        }
    }

    @Test
    void slopeIsTheDerivativeOfTheCdfInTheNoncentrality() {
        for (double[] c : new double[][] {{85.3055, 24, 40}, {4165, 265, 3900}, {3, 5, 0.5}, {12, 10, 0}}) {
            double h = Math.max(1e-4, 1e-5 * c[2]);
            double[] at = NoncentralChiSquare.cdfAndDerivatives(c[0], c[1], c[2]);
            double above = NoncentralChiSquare.cdf(c[0], c[1], c[2] + h);
            double below = c[2] == 0 ? at[0] : NoncentralChiSquare.cdf(c[0], c[1], c[2] - h);
            double numeric = (above - below) / (c[2] == 0 ? h : 2 * h);
            assertThat(at[1]).as("slope at %s", java.util.Arrays.toString(c)).isNegative();
            assertThat(at[1])
                    .as("slope at %s", java.util.Arrays.toString(c))
                    .isCloseTo(numeric, within(1e-4 * Math.abs(numeric) + 1e-12));
        }
    }

    @Test
    void curvatureIsTheDerivativeOfTheSlope() {
        for (double[] c : new double[][] {{85.3055, 24, 40}, {4165, 265, 3900}, {3, 5, 0.5}, {15, 10, 0}}) {
            double h = Math.max(1e-3, 1e-4 * c[2]);
            double[] at = NoncentralChiSquare.cdfAndDerivatives(c[0], c[1], c[2]);
            double above = NoncentralChiSquare.cdfAndDerivatives(c[0], c[1], c[2] + h)[1];
            // At ncp = 0 only one side exists: the second-order one-sided difference (−3s(0) + 4s(h) − s(2h))/2h.
            double numeric = c[2] == 0
                    ? (-3 * at[1] + 4 * above - NoncentralChiSquare.cdfAndDerivatives(c[0], c[1], 2 * h)[1]) / (2 * h)
                    : (above - NoncentralChiSquare.cdfAndDerivatives(c[0], c[1], c[2] - h)[1]) / (2 * h);
            assertThat(at[2])
                    .as("curvature at %s", java.util.Arrays.toString(c))
                    .isCloseTo(numeric, within(1e-3 * Math.abs(numeric) + 1e-12));
        }
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
