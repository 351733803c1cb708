package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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

    /**
     * ageyr ~ visual + speed (sem.R's hs-outcome): ageyr is carried by a phantom latent whose loading and mean are
     * not rows of lavaan's table; ageyr ~~ ageyr is its residual variance. Predictors and indicators as outcomes stay
     * refused, and so do modification indices for such a model.
     */
    @Test
    void anObservedOutcomeIsAPhantomLatentAsInLavaan() {
        CfaResult r = fit("HolzingerSwineford1939", LavaanReferenceCases.HS_OUTCOME, CfaOptions.defaults());
        // lavaan 0.6.14: npar 24, chisq 107.953 on 31 df, ageyr ~ speed 0.628, ageyr ~~ ageyr 0.973 (std.all 0.885)
        assertThat(r.fit("npar")).isEqualTo(24);
        assertThat(r.fit("df")).isEqualTo(31);
        assertThat(r.fit("chisq")).isCloseTo(107.953, within(1e-3));
        assertThat(r.parameter("ageyr", "~", "speed", 1).orElseThrow().est()).isCloseTo(0.628, within(1e-3));
        CfaResult.ParameterEstimate residual =
                r.parameter("ageyr", "~~", "ageyr", 1).orElseThrow();
        assertThat(residual.est()).isCloseTo(0.973, within(1e-3));
        assertThat(residual.stdAll()).isCloseTo(0.885, within(1e-3));
        assertThat(r.parameters()).noneMatch(p -> p.lhs().equals("ageyr") && p.op().equals("=~"));
        assertThat(r.parameters()).hasSize(27);
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS + "\nageyr ~ visual\nspeed ~ ageyr",
                        CfaOptions.defaults()))
                .hasMessageContaining("'ageyr' in 'ageyr ~ visual' is an observed variable")
                .hasMessageContaining("predict nothing");
        assertThatThrownBy(() -> CfaEstimator.fitWithModificationIndices(
                        ReferenceFiles.data("HolzingerSwineford1939", null),
                        CfaModelSyntax.parse(LavaanReferenceCases.HS_OUTCOME),
                        CfaOptions.defaults()))
                .hasMessageContaining("modification indices for a model with an observed outcome");
    }

    /**
     * sem.R's hs-covariates (row for row in CfaEstimatorTest): lavaan's fixed.x. The predictors' variances and
     * covariances are their sample values (divisor N), reported as fixed (se 0, no z), not counted in npar; the
     * log-likelihood is conditional on them. With FIML the case with a missing predictor is dropped, as lavaan does.
     */
    @Test
    void observedPredictorsAreFixedXAsInLavaan() {
        CfaResult r = LavaanReferenceCases.fit("sem/hs-covariates");
        // lavaan 0.6.14: npar 30, df 42, chisq 129.795, visual ~ grade 0.636, ageyr ~~ ageyr 1.103 (fixed)
        assertThat(r.fit("npar")).isEqualTo(30);
        assertThat(r.fit("df")).isEqualTo(42);
        assertThat(r.fit("chisq")).isCloseTo(129.795, within(1e-3));
        assertThat(r.parameter("visual", "~", "grade", 1).orElseThrow().est()).isCloseTo(0.636, within(1e-3));
        CfaResult.ParameterEstimate age = r.parameter("ageyr", "~~", "ageyr", 1).orElseThrow();
        assertThat(age.free()).isFalse();
        assertThat(age.se()).isZero();
        assertThat(age.z()).isNaN();
        assertThat(age.est()).isCloseTo(1.103, within(1e-3));
        assertThat(r.parameters())
                .noneMatch(p -> p.op().equals("~~")
                        && p.lhs().equals("visual")
                        && p.rhs().equals("ageyr"));
        CfaResult fiml = LavaanReferenceCases.fit("sem/hs-covariates-fiml");
        assertThat(fiml.fit("ntotal")).isEqualTo(300);
        assertThat(fiml.warnings())
                .anyMatch(w -> w.contains("1 of 301 cases dropped because an observed predictor is missing"));
        assertThat(fiml.parameter("ageyr", "~1", "", 1).orElseThrow().free()).isFalse();
    }

    /** A latent-observed covariance (sem.R's hs-latent-observed): the observed variable's variance is then free. */
    @Test
    void aLatentObservedCovarianceFreesThePredictorsVariance() {
        CfaResult r = LavaanReferenceCases.fit("sem/hs-latent-observed");
        // lavaan 0.6.14: npar 16, df 12
        assertThat(r.fit("npar")).isEqualTo(16);
        assertThat(r.fit("df")).isEqualTo(12);
        assertThat(r.parameter("ageyr", "~~", "ageyr", 1).orElseThrow().free()).isTrue();
        assertThat(r.parameter("visual", "~~", "ageyr", 1).orElseThrow().free()).isTrue();
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939", LavaanReferenceCases.HS + "\nvisual ~~ x4", CfaOptions.defaults()))
                .hasMessageContaining("covariance between latent and observed ('visual ~~ x4') is supported only");
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS + "\nvisual ~~ ageyr\nageyr ~ speed",
                        CfaOptions.defaults()))
                .hasMessageContaining("('visual ~~ ageyr') is supported only for an observed variable that is not an"
                        + " indicator and not regressed on anything");
    }

    /**
     * Observed predictors under fixed.x have modification indices (refused until 2026-12-07; CfaModificationIndicesTest
     * checks sem/hs-covariates and sem/bfi-norwegian against lavaan); a latent–observed covariance stays refused.
     */
    @Test
    void modificationIndicesForLatentObservedCovariancesAreRefused() {
        assertThatThrownBy(() -> CfaEstimator.fitWithModificationIndices(
                        ReferenceFiles.data("HolzingerSwineford1939", null),
                        CfaModelSyntax.parse(LavaanReferenceCases.HS_TWO + "\nvisual ~~ ageyr"),
                        CfaOptions.defaults()))
                .hasMessageContaining("modification indices for a model with an observed predictor");
        CfaResult covariates = CfaEstimator.fitWithModificationIndices(
                ReferenceFiles.data("HolzingerSwineford1939", null),
                CfaModelSyntax.parse(LavaanReferenceCases.HS_COVARIATES),
                CfaOptions.defaults());
        assertThat(covariates.modificationIndices())
                .isNotEmpty()
                .noneMatch(m -> List.of("ageyr", "sex", "grade").contains(m.lhs())
                        || List.of("ageyr", "sex", "grade").contains(m.rhs()));
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

    /**
     * A higher-order factor (sem.R's hs-higher, checked row for row by CfaEstimatorTest, its modification indices
     * by CfaModificationIndicesTest) is fitted; loops through its loadings, a factor loading on itself and several
     * groups are refused.
     */
    @Test
    void higherOrderFactorsFitButLoopsAndSeveralGroupsAreRefused() {
        CfaResult r = fit("HolzingerSwineford1939", LavaanReferenceCases.HS_HIGHER, CfaOptions.defaults());
        // lavaan 0.6.14: npar 21, chisq 85.306 on 24 df, g =~ textual 0.662 (std.all 0.525); no latent covariances
        assertThat(r.fit("npar")).isEqualTo(21);
        assertThat(r.fit("chisq")).isCloseTo(85.306, within(1e-3));
        assertThat(r.parameter("g", "=~", "textual", 1).orElseThrow().est()).isCloseTo(0.662, within(1e-3));
        assertThat(r.parameter("g", "=~", "textual", 1).orElseThrow().stdAll()).isCloseTo(0.525, within(1e-3));
        assertThat(r.parameters())
                .noneMatch(p -> p.op().equals("~~") && !p.lhs().equals(p.rhs()))
                .noneMatch(p -> p.op().equals("~"));
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939",
                        LavaanReferenceCases.HS_HIGHER + "\ng ~ speed",
                        CfaOptions.defaults()))
                .hasMessageContaining("feedback loop");
        assertThatThrownBy(() -> fit(
                        "HolzingerSwineford1939", LavaanReferenceCases.HS + "\nspeed =~ speed", CfaOptions.defaults()))
                .hasMessageContaining("loads a factor on itself");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        ReferenceFiles.data("HolzingerSwineford1939", "school"),
                        CfaModelSyntax.parse(LavaanReferenceCases.HS_HIGHER),
                        CfaOptions.defaults()))
                .hasMessageContaining("higher-order factors ('g =~ visual') with several groups are not supported");
    }

    @Test
    void definedParametersMustUseLabelsAndOneGroup() {
        String labelled = LavaanReferenceCases.HS + "\nspeed ~ a*visual + b*textual\n";
        assertThatThrownBy(() -> fit("HolzingerSwineford1939", labelled + "d := a*q", CfaOptions.defaults()))
                .hasMessageContaining("line 5")
                .hasMessageContaining("'q' in 'd := a*q' is not a parameter label");
        assertThatThrownBy(() -> fit("HolzingerSwineford1939", labelled + "b := a*2", CfaOptions.defaults()))
                .hasMessageContaining("the defined parameter 'b' has the name of a label");
        assertThatThrownBy(() -> fit("HolzingerSwineford1939", labelled + "x1 := a*2", CfaOptions.defaults()))
                .hasMessageContaining("the defined parameter 'x1' has the name of a variable");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        ReferenceFiles.data("HolzingerSwineford1939", "school"),
                        CfaModelSyntax.parse(labelled + "d := a*b"),
                        CfaOptions.defaults()))
                .hasMessageContaining("defined parameters (':=') with several groups are not implemented");
    }

    @Test
    void definedParametersMayBuildOnEarlierOnes() {
        CfaResult r = fit(
                "PoliticalDemocracy",
                LavaanReferenceCases.PD_DEFINED + "\ntwice := 2*total - ind",
                CfaOptions.defaults());
        double ind = r.parameter("ind", ":=", "a*b", 1).orElseThrow().est();
        double total = r.parameter("total", ":=", "c+a*b", 1).orElseThrow().est();
        var twice = r.parameter("twice", ":=", "2*total-ind", 1).orElseThrow();
        assertThat(twice.est()).isCloseTo(2 * total - ind, within(1e-12));
        assertThat(twice.label()).isEqualTo("twice");
        // 2*total - ind = 2c + ab: its SE differs from both components', and is finite.
        assertThat(twice.se())
                .isPositive()
                .isNotCloseTo(
                        r.parameter("total", ":=", "c+a*b", 1).orElseThrow().se(), within(1e-3));
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
