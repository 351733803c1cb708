package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliance.stats.linalg.Cholesky;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Wald test that all slopes (every coefficient but the intercept) are 0, with a given covariance matrix V of the
 * estimates: W = bₛᵀ Vₛₛ⁻¹ bₛ over the q slopes, as {@code lmtest::waldtest(fit, vcov = V)} against the intercept-only
 * model. With robust V this takes the place of the classical overall F test, which assumes homoskedastic independent
 * errors.
 *
 * <ul>
 *   <li>{@link Form#F} (linear models, {@code waldtest(fit, vcov = V, test = "F")}, lmtest's default for an
 *       {@code lm}): F = W/q on q and n − p degrees of freedom; with the classical V this is summary(lm)'s F;
 *   <li>{@link Form#CHI_SQUARED} (logistic models, {@code waldtest(fit, vcov = V, test = "Chisq")}, also
 *       {@code car::linearHypothesis}' default for a glm): W on q degrees of freedom.
 * </ul>
 *
 * @param form F or χ²
 * @param statistic F = W/q, or W
 * @param df q, the number of slopes tested
 * @param residualDf n − p for the F form; 0 for χ²
 * @param pValue upper-tail probability of the statistic
 * @param terms the slopes tested
 */
public record WaldTest(Form form, double statistic, int df, int residualDf, double pValue, List<String> terms) {

    /** Which reference distribution. */
    public enum Form {
        F,
        CHI_SQUARED
    }

    /** Below this relative pivot the slopes' covariance is taken to be singular (e.g. fewer clusters than slopes). */
    private static final double SINGULAR = 1e-10;

    public WaldTest {
        terms = List.copyOf(terms);
        if (df != terms.size()) {
            throw new IllegalArgumentException(df + " degrees of freedom for " + terms.size() + " terms");
        }
    }

    /** The lmtest call that gives this test, given the R call of the covariance matrix ({@link CovarianceType#inR}). */
    public String inR(String covariance) {
        return "lmtest::waldtest(fit, vcov = " + covariance + ", test = \"" + (form == Form.F ? "F" : "Chisq") + "\")";
    }

    /**
     * The test of all slopes, or empty when there is no slope or their covariance matrix is (numerically) singular —
     * then no finite statistic exists (R's {@code solve} fails or returns noise).
     */
    static Optional<WaldTest> ofSlopes(
            double[] estimates, double[][] covariance, List<String> terms, Form form, int residualDf) {
        List<Integer> slopes = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            if (!terms.get(j).equals(DesignMatrix.INTERCEPT)) {
                slopes.add(j);
            }
        }
        int q = slopes.size();
        if (q == 0) {
            return Optional.empty();
        }
        // Scale to unit diagonal so that the singularity test does not depend on the units of the predictors.
        double[] scale = new double[q];
        double[][] correlation = new double[q][q];
        double[] z = new double[q];
        for (int a = 0; a < q; a++) {
            double variance = covariance[slopes.get(a)][slopes.get(a)];
            if (!(variance > 0) || !Double.isFinite(variance)) {
                return Optional.empty();
            }
            scale[a] = Math.sqrt(variance);
            z[a] = estimates[slopes.get(a)] / scale[a];
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                correlation[a][b] = covariance[slopes.get(a)][slopes.get(b)] / (scale[a] * scale[b]);
            }
        }
        Optional<Cholesky> cholesky = Cholesky.tryDecompose(correlation);
        if (cholesky.isEmpty()) {
            return Optional.empty();
        }
        double[][] lower = cholesky.get().lower();
        for (int a = 0; a < q; a++) {
            if (lower[a][a] * lower[a][a] < SINGULAR) {
                return Optional.empty();
            }
        }
        double[] solved = cholesky.get().solve(z);
        double w = 0.0;
        for (int a = 0; a < q; a++) {
            w += z[a] * solved[a];
        }
        List<String> names = slopes.stream().map(terms::get).toList();
        if (form == Form.F) {
            double f = w / q;
            return Optional.of(new WaldTest(
                    form, f, q, residualDf, FDistribution.of(q, residualDf).survivalProbability(f), names));
        }
        return Optional.of(
                new WaldTest(form, w, q, 0, ChiSquaredDistribution.of(q).survivalProbability(w), names));
    }
}
