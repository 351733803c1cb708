package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.alliance.stats.correlation.BivariateNormal;
import org.alliance.stats.correlation.PolychoricCorrelation;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Stages 1 and 2 of WLSMV for ordinal items (lavaan's {@code muthen1984}): each item's thresholds from its margin,
 * the polychoric correlation of each pair with the thresholds held fixed (two-step), and Γ, N times the asymptotic
 * covariance matrix of (thresholds, polychorics), from the case-wise score contributions.
 *
 * <p>The statistics are ordered as lavaan's {@code WLS.obs}: the thresholds item by item, lowest first, then the
 * correlations below the diagonal column by column ((2,1), (3,1), …, (p,1), (3,2), …). With s_c the scores of case c
 * (univariate log-likelihood by the item's thresholds; bivariate log-likelihood by the pair's ρ), A11 the
 * block-diagonal cross-product of the threshold scores (per item), A21 the cross-products of each ρ score with the
 * bivariate scores by the two items' thresholds and A22 the diagonal of the cross-products of the ρ scores, Γ = N
 * B⁻¹ (Σ s_c s_cᵀ) B⁻ᵀ with B = [A11 0; A21 A22]. The categories of an item are the values seen in the data (a
 * category nobody chose does not exist for lavaan either); an empty cell of a pair's table stays empty (lavaan adds
 * 0.5 to an empty cell only in 2 × 2 tables, and binary items are refused here).
 */
final class WlsmvSample {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** The fewest and most categories an ordered item may have. */
    static final int MIN_CATEGORIES = 3;

    static final int MAX_CATEGORIES = 10;

    final int n;
    final int p;
    /** Per item: −∞, the thresholds, +∞. */
    final double[][] cuts;
    /** Per item: the category values seen, lowest first. */
    final double[][] levels;
    /** The polychoric correlation matrix (unit diagonal). */
    final double[][] correlation;
    /** (thresholds, correlations) in lavaan's order. */
    final double[] statistics;
    /** N times the asymptotic covariance matrix of {@link #statistics}. */
    final double[][] gamma;
    /** The index of the first threshold of each item in {@link #statistics}. */
    final int[] thresholdStart;

    final int thresholdCount;
    /** Pairs with an empty cell, as "x1 x x2". */
    final List<String> emptyCellPairs;

    private WlsmvSample(
            int n,
            double[][] cuts,
            double[][] levels,
            double[][] correlation,
            double[] statistics,
            double[][] gamma,
            int[] thresholdStart,
            int thresholdCount,
            List<String> emptyCellPairs) {
        this.n = n;
        this.p = cuts.length;
        this.cuts = cuts;
        this.levels = levels;
        this.correlation = correlation;
        this.statistics = statistics;
        this.gamma = gamma;
        this.thresholdStart = thresholdStart;
        this.thresholdCount = thresholdCount;
        this.emptyCellPairs = List.copyOf(emptyCellPairs);
    }

    /** The position of correlation (i, j), i > j, in {@link #statistics}. */
    int correlationIndex(int i, int j) {
        // column-wise below the diagonal: columns 0..j-1 hold (p-1) + (p-2) + ... + (p-j) entries
        return thresholdCount + j * (2 * p - j - 1) / 2 + (i - j - 1);
    }

