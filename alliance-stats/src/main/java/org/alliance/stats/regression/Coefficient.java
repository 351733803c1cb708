package org.alliance.stats.regression;

/**
 * One row of a coefficient table, as R's {@code summary()} / {@code lmtest::coeftest()} prints it.
 *
 * @param term term name as R prints it ({@code (Intercept)}, {@code wt}, {@code cyl6})
 * @param estimate the coefficient
 * @param standardError its standard error (classical or robust, see the result's covariance type)
 * @param statistic estimate / standard error (t for linear, z for logistic models)
 * @param pValue two-sided p-value of the statistic
 * @param confLow lower limit of the 95 % confidence interval
 * @param confHigh upper limit of the 95 % confidence interval
 */
public record Coefficient(
        String term,
        double estimate,
        double standardError,
        double statistic,
        double pValue,
        double confLow,
        double confHigh) {

    public Coefficient {
        if (term.isBlank()) {
            throw new IllegalArgumentException("term name must not be blank");
        }
    }
}
