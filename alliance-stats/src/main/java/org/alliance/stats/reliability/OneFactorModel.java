package org.alliance.stats.reliability;

import java.util.Optional;
import org.alliance.stats.linalg.Cholesky;
import org.alliance.stats.linalg.DenseMatrix;

/**
 * Maximum-likelihood one-factor model Σ = λλᵀ + Θ (Θ diagonal, factor variance fixed to 1) fitted to a covariance
 * matrix S by Fisher scoring on the ML discrepancy F = log|Σ| + tr(SΣ⁻¹) − log|S| − p (Jöreskog 1967; Bollen 1989,
 * ch. 4). The expected information of parameters a, b is tr(Σ⁻¹ ∂Σ/∂a Σ⁻¹ ∂Σ/∂b). Like lavaan's default, residual
 * variances are not bounded (Heywood cases are reported as they come). The estimates do not depend on whether S uses
 * the N or N − 1 divisor up to a scale factor that cancels in {@link Fit#omegaTotal()}.
 */
public final class OneFactorModel {

    private static final int MAX_ITERATIONS = 500;
    private static final double GRADIENT_TOLERANCE = 1e-12;

    private OneFactorModel() {}

    /**
     * The fitted loadings and residual variances.
     *
     * @param loadings λ, one per variable
     * @param residualVariances diagonal of Θ
     * @param iterations Fisher-scoring iterations used
     */
    public record Fit(double[] loadings, double[] residualVariances, int iterations) {

        public Fit {
            if (loadings.length != residualVariances.length) {
                throw new IllegalArgumentException("loadings and residual variances differ in length: "
                        + loadings.length + " and " + residualVariances.length);
            }
            loadings = loadings.clone();
            residualVariances = residualVariances.clone();
        }

        @Override
        public double[] loadings() {
            return loadings.clone();
        }

        @Override
        public double[] residualVariances() {
            return residualVariances.clone();
        }

        /** McDonald's ω total: (Σλ)² / ((Σλ)² + Σθ). */
        public double omegaTotal() {
            double sumLoadings = 0.0;
            double sumResidual = 0.0;
            for (int i = 0; i < loadings.length; i++) {
                sumLoadings += loadings[i];
                sumResidual += residualVariances[i];
            }
            double common = sumLoadings * sumLoadings;
            return common / (common + sumResidual);
        }
    }

    /**
     * Fits the model; empty when the covariance matrix has fewer than three variables (the model is then not
     * identified), is not positive definite, or Fisher scoring does not converge.
     */
    public static Optional<Fit> fit(double[][] covariance) {
        int p = covariance.length;
        if (p < 3) {
            return Optional.empty();
        }
        double[][] s = DenseMatrix.copy(covariance);
        double[][] sInverse;
        try {
            sInverse = DenseMatrix.inverseSymmetric(s);
        } catch (IllegalArgumentException notPositiveDefinite) {
            return Optional.empty();
        }
        // Start from squared multiple correlations: communality ≈ SMC · variance.
        double[] x = new double[2 * p];
        for (int i = 0; i < p; i++) {
            double smc = Math.max(0.1, 1.0 - 1.0 / (s[i][i] * sInverse[i][i]));
            x[i] = Math.sqrt(smc * s[i][i]);
            x[p + i] = (1.0 - smc) * s[i][i];
        }
        double f = discrepancy(s, x);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] sigmaInverse;
            try {
                sigmaInverse = DenseMatrix.inverseSymmetric(sigma(x, p));
            } catch (IllegalArgumentException notPositiveDefinite) {
                return Optional.empty();
            }
            double[] gradient = gradient(s, sigmaInverse, x, p);
            double[] step;
            try {
                step = Cholesky.decompose(information(sigmaInverse, x, p)).solve(gradient);
            } catch (IllegalArgumentException singular) {
                return Optional.empty();
            }
            double maxGradient = 0.0;
            for (double g : gradient) {
                maxGradient = Math.max(maxGradient, Math.abs(g));
            }
            if (maxGradient < GRADIENT_TOLERANCE) {
                return Optional.of(new Fit(slice(x, 0, p), slice(x, p, 2 * p), iteration - 1));
            }
            double stepLength = 1.0;
            double[] candidate = new double[x.length];
            double fCandidate = Double.NaN;
            for (int halving = 0; halving < 30; halving++) {
                for (int i = 0; i < x.length; i++) {
                    candidate[i] = x[i] - stepLength * step[i];
                }
                fCandidate = discrepancy(s, candidate);
                if (fCandidate <= f + 1e-15 * Math.abs(f)) {
                    break;
                }
                stepLength /= 2;
            }
            if (!(fCandidate <= f + 1e-15 * Math.abs(f))) {
                // No descent possible: we are at the optimum to machine precision.
                return maxGradient < 1e-7
                        ? Optional.of(new Fit(slice(x, 0, p), slice(x, p, 2 * p), iteration - 1))
                        : Optional.empty();
            }
            x = candidate.clone();
            f = fCandidate;
        }
        return Optional.empty();
    }

    private static double[] slice(double[] x, int from, int to) {
        double[] result = new double[to - from];
        System.arraycopy(x, from, result, 0, result.length);
        return result;
    }

    private static double[][] sigma(double[] x, int p) {
        double[][] sigma = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                sigma[i][j] = x[i] * x[j];
            }
            sigma[i][i] += x[p + i];
        }
        return sigma;
    }

    /** log|Σ| + tr(SΣ⁻¹); +∞ when Σ is not positive definite. */
    private static double discrepancy(double[][] s, double[] x) {
        int p = s.length;
        Cholesky cholesky;
        try {
            cholesky = Cholesky.decompose(sigma(x, p));
        } catch (IllegalArgumentException notPositiveDefinite) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] inverse = cholesky.inverse();
        double trace = 0.0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                trace += s[i][j] * inverse[j][i];
            }
        }
        return cholesky.logDeterminant() + trace;
    }

    /** ∂F/∂λᵢ = 2(Mλ)ᵢ, ∂F/∂θᵢ = Mᵢᵢ with M = Σ⁻¹(Σ − S)Σ⁻¹. */
    private static double[] gradient(double[][] s, double[][] sigmaInverse, double[] x, int p) {
        double[][] residual = sigma(x, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                residual[i][j] -= s[i][j];
            }
        }
        double[][] m = DenseMatrix.multiply(DenseMatrix.multiply(sigmaInverse, residual), sigmaInverse);
        double[] lambda = slice(x, 0, p);
        double[] mLambda = DenseMatrix.multiply(m, lambda);
        double[] gradient = new double[2 * p];
        for (int i = 0; i < p; i++) {
            gradient[i] = 2.0 * mLambda[i];
            gradient[p + i] = m[i][i];
        }
        return gradient;
    }

    /** Expected information tr(A ∂Σ/∂a A ∂Σ/∂b) with A = Σ⁻¹, b = Aλ, c = λᵀAλ. */
    private static double[][] information(double[][] a, double[] x, int p) {
        double[] lambda = slice(x, 0, p);
        double[] b = DenseMatrix.multiply(a, lambda);
        double c = DenseMatrix.dot(lambda, b);
        double[][] h = new double[2 * p][2 * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                h[i][j] = 2.0 * (b[i] * b[j] + c * a[i][j]);
                h[i][p + j] = 2.0 * a[i][j] * b[j];
                h[p + j][i] = h[i][p + j];
                h[p + i][p + j] = a[i][j] * a[i][j];
            }
        }
        return h;
    }
}
