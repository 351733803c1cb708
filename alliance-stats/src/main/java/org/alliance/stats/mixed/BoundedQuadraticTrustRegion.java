package org.alliance.stats.mixed;

import java.util.function.ToDoubleFunction;
import org.alliance.stats.mixed.BoundedNelderMead.Counter;

/**
 * Derivative-free minimisation of a smooth function under lower bounds by a quadratic-model trust-region method
 * (Conn, Gould &amp; Toint 2000, <i>Trust-Region Methods</i>, algorithm 6.1.1; the model from function values only, as in
 * Powell's BOBYQA, 2009, which lme4 uses for {@code lmer}). Each iteration models f around the best point x as
 * f(x) + gᵀs + ½sᵀHs from f at x, x ± h·eᵢ and x + h(eᵢ + eⱼ) — 1 + 2d + d(d − 1)/2 values, so the model is always
 * well poised; where a lower bound is closer than h the pair x ± h·eᵢ becomes x + h·eᵢ, x + 2h·eᵢ (one-sided second
 * differences). g is then the central-difference gradient, H the second differences. The step minimises the model over
 * the box {‖s‖∞ ≤ Δ, x + s ≥ lower} (the Newton step when H is positive definite and the step fits the box, otherwise
 * coordinate descent on the box-constrained quadratic); the trial point is kept when f decreases, and Δ grows (×2) when
 * the model predicted at least ¾ of the decrease at the edge of the region and shrinks (to half the step) when it
 * predicted less than ¼. The stencil radius follows the region, h = max(hMin, min(hMax, Δ/2)), so near the minimum
 * the model gradient is the central difference of step hMin. The search has converged when the step is below
 * {@code xTolerance} with the stencil at hMin, or Δ falls below {@code xTolerance}. Stateless.
 */
final class BoundedQuadraticTrustRegion {

    /**
     * Settings.
     *
     * @param initialRadius first trust-region radius Δ (∞-norm, on the scale of x)
     * @param smallestStencil hMin, the stencil radius near the minimum (rounding of f against truncation of the model)
     * @param xTolerance step (and radius) below which the search stops
     * @param maxEvaluations most function evaluations before giving up (not converged)
     */
    record Settings(double initialRadius, double smallestStencil, double xTolerance, int maxEvaluations) {
        Settings {
            if (!(initialRadius > 0) || !(smallestStencil > 0) || !(xTolerance > 0)) {
                throw new IllegalArgumentException("radius, stencil and tolerance must be positive: " + initialRadius
                        + ", " + smallestStencil + ", " + xTolerance);
            }
            if (maxEvaluations < 1) {
                throw new IllegalArgumentException("maxEvaluations must be at least 1, not " + maxEvaluations);
            }
        }
    }

    private static final double LARGEST_STENCIL = 0.1;
    private static final int MAX_SWEEPS = 10_000;

    private BoundedQuadraticTrustRegion() {}

    /** Minimises f from {@code start} (projected onto the bounds); a value that is not finite counts as +∞. */
    static BoundedNelderMead.Minimum minimise(
            ToDoubleFunction<double[]> f, double[] start, double[] lower, Settings settings) {
        int d = start.length;
        if (lower.length != d) {
            throw new IllegalArgumentException("start has " + d + " coordinates, lower " + lower.length);
        }
        Counter counter = new Counter(f, settings.maxEvaluations());
        double[] x = start.clone();
        for (int i = 0; i < d; i++) {
            x[i] = Math.max(x[i], lower[i]);
        }
        double fx = counter.apply(x);
        if (d == 0) {
            return new BoundedNelderMead.Minimum(x, fx, counter.count(), true);
        }
        double radius = settings.initialRadius();
        double scale = Double.POSITIVE_INFINITY;
        Model model = null;
        while (!counter.exhausted()) {
            double h = Math.max(settings.smallestStencil(), Math.min(Math.min(LARGEST_STENCIL, radius / 2), scale));
            if (model == null || model.h != h) {
                model = Model.around(counter, x, fx, lower, h);
                if (model == null) {
                    break;
                }
                if (!model.isFinite()) {
                    // A stencil point where f failed: model a smaller neighbourhood.
                    if (h == settings.smallestStencil()) {
                        break;
                    }
                    radius = radius / 4;
                    model = null;
                    continue;
                }
            }
            double[] lo = new double[d];
            double[] hi = new double[d];
            for (int i = 0; i < d; i++) {
                lo[i] = Math.max(lower[i] - x[i], -radius);
                hi[i] = radius;
            }
            double[] s = step(model.g, model.hessian, lo, hi);
            double length = 0;
            for (double v : s) {
                length = Math.max(length, Math.abs(v));
            }
            boolean atFinestStencil = h == settings.smallestStencil();
            if (length <= settings.xTolerance()) {
                if (atFinestStencil) {
                    return new BoundedNelderMead.Minimum(x, fx, counter.count(), true);
                }
                scale = settings.smallestStencil();
                continue;
            }
            double predicted = -model.value(s);
            double[] trial = new double[d];
            for (int i = 0; i < d; i++) {
                // A step to the bound lands on it exactly (a variance of exactly 0, as lme4 reports it).
                trial[i] = s[i] == lo[i] && lo[i] == lower[i] - x[i] ? lower[i] : x[i] + s[i];
            }
            if (counter.exhausted()) {
                break;
            }
            double ft = counter.apply(trial);
            double ratio = predicted > 0 ? (fx - ft) / predicted : -1;
            if (ft < fx) {
                x = trial;
                fx = ft;
                model = null;
            }
            // A step well inside the region and the stencil says the minimum is that close: a model on that scale
            // is more accurate (a stencil much wider than the step has a truncation error larger than the decrease
            // it predicts), so a failed step of that kind refines the model before it shrinks the region.
            boolean interior = length < 0.5 * radius;
            boolean refinable = h > Math.max(settings.smallestStencil(), length);
            if (ratio >= 0.75 && !interior) {
                radius = 2 * radius;
            } else if (ratio < 0.25 && !(interior && refinable)) {
                radius = length / 2;
            }
            scale = length;
            if (refinable) {
                model = null;
            }
            if (radius < settings.xTolerance()) {
                return new BoundedNelderMead.Minimum(x, fx, counter.count(), true);
            }
        }
        return new BoundedNelderMead.Minimum(x, fx, counter.count(), false);
    }

