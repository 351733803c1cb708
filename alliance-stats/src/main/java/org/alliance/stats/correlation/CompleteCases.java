package org.alliance.stats.correlation;

import java.util.Arrays;

/**
 * The rows where both variables have a value ({@code NaN} is missing), as R's {@code complete.cases(x, y)}.
 *
 * @param x the values of x in those rows
 * @param y the values of y in those rows
 * @param rowsDropped rows left out because x, y or both were missing
 */
record CompleteCases(double[] x, double[] y, int rowsDropped) {

    static CompleteCases of(double[] x, double[] y, int minimum) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length);
        }
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        int n = 0;
        for (int row = 0; row < x.length; row++) {
            if (Double.isInfinite(x[row]) || Double.isInfinite(y[row])) {
                throw new IllegalArgumentException("row " + (row + 1) + " holds an infinite value");
            }
            if (!Double.isNaN(x[row]) && !Double.isNaN(y[row])) {
                keptX[n] = x[row];
                keptY[n] = y[row];
                n++;
            }
        }
        if (n < minimum) {
            throw new IllegalArgumentException("a correlation test needs at least " + minimum
                    + " rows where both variables have a value, got " + n);
        }
        return new CompleteCases(Arrays.copyOf(keptX, n), Arrays.copyOf(keptY, n), x.length - n);
    }

    int n() {
        return x.length;
    }

    /**
     * Pearson's r as R's {@code cor}: centred cross-products around means refined by a second pass, clamped to [−1, 1].
     *
     * @throws IllegalArgumentException when either variable is constant (R: "the standard deviation is zero")
     */
    static double pearson(double[] x, double[] y) {
        double meanX = mean(x);
        double meanY = mean(y);
        double sxx = 0.0;
        double syy = 0.0;
        double sxy = 0.0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0.0 || syy == 0.0) {
            throw new IllegalArgumentException((sxx == 0.0 ? "x" : "y")
                    + " has the same value in every complete row: its standard deviation is zero and the"
                    + " correlation is undefined");
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }

    /** The mean with one correction pass, so that large offsets (years, GNP) do not cost digits. */
    private static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double correction = 0.0;
        for (double v : values) {
            correction += v - mean;
        }
        return mean + correction / values.length;
    }
}
