package org.alliance.stats.linalg;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The Cholesky factorisation P A Pᵀ = L Lᵀ of a sparse symmetric positive definite matrix whose pattern is known in
 * advance, split as CHOLMOD and lme4 split it (Bates et al. 2015, JSS 67(1), section 3.2; Davis 2006, <i>Direct Methods
 * for Sparse Linear Systems</i>, chapter 4): the symbolic part once, from the pattern — a fill-reducing permutation P
 * by minimum degree on the elimination graph (Rose 1972; George &amp; Liu 1989) and, read off the same elimination, the
 * pattern of every column of L — and the numeric part for each matrix with that pattern.
 *
 * <p>The numeric part is the right-looking (outer-product) form of Golub &amp; Van Loan's algorithm 4.2.2 restricted to
 * the pattern: column j is scaled by its pivot and its outer product is subtracted from the trailing rows of its
 * pattern. Every element thereby receives the products l_ik·l_jk in increasing k, as in {@link Cholesky}'s dense
 * loop, so with the identity permutation the factor equals the dense one to the last bit. The matrix is held dense
 * (n² doubles, in the permuted order): for the Schur complements of mixed models (n ≈ 1 000) that costs less than
 * sparse storage's indirection, and the trailing dense part of L runs as contiguous loops.
 *
 * <p>Immutable after {@link #analyse}; {@link #factorise} works in the array it is given.
 */
public final class SparseCholesky {

    private final int[] order;
    private final int[] position;
    private final int[][] pattern;
    private final boolean[] contiguous;

    private SparseCholesky(int[] order, int[][] pattern) {
        this.order = order;
        this.pattern = pattern;
        int n = order.length;
        position = new int[n];
        for (int j = 0; j < n; j++) {
            position[order[j]] = j;
        }
        contiguous = new boolean[n];
        for (int j = 0; j < n; j++) {
            int[] p = pattern[j];
            contiguous[j] = p.length == 0 || p[p.length - 1] - p[0] == p.length - 1;
        }
    }

    static SparseCholesky analyse(int n, List<int[]> cliques, int ordered) {
        if (ordered < 0 || ordered > n) {
            throw new IllegalArgumentException("ordered must lie in 0.." + n + ", not " + ordered);
        }
        BitSet[] graph = new BitSet[n];
        for (int i = 0; i < n; i++) {
            graph[i] = new BitSet(n);
        }
        for (int[] clique : cliques) {
            BitSet members = new BitSet(n);
            for (int i : clique) {
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("index " + i + " outside 0.." + (n - 1));
                }
                members.set(i);
            }
            for (int i : clique) {
                graph[i].or(members);
            }
        }
        for (int i = 0; i < n; i++) {
            graph[i].clear(i);
        }
        // Elimination graph: eliminating v joins its remaining neighbours into a clique; those neighbours are the
        // pattern of v's column of L. Minimum degree picks the v with fewest neighbours (ties: lowest index).
        int[] order = new int[n];
        BitSet[] columns = new BitSet[n];
        BitSet remaining = new BitSet(n);
        remaining.set(0, n);
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            degree[i] = graph[i].cardinality();
        }
        for (int step = 0; step < n; step++) {
            int v;
            if (step < ordered) {
                v = -1;
                for (int i = remaining.nextSetBit(0); i >= 0 && i < ordered; i = remaining.nextSetBit(i + 1)) {
                    if (v < 0 || degree[i] < degree[v]) {
                        v = i;
                    }
                }
            } else {
                v = step;
            }
            order[step] = v;
            remaining.clear(v);
            BitSet neighbours = graph[v];
            columns[v] = neighbours;
            for (int u = neighbours.nextSetBit(0); u >= 0; u = neighbours.nextSetBit(u + 1)) {
                graph[u].or(neighbours);
                graph[u].clear(u);
                graph[u].clear(v);
                degree[u] = graph[u].cardinality();
            }
        }
        int[] position = new int[n];
        for (int j = 0; j < n; j++) {
            position[order[j]] = j;
        }
        int[][] pattern = new int[n][];
        for (int j = 0; j < n; j++) {
            pattern[j] =
                    columns[order[j]].stream().map(i -> position[i]).sorted().toArray();
        }
        return new SparseCholesky(order, pattern);
    }

    /** The order of the matrix. */
    public int size() {
        return order.length;
    }

    /** Where index i of A sits in the permuted matrix P A Pᵀ (row and column). */
    public int position(int i) {
        return position[i];
    }

    /** Number of structurally non-zero elements of L below the diagonal. */
    public long nonZeros() {
        long count = 0;
        for (int[] p : pattern) {
            count += p.length;
        }
        return count;
    }

    /**
     * Overwrites the lower triangle of {@code a}, which holds P A Pᵀ (entries outside the pattern zero), with L. The
     * upper triangle is not read.
     *
     * @return -1, or the (permuted) index of the first pivot that is not a finite positive number, after which
     *     {@code a} holds no factor
     */
    public int factorise(double[][] a) {
        int n = order.length;
        if (a.length != n) {
            throw new IllegalArgumentException("matrix has " + a.length + " rows, the pattern " + n);
        }
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            if (!(d > 0) || !Double.isFinite(d)) {
                return j;
            }
            double ljj = Math.sqrt(d);
            a[j][j] = ljj;
            int[] p = pattern[j];
            int size = p.length;
            for (int t = 0; t < size; t++) {
                double v = a[p[t]][j] / ljj;
                a[p[t]][j] = v;
                column[t] = v;
            }
            if (contiguous[j]) {
                int first = size == 0 ? 0 : p[0];
                for (int ta = 0; ta < size; ta++) {
                    double[] row = a[first + ta];
                    double la = column[ta];
                    for (int tb = 0; tb <= ta; tb++) {
                        row[first + tb] -= la * column[tb];
                    }
                }
            } else {
                for (int ta = 0; ta < size; ta++) {
                    double[] row = a[p[ta]];
                    double la = column[ta];
                    for (int tb = 0; tb <= ta; tb++) {
                        row[p[tb]] -= la * column[tb];
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Solves A x = b from the factor {@link #factorise} left in {@code l}; b and x in the order of A.
     */
    public double[] solve(double[][] l, double[] b) {
        int n = order.length;
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side has length " + b.length + ", expected " + n);
        }
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            y[j] = b[order[j]];
        }
        for (int j = 0; j < n; j++) {
            y[j] /= l[j][j];
            double v = y[j];
            for (int i : pattern[j]) {
                y[i] -= l[i][j] * v;
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            double s = y[j];
            for (int i : pattern[j]) {
                s -= l[i][j] * y[i];
            }
            y[j] = s / l[j][j];
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[order[j]] = y[j];
        }
        return x;
    }

    /** The permutation: {@code order()[j]} is the index of A at position j. */
    public int[] order() {
        return Arrays.copyOf(order, order.length);
    }
}
