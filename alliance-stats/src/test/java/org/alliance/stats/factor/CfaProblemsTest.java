package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.junit.jupiter.api.Test;

/** Problems are reported (warnings or a clear exception), never hidden. */
class CfaProblemsTest {

    private static final CfaData HS = ReferenceFiles.data("HolzingerSwineford1939", null);

    @Test
    void unknownVariableIsNamed() {
        assertThatThrownBy(
                        () -> CfaEstimator.fit(HS, CfaModelSyntax.parse("f =~ x1 + x2 + x10"), CfaOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x10'");
    }

    @Test
    void negativeDegreesOfFreedomMeanNotIdentified() {
        // Two indicators per factor with free loadings and free factor variance: 4 parameters... for 3 moments.
        assertThatThrownBy(() ->
                        CfaEstimator.fit(HS, CfaModelSyntax.parse("f =~ x1 + x2\nx1 ~~ x2"), CfaOptions.defaults()))
                .hasMessageContaining("not identified")
                .hasMessageContaining("df = -");
    }

    @Test
    void singularInformationIsReportedAsNotIdentified() {
        // Two indicators with df = 0 on their own but a factor with one free loading and a fixed... freed marker:
        // f =~ NA*x1 + x2 + x3 with free variance is not identified although df = 0 moments-wise.
        CfaResult r = CfaEstimator.fit(HS, CfaModelSyntax.parse("f =~ NA*x1 + x2 + x3 + x4"), CfaOptions.defaults());
        assertThat(r.warnings()).anyMatch(w -> w.contains("not identified"));
        assertThat(r.parameters()).anyMatch(p -> Double.isNaN(p.se()));
    }

    @Test
    void heywoodCaseIsReported() {
        // A factor variance fixed far above var(x1) = 1.36 forces a negative residual variance of x1.
        CfaResult r = CfaEstimator.fit(HS, CfaModelSyntax.parse("f =~ x1 + x2 + x3; f ~~ 5*f"), CfaOptions.defaults());
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("Heywood case"));
    }

    @Test
    void nonPositiveDefiniteSampleCovarianceIsRefused() {
        List<double[]> rows = new ArrayList<>();
        for (double[] row : HS.rows()) {
            double[] copy = row.clone();
            copy[HS.indexOf("x3")] = copy[HS.indexOf("x1")] + copy[HS.indexOf("x2")];
            rows.add(copy);
        }
        CfaData collinear = CfaData.of(HS.columns(), rows);
        assertThatThrownBy(() -> CfaEstimator.fit(
                        collinear, CfaModelSyntax.parse("f =~ x1 + x2 + x3 + x4"), CfaOptions.defaults()))
                .hasMessageContaining("not positive definite");
    }

    @Test
    void tooFewCompleteCasesIsRefused() {
        List<double[]> rows = new ArrayList<>(HS.rows().subList(0, 1));
        assertThatThrownBy(() -> CfaEstimator.fit(
                        CfaData.of(HS.columns(), rows),
                        CfaModelSyntax.parse("f =~ x1 + x2 + x3"),
                        CfaOptions.defaults()))
                .hasMessageContaining("too few complete cases");
    }

    @Test
    void optionsNotImplementedSaySo() {
        CfaModel m = CfaModelSyntax.parse(LavaanReferenceCases.HS);
        // (MLR with missing = ml, refused here until 2026-12-07, is robust FIML now: CfaEstimatorTest.)
        assertThatThrownBy(() ->
                        CfaEstimator.fit(HS, m, CfaOptions.defaults().withGroupEqual(Set.of(GroupEqual.LOADINGS))))
                .hasMessageContaining("group.equal needs");
    }
}
