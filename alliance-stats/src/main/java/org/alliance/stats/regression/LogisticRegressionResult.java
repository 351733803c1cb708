package org.alliance.stats.regression;

import java.util.List;
import java.util.Optional;

/**
 * A fitted logistic regression with the figures of R's {@code summary(glm(..., family = binomial))}.
 *
 * @param coefficients coefficient table with Wald z, normal p and Wald 95 % CI on the log-odds scale (with robust
 *     errors from the robust SEs, as {@code lmtest::coeftest(fit, vcov = V)})
 * @param oddsRatios exp of the estimates and of the CI limits, one per coefficient
 * @param covariance covariance matrix of the coefficients used for the table ((XᵀWX)⁻¹, dispersion 1, or robust)
 * @param deviance residual deviance
 * @param nullDeviance deviance of the intercept-only model
 * @param logLikelihood log-likelihood
 * @param aic deviance + 2p
 * @param bic −2 logLik + log(n) p
 * @param iterations IRLS iterations (R's {@code fit$iter})
 * @param converged whether the deviance converged within the iteration limit
 * @param n rows used
 * @param rowsDropped rows left out for missing values (listwise deletion)
 * @param covarianceType which standard errors
 * @param clusters number of clusters for a clustered covariance (the smallest over the cluster variables), otherwise 0
 * @param clusterCounts number of clusters per cluster variable, in the order given (empty unless clustered)
 * @param robustWaldTest with robust errors, the Wald χ² test of all slopes as {@code lmtest::waldtest(fit, vcov = V,
 *     test = "Chisq")}; empty with classical errors, without slopes, or when V of the slopes is singular
 * @param warnings e.g. separation or non-convergence
 * @param method the definitions followed, for provenance
 */
public record LogisticRegressionResult(
        List<Coefficient> coefficients,
        List<OddsRatio> oddsRatios,
        double[][] covariance,
        double deviance,
        double nullDeviance,
        double logLikelihood,
        double aic,
        double bic,
        int iterations,
        boolean converged,
        int n,
        int rowsDropped,
        CovarianceType covarianceType,
        int clusters,
        List<Integer> clusterCounts,
        Optional<WaldTest> robustWaldTest,
        List<String> warnings,
        String method)
        implements RegressionResult {

    public LogisticRegressionResult {
        coefficients = List.copyOf(coefficients);
        oddsRatios = List.copyOf(oddsRatios);
        clusterCounts = List.copyOf(clusterCounts);
        warnings = List.copyOf(warnings);
        covariance = org.alliance.stats.linalg.DenseMatrix.copy(covariance);
        if (oddsRatios.size() != coefficients.size()) {
            throw new IllegalArgumentException(
                    oddsRatios.size() + " odds ratios for " + coefficients.size() + " coefficients");
        }
    }

    /** Residual degrees of freedom n − p. */
    public int residualDf() {
        return n - coefficients.size();
    }

    /**
     * An odds ratio with its Wald confidence interval, exp(b ± z₀.₉₇₅ · SE).
     *
     * @param term term name
     * @param estimate exp(b)
     * @param confLow exp(b − 1.959964 · SE)
     * @param confHigh exp(b + 1.959964 · SE)
     */
    public record OddsRatio(String term, double estimate, double confLow, double confHigh) {}
}
