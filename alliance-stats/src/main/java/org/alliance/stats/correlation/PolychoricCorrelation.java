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
 * zero there (∂Φ₂/∂ρ is the bivariate density), found by bisection and secant steps to 1e-13. No standard error is
 * given: lavaan's accounts for the estimated thresholds (a two-step sandwich) and the fixed-threshold information
 * would be about 10 % off it on bfi's items, so none rather than a wrong one. This is lavaan's {@code lavCor(…,
 * ordered = …)} and {@code psych::polychoric(…, correct = 0)} when no cell of the table is empty; an empty cell is
 * reported (those programs add 0.5 to it by default, we do not change the data).
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
        double rho = solve(table, a, b);
        List<String> warnings = new ArrayList<>();
        if (empty > 0) {
            warnings.add(empty + " of " + lx.size() * ly.size() + " cells of the table are empty; lavaan and psych"
                    + " add 0.5 to empty cells by default, so their estimate differs slightly; we do not change the"
                    + " data");
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

    private static double cellDerivative(double[] a, double[] b, int i, int j, double rho) {
        return BivariateNormal.density(a[i + 1], b[j + 1], rho)
                - BivariateNormal.density(a[i], b[j + 1], rho)
                - BivariateNormal.density(a[i + 1], b[j], rho)
                + BivariateNormal.density(a[i], b[j], rho);
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

    private static double score(long[][] t, double[] a, double[] b, double rho) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                if (t[i][j] > 0) {
                    sum += t[i][j] * cellDerivative(a, b, i, j, rho) / cell(a, b, i, j, rho);
                }
            }
        }
        return sum;
    }

    /**
     * The root of the score in (−1, 1): the log-likelihood is unimodal in ρ for fixed thresholds, so the score falls
     * from positive to negative; bisection keeps the bracket, a secant step speeds it up.
     */
    private static double solve(long[][] t, double[] a, double[] b) {
        // Beyond |rho| = 0.9999 the cells off the diagonal have probabilities below what doubles resolve, and the
        // score is no longer reliable; an estimate there is reported as at the boundary.
        double low = -LIMIT;
        double high = LIMIT;
        double fLow = score(t, a, b, low);
        double fHigh = score(t, a, b, high);
        if (fLow <= 0) {
            return low;
        }
        if (fHigh >= 0) {
            return high;
        }
        for (int iteration = 0; iteration < 200 && high - low > 1e-13; iteration++) {
            double secant = low - fLow * (high - low) / (fHigh - fLow);
            double middle = (low + high) / 2;
            double next = secant > low + 0.01 * (high - low) && secant < high - 0.01 * (high - low) ? secant : middle;
            double f = score(t, a, b, next);
            if (f > 0) {
                low = next;
                fLow = f;
            } else {
                high = next;
                fHigh = f;
            }
            if (next != middle) {
                // alternate with a bisection so the bracket shrinks by half at least every other step
                double m = (low + high) / 2;
                double fm = score(t, a, b, m);
                if (fm > 0) {
                    low = m;
                    fLow = fm;
                } else {
                    high = m;
                    fHigh = fm;
                }
            }
        }
        return (low + high) / 2;
    }
}
