package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.alliance.stats.linalg.Cholesky;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * lme4's convergence checks ({@code checkConv}), for a fit that is not singular (lme4 checks nothing more for a
 * singular one). Derivatives of the criterion are finite differences (step 1e-4 for the Hessian, lme4's
 * {@code deriv12} delta):
 *
 * <ul>
 *   <li><b>gradient</b> ({@code check.conv.grad}, tolerance 0.002): the largest over the parameters of
 *       min(|scaled gradient|, |gradient|), the scaled one {@code solve(chol(Hessian), gradient)} — the gradient in
 *       the curvature's units, so that a criterion in the hundred thousands (a large n) is not held to an absolute
 *       gradient meant for small ones. Without a Cholesky factor of the Hessian there is no scaled gradient, and the
 *       fit fails ("unable to evaluate scaled gradient"), as in lme4;
 *   <li><b>Hessian</b> ({@code check.conv.hess}, tolerance 1e-6), of the fixed effects' block first when they are
 *       parameters of the criterion (glmer) and then of all: an eigenvalue below −1e-6 or of size below 1e-6 fails the
 *       fit (degenerate or numerically singular); a largest eigenvalue above 10⁶ or a smallest/largest ratio below
 *       1e-6 is a warning ("nearly unidentifiable … rescale variables?").
 * </ul>
 *
 * A parameter on its lower bound whose derivative points out of the box (a constrained optimum) counts 0 in the
 * gradient. Stateless.
 */
final class GradientCheck {

    /** lme4's {@code check.conv.grad} tolerance. */
    static final double GRADIENT_TOLERANCE = 0.002;

    /** lme4's {@code check.conv.hess} tolerance. */
    static final double HESSIAN_TOLERANCE = 1e-6;

    /** The Hessian's step, lme4's {@code deriv12} delta. */
    private static final double HESSIAN_STEP = 1e-4;

    /**
     * What the checks found.
     *
     * @param maxGradient lme4's max|grad| (NaN when there was no scaled gradient)
     * @param failures why the fit is not a result (empty: converged)
     * @param warnings what the reader should know although the fit converged
     */
    record Verdict(double maxGradient, List<String> failures, List<String> warnings) {
        Verdict {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }

        boolean converged() {
            return failures.isEmpty();
        }

        /** Failures, then warnings: what a fit's warnings say of its convergence. */
        List<String> messages() {
            return java.util.stream.Stream.concat(failures.stream(), warnings.stream())
                    .toList();
        }
    }

    private GradientCheck() {}

    /**
     * lme4's checks at {@code point}.
     *
     * @param gradientStep the step of the central differences of the gradient
     * @param fixedFrom the index of the first fixed effect among the parameters ({@code point.length} when the fixed
     *     effects are profiled out, as in lmer)
     */
    static Verdict check(
            ToDoubleFunction<double[]> f, double[] point, double[] lower, double gradientStep, int fixedFrom) {
        int m = point.length;
        double at = f.applyAsDouble(point);
        double[] gradient = gradient(f, point, lower, gradientStep, at);
        double[][] hessian = hessian(f, point, at);
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double maxGradient = Double.NaN;
        Optional<Cholesky> cholesky = Cholesky.tryDecompose(hessian);
        if (cholesky.isEmpty()) {
            failures.add("unable to evaluate the scaled gradient: the Hessian of the criterion is not positive"
                    + " definite (as lme4's checkConv)");
        } else {
            double[] scaled = SymmetricMatrices.solveTransposed(cholesky.get().lower(), gradient);
            maxGradient = 0;
            for (int k = 0; k < m; k++) {
                maxGradient = Math.max(maxGradient, Math.min(Math.abs(scaled[k]), Math.abs(gradient[k])));
            }
            if (maxGradient > GRADIENT_TOLERANCE) {
                failures.add(String.format(
                        Locale.ROOT,
                        "the fit failed to converge: max|grad| = %.3g (tolerance %s; the smaller of the scaled and"
                                + " the plain gradient, as lme4's checkConv)",
                        maxGradient,
                        GRADIENT_TOLERANCE));
            }
        }
        if (fixedFrom > 0 && fixedFrom < m) {
            double[][] block = new double[m - fixedFrom][m - fixedFrom];
            for (int a = fixedFrom; a < m; a++) {
                for (int b = fixedFrom; b < m; b++) {
                    block[a - fixedFrom][b - fixedFrom] = hessian[a][b];
                }
            }
            hessianCheck(block, "fixed-effect ", failures, warnings);
        }
        hessianCheck(hessian, "", failures, warnings);
        return new Verdict(maxGradient, failures, warnings);
    }

