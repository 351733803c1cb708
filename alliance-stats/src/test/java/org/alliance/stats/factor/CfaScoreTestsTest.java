package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult.ScoreTest;
import org.alliance.stats.factor.CfaResult.ScoreTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Score tests of the equality constraints against lavaan 0.6.14's lavTestScore(fit) (src/test/r/cfa.R, reference
 * cfa/&lt;case&gt;-score.csv). Tolerance: 1e-3 relative (or 1e-4 absolute for a statistic near zero): the statistics
 * are first order in the estimates, which lavaan's nlminb leaves ~1e-6 to 3e-5 off the optimum (as for the
 * modification indices).
 */
class CfaScoreTestsTest {

    private static final String HS = LavaanReferenceCases.HS;
    private static final String BFI2 = "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "hs-scalar",
                        "HolzingerSwineford1939",
                        "school",
                        HS,
                        CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS))),
                Arguments.of(
                        "hs-metric",
                        "HolzingerSwineford1939",
                        "school",
                        HS,
                        CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS))),
                Arguments.of(
                        "hs-labels",
                        "HolzingerSwineford1939",
                        null,
                        "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9",
                        CfaOptions.defaults()),
                Arguments.of(
                        "hs-metric-partial",
                        "HolzingerSwineford1939",
                        "school",
                        HS,
                        CfaOptions.defaults()
                                .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                                .withGroupPartial(Set.of("visual=~x2"))),
                Arguments.of(
                        "bfi-gender-metric-fiml",
                        "bfi",
                        "gender",
                        BFI2,
                        CfaOptions.defaults()
                                .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                                .withMissing(MissingData.ML)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void totalAndUnivariateTestsAreLavTestScores(
            String name, String dataSet, String group, String model, CfaOptions options) {
        CfaResult fit = CfaEstimator.fitWithScoreTests(
                ReferenceFiles.data(dataSet, group), CfaModelSyntax.parse(model), options);
        List<Map<String, String>> reference = ReferenceFiles.csv("/reference/cfa/" + name + "-score.csv");
        ScoreTests tests = fit.scoreTestsIfAny().orElseThrow();
        Map<String, String> total = reference.get(0);
        assertThat(total.get("lhs")).isEqualTo("total");
        assertThat(tests.df()).isEqualTo((int) ReferenceFiles.number(total.get("df")));
        assertStatistic(name + " total", tests.chisq(), total.get("X2"));
        assertThat(tests.univariate()).hasSize(reference.size() - 1);
        for (int i = 0; i < tests.univariate().size(); i++) {
            ScoreTest ours = tests.univariate().get(i);
            Map<String, String> ref = reference.get(i + 1);
            String where = name + " " + ref.get("lhs") + " == " + ref.get("rhs");
            assertThat(ours.lhs() + ours.op() + ours.rhs())
                    .as(where)
                    .isEqualTo(ref.get("lhs") + ref.get("op") + ref.get("rhs"));
            assertStatistic(where, ours.chisq(), ref.get("X2"));
            assertThat(ours.df()).isEqualTo(1);
            assertThat(ours.pvalue())
                    .as(where + " p")
                    .isCloseTo(ReferenceFiles.number(ref.get("p.value")), within(1e-4));
        }
    }

    private static void assertStatistic(String where, double actual, String referenceText) {
        double expected = ReferenceFiles.number(referenceText);
        assertThat(actual).as(where).isCloseTo(expected, within(Math.max(1e-3 * Math.abs(expected), 1e-4)));
    }

    @Test
    void theTestsNameTheParametersAndGroupsTheyRelease() {
        CfaResult fit = CfaEstimator.fitWithScoreTests(
                ReferenceFiles.data("HolzingerSwineford1939", "school"),
                CfaModelSyntax.parse(HS),
                CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS)));
        ScoreTest x3 = fit.scoreTestsIfAny().orElseThrow().univariate().stream()
                .filter(t -> t.parameter().equals("x3~1"))
                .findFirst()
                .orElseThrow();
        assertThat(x3.group()).isEqualTo(1);
        assertThat(x3.otherParameter()).isEqualTo("x3~1");
        assertThat(x3.otherGroup()).isEqualTo(2);
        // lavaan: .p27. == .p63. X2 19.193, the largest of the intercepts (the one to free first)
        assertThat(x3.chisq()).isCloseTo(19.193, within(5e-3));
    }

    @Test
    void aModelWithoutEqualitiesHasNoScoreTestsAndWlsmvRefusesThem() {
        CfaResult fit = CfaEstimator.fitWithScoreTests(
                ReferenceFiles.data("HolzingerSwineford1939", null), CfaModelSyntax.parse(HS), CfaOptions.defaults());
        assertThat(fit.scoreTestsIfAny()).isEmpty();
        assertThatThrownBy(() -> CfaEstimator.fitWithScoreTests(
                        ReferenceFiles.data("HolzingerSwineford1939", null),
                        CfaModelSyntax.parse(HS),
                        CfaOptions.defaults()
                                .withOrdered(Set.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"))
                                .withEstimator(CfaOptions.Estimator.WLSMV)))
                .hasMessageContaining("score tests with WLSMV");
    }
}
