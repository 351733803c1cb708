package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against lavaan 0.6.14's lavTestLRT (reference/cfa/compare-*.csv). */
class CfaModelComparisonTest {

    @Test
    void chiSquareDifferenceMatchesLavTestLrt() {
        var r = CfaModelComparison.compare(LavaanReferenceCases.fit("hs-ml"), LavaanReferenceCases.fit("hs-rescov"));
        Map<String, String> ref =
                ReferenceFiles.csv("/reference/cfa/compare-hs-ml-rescov.csv").get(1);
        assertThat(r.dfDiff()).isEqualTo(ReferenceFiles.number(ref.get("df.diff")));
        assertRelative(r.chisqDiff(), ref.get("chisq.diff"), 1e-8);
        assertRelative(r.rmsea(), ref.get("rmsea"), 1e-8);
        assertRelative(r.pvalue(), ref.get("pvalue"), 1e-6);
        assertThat(r.method()).isEqualTo("chi-square difference");
    }

    @Test
    void invarianceSequenceMatchesLavTestLrt() {
        List<Map<String, String>> ref = ReferenceFiles.csv("/reference/cfa/compare-hs-invariance.csv");
        var metric = CfaModelComparison.compare(
                LavaanReferenceCases.fit("hs-configural"), LavaanReferenceCases.fit("hs-metric"));
        var scalar = CfaModelComparison.compare(
                LavaanReferenceCases.fit("hs-metric"), LavaanReferenceCases.fit("hs-scalar"));
        assertRelative(metric.chisqDiff(), ref.get(1).get("chisq.diff"), 1e-8);
        assertRelative(metric.rmsea(), ref.get(1).get("rmsea"), 1e-7);
        assertRelative(metric.pvalue(), ref.get(1).get("pvalue"), 1e-7);
        assertRelative(scalar.chisqDiff(), ref.get(2).get("chisq.diff"), 1e-8);
        assertRelative(scalar.pvalue(), ref.get(2).get("pvalue"), 1e-6);
        assertThat(scalar.dfDiff()).isEqualTo(6);
    }

    @Test
    void satorraBentler2001ScaledDifferenceMatchesLavTestLrtForMlr() {
        // The 2001 difference is sensitive to the scaling factors (here c_d = 0.099), which are first order
        // in lavaan's estimates: compare at 1e-4 relative.
        var r = CfaModelComparison.compare(
                LavaanReferenceCases.fit("hs-rescov-mlr"), LavaanReferenceCases.fit("hs-mlr"));
        Map<String, String> ref =
                ReferenceFiles.csv("/reference/cfa/compare-hs-mlr-rescov.csv").get(1);
        assertRelative(r.chisqDiff(), ref.get("chisq.diff"), 1e-4);
        assertThat(r.method()).contains("Satorra-Bentler 2001");
        assertThat(r.pvalue()).isLessThan(1e-60);
    }

    @Test
    void refusesToMixMlAndMlr() {
        assertThatThrownBy(() -> CfaModelComparison.compare(
                        LavaanReferenceCases.fit("hs-ml"), LavaanReferenceCases.fit("hs-rescov-mlr")))
                .hasMessageContaining("ML fit with an MLR fit");
    }

    private static void assertRelative(double actual, String expected, double tolerance) {
        double e = ReferenceFiles.number(expected);
        assertThat(actual).isCloseTo(e, within(tolerance * Math.abs(e)));
    }
}
