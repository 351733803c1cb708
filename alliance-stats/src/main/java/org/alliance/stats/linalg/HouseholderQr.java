package org.alliance.stats.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Householder QR factorisation X = Q·R of an n × p matrix with n ≥ p (Golub &amp; Van Loan, Matrix Computations,
 * section 5.2), the method R's {@code lm} uses (LINPACK {@code dqrdc2}) and the classic answer to the Longley accuracy
 * test. No column pivoting; instead, like {@code dqrdc2}, a column is flagged as linearly dependent when the norm of
 * what remains of it after the earlier reflections falls below {@code tolerance} times its original norm (R's default
 * tolerance is 1e-7, {@link #DEFAULT_TOLERANCE}). Immutable.
 *
 * <p>The factor is stored column by column (one array per column, as LINPACK's column-major storage), so every
 * reflection runs over contiguous memory; the arithmetic is the same, in the same order, as on a row-major copy.
 */
public final class HouseholderQr {

    /** The rank tolerance of R's {@code lm} ({@code tol = 1e-7}). */
    public static final double DEFAULT_TOLERANCE = 1e-7;

    /** Column j of the factor: Householder vector j below and on the diagonal, column j of R above it. */
    private final double[][] columns;

    private final int rows;
    private final double[] rDiagonal;
    private final List<Integer> dependentColumns;

    private HouseholderQr(double[][] columns, int rows, double[] rDiagonal, List<Integer> dependentColumns) {
        this.columns = columns;
        this.rows = rows;
        this.rDiagonal = rDiagonal;
        this.dependentColumns = List.copyOf(dependentColumns);
    }

    /** Factorises X with R's rank tolerance. */
    public static HouseholderQr decompose(double[][] x) {
        return decompose(x, DEFAULT_TOLERANCE);
    }

    /** Factorises X; columns whose remaining norm is below {@code tolerance} × original norm are flagged dependent. */
    public static HouseholderQr decompose(double[][] x, double tolerance) {
        int n = x.length;
        int p = DenseMatrix.columns(x);
        double[][] a = new double[p][n];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            if (row.length != p) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                a[j][i] = row[j];
            }
        }
        return factorise(a, n, p, tolerance);
    }

    /**
     * Factorises X given by its columns (each of length n) with R's rank tolerance; the columns are copied, not
     * changed. The same factorisation as {@link #decompose(double[][])} of the row-major matrix, without holding X
     * row by row as well (a register-sized design is then in memory once, plus the factorisation).
     */
    public static HouseholderQr decomposeColumns(double[][] columns) {
        int p = columns.length;
        int n = p == 0 ? 0 : columns[0].length;
        double[][] a = new double[p][];
        for (int j = 0; j < p; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException(
                        "column " + j + " has " + columns[j].length + " rows, expected " + n);
            }
            a[j] = columns[j].clone();
        }
        return factorise(a, n, p, DEFAULT_TOLERANCE);
    }

    /** Householder QR in place on the column-major copy {@code a} (p columns of length n). */
    private static HouseholderQr factorise(double[][] a, int n, int p, double tolerance) {
        if (n < p) {
            throw new IllegalArgumentException("QR needs at least as many rows as columns, got " + n + "×" + p);
        }
        double[] originalNorm = new double[p];
        for (int j = 0; j < p; j++) {
            originalNorm[j] = columnNorm(a[j], 0);
        }
        double[] rDiagonal = new double[p];
        List<Integer> dependent = new ArrayList<>();
        double[] sums = new double[4];
        for (int k = 0; k < p; k++) {
            double[] ak = a[k];
            double norm = columnNorm(ak, k);
            if (norm == 0.0 || norm <= tolerance * originalNorm[k]) {
                dependent.add(k);
                rDiagonal[k] = 0.0;
                for (int i = k; i < n; i++) {
                    ak[i] = 0.0;
                }
                continue;
            }
            if (ak[k] < 0) {
                norm = -norm;
            }
            for (int i = k; i < n; i++) {
                ak[i] /= norm;
            }
            ak[k] += 1.0;
            // Reflect the columns right of k, four at a time: one sweep for four independent dot products, one for
            // the four updates. Each column sees exactly the operations, in the order, of a column-by-column loop.
            int j = k + 1;
            for (; j + 3 < p; j += 4) {
                double[] a0 = a[j];
                double[] a1 = a[j + 1];
                double[] a2 = a[j + 2];
                double[] a3 = a[j + 3];
                DenseMatrix.dotProductsOfFour(ak, a0, a1, a2, a3, k, n, sums, 0);
                double s0 = -sums[0] / ak[k];
                double s1 = -sums[1] / ak[k];
                double s2 = -sums[2] / ak[k];
                double s3 = -sums[3] / ak[k];
                for (int i = k; i < n; i++) {
                    double v = ak[i];
                    a0[i] += s0 * v;
                    a1[i] += s1 * v;
                    a2[i] += s2 * v;
                    a3[i] += s3 * v;
                }
            }
            for (; j < p; j++) {
                double[] aj = a[j];
                double s = 0.0;
                for (int i = k; i < n; i++) {
                    s += ak[i] * aj[i];
                }
                s = -s / ak[k];
                for (int i = k; i < n; i++) {
                    aj[i] += s * ak[i];
                }
            }
            rDiagonal[k] = -norm;
        }
        return new HouseholderQr(a, n, rDiagonal, dependent);
    }

    private static double columnNorm(double[] column, int fromRow) {
        double scale = 0.0;
        for (int i = fromRow; i < column.length; i++) {
            scale = Math.max(scale, Math.abs(column[i]));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        for (int i = fromRow; i < column.length; i++) {
            double v = column[i] / scale;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }

    /** Number of rows n. */
    public int rows() {
        return rows;
    }

    /** Number of columns p. */
    public int columns() {
        return rDiagonal.length;
    }

    /** True when no column was flagged as linearly dependent on the columns before it. */
    public boolean isFullRank() {
        return dependentColumns.isEmpty();
    }

    /** Indices (0-based) of the columns flagged as linearly dependent on the columns before them. */
    public List<Integer> dependentColumns() {
        return dependentColumns;
    }

    /** Qᵀ·y (length n). */
    public double[] qTransposeTimes(double[] y) {
        checkLength(y);
        double[] z = y.clone();
        for (int k = 0; k < columns(); k++) {
            applyReflection(k, z);
        }
        return z;
    }

    /** Q·z (length n), the inverse of {@link #qTransposeTimes}. */
    public double[] qTimes(double[] z) {
        checkLength(z);
        double[] y = z.clone();
        for (int k = columns() - 1; k >= 0; k--) {
            applyReflection(k, y);
        }
        return y;
    }

    private void applyReflection(int k, double[] z) {
        double[] v = columns[k];
        if (v[k] == 0.0) {
            return;
        }
        double s = 0.0;
        for (int i = k; i < rows; i++) {
            s += v[i] * z[i];
        }
        s = -s / v[k];
        for (int i = k; i < rows; i++) {
            z[i] += s * v[i];
        }
    }

    private void checkLength(double[] y) {
        if (y.length != rows()) {
            throw new IllegalArgumentException("vector has length " + y.length + ", expected " + rows());
        }
    }

    /** The p × p upper-triangular factor R. */
    public double[][] r() {
        int p = columns();
        double[][] r = new double[p][p];
        for (int i = 0; i < p; i++) {
            r[i][i] = rDiagonal[i];
            for (int j = i + 1; j < p; j++) {
                r[i][j] = columns[j][i];
            }
        }
        return r;
    }

    /** The least-squares solution b minimising ‖y − X·b‖. */
    public double[] solve(double[] y) {
        requireFullRank();
        return backSubstitute(qTransposeTimes(y));
    }

    /** Solves R·b = first p entries of z. */
    private double[] backSubstitute(double[] z) {
        int p = columns();
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int j = i + 1; j < p; j++) {
                s -= columns[j][i] * b[j];
            }
            b[i] = s / rDiagonal[i];
        }
        return b;
    }

    /** Residuals y − X·b of the least-squares fit, computed as Q·(0, (Qᵀy)ₚ₊₁…ₙ) to avoid cancellation. */
    public double[] residuals(double[] y) {
        return residualsFromQty(qTransposeTimes(y));
    }

    /**
     * The least-squares solution and residuals together ({@link #solve} and {@link #residuals} with one Qᵀy).
     *
     * @return {coefficients b (length p), residuals (length n)}
     */
    public double[][] solveWithResiduals(double[] y) {
        requireFullRank();
        double[] qty = qTransposeTimes(y);
        double[] b = backSubstitute(qty);
        return new double[][] {b, residualsFromQty(qty)};
    }

    private double[] residualsFromQty(double[] qty) {
        double[] z = qty.clone();
        for (int i = 0; i < columns(); i++) {
            z[i] = 0.0;
        }
        return qTimes(z);
    }

    /** R⁻¹ (upper triangular). */
    public double[][] rInverse() {
        requireFullRank();
        int p = columns();
        double[][] inverse = new double[p][p];
        for (int j = 0; j < p; j++) {
            inverse[j][j] = 1.0 / rDiagonal[j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0.0;
                for (int k = i + 1; k <= j; k++) {
                    s += columns[k][i] * inverse[k][j];
                }
                inverse[i][j] = -s / rDiagonal[i];
            }
        }
        return inverse;
    }

    /** (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, the unscaled covariance matrix of the least-squares coefficients. */
    public double[][] unscaledCovariance() {
        double[][] rInverse = rInverse();
        return DenseMatrix.multiply(rInverse, DenseMatrix.transpose(rInverse));
    }

    private void requireFullRank() {
        if (!isFullRank()) {
            throw new IllegalStateException("matrix is rank deficient; dependent columns " + dependentColumns);
        }
    }
}
