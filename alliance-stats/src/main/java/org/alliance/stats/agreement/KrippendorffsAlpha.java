package org.alliance.stats.agreement;

import java.util.Arrays;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.provenance.Traceable;

/**
 * Krippendorff's alpha for any number of coders, missing values allowed (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", Annenberg School for Communication, Departmental Papers 43).
 *
 * <p>From the coincidence matrix o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1) over the
 * units with m_u ≥ 2 values, n_c = Σ_k o_ck and n = Σ_c n_c: α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Metric differences: nominal δ² = [c ≠ k]; ordinal δ² = (Σ_{g=c}^{k} n_g − (n_c + n_k)/2)²; interval δ² =
 * (c − k)²; ratio δ² = ((c − k)/(c + k))². Mirrors R's {@code irr::kripp.alpha(t(data), method)}.
 */
public final class KrippendorffsAlpha {

    /** The method in words, for the provenance of a result. */
    static final String METHOD = "Krippendorff's alpha (Krippendorff 2011) as irr::kripp.alpha(t(data), method = \"";

    private KrippendorffsAlpha() {}

    /** The metric of the values. */
    public enum Level {
        NOMINAL,
        ORDINAL,
        INTERVAL,
        RATIO
    }

    /**
     * @param alpha α (NaN when the expected disagreement is 0, i.e. one value throughout)
     * @param observedDisagreement D_o
     * @param expectedDisagreement D_e
     * @param pairableValues n, the number of values in units with at least two values
     * @param units units with at least two values
     * @param values the distinct values, ascending
     */
    public record Result(
            double alpha,
            Level level,
            double observedDisagreement,
            double expectedDisagreement,
            long pairableValues,
            int units,
            double[] values)
            implements Traceable {
        /** How this result was made, for its provenance. */
        @Override
        public Provenance provenance() {
            return Provenance.method(METHOD + level.name().toLowerCase(java.util.Locale.ROOT) + "\")");
        }
    }

    /**
     * @param data rows = units, columns = coders; {@code NaN} = missing
     */
    public static Result fit(double[][] data, Level level) {
        double[] values = Arrays.stream(data)
                .flatMapToDouble(Arrays::stream)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .distinct()
                .toArray();
        if (level == Level.RATIO) {
            for (double v : values) {
                if (v < 0) {
                    throw new IllegalArgumentException("ratio data cannot be negative, got " + v);
                }
            }
        }
        for (double[] row : data) {
            for (double v : row) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("values must be finite, got " + v);
                }
            }
        }
        int v = values.length;
        double[][] o = new double[v][v];
        int units = 0;
        int[] index = new int[0];
        for (double[] row : data) {
            if (index.length < row.length) {
                index = new int[row.length];
            }
            int mu = 0;
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    index[mu++] = Arrays.binarySearch(values, x);
                }
            }
            if (mu < 2) {
                continue;
            }
            units++;
            for (int a = 0; a < mu; a++) {
                for (int b = 0; b < mu; b++) {
                    if (a != b) {
                        o[index[a]][index[b]] += 1.0 / (mu - 1);
                    }
                }
            }
        }
        double[] nc = new double[v];
        double n = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        if (n == 0) {
            throw new IllegalArgumentException("alpha needs at least one unit with two or more values");
        }
        double[] cumulative = new double[v + 1];
        for (int c = 0; c < v; c++) {
            cumulative[c + 1] = cumulative[c] + nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                if (c == k) {
                    continue;
                }
                double d = delta(level, values, nc, cumulative, c, k);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        double dObserved = observed / n;
        double dExpected = expected / (n * (n - 1));
        double alpha = dExpected == 0 ? Double.NaN : 1 - dObserved / dExpected;
        return new Result(alpha, level, dObserved, dExpected, Math.round(n), units, values);
    }

    private static double delta(Level level, double[] values, double[] nc, double[] cumulative, int c, int k) {
        switch (level) {
            case NOMINAL:
                return 1;
            case INTERVAL:
                return (values[c] - values[k]) * (values[c] - values[k]);
            case RATIO:
                double sum = values[c] + values[k];
                return sum == 0 ? 0 : Math.pow((values[c] - values[k]) / sum, 2);
            case ORDINAL:
                int low = Math.min(c, k);
                int high = Math.max(c, k);
                double s = cumulative[high + 1] - cumulative[low] - (nc[c] + nc[k]) / 2;
                return s * s;
            default:
                throw new IllegalStateException("unknown level " + level);
        }
    }
}
