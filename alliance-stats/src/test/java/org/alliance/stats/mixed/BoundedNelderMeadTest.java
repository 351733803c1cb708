package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedNelderMeadTest {

    private static final double[] FREE = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1},
                FREE,
                BoundedNelderMead.Settings.tight());
        assertThat(m.converged()).isTrue();
        assertThat(m.point()[0]).isCloseTo(1.0, within(1e-7));
        assertThat(m.point()[1]).isCloseTo(1.0, within(1e-7));
    }

    @Test
    void stopsOnTheLowerBoundWhenTheUnconstrainedMinimumIsOutside() {
        // Unconstrained minimum at (-2, 3); with x0 >= 0 the constrained one is (0, 3).
        BoundedNelderMead.Minimum m = BoundedNelderMead.minimise(
                x -> Math.pow(x[0] + 2, 2) + Math.pow(x[1] - 3, 2) + 0.5 * (x[0] + 2) * (x[1] - 3),
                new double[] {1, 1},
                new double[] {0, Double.NEGATIVE_INFINITY},
                BoundedNelderMead.Settings.tight());
        assertThat(m.converged()).isTrue();
        assertThat(m.point()[0]).isEqualTo(0.0);
        // d/dx1 at x0 = 0: 2(x1 - 3) + 0.5·2 = 0 → x1 = 2.5
        assertThat(m.point()[1]).isCloseTo(2.5, within(1e-8));
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
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1},
                FREE,
                new BoundedNelderMead.Settings(0.25, 1e-10, 1e-15, 20));
        assertThat(m.converged()).isFalse();
        assertThat(m.evaluations()).isLessThanOrEqualTo(22);
    }
}
