package org.alliance.stats.mixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;

/**
 * The problems both bounded optimisers ({@link BoundedNelderMead}, {@link BoundedQuadraticTrustRegion}) are tested on,
 * with their minima known by hand, and what each test asserts about a minimum found.
 */
final class OptimiserProblems {

    private OptimiserProblems() {}

    /** No bounds on either coordinate. */
    static double[] free() {
        return new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    /** Rosenbrock's valley, its minimum 0 at (1, 1). */
    static final ToDoubleFunction<double[]> ROSENBROCK =
            x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);

    /** The classic start in Rosenbrock's valley. */
    static double[] rosenbrockStart() {
        return new double[] {-1.2, 1};
    }

    /** Unconstrained minimum at (-2, 3); with x0 >= 0 ({@link #x0AtLeastZero}) the constrained one is (0, 2.5). */
    static final ToDoubleFunction<double[]> MINIMUM_OUTSIDE_THE_BOUND =
            x -> Math.pow(x[0] + 2, 2) + Math.pow(x[1] - 3, 2) + 0.5 * (x[0] + 2) * (x[1] - 3);

    static double[] x0AtLeastZero() {
        return new double[] {0, Double.NEGATIVE_INFINITY};
    }

    /** Converged to Rosenbrock's minimum (1, 1) within 1e-7. */
    static void assertRosenbrockMinimum(BoundedNelderMead.Minimum m) {
        assertThat(m.converged()).isTrue();
        assertThat(m.point()[0]).isCloseTo(1.0, within(1e-7));
        assertThat(m.point()[1]).isCloseTo(1.0, within(1e-7));
    }

    /** Converged to the constrained minimum of {@link #MINIMUM_OUTSIDE_THE_BOUND}: exactly on the bound x0 = 0. */
    static void assertOnTheBound(BoundedNelderMead.Minimum m) {
        assertThat(m.converged()).isTrue();
        assertThat(m.point()[0]).isEqualTo(0.0);
        // d/dx1 at x0 = 0: 2(x1 - 3) + 0.5·2 = 0 → x1 = 2.5
        assertThat(m.point()[1]).isCloseTo(2.5, within(1e-8));
    }
}
