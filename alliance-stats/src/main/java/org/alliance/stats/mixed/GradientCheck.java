package org.alliance.stats.mixed;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.alliance.stats.linalg.Cholesky;

/**
 * lme4's gradient test of convergence ({@code checkConv}, {@code check.conv.grad}): the largest over the parameters of
 * min(|scaled gradient|, |gradient|), where the scaled gradient is {@code solve(chol(Hessian), gradient)} — the
 * gradient measured in the curvature's units, so that a criterion in the hundred thousands (a large n) is not held to
 * an absolute gradient meant for small ones. Derivatives are central finite differences; a parameter on its lower
 * bound whose derivative points out of the box is a constrained optimum and counts 0. When the Hessian is not
 * positive definite the plain gradient counts, as lme4 then has no scaled gradient either. Stateless.
 */
final class GradientCheck {

    /** The Hessian's step, lme4's {@code deriv12} delta. */
    private static final double HESSIAN_STEP = 1e-4;

    private GradientCheck() {}

    /**
     * lme4's max|grad| at {@code point}.
     *
     * @param gradientStep the step of the central differences of the gradient
     * @param tolerance below it the plain gradient already passes, and the Hessian is not computed
     */
    static double largest(
            ToDoubleFunction<double[]> f, double[] point, double[] lower, double gradientStep, double tolerance) {
        int m = point.length;
        double at = f.applyAsDouble(point);
        double[] gradient = new double[m];
        boolean[] counted = new boolean[m];
        boolean[] interior = new boolean[m];
        double plain = 0;
        for (int k = 0; k < m; k++) {
            double[] up = point.clone();
            up[k] += gradientStep;
            double fUp = f.applyAsDouble(up);
            if (point[k] - gradientStep < lower[k]) {
                gradient[k] = (fUp - at) / gradientStep;
                if (point[k] - lower[k] < gradientStep && gradient[k] >= 0) {
                    continue; // on the bound, the criterion grows into the box
                }
            } else {
                double[] down = point.clone();
                down[k] -= gradientStep;
                gradient[k] = (fUp - f.applyAsDouble(down)) / (2 * gradientStep);
            }
            counted[k] = true;
            interior[k] = point[k] - HESSIAN_STEP >= lower[k];
            plain = Math.max(plain, Math.abs(gradient[k]));
        }
        if (plain < tolerance) {
            return plain;
        }
        int[] index =
                java.util.stream.IntStream.range(0, m).filter(k -> interior[k]).toArray();
        Optional<double[]> scaled = scaled(f, point, at, gradient, index);
        double largest = 0;
        for (int k = 0; k < m; k++) {
            if (!counted[k]) {
                continue;
            }
            double value = Math.abs(gradient[k]);
            if (scaled.isPresent() && interior[k]) {
                int position = java.util.Arrays.binarySearch(index, k);
                value = Math.min(value, Math.abs(scaled.get()[position]));
            }
            largest = Math.max(largest, value);
        }
        return largest;
    }

    /** solve(chol(H), g) over the coordinates {@code index}: R x = g with RᵀR = H, R upper triangular. */
    private static Optional<double[]> scaled(
            ToDoubleFunction<double[]> f, double[] point, double at, double[] gradient, int[] index) {
        int q = index.length;
        if (q == 0) {
            return Optional.empty();
        }
        double h = HESSIAN_STEP;
        double[][] hessian = new double[q][q];
        for (int a = 0; a < q; a++) {
            int k = index[a];
            hessian[a][a] = (f.applyAsDouble(shifted(point, k, h, k, 0))
                            - 2 * at
                            + f.applyAsDouble(shifted(point, k, -h, k, 0)))
                    / (h * h);
            for (int b = 0; b < a; b++) {
                int l = index[b];
                double value = (f.applyAsDouble(shifted(point, k, h, l, h))
                                - f.applyAsDouble(shifted(point, k, h, l, -h))
                                - f.applyAsDouble(shifted(point, k, -h, l, h))
                                + f.applyAsDouble(shifted(point, k, -h, l, -h)))
                        / (4 * h * h);
                hessian[a][b] = value;
                hessian[b][a] = value;
            }
        }
        Optional<Cholesky> cholesky = Cholesky.tryDecompose(hessian);
        if (cholesky.isEmpty()) {
            return Optional.empty();
        }
        double[][] lowerFactor = cholesky.get().lower();
        // R = Lᵀ: back substitution of Lᵀ x = g
        double[] x = new double[q];
        for (int i = q - 1; i >= 0; i--) {
            double s = gradient[index[i]];
            for (int j = i + 1; j < q; j++) {
                s -= lowerFactor[j][i] * x[j];
            }
            x[i] = s / lowerFactor[i][i];
        }
        return Optional.of(x);
    }

    private static double[] shifted(double[] point, int k, double dk, int l, double dl) {
        double[] p = point.clone();
        p[k] += dk;
        p[l] += dl;
        return p;
    }
}
