package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.junit.jupiter.api.Test;

/** The invariance steps against lavaan 0.6.14's lavTestLRT(configural, metric, scalar) (src/test/r/cfa.R). */
class CfaInvarianceStepsTest {

    private static final CfaData BY_SCHOOL = ReferenceFiles.data("HolzingerSwineford1939", "school");
    private static final CfaModel HS = CfaModelSyntax.parse(LavaanReferenceCases.HS);

    @Test
    void theStepsAndTheirDifferencesAreLavTestLrtsUnderMl() {
        CfaInvariance.Result result = CfaInvariance.fit(BY_SCHOOL, HS, CfaOptions.defaults());
        List<Map<String, String>> ref = ReferenceFiles.csv("/reference/cfa/compare-hs-invariance.csv");
        assertThat(result.converged()).isTrue();
        assertThat(result.steps())
                .extracting(CfaInvariance.Step::name)
                .containsExactly("configural", "metric", "scalar");
        for (int i = 0; i < 3; i++) {
            assertRelative(result.steps().get(i).fit().fit("chisq"), ref.get(i).get("chisq"), 1e-8);
            assertThat(result.steps().get(i).fit().fit("df"))
                    .isEqualTo(ReferenceFiles.number(ref.get(i).get("df")));
        }
        for (int i = 0; i < 2; i++) {
            CfaInvariance.Comparison c = result.comparisons().get(i);
            assertRelative(c.test().chisqDiff(), ref.get(i + 1).get("chisq.diff"), 1e-7);
            assertThat(c.test().dfDiff())
                    .isEqualTo(ReferenceFiles.number(ref.get(i + 1).get("df.diff")));
            assertRelative(c.test().pvalue(), ref.get(i + 1).get("pvalue"), 1e-6);
            double cfi = ReferenceFiles.fitMeasures(i == 0 ? "hs-metric" : "hs-scalar")
                            .get("cfi")
                    - ReferenceFiles.fitMeasures(i == 0 ? "hs-configural" : "hs-metric")
                            .get("cfi");
            assertThat(c.deltaCfi()).isCloseTo(cfi, within(1e-7));
            assertThat(c.deltaCfiRobust()).isNaN();
        }
    }

    @Test
    void underMlrTheDifferencesAreSatorraBentlerScaledAsLavTestLrt() {
        CfaInvariance.Result result =
                CfaInvariance.fit(BY_SCHOOL, HS, CfaOptions.defaults().withEstimator(Estimator.MLR));
        List<Map<String, String>> ref = ReferenceFiles.csv("/reference/cfa/compare-hs-invariance-mlr.csv");
        assertScaledDifferencesAreLavTestLrts(result, ref);
        for (CfaInvariance.Comparison c : result.comparisons()) {
            assertThat(c.deltaCfiRobust()).isFinite();
        }
    }

    /** The two Satorra–Bentler (2001) differences against lavTestLRT's rows 2 and 3. */
    private static void assertScaledDifferencesAreLavTestLrts(
            CfaInvariance.Result result, List<Map<String, String>> ref) {
        for (int i = 0; i < 2; i++) {
            CfaInvariance.Comparison c = result.comparisons().get(i);
            assertThat(c.test().method()).contains("Satorra-Bentler 2001");
            // first order in the scaling factors, as in CfaModelComparisonTest
            assertRelative(c.test().chisqDiff(), ref.get(i + 1).get("chisq.diff"), 1e-4);
            assertThat(c.test().pvalue())
                    .isCloseTo(ReferenceFiles.number(ref.get(i + 1).get("pvalue")), within(1e-4));
        }
    }

    /** bfi's agree and consc items by gender, with bfi's own missing values (cfa.R, compare-bfi-gender-…). */
    @Test
    void underRobustFimlTheStepsAndTheirScaledDifferencesAreLavTestLrts() {
        CfaInvariance.Result result = CfaInvariance.fit(
                ReferenceFiles.data("bfi", "gender"),
                CfaModelSyntax.parse("agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5"),
                CfaOptions.defaults().withEstimator(Estimator.MLR).withMissing(CfaOptions.MissingData.ML));
        List<Map<String, String>> ref = ReferenceFiles.csv("/reference/cfa/compare-bfi-gender-invariance-fiml-mlr.csv");
        assertThat(result.converged()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertRelative(result.steps().get(i).fit().fit("chisq"), ref.get(i).get("chisq"), 1e-8);
        }
        assertScaledDifferencesAreLavTestLrts(result, ref);
        for (int i = 0; i < 2; i++) {
            CfaInvariance.Comparison c = result.comparisons().get(i);
            assertThat(c.deltaCfiRobust())
                    .isEqualTo(result.steps().get(i + 1).fit().fit("cfi.robust")
                            - result.steps().get(i).fit().fit("cfi.robust"));
        }
        // lavaan's FIML-corrected robust CFI of the metric step (bfi-gender-metric-fiml-mlr)
        double metric = ReferenceFiles.fitMeasures("bfi-gender-metric-fiml-mlr").get("cfi.robust");
        assertThat(result.steps().get(1).fit().fit("cfi.robust")).isCloseTo(metric, within(1e-5 * metric));
    }

    @Test
    void groupPartialFreesItsLoadingsInTheMetricStepAndItsInterceptsInTheScalarStep() {
        CfaOptions partial = CfaOptions.defaults().withGroupPartial(Set.of("x3~1", "x7 ~ 1"));
        CfaInvariance.Result result = CfaInvariance.fit(BY_SCHOOL, HS, partial);
        double lavaan = ReferenceFiles.fitMeasures("hs-scalar-partial").get("chisq");
        assertThat(result.steps().get(2).fit().fit("chisq")).isCloseTo(lavaan, within(1e-8 * lavaan));
        double metric = ReferenceFiles.fitMeasures("hs-metric").get("chisq");
        assertThat(result.steps().get(1).fit().fit("chisq")).isCloseTo(metric, within(1e-8 * metric));
    }

    @Test
    void aGroupPartialThatNamesNothingOrIsNotTiedIsRefusedWithWhatToFix() {
        assertThatThrownBy(() -> CfaEstimator.fit(
                        BY_SCHOOL,
                        HS,
                        CfaOptions.defaults()
                                .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                                .withGroupPartial(Set.of("visual=~x9"))))
                .hasMessageContaining("group.partial 'visual=~x9': the model has no free loading visual=~x9");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        BY_SCHOOL,
                        HS,
                        CfaOptions.defaults()
                                .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                                .withGroupPartial(Set.of("x3~1"))))
                .hasMessageContaining("but group.equal does not hold intercepts equal");
        assertThatThrownBy(() -> CfaOptions.defaults().withGroupPartial(Set.of("x3 ~~ x4")))
                .hasMessageContaining("write a loading as factor=~item or an intercept as item~1");
        assertThatThrownBy(() -> CfaInvariance.fit(
                        ReferenceFiles.data("HolzingerSwineford1939", null), HS, CfaOptions.defaults()))
                .hasMessageContaining("at least two groups");
    }

    private static void assertRelative(double actual, String expected, double tolerance) {
        double e = ReferenceFiles.number(expected);
        assertThat(actual).isCloseTo(e, within(tolerance * Math.abs(e)));
    }
}
