package org.alliance.stats.correlation;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Pearson's product-moment correlation with the test and interval of R's {@code cor.test(x, y)} (two-sided, the
 * default method), over the rows where both variables have a value ({@code complete.cases}):
 *
 * <ul>
 *   <li>r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²);
 *   <li>t = r √(n − 2) / √(1 − r²) on n − 2 degrees of freedom; p = 2 · P(T &gt; |t|) from the upper tail of Student's
 *       t (Commons Statistics, accurate far into the tail, like R's {@code pt(lower.tail = FALSE)});
 *   <li>confidence interval by Fisher's z transformation (Fisher 1921): tanh(atanh(r) ∓ z_{(1+level)/2} / √(n − 3)),
 *       only for n &gt; 3 (R reports none below that; here the limits are NaN).
 * </ul>
 */
public final class PearsonCorrelation {

    static final String METHOD = "Pearson's product-moment correlation as R cor.test(x, y): t = r*sqrt(n-2)/sqrt(1-r^2)"
            + " on n-2 df, two-sided p; Fisher-z confidence interval tanh(atanh(r) -/+ z/sqrt(n-3));"
            + " complete cases of the pair";

    private PearsonCorrelation() {}

    /**
     * Correlates {@code x} with {@code y}; {@code NaN} marks a missing value and drops the row.
     *
     * @throws IllegalArgumentException with fewer than three complete rows, an infinite value, columns of unequal
     *     length, or a variable that is constant over the complete rows
     */
    public static PearsonResult fit(double[] x, double[] y, CorrelationOptions options) {
        CompleteCases cases = CompleteCases.of(x, y, 3);
        int n = cases.n();
        double r = CompleteCases.pearson(cases.x(), cases.y());
        int df = n - 2;
        double t = Math.sqrt(df) * r / Math.sqrt(1.0 - r * r);
        double p = 2.0 * TDistribution.of(df).survivalProbability(Math.abs(t));
        double low = Double.NaN;
        double high = Double.NaN;
        if (n > 3) {
            double z = atanh(r);
            double halfWidth = NormalDistribution.of(0.0, 1.0)
                            .inverseCumulativeProbability((1.0 + options.confidenceLevel()) / 2.0)
                    / Math.sqrt(n - 3.0);
            low = Math.tanh(z - halfWidth);
            high = Math.tanh(z + halfWidth);
        }
        return new PearsonResult(r, t, df, p, low, high, options.confidenceLevel(), n, cases.rowsDropped(), METHOD);
    }

    /** atanh(r) = ½ log((1 + r)/(1 − r)), written with log1p to keep the digits of a small r; ±∞ at r = ±1. */
    private static double atanh(double r) {
        return 0.5 * Math.log1p(2.0 * r / (1.0 - r));
    }
}
