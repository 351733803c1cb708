package org.alliance.stats.mixed;

/**
 * One row of {@code as.data.frame(VarCorr(fit))}: a variance (second name empty) with its standard deviation, or a
 * covariance with its correlation, of a grouping factor's random effects; the last row is the residual.
 *
 * @param group grouping factor ({@code Subject}, {@code cask:batch}) or {@code Residual}
 * @param first coefficient name ({@code (Intercept)}, {@code Days}); empty for the residual
 * @param second the other coefficient of a covariance; empty for a variance
 * @param variance variance or covariance
 * @param standardDeviation standard deviation of a variance, or correlation of a covariance
 */
public record VarianceComponent(String group, String first, String second, double variance, double standardDeviation) {

    /** True for a covariance/correlation row. */
    public boolean isCovariance() {
        return !second.isEmpty();
    }
}
