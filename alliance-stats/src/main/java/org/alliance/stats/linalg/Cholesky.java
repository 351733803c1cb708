package org.alliance.stats.linalg;

import java.util.Optional;

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (Golub &amp; Van Loan, Matrix Computations,
 * algorithm 4.2.2, column-oriented). Only the lower triangle of A is read. Immutable. This is the one Cholesky
 * factorisation of the project: {@link SymmetricMatrices} and the demo generator use it too. For a large sparse
 * matrix factorised many times with the same pattern, {@link #analyse} does the symbolic part once and returns a
 * {@link SparseCholesky} for the numeric part.
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
        requireSquare(a);
        double[][] l = new double[a.length][a.length];
        int pivot = factorise(a, l);
        if (pivot >= 0) {
            throw new IllegalArgumentException("matrix is not positive definite: pivot " + pivot + " is not > 0");
        }
        return new Cholesky(l);
    }

    /** Factorises A, or empty when A is not (numerically) positive definite — for iterations that step back. */
    public static Optional<Cholesky> tryDecompose(double[][] a) {
        requireSquare(a);
        double[][] l = new double[a.length][a.length];
        return factorise(a, l) >= 0 ? Optional.empty() : Optional.of(new Cholesky(l));
    }

    /**
     * The symbolic factorisation of an n×n symmetric pattern, for {@link SparseCholesky#factorise} to reuse on every
     * matrix with that pattern.
     *
     * @param n the order of the matrix
     * @param cliques index sets whose members are all structurally coupled (each one is a dense block of A); the
     *     pattern of A is their union plus the diagonal
     * @param ordered the indices below this one are put in a fill-reducing (minimum degree) order; those from it on
     *     stay last, in their order (so that a trailing block, the fixed effects of a mixed model, keeps its place)
     */
    public static SparseCholesky analyse(int n, java.util.List<int[]> cliques, int ordered) {
        return SparseCholesky.analyse(n, cliques, ordered);
    }

    /**
     * The one factorisation of the numerics (column-oriented; the sums run over k in the same order as the
     * row-oriented algorithm, so the result is the same to the last bit). Fills {@code l} and returns -1, or the
     * index of the first pivot that is not a finite positive number.
     */
    private static int factorise(double[][] a, double[][] l) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return j;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            double[] lj = l[j];
            int i = j + 1;
            // Four rows at a time: four sums side by side share the reads of row j (each still runs over k in
            // order, so the result is the same to the last bit).
            for (; i + 3 < n; i += 4) {
                double[] l0 = l[i];
                double[] l1 = l[i + 1];
                double[] l2 = l[i + 2];
                double[] l3 = l[i + 3];
                double s0 = a[i][j];
                double s1 = a[i + 1][j];
                double s2 = a[i + 2][j];
                double s3 = a[i + 3][j];
                for (int k = 0; k < j; k++) {
                    double x = lj[k];
                    s0 -= l0[k] * x;
                    s1 -= l1[k] * x;
                    s2 -= l2[k] * x;
                    s3 -= l3[k] * x;
                }
                l0[j] = s0 / ljj;
                l1[j] = s1 / ljj;
                l2[j] = s2 / ljj;
                l3[j] = s3 / ljj;
            }
            for (; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * lj[k];
                }
                l[i][j] = s / ljj;
            }
        }
        return -1;
    }

    private static void requireSquare(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException(
                        "matrix is not square: row " + i + " has " + a[i].length + " columns, expected " + n);
            }
        }
    }

    /** The lower-triangular factor L (a copy). */
    public double[][] lower() {
        return DenseMatrix.copy(lower);
    }

    /** L itself, for the kernels of this package that only read it. */
    double[][] factor() {
        return lower;
    }

    /** Solves A·x = b. */
    public double[] solve(double[] b) {
        if (b.length != lower.length) {
            throw new IllegalArgumentException("right-hand side has length " + b.length + ", expected " + lower.length);
        }
        return SymmetricMatrices.solveWithCholesky(lower, b);
    }

    /**
     * A⁻¹ by solving for each unit vector, averaged with its transpose to remove rounding asymmetry. (The CFA's
     * kernels use {@link SymmetricMatrices#inverseFromCholesky}, a triangular inverse; both start from this one
     * factor. They differ in the last bits, and the results of OLS and ω are kept bit for bit as they were.)
     */
    public double[][] inverse() {
        int n = lower.length;
        double[][] result = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1.0;
            result[j] = solve(e);
        }
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
        return SymmetricMatrices.logDeterminant(lower);
    }
}
