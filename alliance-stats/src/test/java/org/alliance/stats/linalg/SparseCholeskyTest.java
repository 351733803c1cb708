package org.alliance.stats.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The symbolic and numeric parts of the sparse Cholesky factorisation, against identities known by hand. */
class SparseCholeskyTest {

    /** An arrow matrix: index 0 is coupled with every other, the others only with themselves. */
    private static List<int[]> arrow(int n) {
        List<int[]> cliques = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            cliques.add(new int[] {0, i});
        }
        return cliques;
    }

    private static double[][] arrowMatrix(int n) {
        double[][] a = new double[n][n];
        a[0][0] = n;
        for (int i = 1; i < n; i++) {
            a[i][i] = 2 + i % 3;
            a[i][0] = 1;
            a[0][i] = 1;
        }
        return a;
    }

    @Test
    void minimumDegreeEliminatesTheHubOfAnArrowLastSoThereIsNoFill() {
        SparseCholesky arrow = Cholesky.analyse(6, arrow(6), 6);
        // In the natural order the hub fills the whole lower triangle (15 elements); last, it fills nothing.
        assertThat(arrow.nonZeros()).isEqualTo(5);
        // Once four leaves are gone the hub and the last leaf both have degree 1: the tie goes to the lower index.
        assertThat(arrow.position(0)).isEqualTo(4);
        // Indices from `ordered` on keep their place at the end.
        SparseCholesky pinned = Cholesky.analyse(6, arrow(6), 0);
        assertThat(pinned.position(0)).isZero();
        assertThat(pinned.nonZeros()).isEqualTo(15);
    }

    @Test
    void factorReproducesThePermutedMatrixAndSolves() {
        int n = 7;
        double[][] a = arrowMatrix(n);
        SparseCholesky pattern = Cholesky.analyse(n, arrow(n), n);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                int pi = pattern.position(i);
                int pj = pattern.position(j);
                l[Math.max(pi, pj)][Math.min(pi, pj)] = a[i][j];
            }
        }
        assertThat(pattern.factorise(l)).isEqualTo(-1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += l[i][k] * l[j][k];
                }
                int[] order = pattern.order();
                assertThat(s).as("(LLᵀ)[%d][%d]", i, j).isCloseTo(a[order[i]][order[j]], within(1e-13));
            }
        }
        double[] x = {1, -2, 3, -4, 5, -6, 7};
        double[] b = SymmetricMatrices.multiply(a, x);
        double[] solved = pattern.solve(l, b);
        for (int i = 0; i < n; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-13));
        }
    }

    @Test
    void inTheNaturalOrderOfADenseMatrixTheFactorIsTheDenseOneToTheLastBit() {
        int n = 40;
        Random random = new Random(20261204L);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = DenseMatrix.crossProduct(g);
        for (int i = 0; i < n; i++) {
            a[i][i] += n;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SparseCholesky pattern = Cholesky.analyse(n, List.<int[]>of(all), 0);
        double[][] l = DenseMatrix.copy(a);
        assertThat(pattern.factorise(l)).isEqualTo(-1);
        double[][] dense = Cholesky.decompose(a).lower();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(l[i][j]).isEqualTo(dense[i][j]);
            }
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteNamesItsPivot() {
        SparseCholesky pattern = Cholesky.analyse(2, List.<int[]>of(new int[] {0, 1}), 0);
        assertThat(pattern.factorise(new double[][] {{1, 0}, {2, 1}})).isEqualTo(1);
    }
}
