package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** lme4's checkConv gradient test: min(|scaled gradient|, |gradient|), the scaled one solve(chol(H), g). */
class GradientCheckTest {

    private static final double[] FREE = {Double.NEGATIVE_INFINITY};

    @Test
    void aSteepCriterionIsJudgedByItsScaledGradientAsLme4Does() {
        // A criterion in the hundred thousands has steep curvature: a gradient of 0.01 there is a step of 7e-6.
        // Before, the plain gradient (0.01 > 0.002) called this fit not converged although lme4 accepts it.
        double[] point = {1.000000005};
        double largest = GradientCheck.largest(x -> 1e6 * (x[0] - 1) * (x[0] - 1), point, FREE, 1e-4, 0.002);
        assertThat(largest).isCloseTo(0.01 / Math.sqrt(2e6), within(1e-7));
    }

    @Test
    void aFlatCriterionKeepsItsPlainGradient() {
        double[] point = {1.01};
        double largest = GradientCheck.largest(x -> 0.5 * (x[0] - 1) * (x[0] - 1), point, FREE, 1e-4, 0.002);
        // scaled = g / sqrt(H) = 0.01 / 1: the smaller of the two is still 0.01, above the tolerance
        assertThat(largest).isCloseTo(0.01, within(1e-8));
    }

    @Test
    void aParameterOnItsBoundWhoseCriterionGrowsIntoTheBoxCountsNothing() {
        double largest = GradientCheck.largest(
                x -> 3 * x[0] + (x[1] - 2) * (x[1] - 2),
                new double[] {0, 2},
                new double[] {0, Double.NEGATIVE_INFINITY},
                1e-4,
                0.002);
        assertThat(largest).isLessThan(1e-8);
        // the same slope pointing out of the box (the criterion falls as the parameter grows) counts
        assertThat(GradientCheck.largest(x -> -3 * x[0], new double[] {0}, new double[] {0}, 1e-4, 0.002))
                .isCloseTo(3, within(1e-6));
    }

    @Test
    void withoutAPositiveDefiniteHessianThePlainGradientCounts() {
        // a saddle: no Cholesky factor, so no scaled gradient (lme4: "unable to evaluate scaled gradient")
        double largest = GradientCheck.largest(
                x -> 1e6 * x[0] * x[0] - 1e6 * x[1] * x[1] + 0.01 * x[0],
                new double[] {0, 0},
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                1e-4,
                0.002);
        assertThat(largest).isCloseTo(0.01, within(1e-6));
    }
}
