package org.alliance.stats.sequence;

import org.alliance.stats.provenance.Traceable;

/**
 * Lag-sequential analysis of event sequences (Bakeman &amp; Quera, <em>Sequential Analysis and Observational
 * Methods for the Behavioral Sciences</em>, 2011, ch. 9; the program GSEQ).
 *
 * <p>For lag L the pairs (s[i], s[i+L]) of each sequence are tallied in a K×K table f (pairs never cross
 * sequence boundaries, so several meetings can be pooled). With N = Σf, row totals f_A+ and column totals
 * f_+B: P(B|A) = f_AB / f_A+; expected e_AB = f_A+ f_+B / N; adjusted residual z = (f_AB − e_AB) /
 * sqrt(e_AB (1 − f_A+/N)(1 − f_+B/N)); Yule's Q from the 2×2 table a = f_AB, b = f_A+ − a, c = f_+B − a,
 * d = N − f_A+ − f_+B + a: Q = (ad − bc)/(ad + bc).
 *
 * <p>With structural zeros (e.g. the diagonal when consecutive equal codes were merged) the expected
 * counts are those of quasi-independence, fitted by iterative proportional fitting of the row and column
 * totals over the allowed cells (Bishop, Fienberg &amp; Holland 1975, ch. 5). The adjusted residuals are then
 * the standardized Pearson residuals of that log-linear model, (f − e)/sqrt(e (1 − h)) with h the leverage
 * from the Poisson hat matrix W^½X(XᵀWX)⁻¹XᵀW^½ — what R's {@code rstandard(glm(..., family = poisson),
 * type = "pearson")} gives; without structural zeros this reduces exactly to the formula above.
 */
public final class LagSequentialAnalysis {

    private LagSequentialAnalysis() {}

    /**
     * @param lag the lag L ≥ 1
     * @param structuralZeros cells that cannot occur, or {@code null} for none
     * @param tolerance convergence criterion of the fitting (largest change of a margin)
     * @param maxIterations iteration limit of the fitting
     */
    public record Options(int lag, boolean[][] structuralZeros, double tolerance, int maxIterations) {
        public Options {
            if (lag < 1) {
                throw new IllegalArgumentException("lag must be >= 1, got " + lag);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
        }

        /** Lag L, no structural zeros. */
        public static Options lag(int lag) {
            return new Options(lag, null, 1e-10, 10_000);
        }

        /** Lag L with the diagonal as structural zeros (codes that cannot follow themselves). */
        public static Options lagWithoutRepeats(int lag, int codeCount) {
            boolean[][] zeros = new boolean[codeCount][codeCount];
            for (int i = 0; i < codeCount; i++) {
                zeros[i][i] = true;
            }
            return new Options(lag, zeros, 1e-10, 10_000);
        }
    }

    /**
     * Tables indexed [from][to]. Undefined figures (a row without events, a structural zero) are NaN.
     *
     * @param method "independence" or "quasi-independence (IPF)"
     * @param iterations fitting iterations used (0 without structural zeros)
     */
    public record Result(
            int lag,
            long pairs,
            long[][] counts,
            long[] rowTotals,
            long[] columnTotals,
            double[][] expected,
            double[][] probability,
            double[][] adjustedResidual,
            double[][] yulesQ,
            String method,
            int iterations)
            implements Traceable.ByMethod {}

