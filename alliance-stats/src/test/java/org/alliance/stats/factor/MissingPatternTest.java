package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MissingPatternTest {

    @Test
    void emSaturatedLogLikelihoodMatchesLavaansUnrestrictedLoglOnBfi() {
        CfaData bfi = ReferenceFiles.data("bfi", null);
        double[][] items = bfi.rows().stream()
                .map(r -> Arrays.copyOf(r, 25))
                .filter(r -> !Arrays.stream(r).allMatch(Double::isNaN))
                .toArray(double[][]::new);
        var patterns = MissingPattern.of(items);
        var saturated = MissingPattern.expectationMaximisation(patterns, 25);
        double expected = ReferenceFiles.fitMeasures("bfi-fiml").get("unrestricted.logl");
        assertThat(saturated.logLikelihood()).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
        assertThat(patterns).hasSize(87);
    }

    @Test
    void emStopsOnceConvergedInsteadOfRunningToTheIterationLimit() {
        // Regression: the convergence measure divided by variances not yet updated (0 -> NaN), so EM
        // always ran 10,000 iterations (18 s on bfi).
        CfaData bfi = ReferenceFiles.data("bfi", null);
        double[][] items = bfi.rows().stream()
                .map(r -> Arrays.copyOf(r, 25))
                .filter(r -> !Arrays.stream(r).allMatch(Double::isNaN))
                .toArray(double[][]::new);
        var saturated = MissingPattern.expectationMaximisation(MissingPattern.of(items), 25);
        assertThat(saturated.iterations()).isLessThan(100);
    }
}
