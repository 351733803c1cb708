package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** lme4's checkConv for a fit that is not singular: the scaled gradient and the Hessian's eigenvalues. */
class GradientCheckTest {

    private static final double[] FREE = {Double.NEGATIVE_INFINITY};
    private static final double[] FREE2 = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void aSteepCriterionIsJudgedByItsScaledGradientAsLme4Does() {
        // A criterion in the hundred thousands has steep curvature: a gradient of 0.01 there is a step of 7e-6.
        // The plain gradient alone (0.01 > 0.002) had called a glmer on 100 000 clients not converged.
        GradientCheck.Verdict verdict =
                GradientCheck.check(x -> 1e5 * (x[0] - 1) * (x[0] - 1), new double[] {1.00000005}, FREE, 1e-4, 1);
        assertThat(verdict.maxGradient()).isCloseTo(0.01 / Math.sqrt(2e5), within(1e-7));
        assertThat(verdict.converged()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void aFlatCriterionKeepsItsPlainGradientAndFails() {
        GradientCheck.Verdict verdict =
                GradientCheck.check(x -> 0.5 * (x[0] - 1) * (x[0] - 1), new double[] {1.01}, FREE, 1e-4, 1);
        // scaled = g / sqrt(H) = 0.01 / 1: the smaller of the two is still 0.01, above 0.002
        assertThat(verdict.maxGradient()).isCloseTo(0.01, within(1e-8));
        assertThat(verdict.converged()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains("max|grad| = 0.0100");
    }

    @Test
    void aParameterOnItsBoundWhoseCriterionGrowsIntoTheBoxCountsNothingInTheGradient() {
        assertThat(GradientCheck.plain(
                        x -> 3 * x[0] + (x[1] - 2) * (x[1] - 2),
                        new double[] {0, 2},
                        new double[] {0, Double.NEGATIVE_INFINITY},
                        1e-4))
                .isLessThan(1e-8);
        assertThat(GradientCheck.plain(x -> -3 * x[0], new double[] {0}, new double[] {0}, 1e-4))
                .isCloseTo(3, within(1e-6));
    }

    @Test
    void aSaddleHasNoScaledGradientAndNegativeEigenvaluesSoItFails() {
        GradientCheck.Verdict verdict =
                GradientCheck.check(x -> x[0] * x[0] - x[1] * x[1], new double[] {0, 0}, FREE2, 1e-4, 2);
        assertThat(verdict.converged()).isFalse();
        assertThat(verdict.failures())
                .anyMatch(f -> f.contains("unable to evaluate the scaled gradient"))
                .anyMatch(f -> f.contains("degenerate Hessian with 1 negative eigenvalue"));
    }

    @Test
    void aFlatDirectionIsANumericallySingularHessian() {
        GradientCheck.Verdict verdict =
                GradientCheck.check(x -> (x[0] + x[1]) * (x[0] + x[1]), new double[] {0, 0}, FREE2, 1e-4, 2);
        assertThat(verdict.failures()).anyMatch(f -> f.contains("Hessian is numerically singular"));
    }

    @Test
    void theFixedEffectsBlockIsCheckedFirstAndBadScalingIsAWarningOnly() {
        // θ and one fixed effect whose curvature is 10⁷ (a predictor in large units): converged, with lme4's warnings
        GradientCheck.Verdict verdict = GradientCheck.check(
                x -> (x[0] - 1) * (x[0] - 1) + 5e6 * (x[1] - 2) * (x[1] - 2),
                new double[] {1, 2},
                new double[] {0, Double.NEGATIVE_INFINITY},
                1e-4,
                1);
        assertThat(verdict.converged()).isTrue();
        assertThat(verdict.warnings())
                .anyMatch(w -> w.contains("very large eigenvalue of the fixed-effect Hessian"))
                .anyMatch(w -> w.contains("large eigenvalue ratio of the Hessian"));
    }

    @Test
    void jacobiFindsTheEigenvaluesOfASymmetricMatrix() {
        double[] values = GradientCheck.eigenvalues(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}});
        java.util.Arrays.sort(values);
        assertThat(values[0]).isCloseTo(2 - Math.sqrt(2), within(1e-12));
        assertThat(values[1]).isCloseTo(2, within(1e-12));
        assertThat(values[2]).isCloseTo(2 + Math.sqrt(2), within(1e-12));
    }
}
