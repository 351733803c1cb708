package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.stats.factor.CfaSpecification.Row;
import org.alliance.stats.linalg.DenseMatrix;
import org.alliance.stats.linalg.SymmetricMatrices;

/**
 * The statistic and scaling factor behind the robust RMSEA and CFI after robust FIML (lavaan's "FIML-C", version
 * V3 with a scaled test; Zhang &amp; Savalei 2023, as {@code lavaan:::lav_fit_fiml_corrected} 0.6.14): the fitted
 * model's moments are compared with the saturated model's EM estimates (μ̃, Σ̃) as if these were complete-data
 * sample moments,
 *
 * <p>T̃ = Σ_g N_g [log|Σ_g| − log|Σ̃_g| + tr(Σ̃_g Σ_g⁻¹) − p + (μ̃_g − μ_g)′Σ_g⁻¹(μ̃_g − μ_g)] at θ̂, and
 *
 * <p>c̃ = tr(U W_m⁻¹ W_c W_m⁻¹ U Γ)/df with W_m the saturated model's observed information under missing data
 * (blocks f_g A₁,g/N_g), W_c its complete-data information at (μ̃, Σ̃) (f_g times), Γ = W_m⁻¹ J W_m⁻¹ its sandwich
 * (J = B₁/N_g; blocks divided by f_g, as W_m⁻¹), U = W_m − W_m Δ (Δ′W_mΔ)⁻¹ Δ′W_m and Δ = ∂(μ, vech Σ)/∂θ, f_g =
 * N_g/N. The robust indices then use T̃ and c̃ where complete data use T and the Yuan–Bentler c.
 */
final class FimlCorrectedFit {

    /** T̃ and c̃. */
    record Corrected(double chisq, double scaling) {}

    private FimlCorrectedFit() {}

