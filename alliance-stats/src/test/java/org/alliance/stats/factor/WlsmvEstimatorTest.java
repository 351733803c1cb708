package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaResult.ParameterEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WLSMV estimates, robust SEs and the scaled-shifted test against lavaan 0.6.14's cfa(..., ordered = ...)
 * (alliance-stats/src/test/r/wlsmv.R). Tolerances (docs/cfa.md): lavaan's nlminb stops at rel.tol 1e-10 on the DWLS
 * objective, which leaves its estimates about 1e-6 from the minimum; estimates, SEs and std.all are compared at 1e-5
 * relative (plus 1e-6 absolute), χ² statistics and indices, which are second order at the minimum, at 1e-6 relative.
 */
class WlsmvEstimatorTest {

    static final String BFI1 = "agree =~ A1 + A2 + A3 + A4 + A5";

    static List<String> items(String model) {
        return CfaModelSyntax.parse(model).observedVariables();
    }

    static CfaResult fit(String data, String model, boolean stdLv) {
        CfaOptions options = CfaOptions.defaults().withStandardizeLatent(stdLv).withOrdered(Set.copyOf(items(model)));
        return CfaEstimator.fit(ReferenceFiles.data(data, null), CfaModelSyntax.parse(model), options);
    }

    @ParameterizedTest
    @CsvSource({
        "wlsmv-bfi1, bfi, 1, false",
        "wlsmv-bfi5, bfi, 5, false",
        "wlsmv-hs3, HolzingerSwineford1939-ordinal, 3, false",
        "wlsmv-hs3-stdlv, HolzingerSwineford1939-ordinal, 3, true"
    })
    void matchesLavaan(String caseName, String data, int factors, boolean stdLv) {
        String model = factors == 1 ? BFI1 : factors == 5 ? LavaanReferenceCases.BFI : LavaanReferenceCases.HS;
        CfaResult result = fit(data, model, stdLv);
        assertThat(result.converged()).isTrue();
        List<Map<String, String>> ref = ReferenceFiles.parameters(caseName);
        assertThat(result.parameters()).hasSize(ref.size());
        for (int k = 0; k < ref.size(); k++) {
            Map<String, String> r = ref.get(k);
            ParameterEstimate e = result.parameters().get(k);
            String name = r.get("lhs") + r.get("op") + r.get("rhs");
            assertThat(e.lhs() + e.op() + e.rhs()).isEqualTo(name);
            close(e.est(), ReferenceFiles.number(r.get("est")), 1e-5, name + " est");
            close(e.se(), ReferenceFiles.number(r.get("se")), 1e-5, name + " se");
            close(e.stdAll(), ReferenceFiles.number(r.get("std.all")), 1e-5, name + " std.all");
        }
        Map<String, Double> fit = ReferenceFiles.fitMeasures(caseName);
        for (String m : List.of(
                "npar",
                "chisq",
                "df",
                "pvalue",
                "chisq.scaled",
                "df.scaled",
                "pvalue.scaled",
                "chisq.scaling.factor",
                "baseline.chisq",
                "baseline.df",
                "baseline.chisq.scaled",
                "baseline.chisq.scaling.factor",
                "cfi",
                "tli",
                "cfi.scaled",
                "tli.scaled",
                "nnfi",
                "rfi",
                "nfi",
                "pnfi",
                "ifi",
                "rni",
                "nnfi.scaled",
                "rfi.scaled",
                "nfi.scaled",
                "pnfi.scaled",
                "ifi.scaled",
                "rni.scaled",
                "rmsea",
                "rmsea.ci.lower",
                "rmsea.ci.upper",
                "rmsea.pvalue",
                "rmsea.scaled",
                "rmsea.ci.lower.scaled",
                "rmsea.ci.upper.scaled",
                "rmsea.pvalue.scaled",
                "srmr")) {
            close(result.fit(m), fit.get(m), 1e-6, m);
        }
        assertThat(result.fitMeasures()).doesNotContainKeys("cfi.robust", "rmsea.robust", "rmsea.ci.lower.robust");
    }

