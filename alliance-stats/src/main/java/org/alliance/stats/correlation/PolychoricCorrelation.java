package org.alliance.stats.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.alliance.stats.provenance.Traceable;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The polychoric correlation of two ordinal variables (Likert items): the correlation of two standard normal variables
 * that, cut at thresholds, give the observed categories (Olsson 1979, two-step ML). Step one: each variable's
 * thresholds are the normal quantiles of its cumulative proportions. Step two: ρ maximises Σ n_ij log π_ij(ρ), with
 * π_ij the bivariate normal probability of cell (i, j) between the thresholds; the score Σ (n_ij/π_ij) ∂π_ij/∂ρ is
 * zero there (∂Φ₂/∂ρ is the bivariate density), found by bisection, then regula falsi (Illinois), to 1e-14 ({@link #rho}, also WLSMV's). No standard error is
 * given: lavaan's accounts for the estimated thresholds (a two-step sandwich) and the fixed-threshold information
 * would be about 10 % off it on bfi's items, so none rather than a wrong one. This is lavaan's {@code lavCor(…,
 * ordered = …)} and {@code psych::polychoric(…, correct = 0)} when no cell of the table is empty; an empty cell is
 * reported and left empty (lavaan too leaves it for tables larger than 2 × 2 and adds 0.5 only in a 2 × 2 table;
 * psych adds 0.5 by default).
 */
public final class PolychoricCorrelation {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final double LIMIT = 0.9999;

    /**
     * The estimate.
     *
     * @param rho the polychoric correlation
     * @param thresholdsX the thresholds of x, lowest first (one fewer than its categories)
     * @param thresholdsY the thresholds of y
     * @param logLikelihood Σ n_ij log π_ij at ρ
     * @param n pairs used
     * @param emptyCells cells of the table with no pair
     * @param warnings what the reader should know
     * @param method the definitions followed, for provenance
     */
    public record Result(
            double rho,
            double[] thresholdsX,
            double[] thresholdsY,
            double logLikelihood,
            int n,
            int emptyCells,
            List<String> warnings,
            String method)
            implements Traceable.ByMethod {
        public Result {
            thresholdsX = thresholdsX.clone();
            thresholdsY = thresholdsY.clone();
            warnings = List.copyOf(warnings);
        }
    }

    private PolychoricCorrelation() {}

    /**
     * Fits ρ for two columns of ordered categories (whole numbers, e.g. 1–5); a pair with a missing value (NaN) is
     * left out.
     *
     * @throws IllegalArgumentException for fewer than two categories, a value that is not a whole number, or too few
     *     pairs
     */
    public static Result fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        TreeSet<Double> levelsX = new TreeSet<>();
        TreeSet<Double> levelsY = new TreeSet<>();
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            for (double v : new double[] {x[i], y[i]}) {
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException(
                            "a polychoric correlation needs ordered categories (whole numbers), not " + v);
                }
            }
            levelsX.add(x[i]);
            levelsY.add(y[i]);
            pairs.add(new double[] {x[i], y[i]});
        }
        if (levelsX.size() < 2 || levelsY.size() < 2) {
            throw new IllegalArgumentException("a polychoric correlation needs at least two categories in each"
                    + " variable; one has " + Math.min(levelsX.size(), levelsY.size()));
        }
        List<Double> lx = new ArrayList<>(levelsX);
        List<Double> ly = new ArrayList<>(levelsY);
        long[][] table = new long[lx.size()][ly.size()];
        for (double[] pair : pairs) {
            table[lx.indexOf(pair[0])][ly.indexOf(pair[1])]++;
        }
        int n = pairs.size();
        double[] a = thresholds(table, true, n);
        double[] b = thresholds(table, false, n);
        int empty = 0;
        for (long[] row : table) {
            for (long cell : row) {
                if (cell == 0) {
                    empty++;
                }
            }
        }
        double rho = rho(table, a, b);
        List<String> warnings = new ArrayList<>();
        if (empty > 0) {
            warnings.add(empty + " of " + lx.size() * ly.size() + " cells of the table are empty; psych (and lavaan"
                    + " in a 2 x 2 table) add 0.5 to empty cells by default, so their estimate differs slightly; we"
                    + " do not change the data");
        }
        if (Math.abs(rho) >= LIMIT) {
            warnings.add("the estimate lies at the boundary (|rho| close to 1): the table is nearly perfectly"
                    + " ordered, and the standard error is not reliable");
        }
        return new Result(
                rho,
                inner(a),
                inner(b),
                logLikelihood(table, a, b, rho),
                n,
                empty,
                warnings,
                "polychoric correlation, two-step maximum likelihood (Olsson 1979): thresholds from the margins,"
                        + " rho by ML; bivariate normal probabilities after Genz (2004); as lavaan::lavCor(ordered ="
                        + " ...) and psych::polychoric(correct = 0)");
    }

    /** −∞, the thresholds, +∞ for the rows (or columns) of the table. */
    private static double[] thresholds(long[][] table, boolean rows, int n) {
        int categories = rows ? table.length : table[0].length;
        double[] cut = new double[categories + 1];
        cut[0] = Double.NEGATIVE_INFINITY;
        cut[categories] = Double.POSITIVE_INFINITY;
        long cumulative = 0;
        for (int c = 0; c < categories - 1; c++) {
            for (int o = 0; o < (rows ? table[0].length : table.length); o++) {
                cumulative += rows ? table[c][o] : table[o][c];
            }
            cut[c + 1] = NORMAL.inverseCumulativeProbability((double) cumulative / n);
        }
        return cut;
    }

    private static double[] inner(double[] cut) {
        return java.util.Arrays.copyOfRange(cut, 1, cut.length - 1);
    }

    private static double cell(double[] a, double[] b, int i, int j, double rho) {
        double p = BivariateNormal.cdf(a[i + 1], b[j + 1], rho)
                - BivariateNormal.cdf(a[i], b[j + 1], rho)
                - BivariateNormal.cdf(a[i + 1], b[j], rho)
                + BivariateNormal.cdf(a[i], b[j], rho);
        return Math.max(p, Double.MIN_NORMAL);
    }

    private static double logLikelihood(long[][] t, double[] a, double[] b, double rho) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                if (t[i][j] > 0) {
                    sum += t[i][j] * Math.log(cell(a, b, i, j, rho));
                }
            }
        }
        return sum;
    }

    /**
     * The two-step ML ρ of a table for fixed thresholds: the root of the score Σ n_ab ∂log π_ab/∂ρ, which falls
     * from positive to negative in (−1, 1); the Illinois variant of regula falsi keeps a bracket and converges
     * superlinearly (to 1e-14 in ρ) once twelve bisections have brought the bracket near the root. Beyond |ρ| =
     * 0.9999 the cells off the diagonal have probabilities below what doubles resolve; an estimate there is at the
     * boundary.
     *
     * @param table counts, rows the categories of x
     * @param t1 −∞, the thresholds of x, +∞
     * @param t2 −∞, the thresholds of y, +∞
     */
    public static double rho(long[][] table, double[] t1, double[] t2) {
        double low = -LIMIT;
        double high = LIMIT;
        double fLow = rhoScore(table, t1, t2, low);
        double fHigh = rhoScore(table, t1, t2, high);
        if (fLow <= 0) {
            return low;
        }
        if (fHigh >= 0) {
            return high;
        }
        int side = 0;
        for (int iteration = 0; iteration < 200 && high - low > 1e-14; iteration++) {
            double next = (low * fHigh - high * fLow) / (fHigh - fLow);
            // bisection first: near ±1 the score is huge, and regula falsi would crawl from there
            if (iteration < 12 || !Double.isFinite(fLow) || !Double.isFinite(fHigh) || !(next > low && next < high)) {
                next = (low + high) / 2;
            }
            double f = rhoScore(table, t1, t2, next);
            if (f == 0) {
                return next;
            }
            if (f > 0) {
                low = next;
                fLow = f;
                if (side == 1) {
                    fHigh /= 2;
                }
                side = 1;
            } else {
                high = next;
                fHigh = f;
                if (side == -1) {
                    fLow /= 2;
                }
                side = -1;
            }
        }
        return fLow < -fHigh ? low : high;
    }

    private static double rhoScore(long[][] table, double[] t1, double[] t2, double rho) {
        int k1 = t1.length;
        int k2 = t2.length;
        double[][] cdf = new double[k1][k2];
        double[][] pdf = new double[k1][k2];
        for (int a = 0; a < k1; a++) {
            for (int b = 0; b < k2; b++) {
                cdf[a][b] = BivariateNormal.cdf(t1[a], t2[b], rho);
                pdf[a][b] = BivariateNormal.density(t1[a], t2[b], rho);
            }
        }
        double sum = 0;
        for (int a = 0; a < k1 - 1; a++) {
            for (int b = 0; b < k2 - 1; b++) {
                if (table[a][b] == 0) {
                    continue;
                }
                double pi = cdf[a + 1][b + 1] - cdf[a][b + 1] - cdf[a + 1][b] + cdf[a][b];
                double d = pdf[a + 1][b + 1] - pdf[a][b + 1] - pdf[a + 1][b] + pdf[a][b];
                sum += table[a][b] * d / Math.max(pi, Double.MIN_NORMAL);
            }
        }
        return sum;
    }
}
