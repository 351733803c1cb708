package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OmegaTotalTest {

    @Test
    void omegaEqualsTheFormulaAppliedToLavaansOneFactorSolution() {
        // lavaan's marker-identified solution: omega = (sum lambda)^2 psi / ((sum lambda)^2 psi + sum theta).
        double sumLambda = 0;
        double sumTheta = 0;
        double psi = Double.NaN;
        for (Map<String, String> row : ReferenceFiles.parameters("hs-onefactor")) {
            double est = ReferenceFiles.number(row.get("est"));
            if (row.get("op").equals("=~")) {
                sumLambda += est;
            } else if (row.get("lhs").equals("f")) {
                psi = est;
            } else {
                sumTheta += est;
            }
        }
        double expected = sumLambda * sumLambda * psi / (sumLambda * sumLambda * psi + sumTheta);
        List<String> items = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");
        var omega = OmegaTotal.fit(ReferenceFiles.data("HolzingerSwineford1939", null), items);
        assertThat(omega.omega()).isCloseTo(expected, within(1e-5));
        assertThat(omega.fit().converged()).isTrue();
    }

    @Test
    void omegaNeedsThreeItems() {
        assertThatThrownBy(
                        () -> OmegaTotal.fit(ReferenceFiles.data("HolzingerSwineford1939", null), List.of("x1", "x2")))
                .hasMessageContaining("at least 3 items");
    }
}
