package org.alliance.stats.correlation;

/**
 * Options of {@link PearsonCorrelation}.
 *
 * @param confidenceLevel level of the two-sided confidence interval, strictly between 0 and 1 ({@code conf.level})
 */
public record CorrelationOptions(double confidenceLevel) {

    /** R's default {@code conf.level}. */
    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

    public CorrelationOptions {
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
            throw new IllegalArgumentException(
                    "the confidence level must be between 0 and 1 (e.g. 0.95), got " + confidenceLevel);
        }
    }

    /** A 95 % interval, as {@code cor.test} gives by default. */
    public static CorrelationOptions defaults() {
        return new CorrelationOptions(DEFAULT_CONFIDENCE_LEVEL);
    }
}
