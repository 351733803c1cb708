package org.alliance.stats.mixed;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation under lower bounds: the Nelder–Mead simplex (Nelder &amp; Mead 1965, with the standard
 * coefficients reflection 1, expansion 2, contraction ½, shrink ½ of Lagarias et al. 1998), where every trial point is
 * projected onto the box {x ≥ lower} (a bound of {@code -Infinity} leaves that coordinate free). A run stops when the
 * simplex is smaller than {@code xTolerance} (absolute, per coordinate) and its function values differ by less than
 * {@code fTolerance}·(1 + |f|); it is then restarted from the best point with a fresh simplex, and the minimum counts
 * as converged once a restart no longer improves it by more than that tolerance (restarts guard against the collapse
 * of a simplex on a bound or along a valley, the known failure of plain Nelder–Mead). Stateless.
 */
public final class BoundedNelderMead {

    /** What the optimiser found. */
    public record Minimum(double[] point, double value, int evaluations, boolean converged) {
        public Minimum {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }
    }

    /**
     * Settings.
     *
     * @param initialStep size of the first simplex's edges
     * @param xTolerance simplex size (largest coordinate difference to the best vertex) at which a run stops
     * @param fTolerance relative spread of function values at which a run stops
     * @param maxEvaluations most function evaluations before giving up (not converged)
     */
    public record Settings(double initialStep, double xTolerance, double fTolerance, int maxEvaluations) {
        public Settings {
            if (!(initialStep > 0) || !(xTolerance > 0) || !(fTolerance > 0)) {
                throw new IllegalArgumentException(
                        "step and tolerances must be positive: " + initialStep + ", " + xTolerance + ", " + fTolerance);
            }
            if (maxEvaluations < 1) {
                throw new IllegalArgumentException("maxEvaluations must be at least 1, not " + maxEvaluations);
            }
        }

        /** Tight defaults: step 0.25, x tolerance 1e-10, f tolerance 1e-15, at most 100 000 evaluations. */
        public static Settings tight() {
            return new Settings(0.25, 1e-10, 1e-15, 100_000);
        }
    }

    private static final int MAX_RESTARTS = 20;

    private BoundedNelderMead() {}

    /**
     * Minimises {@code f} from {@code start} (projected onto the bounds). A function value that is not finite counts
     * as +∞ (a point the search must leave).
     */
    public static Minimum minimise(ToDoubleFunction<double[]> f, double[] start, double[] lower, Settings settings) {
        int d = start.length;
        if (lower.length != d) {
            throw new IllegalArgumentException("start has " + d + " coordinates, lower " + lower.length);
        }
        if (d == 0) {
            return new Minimum(start, value(f, start), 1, true);
        }
        Counter counter = new Counter(f, settings.maxEvaluations());
        double[] best = project(start, lower);
        double bestValue = counter.apply(best);
        double step = settings.initialStep();
        for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
            Minimum run = run(counter, best, bestValue, lower, step, settings);
            boolean improved = run.value() < bestValue - settings.fTolerance() * (1 + Math.abs(bestValue));
            boolean moved = maxDifference(run.point(), best) > settings.xTolerance();
            if (run.value() <= bestValue) {
                best = run.point();
                bestValue = run.value();
            }
            if (counter.exhausted()) {
                return new Minimum(best, bestValue, counter.count, false);
            }
            if (restart > 0 && !improved && !moved) {
                return new Minimum(best, bestValue, counter.count, true);
            }
            step = Math.max(settings.initialStep() / 10, 100 * settings.xTolerance());
        }
        return new Minimum(best, bestValue, counter.count, false);
    }

    private static Minimum run(
            Counter f, double[] start, double startValue, double[] lower, double step, Settings settings) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        values[0] = startValue;
        for (int i = 0; i < d; i++) {
            double[] vertex = start.clone();
            vertex[i] += step;
            simplex[i + 1] = vertex;
            values[i + 1] = f.apply(vertex);
        }
        while (!f.exhausted()) {
            sort(simplex, values);
            if (size(simplex) <= settings.xTolerance()
                    && values[d] - values[0] <= settings.fTolerance() * (1 + Math.abs(values[0]))) {
                break;
            }
            double[] centroid = new double[d];
            for (int v = 0; v < d; v++) {
                for (int i = 0; i < d; i++) {
                    centroid[i] += simplex[v][i] / d;
                }
            }
            double[] reflected = project(along(centroid, simplex[d], -1.0), lower);
            double reflectedValue = f.apply(reflected);
            if (reflectedValue < values[0]) {
                double[] expanded = project(along(centroid, simplex[d], -2.0), lower);
                double expandedValue = f.apply(expanded);
                if (expandedValue < reflectedValue) {
                    simplex[d] = expanded;
                    values[d] = expandedValue;
                } else {
                    simplex[d] = reflected;
                    values[d] = reflectedValue;
                }
            } else if (reflectedValue < values[d - 1]) {
                simplex[d] = reflected;
                values[d] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[d];
                double[] contracted = project(along(centroid, simplex[d], outside ? -0.5 : 0.5), lower);
                double contractedValue = f.apply(contracted);
                if (contractedValue < (outside ? reflectedValue : values[d])) {
                    simplex[d] = contracted;
                    values[d] = contractedValue;
                } else {
                    for (int v = 1; v <= d; v++) {
                        for (int i = 0; i < d; i++) {
                            simplex[v][i] = simplex[0][i] + 0.5 * (simplex[v][i] - simplex[0][i]);
                        }
                        values[v] = f.apply(simplex[v]);
                    }
                }
            }
        }
        sort(simplex, values);
        return new Minimum(simplex[0], values[0], f.count, !f.exhausted());
    }

    /** centroid + t·(vertex − centroid). */
    private static double[] along(double[] centroid, double[] vertex, double t) {
        double[] x = new double[centroid.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = centroid[i] + t * (vertex[i] - centroid[i]);
        }
        return x;
    }

    private static double[] project(double[] x, double[] lower) {
        double[] p = x.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(p[i], lower[i]);
        }
        return p;
    }

    private static double size(double[][] simplex) {
        double size = 0;
        for (int v = 1; v < simplex.length; v++) {
            size = Math.max(size, maxDifference(simplex[v], simplex[0]));
        }
        return size;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static void sort(double[][] simplex, double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[][] s = simplex.clone();
        double[] v = values.clone();
        for (int i = 0; i < order.length; i++) {
            simplex[i] = s[order[i]];
            values[i] = v[order[i]];
        }
    }

    private static double value(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x.clone());
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    /** f with a count of its evaluations and a limit; a value that is not finite counts as +∞. */
    static final class Counter {
        private final ToDoubleFunction<double[]> f;
        private final int max;
        private int count;

        Counter(ToDoubleFunction<double[]> f, int max) {
            this.f = f;
            this.max = max;
        }

        double apply(double[] x) {
            count++;
            return value(f, x);
        }

        boolean exhausted() {
            return count >= max;
        }

        int count() {
            return count;
        }
    }
}
