package org.alliance.stats.linalg;

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (Golub &amp; Van Loan, Matrix Computations,
 * algorithm 4.2.1, row-oriented). Only the lower triangle of A is read. Immutable.
 */
public final class Cholesky {

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factorises A.
     *
     * @throws IllegalArgumentException if A is not square or not (numerically) positive definite
     */
    public static Cholesky decompose(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException(
                        "matrix is not square: row " + i + " has " + a[i].length + " columns, expected " + n);
            }
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        throw new IllegalArgumentException("matrix is not positive definite: pivot " + i + " is " + s);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** The lower-triangular factor L (a copy). */
    public double[][] lower() {
        return DenseMatrix.copy(lower);
    }

    /** Solves A·x = b. */
    public double[] solve(double[] b) {
        int n = lower.length;
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side has length " + b.length + ", expected " + n);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i][k] * y[k];
            }
            y[i] = s / lower[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * x[k];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }

    /** A⁻¹, symmetric. */
    public double[][] inverse() {
        int n = lower.length;
        double[][] result = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1.0;
            result[j] = solve(e);
        }
        // solve() gives columns; A⁻¹ is symmetric, so average to remove rounding asymmetry.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (result[i][j] + result[j][i]);
                result[i][j] = v;
                result[j][i] = v;
            }
        }
        return result;
    }

    /** log |A| = 2 Σ log Lᵢᵢ. */
    public double logDeterminant() {
        double s = 0.0;
        for (int i = 0; i < lower.length; i++) {
            s += Math.log(lower[i][i]);
        }
        return 2.0 * s;
    }
}
