package org.alliance.stats.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A covariance matrix built from a known one-factor structure must give that structure back. */
class OneFactorModelTest {

    @Test
    void recoversAnExactOneFactorStructure() {
        double[] lambda = {0.8, 1.4, 0.6, 2.5};
        double[] theta = {0.36, 0.51, 0.64, 1.75};
        double[][] sigma = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                sigma[i][j] = lambda[i] * lambda[j] + (i == j ? theta[i] : 0.0);
            }
        }

        OneFactorModel.Fit fit = OneFactorModel.fit(sigma).orElseThrow();

        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(fit.loadings()[i])).isCloseTo(lambda[i], within(1e-9));
            assertThat(fit.residualVariances()[i]).isCloseTo(theta[i], within(1e-9));
        }
        double sum = 0.8 + 1.4 + 0.6 + 2.5;
        assertThat(fit.omegaTotal()).isCloseTo(sum * sum / (sum * sum + 0.36 + 0.51 + 0.64 + 1.75), within(1e-10));
    }

    @Test
    void isNotIdentifiedWithTwoVariables() {
        assertThat(OneFactorModel.fit(new double[][] {{1, 0.5}, {0.5, 1}})).isEmpty();
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertThat(OneFactorModel.fit(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}))
                .isEmpty();
    }
}