    /**
     * The verdict a fit reports, as lme4's {@code checkConv}: a singular fit is not checked further (its max|grad| the
     * plain one, for diagnosis); any other fit by {@link #check}, each failure saying that the estimates are not a
     * result. Only for a fit whose optimiser met its tolerance.
     */
    static Verdict judge(
            ToDoubleFunction<double[]> f,
            double[] point,
            double[] lower,
            double gradientStep,
            int fixedFrom,
            boolean singular) {
        if (singular) {
            return new Verdict(plain(f, point, lower, gradientStep), List.of(), List.of());
        }
        Verdict verdict = check(f, point, lower, gradientStep, fixedFrom);
        return new Verdict(
                verdict.maxGradient(),
                verdict.failures().stream()
                        .map(failure -> failure + "; the estimates are not a result")
                        .toList(),
                verdict.warnings());
    }

    /**
     * The plain max|grad| with the bound rule (no scaled gradient, no Hessian): what a singular fit reports, which
     * lme4 does not check further.
     */
    static double plain(ToDoubleFunction<double[]> f, double[] point, double[] lower, double gradientStep) {
        double[] gradient = gradient(f, point, lower, gradientStep, f.applyAsDouble(point));
        double largest = 0;
        for (double g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        return largest;
    }

    private static double[] gradient(
            ToDoubleFunction<double[]> f, double[] point, double[] lower, double step, double at) {
        double[] gradient = new double[point.length];
        for (int k = 0; k < point.length; k++) {
            double fUp = f.applyAsDouble(shifted(point, k, step, k, 0));
            if (point[k] - step < lower[k]) {
                gradient[k] = (fUp - at) / step;
                if (point[k] - lower[k] < step && gradient[k] >= 0) {
                    gradient[k] = 0; // on the bound, the criterion grows into the box: a constrained optimum
                }
            } else {
                gradient[k] = (fUp - f.applyAsDouble(shifted(point, k, -step, k, 0))) / (2 * step);
            }
        }
        return gradient;
    }

    private static double[][] hessian(ToDoubleFunction<double[]> f, double[] point, double at) {
        int m = point.length;
        double h = HESSIAN_STEP;
        double[][] hessian = new double[m][m];
        for (int a = 0; a < m; a++) {
            hessian[a][a] = (f.applyAsDouble(shifted(point, a, h, a, 0))
                            - 2 * at
                            + f.applyAsDouble(shifted(point, a, -h, a, 0)))
                    / (h * h);
            for (int b = 0; b < a; b++) {
                double value = (f.applyAsDouble(shifted(point, a, h, b, h))
                                - f.applyAsDouble(shifted(point, a, h, b, -h))
                                - f.applyAsDouble(shifted(point, a, -h, b, h))
                                + f.applyAsDouble(shifted(point, a, -h, b, -h)))
                        / (4 * h * h);
                hessian[a][b] = value;
                hessian[b][a] = value;
            }
        }
        return hessian;
    }

    /** lme4's {@code checkHess}: fails on negative or zero eigenvalues, warns on very large ones or their ratio. */
    private static void hessianCheck(double[][] h, String kind, List<String> failures, List<String> warnings) {
        double[] values = eigenvalues(h);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        int negative = 0;
        boolean zero = false;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                failures.add("the " + kind + "Hessian has infinite or missing values");
                return;
            }
            negative += v < -HESSIAN_TOLERANCE ? 1 : 0;
            zero |= Math.abs(v) < HESSIAN_TOLERANCE;
            smallest = Math.min(smallest, v);
            largest = Math.max(largest, v);
        }
        if (negative > 0) {
            failures.add("the fit failed to converge: degenerate " + kind + "Hessian with " + negative
                    + " negative eigenvalue" + (negative == 1 ? "" : "s") + " (as lme4's checkConv)");
        } else if (zero || Cholesky.tryDecompose(h).isEmpty()) {
            failures.add("the " + kind + "Hessian is numerically singular: the parameters are not uniquely"
                    + " determined (as lme4's checkConv)");
        } else {
            if (largest * HESSIAN_TOLERANCE > 1) {
                warnings.add("the model is nearly unidentifiable: very large eigenvalue of the " + kind
                        + "Hessian; rescale variables? (as lme4's checkConv)");
            }
            if (smallest / largest < HESSIAN_TOLERANCE) {
                warnings.add("the model is nearly unidentifiable: large eigenvalue ratio of the " + kind
                        + "Hessian; rescale variables? (as lme4's checkConv)");
            }
        }
    }

    /** The eigenvalues of a small symmetric matrix, by cyclic Jacobi rotations. */
    static double[] eigenvalues(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(scale, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    private static double[] shifted(double[] point, int k, double dk, int l, double dl) {
        double[] p = point.clone();
        p[k] += dk;
        p[l] += dl;
        return p;
    }
}
