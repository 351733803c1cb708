package org.alliance.stats.regression;

/**
 * A standardised (beta) coefficient of a linear model: the change in y, in standard deviations of y, for one standard
 * deviation of the term's model-matrix column, b · sd(x)/sd(y), as {@code lm.beta::lm.beta} computes it.
 *
 * @param term term name as R prints it
 * @param estimate the standardised coefficient; NaN for the intercept, which has none
 */
public record StandardizedCoefficient(String term, double estimate) {

    public StandardizedCoefficient {
        if (term.isBlank()) {
            throw new IllegalArgumentException("term name must not be blank");
        }
    }
}