    private static void close(double actual, double expected, double relative, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(relative * Math.abs(expected) + 1e-6 * relative / 1e-5));
    }

    /**
     * A category nobody chose does not exist (lavaan takes the levels seen in the data): x1 coded 1, 3, 4 instead of
     * 1, 2, 3 gives lavaan's figures for the cut HS data unchanged.
     */
    @Test
    void aCodeNobodyChoseIsNoCategory() {
        CfaData hs = ReferenceFiles.data("HolzingerSwineford1939-ordinal", null);
        int x1 = hs.indexOf("x1");
        List<double[]> rows = new ArrayList<>();
        for (double[] r : hs.rows()) {
            double[] v = r.clone();
            v[x1] = v[x1] == 1 ? 1 : v[x1] + 1;
            rows.add(v);
        }
        CfaModel model = CfaModelSyntax.parse(LavaanReferenceCases.HS);
        CfaResult result = CfaEstimator.fit(
                new CfaData(hs.columns(), rows, List.of()),
                model,
                CfaOptions.defaults().withOrdered(Set.copyOf(model.observedVariables())));
        Map<String, Double> fit = ReferenceFiles.fitMeasures("wlsmv-hs3");
        close(result.fit("chisq.scaled"), fit.get("chisq.scaled"), 1e-6, "chisq.scaled");
        assertThat(result.parameters().stream().filter(p -> p.lhs().equals("x1") && p.op().equals("|")))
                .hasSize(2);
    }

    /** bfi's 25 items have 9 pairs with an empty cell; lavaan adds nothing to them (tables larger than 2 x 2). */
    @Test
    void emptyCellsAreReportedAndLeftEmpty() {
        CfaResult result = fit("bfi", LavaanReferenceCases.BFI, false);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("9 pairs of items have empty cells"));
    }

    @Test
    void refusesWhatIsNotImplemented() {
        CfaData hs = ReferenceFiles.data("HolzingerSwineford1939-ordinal", null);
        CfaModel model = CfaModelSyntax.parse(LavaanReferenceCases.HS);
        Set<String> all = Set.copyOf(model.observedVariables());
        CfaOptions options = CfaOptions.defaults().withOrdered(all);
        assertThat(options.estimator()).isEqualTo(Estimator.WLSMV);
        assertThatThrownBy(
                        () -> CfaEstimator.fit(hs, model, CfaOptions.defaults().withOrdered(Set.of("x1"))))
                .hasMessageContaining("not ordered: x2");
        assertThatThrownBy(() -> CfaEstimator.fitWithModificationIndices(hs, model, options))
                .hasMessageContaining("modification indices");
        assertThatThrownBy(() -> CfaEstimator.fit(hs, model, options.withMissing(CfaOptions.MissingData.ML)))
                .hasMessageContaining("FIML");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < hs.rows().size(); i++) {
            groups.add(i % 2 == 0 ? "a" : "b");
        }
        CfaData grouped = new CfaData(hs.columns(), hs.rows(), groups);
        assertThatThrownBy(() -> CfaEstimator.fit(grouped, model, options)).hasMessageContaining("several groups");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        hs, CfaModelSyntax.parse(LavaanReferenceCases.HS + "\nspeed ~ visual"), options))
                .hasMessageContaining("measurement models");
        assertThatThrownBy(() ->
                        CfaEstimator.fit(hs, CfaModelSyntax.parse(LavaanReferenceCases.HS + "\nx1 ~~ x1"), options))
                .hasMessageContaining("residual variances are not parameters");
        assertThatThrownBy(() -> CfaOptions.defaults().withEstimator(Estimator.WLSMV))
                .hasMessageContaining("name them in ordered");
        CfaData continuous = ReferenceFiles.data("HolzingerSwineford1939", null);
        assertThatThrownBy(() -> CfaEstimator.fit(continuous, model, options)).hasMessageContaining("whole numbers");
    }
}