    /**
     * T̃ and c̃ of a fitted FIML model, or empty when an information matrix is singular. With observed predictors
     * under fixed.x ({@code predictors}) their moments (means, variances and covariances among them) are fixed, as
     * in lavaan: their rows leave W_m, W_c and J (W_m⁻¹ is the inverse of what remains), and the parameters that are
     * such moments leave Δ.
     */
    static Optional<Corrected> compute(CfaObjective objective, double[] theta, int df, List<String> predictors) {
        CfaSpecification spec = objective.spec;
        int p = spec.p();
        int[] moments = keptMoments(spec.observed, predictors);
        int[] parameters = keptParameters(spec, predictors);
        int r = moments.length;
        int groups = objective.samples.size();
        int q = parameters.length;
        int size = groups * r;
        double total = objective.total;
        double[][] wm = new double[size][size];
        double[][] middle = new double[size][size];
        double[][] gamma = new double[size][size];
        double[][] delta = new double[size][q];
        double chisq = 0;
        for (int g = 0; g < groups; g++) {
            GroupSample s = objective.samples.get(g);
            double n = s.n();
            double fg = n / total;
            FimlSaturatedModel.Information info = objective.saturatedInformation(g);
            double[][] a = DenseMatrix.scale(DenseMatrix.submatrix(info.observed(), moments), 1 / n);
            Optional<double[][]> aInverse = SymmetricMatrices.inverse(a, 1e-12);
            if (aInverse.isEmpty()) {
                return Optional.empty();
            }
            double[][] aInv = aInverse.get();
            double[][] wc = DenseMatrix.submatrix(
                    FimlSaturatedModel.completeDataInformation(s.mean(), s.covariance()), moments);
            // W_m⁻¹ W_c W_m⁻¹ and Γ of this block, with the weights f_g⁻¹ · f_g · f_g⁻¹ and f_g⁻¹.
            double[][] m = SymmetricMatrices.multiply(SymmetricMatrices.multiply(aInv, wc), aInv);
            double[][] gm = SymmetricMatrices.multiply(
                    SymmetricMatrices.multiply(
                            aInv, DenseMatrix.scale(DenseMatrix.submatrix(info.firstOrder(), moments), 1 / n)),
                    aInv);
            int o = g * r;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    wm[o + i][o + j] = fg * a[i][j];
                    middle[o + i][o + j] = m[i][j] / fg;
                    gamma[o + i][o + j] = gm[i][j] / fg;
                }
            }
            CfaObjective.GroupState st = objective.state(g, theta);
            double[][] jacobian = objective.momentJacobian(g, st);
            for (int i = 0; i < r; i++) {
                for (int k = 0; k < q; k++) {
                    delta[o + i][k] = jacobian[moments[i]][parameters[k]];
                }
            }
            chisq += n * completeDataDiscrepancy(s.mean(), s.covariance(), st);
        }
        double[][] wmDelta = SymmetricMatrices.multiply(wm, delta);
        double[][] e = SymmetricMatrices.multiply(DenseMatrix.transpose(delta), wmDelta);
        Optional<double[][]> eInverse = SymmetricMatrices.inverse(e, 1e-12);
        if (eInverse.isEmpty()) {
            return Optional.empty();
        }
        double[][] projection = SymmetricMatrices.multiply(
                SymmetricMatrices.multiply(wmDelta, eInverse.get()), DenseMatrix.transpose(wmDelta));
        double[][] u = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                u[i][j] = wm[i][j] - projection[i][j];
            }
        }
        double[][] umu = SymmetricMatrices.multiply(SymmetricMatrices.multiply(u, middle), u);
        double trace = SymmetricMatrices.traceOfProduct(umu, gamma);
        return Optional.of(new Corrected(chisq, trace / df));
    }

    /** The moments that are not fixed by fixed.x: all but the predictors' means and their (co)variances. */
    private static int[] keptMoments(List<String> observed, List<String> predictors) {
        int p = observed.size();
        List<Integer> kept = new ArrayList<>();
        for (int a = 0; a < p; a++) {
            if (!predictors.contains(observed.get(a))) {
                kept.add(a);
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                if (!predictors.contains(observed.get(a)) || !predictors.contains(observed.get(b))) {
                    kept.add(FimlSaturatedModel.sigmaIndex(p, a, b));
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The free parameters other than the predictors' own moments (which lavaan fixes under fixed.x). */
    private static int[] keptParameters(CfaSpecification spec, List<String> predictors) {
        java.util.Set<Integer> moment = new java.util.HashSet<>();
        java.util.Set<Integer> other = new java.util.HashSet<>();
        for (Row row : spec.rows) {
            if (row.free() < 0) {
                continue;
            }
            boolean predictorMoment =
                    switch (row.kind()) {
                        case THETA, PSI -> predictors.contains(row.lhs()) && predictors.contains(row.rhs());
                        case NU, ALPHA -> predictors.contains(row.lhs());
                        default -> false;
                    };
            (predictorMoment ? moment : other).add(row.free());
        }
        moment.removeAll(other);
        return java.util.stream.IntStream.range(0, spec.freeCount)
                .filter(k -> !moment.contains(k))
                .toArray();
    }

    /** F_ML of complete data with sample moments (μ̃, Σ̃) at the implied moments of a group state. */
    private static double completeDataDiscrepancy(double[] mean, double[][] covariance, CfaObjective.GroupState st) {
        int p = mean.length;
        double logDetSample = SymmetricMatrices.logDeterminant(
                SymmetricMatrices.cholesky(covariance).orElseThrow());
        double f = st.logDet - logDetSample + SymmetricMatrices.traceOfProduct(covariance, st.sigmaInv) - p;
        double[] d = new double[p];
        for (int a = 0; a < p; a++) {
            d[a] = mean[a] - st.mu[a];
        }
        double[] v = SymmetricMatrices.multiply(st.sigmaInv, d);
        for (int a = 0; a < p; a++) {
            f += d[a] * v[a];
        }
        return f;
    }
}
