package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.alliance.stats.factor.CfaOptions.MissingData;
import org.junit.jupiter.api.Test;

/**
 * What structural models may not do (each refused with a message naming the construct or option, never
 * silently ignored), and lavaan's published figures for Bollen's political democracy model.
 */
class SemRefusalsTest {

    private static CfaResult fit(String dataSet, String model, CfaOptions options) {
        return CfaEstimator.fit(ReferenceFiles.data(dataSet, null), CfaModelSyntax.parse(model), options);
    }

    @Test
    void regressionOfAnObservedVariableIsRefused() {
        assertThatThrownBy(() ->
                        fit("HolzingerSwineford1939", LavaanReferenceCases.HS + "\nspeed ~ x1", CfaOptions.defaults()))
                .hasMessageContaining("line 4")
                .hasMessageContaining("'x1' in 'speed ~ x1' is an observed variable");
        assertThatThrownBy(() ->
                        fit("HolzingerSwineford1939", LavaanReferenceCases.HS + "\nx1 ~ visual", CfaOptions.defaults()))
                .hasMessageContaining("'x1' in 'x1 ~ visual' is an observed variable");
    }

    @Test
    void feedbackLoopsAndSelfRegressionsAreRefused() {
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS + "\ntextual ~ visual\nspeed ~ textual\nvisual ~ speed",
                        CfaOptions.defaults()))
                .hasMessageContaining("feedback loop")
                .hasMessageContaining("non-recursive");
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939", LavaanReferenceCases.HS + "\nspeed ~ speed", CfaOptions.defaults()))
                .hasMessageContaining("regresses a variable on itself");
    }

    @Test
    void optionsNotImplementedWithRegressionsAreNamed() {
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS_SEM,
                        CfaOptions.defaults().withMissing(MissingData.ML)))
                .hasMessageContaining("missing = ml (FIML) with structural regressions");
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS_SEM,
                        CfaOptions.defaults().withStandardizeLatent(true)))
                .hasMessageContaining("std.lv with structural regressions");
    }

    @Test
    void politicalDemocracyReproducesLavaansPublishedOutput() {
        // lavaan's tutorial ("A structural equation model"): chi-square 38.125 on 35 df, p = 0.329.
        CfaResult pd = LavaanReferenceCases.fit("sem/pd-ml");
        assertThat(pd.fit("chisq")).isCloseTo(38.125, within(5e-4));
        assertThat(pd.fit("df")).isEqualTo(35);
        assertThat(pd.fit("pvalue")).isCloseTo(0.329, within(5e-4));
        assertThat(pd.parameter("dem65", "~", "dem60", 1).orElseThrow().est()).isCloseTo(0.837, within(5e-4));
        assertThat(pd.converged()).isTrue();
        assertThat(pd.warnings()).isEmpty();
        assertThat(pd.provenance().method()).startsWith("SEM, ");
    }
}
