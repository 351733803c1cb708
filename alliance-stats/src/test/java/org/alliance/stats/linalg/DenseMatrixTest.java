package org.alliance.stats.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Kernel identities checked against matrices whose answers are known by hand (not against our own output). */
class DenseMatrixTest {

    private static final double[][] SPD = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};

    @Test
    void multiplyMatchesHandComputedProduct() {
        double[][] a = {{1, 2}, {3, 4}, {5, 6}};
        double[][] b = {{7, 8, 9}, {10, 11, 12}};
        assertThat(DenseMatrix.multiply(a, b))
                .isDeepEqualTo(new double[][] {{27, 30, 33}, {61, 68, 75}, {95, 106, 117}});
        assertThat(DenseMatrix.crossProduct(a)).isDeepEqualTo(new double[][] {{35, 44}, {44, 56}});
    }

    @Test
    void crossProductOfColumnsIsTheCrossProductOfTheRows() {
        // By hand: columns (1, 3, 5) and (2, 4, 6), as the rows of multiplyMatchesHandComputedProduct's a.
        assertThat(DenseMatrix.crossProductOfColumns(new double[][] {{1, 3, 5}, {2, 4, 6}}))
                .isDeepEqualTo(new double[][] {{35, 44}, {44, 56}});
        // Sizes that use the blocks of four, the columns left over and an odd number of rows: small integers, so
        // every sum is exact whatever its order and the two methods must agree to the last bit.
        java.util.Random random = new java.util.Random(20261207);
        double[][] rows = new double[37][11];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextInt(19) - 9;
            }
        }
        double[][] product = DenseMatrix.crossProductOfColumns(DenseMatrix.transpose(rows));
        assertThat(product).isDeepEqualTo(DenseMatrix.crossProduct(rows));
    }

    @Test
    void multiplyRejectsMismatchedShapes() {
        assertThatThrownBy(() -> DenseMatrix.multiply(new double[2][3], new double[2][3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2×3");
    }

    @Test
    void choleskyInverseTimesMatrixIsIdentity() {
        double[][] product = DenseMatrix.multiply(SPD, DenseMatrix.inverseSymmetric(SPD));
        assertIdentity(product, 1e-14);
        double[][] l = Cholesky.decompose(SPD).lower();
        assertClose(DenseMatrix.multiply(l, DenseMatrix.transpose(l)), SPD, 1e-14);
    }

    @Test
    void choleskyLogDeterminantMatchesCofactorExpansion() {
        double det = 4 * (5 * 3 - 1 * 1) - 2 * (2 * 3 - 1 * 0.4) + 0.4 * (2 * 1 - 5 * 0.4);
        assertThat(Cholesky.decompose(SPD).logDeterminant()).isCloseTo(Math.log(det), within(1e-14));
    }

    @Test
    void choleskyRejectsIndefiniteMatrix() {
        assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite");
    }

    @Test
    void qrReproducesTheMatrixAndSolvesAnExactSystem() {
        double[][] x = {{1, 1}, {1, 2}, {1, 3}, {1, 4}};
        double[] y = {3, 5, 7, 9}; // y = 1 + 2x exactly
        HouseholderQr qr = HouseholderQr.decompose(x);
        assertThat(qr.isFullRank()).isTrue();
        double[] b = qr.solve(y);
        assertThat(b[0]).isCloseTo(1.0, within(1e-13));
        assertThat(b[1]).isCloseTo(2.0, within(1e-13));
        for (double r : qr.residuals(y)) {
            assertThat(r).isCloseTo(0.0, within(1e-13));
        }
        // RᵀR = XᵀX
        double[][] r = qr.r();
        assertClose(DenseMatrix.crossProduct(r), DenseMatrix.crossProduct(x), 1e-12);
        assertIdentity(DenseMatrix.multiply(qr.unscaledCovariance(), DenseMatrix.crossProduct(x)), 1e-12);
    }

    @Test
    void qrTimesInvertsQTransposeTimes() {
        double[][] x = {{2, -1}, {0.5, 3}, {1, 1}, {-2, 4}, {7, 0}};
        HouseholderQr qr = HouseholderQr.decompose(x);
        double[] y = {1, 2, 3, 4, 5};
        double[] back = qr.qTimes(qr.qTransposeTimes(y));
        for (int i = 0; i < y.length; i++) {
            assertThat(back[i]).isCloseTo(y[i], within(1e-13));
        }
    }

    @Test
    void qrFlagsALinearlyDependentColumn() {
        double[][] x = {{1, 1, 2}, {1, 2, 4}, {1, 3, 6}, {1, 4, 8}};
        HouseholderQr qr = HouseholderQr.decompose(x);
        assertThat(qr.isFullRank()).isFalse();
        assertThat(qr.dependentColumns()).containsExactly(2);
        assertThatThrownBy(() -> qr.solve(new double[4])).isInstanceOf(IllegalStateException.class);
    }

    private static void assertIdentity(double[][] a, double tolerance) {
        assertClose(a, DenseMatrix.identity(a.length), tolerance);
    }

    private static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
