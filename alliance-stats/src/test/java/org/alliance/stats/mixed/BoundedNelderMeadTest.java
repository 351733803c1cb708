package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedNelderMeadTest {

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                OptimiserProblems.ROSENBROCK,
                OptimiserProblems.rosenbrockStart(),
                OptimiserProblems.free(),
                BoundedNelderMead.Settings.tight());
        OptimiserProblems.assertRosenbrockMinimum(m);
    }

    @Test
    void stopsOnTheLowerBoundWhenTheUnconstrainedMinimumIsOutside() {
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                OptimiserProblems.MINIMUM_OUTSIDE_THE_BOUND,
                new double[] {1, 1},
                OptimiserProblems.x0AtLeastZero(),
                BoundedNelderMead.Settings.tight());
        OptimiserProblems.assertOnTheBound(m);
    }

    @Test
    void aStartOutsideTheBoundsIsProjectedOntoThem() {
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                x -> Math.pow(x[0] - 1, 2), new double[] {-5}, new double[] {0}, BoundedNelderMead.Settings.tight());
        assertThat(m.point()[0]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void runningOutOfEvaluationsIsNotConverged() {
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                OptimiserProblems.ROSENBROCK,
                OptimiserProblems.rosenbrockStart(),
                OptimiserProblems.free(),
                new BoundedNelderMead.Settings(0.25, 1e-10, 1e-15, 20));
        assertThat(m.converged()).isFalse();
        assertThat(m.evaluations()).isLessThanOrEqualTo(22);
    }
}
