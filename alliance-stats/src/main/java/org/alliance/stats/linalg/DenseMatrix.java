package org.alliance.stats.linalg;

/**
 * Static helpers on dense row-major matrices ({@code double[row][column]}). The matrices of this project are small
 * (at most a few hundred columns), so plain loops are fast enough and easy to check. Inputs are never modified; every
 * method returns a new array.
 */
public final class DenseMatrix {

    private DenseMatrix() {}

    /** A new rows × columns matrix of zeros. */
    public static double[][] zeros(int rows, int columns) {
        return new double[rows][columns];
    }

    /** The n × n identity. */
    public static double[][] identity(int n) {
        double[][] result = new double[n][n];
        for (int i = 0; i < n; i++) {
            result[i][i] = 1.0;
        }
        return result;
    }

    /** A deep copy, checking that the matrix is rectangular. */
    public static double[][] copy(double[][] a) {
        int columns = columns(a);
        double[][] result = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != columns) {
                throw new IllegalArgumentException("matrix is not rectangular: row " + i + " has " + a[i].length
                        + " columns, expected " + columns);
            }
            result[i] = a[i].clone();
        }
        return result;
    }

    /** Number of columns (0 for a matrix without rows). */
    public static int columns(double[][] a) {
        return a.length == 0 ? 0 : a[0].length;
    }

    /** Aᵀ. */
    public static double[][] transpose(double[][] a) {
        int rows = a.length;
        int columns = columns(a);
        double[][] result = new double[columns][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                result[j][i] = a[i][j];
            }
        }
        return result;
    }

    /** A·B. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int inner = columns(a);
        if (inner != b.length) {
            throw new IllegalArgumentException(
                    "cannot multiply " + a.length + "×" + inner + " by " + b.length + "×" + columns(b));
        }
        int columns = columns(b);
        double[][] result = new double[a.length][columns];
        for (int i = 0; i < a.length; i++) {
            double[] row = result[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0.0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < columns; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
        return result;
    }

    /** A·v. */
    public static double[] multiply(double[][] a, double[] v) {
        if (columns(a) != v.length) {
            throw new IllegalArgumentException(
                    "cannot multiply " + a.length + "×" + columns(a) + " by a vector of length " + v.length);
        }
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = dot(a[i], v);
        }
        return result;
    }

    /** Aᵀ·A (the cross-product matrix), symmetric. */
    public static double[][] crossProduct(double[][] a) {
        int columns = columns(a);
        double[][] result = new double[columns][columns];
        for (double[] row : a) {
            for (int i = 0; i < columns; i++) {
                double ri = row[i];
                if (ri == 0.0) {
                    continue;
                }
                for (int j = i; j < columns; j++) {
                    result[i][j] += ri * row[j];
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < i; j++) {
                result[i][j] = result[j][i];
            }
        }
        return result;
    }

    /**
     * Aᵀ·A for A given column by column ({@code columns[j]} is column j, all of one length): the same matrix as
     * {@link #crossProduct} of the rows, computed as dot products of the columns. Two columns are taken against
     * four at a time where the lower triangle allows, so each element read serves four or eight products and
     * eight sums run side by side without waiting on each other. Each element is summed exactly as by the
     * four-column scheme alone (over the rows in order; the last one to three columns of a row in two halves).
     * For the covariance of many cases (thousands of rows, tens of columns) this is several times faster than the
     * row-by-row update.
     */
    public static double[][] crossProductOfColumns(double[][] columns) {
        int p = columns.length;
        double[][] result = new double[p][p];
        for (int a = 0; a < p; a += 2) {
            int b = 0;
            if (a + 1 < p) {
                double[] ca = columns[a];
                double[] cd = columns[a + 1];
                int n = ca.length;
                for (; b + 3 <= a; b += 4) {
                    double[] c0 = columns[b];
                    double[] c1 = columns[b + 1];
                    double[] c2 = columns[b + 2];
                    double[] c3 = columns[b + 3];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    double t0 = 0;
                    double t1 = 0;
                    double t2 = 0;
                    double t3 = 0;
                    for (int i = 0; i < n; i++) {
                        double v = ca[i];
                        double w = cd[i];
                        double x0 = c0[i];
                        double x1 = c1[i];
                        double x2 = c2[i];
                        double x3 = c3[i];
                        s0 += v * x0;
                        s1 += v * x1;
                        s2 += v * x2;
                        s3 += v * x3;
                        t0 += w * x0;
                        t1 += w * x1;
                        t2 += w * x2;
                        t3 += w * x3;
                    }
                    double[] ra = result[a];
                    double[] rd = result[a + 1];
                    ra[b] = s0;
                    ra[b + 1] = s1;
                    ra[b + 2] = s2;
                    ra[b + 3] = s3;
                    rd[b] = t0;
                    rd[b + 1] = t1;
                    rd[b + 2] = t2;
                    rd[b + 3] = t3;
                }
                crossProductRow(columns, result, a + 1, b);
            }
            crossProductRow(columns, result, a, b);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                result[b][a] = result[a][b];
            }
        }
        return result;
    }

    /** Row a of the lower triangle of Aᵀ·A from column {@code from} on: four columns at a time, then one by one. */
    private static void crossProductRow(double[][] columns, double[][] result, int a, int from) {
        double[] ca = columns[a];
        int n = ca.length;
        int b = from;
        for (; b + 3 <= a; b += 4) {
            dotProductsOfFour(ca, columns[b], columns[b + 1], columns[b + 2], columns[b + 3], 0, n, result[a], b);
        }
        for (; b <= a; b++) {
            double[] cb = columns[b];
            double even = 0;
            double odd = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                even += ca[i] * cb[i];
                odd += ca[i + 1] * cb[i + 1];
            }
            if (i < n) {
                even += ca[i] * cb[i];
            }
            result[a][b] = even + odd;
        }
    }

    /**
     * The four dot products Σ_{i=from}^{to−1} x_i·y_i of x with y0…y3, written to {@code out[at…at+3]}: one sweep
     * reads each x_i once for four independent sums, each summed over i in ascending order (so the same to the bit
     * as four separate loops). The kernel of the blocked products of this package.
     */
    static void dotProductsOfFour(
            double[] x, double[] y0, double[] y1, double[] y2, double[] y3, int from, int to, double[] out, int at) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            s0 += v * y0[i];
            s1 += v * y1[i];
            s2 += v * y2[i];
            s3 += v * y3[i];
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    /** A·B·Aᵀ, the "sandwich" product used for covariance matrices of linear combinations. */
    public static double[][] sandwich(double[][] a, double[][] b) {
        return multiply(multiply(a, b), transpose(a));
    }

    /** Σ xᵢyᵢ. */
    public static double dot(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors differ in length: " + x.length + " and " + y.length);
        }
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** c·A. */
    public static double[][] scale(double[][] a, double c) {
        double[][] result = copy(a);
        for (double[] row : result) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= c;
            }
        }
        return result;
    }

    /** The diagonal of a square matrix. */
    public static double[] diagonal(double[][] a) {
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i][i];
        }
        return result;
    }

    /** Sum of the diagonal. */
    public static double trace(double[][] a) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i];
        }
        return sum;
    }

    /** Sum of all elements (1ᵀA1). */
    public static double sum(double[][] a) {
        double sum = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** The square submatrix keeping the given rows and columns, in that order. */
    public static double[][] submatrix(double[][] a, int[] indices) {
        double[][] result = new double[indices.length][indices.length];
        for (int i = 0; i < indices.length; i++) {
            for (int j = 0; j < indices.length; j++) {
                result[i][j] = a[indices[i]][indices[j]];
            }
        }
        return result;
    }

    /** Inverse of a symmetric positive definite matrix, via {@link Cholesky}. */
    public static double[][] inverseSymmetric(double[][] a) {
        return Cholesky.decompose(a).inverse();
    }
}
