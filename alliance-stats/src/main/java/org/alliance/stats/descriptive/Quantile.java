package org.alliance.stats.descriptive;

import java.util.Arrays;

/**
 * Sample quantiles as R's {@code quantile(x, p)} gives them by default: Hyndman and Fan's definition 7 (Hyndman, R.
 * J. and Fan, Y. (1996), "Sample quantiles in statistical packages", The American Statistician 50, 361–365). With
 * the values sorted as x<sub>1</sub> ≤ … ≤ x<sub>n</sub> and h = (n − 1)p + 1, the quantile is
 * x<sub>⌊h⌋</sub> + (h − ⌊h⌋)(x<sub>⌊h⌋+1</sub> − x<sub>⌊h⌋</sub>): linear between the order statistics, the
 * minimum at p = 0 and the maximum at p = 1. Stateless.
 */
public final class Quantile {

    private Quantile() {}

    /**
     * The p-quantile of the values (any order; not changed).
     *
     * @throws IllegalArgumentException for no values, a value that is not finite, or p outside [0, 1]
     */
    public static double type7(double[] values, double p) {
        return ofSorted(sorted(values), p);
    }

    /** Several quantiles of the same values, sorting them once. */
    public static double[] type7(double[] values, double... ps) {
        double[] sorted = sorted(values);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = ofSorted(sorted, ps[i]);
        }
        return out;
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a quantile needs at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a quantile needs finite values; got " + v);
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double ofSorted(double[] x, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1; got " + p);
        }
        double h = (x.length - 1) * p;
        int low = (int) Math.floor(h);
        if (low >= x.length - 1) {
            return x[x.length - 1];
        }
        return x[low] + (h - low) * (x[low + 1] - x[low]);
    }
}
