package org.alliance.stats.linalg;

import java.util.Optional;

/**
 * Small dense kernels for symmetric matrices stored as {@code double[n][n]}: from a Cholesky factor (the
 * factorisation itself is {@link Cholesky}'s), inverse, solve and log-determinant of symmetric positive-definite matrices, and a general Gauss–Jordan
 * inverse with partial pivoting for the (symmetric but possibly indefinite) observed information.
 *
 * <p>Textbook algorithms (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §4.2 and §3.4); the
 * matrices in factor analysis are small (p ≤ 100), so clarity wins over blocking.
 */
public final class SymmetricMatrices {

    private SymmetricMatrices() {}

    /** The lower-triangular Cholesky factor L with A = L Lᵀ ({@link Cholesky}), or empty when A is not positive definite. */
    public static Optional<double[][]> cholesky(double[][] a) {
        return Cholesky.tryDecompose(a).map(Cholesky::factor);
    }

    /** log|A| from a Cholesky factor. */
    public static double logDeterminant(double[][] cholesky) {
        double s = 0;
        for (int i = 0; i < cholesky.length; i++) {
            s += Math.log(cholesky[i][i]);
        }
        return 2 * s;
    }

    /** A⁻¹ from the Cholesky factor of A (the result is exactly symmetric). */
    public static double[][] inverseFromCholesky(double[][] l) {
        int n = l.length;
        // U = (L⁻¹)ᵀ, upper triangular, row by row: u[j][i] = −Σ_{k=j}^{i−1} l[i][k] u[j][k] / l[i][i]. Every sum runs
        // over k in ascending order; terms below the diagonal of U are zero and add nothing.
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            for (int j = 0; j < i; j++) {
                double[] uj = u[j];
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= li[k] * uj[k];
                }
                uj[i] = s / li[i];
            }
            u[i][i] = 1 / li[i];
        }
        // A⁻¹ = (L⁻¹)ᵀL⁻¹ = U Uᵀ restricted to k ≥ i: inv[i][j] = Σ_{k=i}^{n−1} u[i][k] u[j][k] for j ≤ i.
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ui = u[i];
            int j = 0;
            for (; j + 3 <= i; j += 4) {
                // Four sums side by side, sharing the reads of row i.
                DenseMatrix.dotProductsOfFour(ui, u[j], u[j + 1], u[j + 2], u[j + 3], i, n, inv[i], j);
                for (int c = j; c < j + 4; c++) {
                    inv[c][i] = inv[i][c];
                }
            }
            for (; j <= i; j++) {
                double[] uj = u[j];
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += ui[k] * uj[k];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }

    /** Solves A x = b from the Cholesky factor L of A (forward, then back substitution). */
    public static double[] solveWithCholesky(double[][] l, double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return solveTransposed(l, y);
    }

    /** Solves Lᵀ x = y for a lower-triangular L (back substitution; R's {@code solve(chol(A), y)} with R = Lᵀ). */
    public static double[] solveTransposed(double[][] l, double[] y) {
        int n = l.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * A solution of A x = b for a symmetric positive-semidefinite A and b in its range (where the solution is not
     * unique, b′x is): Cholesky with symmetric pivoting (Higham 2002, §10.3), stopped where the largest remaining
     * pivot falls to {@code relativeTolerance} times the largest diagonal element; the unknowns beyond that rank are
     * zero.
     */
    public static double[] solveSemidefinite(double[][] a, double[] b, double relativeTolerance) {
        int n = a.length;
        double[][] m = new double[n][];
        int[] order = new int[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
            order[i] = i;
            largest = Math.max(largest, a[i][i]);
        }
        int rank = 0;
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (m[i][i] > m[pivot][pivot]) {
                    pivot = i;
                }
            }
            if (!(m[pivot][pivot] > relativeTolerance * largest)) {
                break;
            }
            double[] row = m[k];
            m[k] = m[pivot];
            m[pivot] = row;
            for (double[] r : m) {
                double t = r[k];
                r[k] = r[pivot];
                r[pivot] = t;
            }
            int o = order[k];
            order[k] = order[pivot];
            order[pivot] = o;
            double d = Math.sqrt(m[k][k]);
            m[k][k] = d;
            for (int i = k + 1; i < n; i++) {
                m[i][k] /= d;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j <= i; j++) {
                    m[i][j] -= m[i][k] * m[j][k];
                    m[j][i] = m[i][j];
                }
            }
            rank++;
        }
        double[] z = new double[rank];
        for (int i = 0; i < rank; i++) {
            double v = b[order[i]];
            for (int k = 0; k < i; k++) {
                v -= m[i][k] * z[k];
            }
            z[i] = v / m[i][i];
        }
        double[] x = new double[n];
        for (int i = rank - 1; i >= 0; i--) {
            double v = z[i];
            for (int k = i + 1; k < rank; k++) {
                v -= m[k][i] * x[order[k]];
            }
            x[order[i]] = v / m[i][i];
        }
        return x;
    }

    /** A⁻¹ for a symmetric positive-definite A, or empty when A is not positive definite. */
    public static Optional<double[][]> inverseIfPositiveDefinite(double[][] a) {
        return cholesky(a).map(SymmetricMatrices::inverseFromCholesky);
    }

    /**
     * A⁻¹ of a symmetric A that is usually positive definite (an information matrix): from its Cholesky factor when
     * every pivot l_kk² is above {@code relativeTolerance} times the largest diagonal magnitude — a quarter of the
     * work of Gauss–Jordan — and otherwise exactly as {@link #inverse} decides (indefinite, or close to singular),
     * so "singular" means the same as there.
     */
    public static Optional<double[][]> inversePositiveDefiniteFirst(double[][] a, double relativeTolerance) {
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        Optional<double[][]> chol = cholesky(a);
        if (chol.isPresent() && scale > 0) {
            double[][] l = chol.get();
            boolean clear = true;
            for (int k = 0; k < l.length && clear; k++) {
                clear = l[k][k] * l[k][k] > relativeTolerance * scale;
            }
            if (clear) {
                return Optional.of(inverseFromCholesky(l));
            }
        }
        return inverse(a, relativeTolerance);
    }

    /**
     * A⁻¹ by Gauss–Jordan elimination with partial pivoting, symmetrised; empty when a pivot falls
     * below {@code relativeTolerance} times the largest diagonal magnitude (numerically singular).
     */
    public static Optional<double[][]> inverse(double[][] a, double relativeTolerance) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        if (scale == 0) {
            return n == 0 ? Optional.of(new double[0][0]) : Optional.empty();
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][c]) > relativeTolerance * scale)) {
                return Optional.empty();
            }
            double[] t = m[pivot];
            m[pivot] = m[c];
            m[c] = t;
            double p = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && m[r][c] != 0) {
                    double f = m[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i][j] = 0.5 * (m[i][n + j] + m[j][n + i]);
            }
        }
        return Optional.of(inv);
    }

    /** A B for dense matrices. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        int q = m == 0 ? 0 : b[0].length;
        double[][] c = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < q; j++) {
                        c[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    /** A v. */
    public static double[] multiply(double[][] a, double[] v) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int k = 0; k < v.length; k++) {
                s += a[i][k] * v[k];
            }
            r[i] = s;
        }
        return r;
    }

    /** tr(A B) for square matrices of equal size. */
    public static double traceOfProduct(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                s += a[i][k] * b[k][i];
            }
        }
        return s;
    }
}
