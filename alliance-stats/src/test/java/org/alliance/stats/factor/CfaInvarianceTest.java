package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaResult.ParameterEstimate;
import org.alliance.stats.factor.LavaanReferenceCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Issue 15: multiple-group identification (lavaan's std.lv rules) and convergence, against
 * src/test/r/cfa-invariance.R (reference/cfa/invariance/). The full parameter tables and fit measures of
 * the grid are also checked row for row by {@link CfaEstimatorTest}.
 */
class CfaInvarianceTest {

    static final List<Case> GRID = LavaanReferenceCases.GRID;

    private static final CfaData BY_GRADE = ReferenceFiles.data("HolzingerSwineford1939", "grade");

    @ParameterizedTest
    @FieldSource("GRID")
    void degreesOfFreedomAndChiSquareMatchLavaanForEveryIdentificationCombination(Case c) {
        Map<String, String> ref = ReferenceFiles.csv("/reference/cfa/invariance/grid.csv").stream()
                .filter(r -> ("invariance/" + r.get("case")).equals(c.name()))
                .findFirst()
                .orElseThrow();
        CfaResult ours = LavaanReferenceCases.fit(c);
        assertThat(ours.converged()).as(c.name()).isTrue();
        assertThat(ours.fit("ntotal")).as(c.name()).isEqualTo(ReferenceFiles.number(ref.get("ntotal")));
        assertThat(ours.fit("npar")).as(c.name()).isEqualTo(ReferenceFiles.number(ref.get("npar")));
        assertThat(ours.fit("df")).as(c.name()).isEqualTo(ReferenceFiles.number(ref.get("df")));
        double chisq = ReferenceFiles.number(ref.get("chisq"));
        assertThat(ours.fit("chisq")).as(c.name()).isCloseTo(chisq, within(1e-8 * chisq));
        double scaled = ReferenceFiles.number(ref.get("chisq.scaled"));
        if (!Double.isNaN(scaled)) {
            assertThat(ours.fit("chisq.scaled")).as(c.name()).isCloseTo(scaled, within(1e-5 * scaled));
        }
    }

    /** Regression: this model stopped after 18 iterations, "did not converge", χ² 110.845 against 110.830. */
    @Test
    void metricInvarianceByGradeConvergesToLavaansOptimum() {
        // the ML estimators (WLSMV is for ordered items)
        for (Estimator estimator : new Estimator[] {Estimator.ML, Estimator.MLR}) {
            CfaResult r = CfaEstimator.fit(
                    BY_GRADE,
                    CfaModelSyntax.parse(LavaanReferenceCases.HS),
                    CfaOptions.defaults()
                            .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                            .withEstimator(estimator));
            assertThat(r.converged()).as(estimator.name()).isTrue();
            assertThat(r.warnings()).noneMatch(w -> w.contains("converge"));
            assertThat(r.warnings())
                    .containsExactly("1 of 301 cases dropped because their group is missing (as lavaan does)");
            double lavaan = ReferenceFiles.fitMeasures("invariance/grade-marker-loadings-ml")
                    .get("chisq");
            assertThat(r.fit("chisq")).isCloseTo(lavaan, within(1e-8 * lavaan));
        }
    }

    @Test
    void stdLvWithEqualLoadingsFreesTheFactorVariancesInTheSecondGroupOnly() {
        CfaResult r = LavaanReferenceCases.fit("invariance/grade-stdlv-loadings-ml");
        for (ParameterEstimate p : r.parameters()) {
            if (p.op().equals("~~")
                    && p.lhs().equals(p.rhs())
                    && List.of("visual", "textual", "speed").contains(p.lhs())) {
                assertThat(p.free()).as(p.lhs() + " group " + p.group()).isEqualTo(p.group() > 1);
            }
        }
        CfaResult configural = LavaanReferenceCases.fit("invariance/grade-stdlv-none-ml");
        assertThat(configural.parameters())
                .filteredOn(p -> p.op().equals("~~")
                        && p.lhs().equals("visual")
                        && p.rhs().equals("visual"))
                .allMatch(p -> !p.free() && p.est() == 1);
    }

    @Test
    void anIterationLimitTooLowIsReportedAsNotConverged() {
        CfaResult r = CfaEstimator.fit(
                BY_GRADE,
                CfaModelSyntax.parse(LavaanReferenceCases.HS),
                CfaOptions.defaults()
                        .withGroupEqual(Set.of(GroupEqual.LOADINGS))
                        .withMaxIterations(2));
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isLessThanOrEqualTo(2);
        assertThat(r.warnings()).anyMatch(w -> w.contains("did not converge"));
    }
}
