package org.alliance.stats.regression;

import java.util.List;
import java.util.Optional;

/**
 * A fitted linear model with the figures of R's {@code summary(lm)}, {@code logLik}, {@code AIC} and {@code BIC}.
 *
 * @param coefficients coefficient table; with robust covariance the t, p and CI use the robust standard errors with the
 *     residual degrees of freedom, like {@code lmtest::coeftest(fit, vcov = ...)}
 * @param standardizedCoefficients β = b · sd(x)/sd(y) per term, in the order of {@code coefficients} (see
 *     {@link LinearRegression} for the convention for dummies; NaN for the intercept)
 * @param covariance covariance matrix of the coefficients used for the table
 * @param rSquared R² (model with intercept: 1 − RSS/TSS around the mean)
 * @param adjustedRSquared adjusted R²
 * @param sigma residual standard error √(RSS/(n − p))
 * @param fStatistic overall F test of all terms but the intercept, classical as in {@code summary(lm)} (also with robust
 *     errors; then {@code robustWaldTest} is the test to report)
 * @param fNumeratorDf p − 1
 * @param fDenominatorDf n − p
 * @param fPValue upper-tail p of the F statistic
 * @param logLikelihood Gaussian log-likelihood at the ML σ, as {@code logLik(lm)}
 * @param aic −2 logLik + 2(p + 1)
 * @param bic −2 logLik + log(n)(p + 1)
 * @param n rows used
 * @param rowsDropped rows left out for missing values (listwise deletion)
 * @param covarianceType which standard errors
 * @param clusters number of clusters for a clustered covariance (the smallest over the cluster variables), otherwise 0
 * @param clusterCounts number of clusters per cluster variable, in the order given (empty unless clustered)
 * @param robustWaldTest with robust standard errors, the Wald F test of all slopes as {@code lmtest::waldtest(fit, vcov
 *     = V)}, which replaces the classical F; empty with classical errors, without slopes, or when V of the slopes is
 *     singular (a warning says so)
 * @param warnings things the reader should know about this fit
 * @param method the definitions followed, for provenance
 */
public record LinearRegressionResult(
        List<Coefficient> coefficients,
        List<StandardizedCoefficient> standardizedCoefficients,
        double[][] covariance,
        double rSquared,
        double adjustedRSquared,
        double sigma,
        double fStatistic,
        int fNumeratorDf,
        int fDenominatorDf,
        double fPValue,
        double logLikelihood,
        double aic,
        double bic,
        int n,
        int rowsDropped,
        CovarianceType covarianceType,
        int clusters,
        List<Integer> clusterCounts,
        Optional<WaldTest> robustWaldTest,
        List<String> warnings,
        String method)
        implements RegressionResult {

    public LinearRegressionResult {
        coefficients = List.copyOf(coefficients);
        standardizedCoefficients = List.copyOf(standardizedCoefficients);
        if (standardizedCoefficients.size() != coefficients.size()) {
            throw new IllegalArgumentException("got " + standardizedCoefficients.size()
                    + " standardised coefficients for " + coefficients.size() + " coefficients");
        }
        clusterCounts = List.copyOf(clusterCounts);
        warnings = List.copyOf(warnings);
        covariance = org.alliance.stats.linalg.DenseMatrix.copy(covariance);
    }

    /** Residual degrees of freedom n − p. */
    public int residualDf() {
        return fDenominatorDf;
    }

    /** The coefficient of a term, by its R name. */
    public Coefficient coefficient(String term) {
        return coefficients.stream()
                .filter(c -> c.term().equals(term))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term " + term));
    }
}
