package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The trust-region optimiser against minima known by hand. */
class BoundedQuadraticTrustRegionTest {

    private static BoundedQuadraticTrustRegion.Settings settings(int maxEvaluations) {
        return new BoundedQuadraticTrustRegion.Settings(0.25, 1e-5, 1e-8, maxEvaluations);
    }

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        BoundedNelderMead.Minimum m = BoundedQuadraticTrustRegion.minimise(
                OptimiserProblems.ROSENBROCK,
                OptimiserProblems.rosenbrockStart(),
                OptimiserProblems.free(),
                settings(10_000));
        OptimiserProblems.assertRosenbrockMinimum(m);
    }

    @Test
    void aQuadraticIsMinimisedByOneNewtonStepOnceTheRegionHoldsIt() {
        // Minimum at (0.3, -0.2); within the first region (radius 0.25 around (0.2, 0)) after one model.
        BoundedNelderMead.Minimum m = BoundedQuadraticTrustRegion.minimise(
                x -> 3 * Math.pow(x[0] - 0.3, 2) + Math.pow(x[1] + 0.2, 2) + (x[0] - 0.3) * (x[1] + 0.2),
                new double[] {0.2, 0},
                OptimiserProblems.free(),
                settings(10_000));
        assertThat(m.converged()).isTrue();
        assertThat(m.point()[0]).isCloseTo(0.3, within(1e-9));
        assertThat(m.point()[1]).isCloseTo(-0.2, within(1e-9));
        // 6 values for the first model and the step, then 6 more that confirm it: no search beyond.
        assertThat(m.evaluations()).isLessThanOrEqualTo(20);
    }

    @Test
    void landsExactlyOnTheLowerBoundWhenTheUnconstrainedMinimumIsOutside() {
        BoundedNelderMead.Minimum m = BoundedQuadraticTrustRegion.minimise(
                OptimiserProblems.MINIMUM_OUTSIDE_THE_BOUND,
                new double[] {1, 1},
                OptimiserProblems.x0AtLeastZero(),
                settings(10_000));
        OptimiserProblems.assertOnTheBound(m);
    }

    @Test
    void runningOutOfEvaluationsIsNotConvergence() {
        BoundedNelderMead.Minimum m = BoundedQuadraticTrustRegion.minimise(
                OptimiserProblems.ROSENBROCK,
                OptimiserProblems.rosenbrockStart(),
                OptimiserProblems.free(),
                settings(8));
        assertThat(m.converged()).isFalse();
        assertThat(m.evaluations()).isEqualTo(8);
    }
}