    /** The quadratic model around x: f(x + s) ≈ f(x) + gᵀs + ½sᵀHs, from a stencil of radius h. */
    private record Model(double[] g, double[][] hessian, double h) {

        boolean isFinite() {
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    return false;
                }
                for (double v : hessian[i]) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }

        double value(double[] s) {
            double v = 0;
            for (int i = 0; i < s.length; i++) {
                v += g[i] * s[i];
                for (int j = 0; j < s.length; j++) {
                    v += 0.5 * s[i] * hessian[i][j] * s[j];
                }
            }
            return v;
        }

        /** Null when the evaluations ran out. */
        static Model around(Counter f, double[] x, double fx, double[] lower, double h) {
            int d = x.length;
            double[] g = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < d; i++) {
                if (f.exhausted()) {
                    return null;
                }
                double fPlus = f.apply(shifted(x, i, h, -1, 0));
                if (f.exhausted()) {
                    return null;
                }
                if (x[i] - h >= lower[i]) {
                    double fMinus = f.apply(shifted(x, i, -h, -1, 0));
                    g[i] = (fPlus - fMinus) / (2 * h);
                    hessian[i][i] = (fPlus - 2 * fx + fMinus) / (h * h);
                } else {
                    double fTwice = f.apply(shifted(x, i, 2 * h, -1, 0));
                    g[i] = (-3 * fx + 4 * fPlus - fTwice) / (2 * h);
                    hessian[i][i] = (fx - 2 * fPlus + fTwice) / (h * h);
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                    if (f.exhausted()) {
                        return null;
                    }
                    double fBoth = f.apply(shifted(x, i, h, j, h));
                    double cross =
                            (fBoth - fx - h * (g[i] + g[j]) - 0.5 * h * h * (hessian[i][i] + hessian[j][j])) / (h * h);
                    hessian[i][j] = cross;
                    hessian[j][i] = cross;
                }
            }
            return new Model(g, hessian, h);
        }

        private static double[] shifted(double[] x, int i, double by, int j, double byJ) {
            double[] p = x.clone();
            p[i] += by;
            if (j >= 0) {
                p[j] += byJ;
            }
            return p;
        }
    }

    /**
     * Minimises gᵀs + ½sᵀHs over lo ≤ s ≤ hi: the Newton step when H is positive definite and the step lies in the
     * box, otherwise coordinate descent (exact along each coordinate; to the better end of the interval where the
     * curvature is not positive) from s = 0.
     */
    static double[] step(double[] g, double[][] hessian, double[] lo, double[] hi) {
        int d = g.length;
        java.util.Optional<double[][]> factor = org.alliance.stats.linalg.SymmetricMatrices.cholesky(hessian);
        if (factor.isPresent()) {
            double[] minusG = new double[d];
            for (int i = 0; i < d; i++) {
                minusG[i] = -g[i];
            }
            double[] newton = org.alliance.stats.linalg.SymmetricMatrices.solveWithCholesky(factor.get(), minusG);
            boolean inside = true;
            for (int i = 0; i < d; i++) {
                inside &= newton[i] >= lo[i] && newton[i] <= hi[i];
            }
            if (inside) {
                return newton;
            }
        }
        double[] s = new double[d];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int i = 0; i < d; i++) {
                double gi = g[i];
                for (int j = 0; j < d; j++) {
                    if (j != i) {
                        gi += hessian[i][j] * s[j];
                    }
                }
                double hii = hessian[i][i];
                double next;
                if (hii > 0) {
                    next = Math.min(hi[i], Math.max(lo[i], -gi / hii));
                } else {
                    double atLo = gi * lo[i] + 0.5 * hii * lo[i] * lo[i];
                    double atHi = gi * hi[i] + 0.5 * hii * hi[i] * hi[i];
                    next = atLo <= atHi ? lo[i] : hi[i];
                }
                change = Math.max(change, Math.abs(next - s[i]));
                s[i] = next;
            }
            if (change <= 1e-15 * (1 + maxAbs(s))) {
                break;
            }
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
