package org.alliance.stats.correlation;

import org.alliance.stats.provenance.Traceable;

/**
 * Pearson's r with the figures of R's {@code cor.test(x, y, conf.level = level)}.
 *
 * @param estimate r ({@code estimate})
 * @param statistic t ({@code statistic}); infinite when |r| = 1
 * @param df n − 2 ({@code parameter})
 * @param pValue two-sided p ({@code p.value})
 * @param confLow lower limit of the Fisher-z interval ({@code conf.int[1]}); NaN for n ≤ 3
 * @param confHigh upper limit ({@code conf.int[2]}); NaN for n ≤ 3
 * @param confidenceLevel level of the interval
 * @param n rows used (both variables present)
 * @param rowsDropped rows left out because one or both values were missing
 * @param method the definitions followed, for provenance
 */
public record PearsonResult(
        double estimate,
        double statistic,
        int df,
        double pValue,
        double confLow,
        double confHigh,
        double confidenceLevel,
        int n,
        int rowsDropped,
        String method)
        implements Traceable.ByMethod {

    public PearsonResult {
        if (n < 3 || df != n - 2) {
            throw new IllegalArgumentException(
                    "a correlation test needs n >= 3 and df = n - 2, got n = " + n + ", df = " + df);
        }
        if (rowsDropped < 0) {
            throw new IllegalArgumentException("rows dropped must not be negative, got " + rowsDropped);
        }
    }
}
