package org.alliance.stats.correlation;

import java.util.List;
import org.alliance.stats.provenance.Traceable;

/**
 * Spearman's ρ with the figures of R's {@code cor.test(x, y, method = "spearman", exact = FALSE)}.
 *
 * @param estimate ρ ({@code estimate})
 * @param statistic S = (n³ − n)(1 − ρ)/6 ({@code statistic})
 * @param tStatistic ρ √(n − 2) / √(1 − ρ²), the statistic the p-value is taken from
 * @param df n − 2, the degrees of freedom of the t approximation
 * @param pValue two-sided p ({@code p.value})
 * @param n rows used (both variables present)
 * @param rowsDropped rows left out because one or both values were missing
 * @param warnings things the reader should know (a small sample for the approximation)
 * @param method the definitions followed, for provenance
 */
public record SpearmanResult(
        double estimate,
        double statistic,
        double tStatistic,
        int df,
        double pValue,
        int n,
        int rowsDropped,
        List<String> warnings,
        String method)
        implements Traceable.ByMethod {

    public SpearmanResult {
        warnings = List.copyOf(warnings);
        if (n < 3 || df != n - 2) {
            throw new IllegalArgumentException(
                    "a correlation test needs n >= 3 and df = n - 2, got n = " + n + ", df = " + df);
        }
        if (rowsDropped < 0) {
            throw new IllegalArgumentException("rows dropped must not be negative, got " + rowsDropped);
        }
    }
}