    /**
     * @param sequences code sequences (code indices 0..codeCount-1), e.g. one per meeting
     * @param codeCount number of codes K
     */
    public static Result fit(int[][] sequences, int codeCount, Options options) {
        int k = codeCount;
        boolean[][] zeros = options.structuralZeros();
        if (zeros != null && (zeros.length != k || (k > 0 && zeros[0].length != k))) {
            throw new IllegalArgumentException("structuralZeros must be " + k + "x" + k);
        }
        long[][] f = new long[k][k];
        long n = 0;
        for (int s = 0; s < sequences.length; s++) {
            int[] seq = sequences[s];
            for (int i = 0; i < seq.length; i++) {
                if (seq[i] < 0 || seq[i] >= k) {
                    throw new IllegalArgumentException(
                            "sequence " + s + ", position " + i + ": code " + seq[i] + " outside 0.." + (k - 1));
                }
            }
            for (int i = 0; i + options.lag() < seq.length; i++) {
                int from = seq[i];
                int to = seq[i + options.lag()];
                if (zeros != null && zeros[from][to]) {
                    throw new IllegalArgumentException("sequence " + s + ", position " + i + ": transition " + from
                            + " -> " + to + " occurs but was declared a structural zero");
                }
                f[from][to]++;
                n++;
            }
        }
        long[] row = new long[k];
        long[] col = new long[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                row[i] += f[i][j];
                col[j] += f[i][j];
            }
        }
        double[][] e;
        double[][] z = new double[k][k];
        int iterations = 0;
        boolean anyZero = false;
        if (zeros != null) {
            for (boolean[] r : zeros) {
                for (boolean b : r) {
                    anyZero |= b;
                }
            }
        }
        if (!anyZero) {
            e = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    e[i][j] = n == 0 ? Double.NaN : (double) row[i] * col[j] / n;
                    double pRow = (double) row[i] / n;
                    double pCol = (double) col[j] / n;
                    z[i][j] = (f[i][j] - e[i][j]) / Math.sqrt(e[i][j] * (1 - pRow) * (1 - pCol));
                }
            }
        } else {
            double[][] fitted = new double[k][k];
            iterations = proportionalFitting(row, col, zeros, fitted, options);
            e = fitted;
            z = standardizedResiduals(f, e, zeros, row, col);
        }
        double[][] p = new double[k][k];
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                boolean structural = zeros != null && zeros[i][j];
                p[i][j] = row[i] == 0 ? Double.NaN : (double) f[i][j] / row[i];
                if (structural) {
                    e[i][j] = 0;
                    z[i][j] = Double.NaN;
                    q[i][j] = Double.NaN;
                    continue;
                }
                double a = f[i][j];
                double b = row[i] - a;
                double c = col[j] - a;
                double d = n - row[i] - col[j] + a;
                double denominator = a * d + b * c;
                q[i][j] = denominator == 0 ? Double.NaN : (a * d - b * c) / denominator;
                if (!Double.isFinite(z[i][j])) {
                    z[i][j] = Double.NaN;
                }
            }
        }
        return new Result(
                options.lag(),
                n,
                f,
                row,
                col,
                e,
                p,
                z,
                q,
                anyZero ? "quasi-independence (IPF)" : "independence",
                iterations);
    }

    /** Iterative proportional fitting of the margins over the allowed cells; returns the iterations used. */
    static int proportionalFitting(long[] row, long[] col, boolean[][] zeros, double[][] e, Options options) {
        int k = row.length;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                e[i][j] = zeros[i][j] ? 0 : 1;
            }
        }
        for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += e[i][j];
                }
                double factor = sum == 0 ? 0 : row[i] / sum;
                for (int j = 0; j < k; j++) {
                    e[i][j] *= factor;
                }
            }
            double change = 0;
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += e[i][j];
                }
                change = Math.max(change, Math.abs(sum - col[j]));
                double factor = sum == 0 ? 0 : col[j] / sum;
                for (int i = 0; i < k; i++) {
                    e[i][j] *= factor;
                }
            }
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += e[i][j];
                }
                change = Math.max(change, Math.abs(sum - row[i]));
            }
            if (change < options.tolerance()) {
                return iteration;
            }
        }
        throw new IllegalArgumentException("iterative proportional fitting did not converge in "
                + options.maxIterations() + " iterations (the structural zeros may leave a margin unreachable)");
    }

    /**
     * Standardized Pearson residuals of the Poisson log-linear model log e_ij = μ + α_i + β_j over the allowed
     * cells of the rows and columns with positive totals: h_c = w_c x_cᵀ (XᵀWX)⁻¹ x_c with W = diag(e).
     */
    static double[][] standardizedResiduals(long[][] f, double[][] e, boolean[][] zeros, long[] row, long[] col) {
        int k = row.length;
        int[] rowParam = new int[k];
        int[] colParam = new int[k];
        int p = 1;
        boolean firstRow = true;
        for (int i = 0; i < k; i++) {
            rowParam[i] = -2; // row not in the model
            if (row[i] > 0) {
                rowParam[i] = firstRow ? -1 : p++;
                firstRow = false;
            }
        }
        boolean firstCol = true;
        for (int j = 0; j < k; j++) {
            colParam[j] = -2;
            if (col[j] > 0) {
                colParam[j] = firstCol ? -1 : p++;
                firstCol = false;
            }
        }
        double[][] information = new double[p][p];
        int[] x = new int[3];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (zeros[i][j] || rowParam[i] == -2 || colParam[j] == -2) {
                    continue;
                }
                int m = design(rowParam[i], colParam[j], x);
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        information[x[a]][x[b]] += e[i][j];
                    }
                }
            }
        }
        double[][] inverse = invertSymmetric(information);
        double[][] z = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (zeros[i][j] || rowParam[i] == -2 || colParam[j] == -2 || inverse == null) {
                    z[i][j] = Double.NaN;
                    continue;
                }
                int m = design(rowParam[i], colParam[j], x);
                double quadratic = 0;
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        quadratic += inverse[x[a]][x[b]];
                    }
                }
                double leverage = e[i][j] * quadratic;
                z[i][j] = (f[i][j] - e[i][j]) / Math.sqrt(e[i][j] * (1 - leverage));
            }
        }
        return z;
    }

    /** Indices of the design-matrix columns that are 1 for a cell (intercept plus its row and column dummy). */
    private static int design(int rowParam, int colParam, int[] x) {
        int m = 0;
        x[m++] = 0;
        if (rowParam >= 0) {
            x[m++] = rowParam;
        }
        if (colParam >= 0) {
            x[m++] = colParam;
        }
        return m;
    }

    /** Inverse of a symmetric positive definite matrix by Cholesky; null when it is singular. */
    static double[][] invertSymmetric(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (sum <= 1e-12 * Math.max(1, Math.abs(a[i][i]))) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[][] inverse = new double[p][p];
        double[] column = new double[p];
        for (int c = 0; c < p; c++) {
            java.util.Arrays.fill(column, 0);
            column[c] = 1;
            for (int i = 0; i < p; i++) { // L y = e_c
                double sum = column[i];
                for (int m = 0; m < i; m++) {
                    sum -= l[i][m] * column[m];
                }
                column[i] = sum / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) { // Lᵀ x = y
                double sum = column[i];
                for (int m = i + 1; m < p; m++) {
                    sum -= l[m][i] * column[m];
                }
                column[i] = sum / l[i][i];
            }
            for (int i = 0; i < p; i++) {
                inverse[i][c] = column[i];
            }
        }
        return inverse;
    }
}
