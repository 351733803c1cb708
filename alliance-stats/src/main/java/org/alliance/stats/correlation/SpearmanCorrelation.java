package org.alliance.stats.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Spearman's rank correlation with the test of R's {@code cor.test(x, y, method = "spearman", exact = FALSE)}, over
 * the rows where both variables have a value:
 *
 * <ul>
 *   <li>ρ = Pearson's r of the ranks, tied values sharing their average rank (R's {@code rank}, ties "average");
 *   <li>S = (n³ − n)(1 − ρ)/6 ({@code statistic});
 *   <li>p from the t approximation: t = ρ √(n − 2) / √(1 − ρ²) on n − 2 degrees of freedom, two-sided
 *       (R's asymptotic branch of {@code pspearman}). This is the method R uses for ties or n &gt; 1290; R's default
 *       for smaller samples without ties is the exact distribution (AS 89), which we do not compute. The
 *       approximation is reasonable from about n = 10; below that the result carries a warning.
 * </ul>
 */
public final class SpearmanCorrelation {

    static final String METHOD =
            "Spearman's rank correlation rho as R cor.test(x, y, method = \"spearman\", exact = FALSE):"
                    + " average ranks for ties, S = (n^3-n)(1-rho)/6, two-sided p from the t approximation"
                    + " on n-2 df; complete cases of the pair";

    /** Below this many pairs the t approximation is rough (and R would use the exact distribution). */
    static final int APPROXIMATION_MINIMUM = 10;

    private SpearmanCorrelation() {}

    /**
     * Rank-correlates {@code x} with {@code y}; {@code NaN} marks a missing value and drops the row.
     *
     * @throws IllegalArgumentException with fewer than three complete rows, an infinite value, columns of unequal
     *     length, or a variable that is constant over the complete rows
     */
    public static SpearmanResult fit(double[] x, double[] y) {
        CompleteCases cases = CompleteCases.of(x, y, 3);
        int n = cases.n();
        double rho = CompleteCases.pearson(ranks(cases.x()), ranks(cases.y()));
        int df = n - 2;
        double t = Math.sqrt(df) * rho / Math.sqrt(1.0 - rho * rho);
        double p = 2.0 * TDistribution.of(df).survivalProbability(Math.abs(t));
        double s = ((double) n * n * n - n) * (1.0 - rho) / 6.0;
        List<String> warnings = new ArrayList<>();
        if (n < APPROXIMATION_MINIMUM) {
            warnings.add("only " + n + " pairs: the t approximation of the p-value is rough below "
                    + APPROXIMATION_MINIMUM
                    + " (R's default cor.test would use the exact distribution when there"
                    + " are no ties)");
        }
        return new SpearmanResult(rho, s, t, df, Math.min(p, 1.0), n, cases.rowsDropped(), warnings, METHOD);
    }

    /** Ranks 1..n, ties getting the mean of the ranks they span (R's {@code rank(x)}). */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = average;
            }
            start = end + 1;
        }
        return ranks;
    }
}