    /**
     * Computes the statistics of complete cases.
     *
     * @param names the items, for messages
     * @param rows one array per case, no missing value
     * @throws IllegalArgumentException for a value that is not a whole number, or an item with fewer than {@link
     *     #MIN_CATEGORIES} or more than {@link #MAX_CATEGORIES} categories
     */
    static WlsmvSample of(List<String> names, List<double[]> rows) {
        int n = rows.size();
        int p = names.size();
        double[][] levels = new double[p][];
        int[][] category = new int[p][n];
        for (int v = 0; v < p; v++) {
            TreeSet<Double> seen = new TreeSet<>();
            for (double[] row : rows) {
                double x = row[v];
                if (x != Math.rint(x)) {
                    throw new IllegalArgumentException("the ordered item '" + names.get(v) + "' has the value " + x
                            + "; ordered items must hold whole numbers (the categories, e.g. 1-5)");
                }
                seen.add(x);
            }
            if (seen.size() < MIN_CATEGORIES || seen.size() > MAX_CATEGORIES) {
                throw new IllegalArgumentException("the ordered item '" + names.get(v) + "' has " + seen.size()
                        + " categories in the data; WLSMV is implemented for items with " + MIN_CATEGORIES + " to "
                        + MAX_CATEGORIES + " categories");
            }
            levels[v] = seen.stream().mapToDouble(Double::doubleValue).toArray();
            for (int c = 0; c < n; c++) {
                category[v][c] = java.util.Arrays.binarySearch(levels[v], rows.get(c)[v]);
            }
        }
        double[][] cuts = new double[p][];
        int[] start = new int[p];
        int thresholds = 0;
        for (int v = 0; v < p; v++) {
            int k = levels[v].length;
            long[] counts = new long[k];
            for (int c = 0; c < n; c++) {
                counts[category[v][c]]++;
            }
            cuts[v] = new double[k + 1];
            cuts[v][0] = Double.NEGATIVE_INFINITY;
            cuts[v][k] = Double.POSITIVE_INFINITY;
            long cumulative = 0;
            for (int t = 1; t < k; t++) {
                cumulative += counts[t - 1];
                cuts[v][t] = NORMAL.inverseCumulativeProbability((double) cumulative / n);
            }
            start[v] = thresholds;
            thresholds += k - 1;
        }
        int pairs = p * (p - 1) / 2;
        int size = thresholds + pairs;
        double[][] correlation = new double[p][p];
        double[] statistics = new double[size];
        for (int v = 0; v < p; v++) {
            correlation[v][v] = 1;
            System.arraycopy(cuts[v], 1, statistics, start[v], cuts[v].length - 2);
        }
        // scores per case; psi = B^-1 s is built in place
        double[][] scores = new double[n][size];
        for (int v = 0; v < p; v++) {
            double[] cut = cuts[v];
            for (int c = 0; c < n; c++) {
                int a = category[v][c];
                double prob = NORMAL.cumulativeProbability(cut[a + 1]) - NORMAL.cumulativeProbability(cut[a]);
                if (a + 1 < cut.length - 1) {
                    scores[c][start[v] + a] += density(cut[a + 1]) / prob;
                }
                if (a > 0) {
                    scores[c][start[v] + a - 1] -= density(cut[a]) / prob;
                }
            }
        }
        WlsmvSample shell = new WlsmvSample(
                n, cuts, levels, correlation, statistics, new double[0][0], start, thresholds, List.of());
        // A11^-1 per item (the blocks of the cross-product of the univariate scores)
        double[][][] a11Inverse = new double[p][][];
        for (int v = 0; v < p; v++) {
            int k = cuts[v].length - 2;
            double[][] block = new double[k][k];
            for (double[] s : scores) {
                for (int r = 0; r < k; r++) {
                    for (int q = 0; q < k; q++) {
                        block[r][q] += s[start[v] + r] * s[start[v] + q];
                    }
                }
            }
            a11Inverse[v] = org.alliance.stats.linalg.DenseMatrix.inverseSymmetric(block);
        }
        List<String> empty = new ArrayList<>();
        // per pair: rho, the case scores by rho, A21 (the row of the pair) and A22
        double[][] a21 = new double[pairs][];
        double[] a22 = new double[pairs];
        int[][] pairItems = new int[pairs][];
        for (int j = 0; j < p - 1; j++) {
            for (int i = j + 1; i < p; i++) {
                int index = shell.correlationIndex(i, j) - thresholds;
                long[][] table = new long[cuts[i].length - 1][cuts[j].length - 1];
                for (int c = 0; c < n; c++) {
                    table[category[i][c]][category[j][c]]++;
                }
                double rho = PolychoricCorrelation.rho(table, cuts[i], cuts[j]);
                if (java.util.Arrays.stream(table)
                        .flatMapToLong(java.util.Arrays::stream)
                        .anyMatch(x -> x == 0)) {
                    empty.add(names.get(i) + " x " + names.get(j));
                }
                correlation[i][j] = rho;
                correlation[j][i] = rho;
                statistics[thresholds + index] = rho;
                double[] t1 = cuts[i];
                double[] t2 = cuts[j];
                int k1 = t1.length - 1;
                int k2 = t2.length - 1;
                // per cell: d log pi / d rho, d log pi / d tau1 (lower, upper), d log pi / d tau2 (lower, upper)
                double[][] dRho = new double[k1][k2];
                double[][][] d1 = new double[k1][k2][2];
                double[][][] d2 = new double[k1][k2][2];
                double s = Math.sqrt(1 - rho * rho);
                for (int a = 0; a < k1; a++) {
                    for (int b = 0; b < k2; b++) {
                        double pi = BivariateNormal.cdf(t1[a + 1], t2[b + 1], rho)
                                - BivariateNormal.cdf(t1[a], t2[b + 1], rho)
                                - BivariateNormal.cdf(t1[a + 1], t2[b], rho)
                                + BivariateNormal.cdf(t1[a], t2[b], rho);
                        pi = Math.max(pi, Double.MIN_NORMAL);
                        dRho[a][b] = (BivariateNormal.density(t1[a + 1], t2[b + 1], rho)
                                        - BivariateNormal.density(t1[a], t2[b + 1], rho)
                                        - BivariateNormal.density(t1[a + 1], t2[b], rho)
                                        + BivariateNormal.density(t1[a], t2[b], rho))
                                / pi;
                        d1[a][b][0] = -edge(t1[a], t2[b], t2[b + 1], rho, s) / pi;
                        d1[a][b][1] = edge(t1[a + 1], t2[b], t2[b + 1], rho, s) / pi;
                        d2[a][b][0] = -edge(t2[b], t1[a], t1[a + 1], rho, s) / pi;
                        d2[a][b][1] = edge(t2[b + 1], t1[a], t1[a + 1], rho, s) / pi;
                    }
                }
                double[] row = new double[thresholds];
                double sum22 = 0;
                for (int c = 0; c < n; c++) {
                    int a = category[i][c];
                    int b = category[j][c];
                    double sr = dRho[a][b];
                    scores[c][thresholds + index] = sr;
                    sum22 += sr * sr;
                    if (a > 0) {
                        row[start[i] + a - 1] += sr * d1[a][b][0];
                    }
                    if (a < k1 - 1) {
                        row[start[i] + a] += sr * d1[a][b][1];
                    }
                    if (b > 0) {
                        row[start[j] + b - 1] += sr * d2[a][b][0];
                    }
                    if (b < k2 - 1) {
                        row[start[j] + b] += sr * d2[a][b][1];
                    }
                }
                a21[index] = row;
                pairItems[index] = new int[] {i, j};
                a22[index] = sum22;
            }
        }
        // psi_c = B^-1 s_c: thresholds A11^-1 s_th; correlations (s_rho - A21 A11^-1 s_th) / A22
        double[][] psi = new double[n][size];
        for (int c = 0; c < n; c++) {
            double[] sc = scores[c];
            double[] out = psi[c];
            for (int v = 0; v < p; v++) {
                int k = cuts[v].length - 2;
                for (int r = 0; r < k; r++) {
                    double sum = 0;
                    for (int q = 0; q < k; q++) {
                        sum += a11Inverse[v][r][q] * sc[start[v] + q];
                    }
                    out[start[v] + r] = sum;
                }
            }
            for (int index = 0; index < pairs; index++) {
                double[] row = a21[index];
                double sum = sc[thresholds + index];
                for (int v : pairItems[index]) {
                    for (int t = start[v]; t < start[v] + cuts[v].length - 2; t++) {
                        sum -= row[t] * out[t];
                    }
                }
                out[thresholds + index] = sum / a22[index];
            }
        }
        double[][] gamma = org.alliance.stats.linalg.DenseMatrix.crossProduct(psi);
        for (double[] r : gamma) {
            for (int q = 0; q < size; q++) {
                r[q] *= n;
            }
        }
        return new WlsmvSample(n, cuts, levels, correlation, statistics, gamma, start, thresholds, empty);
    }

    private static double density(double z) {
        return Double.isInfinite(z) ? 0 : NORMAL.density(z);
    }

    /**
     * ∂/∂h of P(h' < X ≤ h, lo < Y ≤ hi) at the edge h: φ(h) [Φ((hi − ρh)/s) − Φ((lo − ρh)/s)], zero at an infinite
     * h.
     */
    private static double edge(double h, double lo, double hi, double rho, double s) {
        if (Double.isInfinite(h)) {
            return 0;
        }
        return NORMAL.density(h)
                * (NORMAL.cumulativeProbability((hi - rho * h) / s) - NORMAL.cumulativeProbability((lo - rho * h) / s));
    }
}
