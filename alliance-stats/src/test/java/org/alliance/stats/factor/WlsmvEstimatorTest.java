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
            closeToRow(e, r, name);
        }
        assertFitLikeLavaan(result, caseName);
    }

    /**
     * Several groups: configural (no group.equal) and thresholds,loadings (scale factors and latent means free in
     * groups 2 and up), every row of lavaan's parameterEstimates (group, label, est, se, std.all) and the fit measures of
     * the one-group cases; bfi by education has five groups (and cases without a group, left out as lavaan does).
     */
    @ParameterizedTest
    @CsvSource({
        "wlsmv-hs3-school, HolzingerSwineford1939-ordinal, school, 3, '', false",
        "wlsmv-hs3-school-scalar, HolzingerSwineford1939-ordinal, school, 3, 'thresholds,loadings', false",
        "wlsmv-hs3-school-scalar-stdlv, HolzingerSwineford1939-ordinal, school, 3, 'thresholds,loadings', true",
        "wlsmv-bfi1-gender, bfi, gender, 1, '', false",
        "wlsmv-bfi1-gender-scalar, bfi, gender, 1, 'thresholds,loadings', false",
        "wlsmv-bfi1-education, bfi, education, 1, '', false"
    })
    void matchesLavaanWithGroups(String caseName, String data, String group, int factors, String equal, boolean stdLv) {
        String model = factors == 1 ? BFI1 : LavaanReferenceCases.HS;
        java.util.Set<CfaOptions.GroupEqual> groupEqual = java.util.EnumSet.noneOf(CfaOptions.GroupEqual.class);
        for (String e : equal.split(",")) {
            if (!e.isBlank()) {
                groupEqual.add(CfaOptions.GroupEqual.valueOf(e.strip().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        CfaOptions options = CfaOptions.defaults()
                .withStandardizeLatent(stdLv)
                .withOrdered(Set.copyOf(items(model)))
                .withGroupEqual(groupEqual);
        CfaResult result = CfaEstimator.fit(ReferenceFiles.data(data, group), CfaModelSyntax.parse(model), options);
        assertThat(result.converged()).isTrue();
        if (groupEqual.isEmpty()) {
            compare(result, caseName);
        } else {
            // lavaan's nlminb leaves these estimates up to ~6e-5 from the minimum (thresholds are no longer
            // saturated); its BFGS polish (wlsmv.R) is the reference at the usual tolerances, the printed solution
            // at 1e-4
            compare(result, caseName + "-polished");
            List<Map<String, String>> printed = ReferenceFiles.parameters(caseName);
            for (int k = 0; k < printed.size(); k++) {
                ParameterEstimate e = result.parameters().get(k);
                close(e.est(), ReferenceFiles.number(printed.get(k).get("est")), 1e-4, e.lhs() + e.op() + e.rhs());
                close(e.se(), ReferenceFiles.number(printed.get(k).get("se")), 1e-4, e.lhs() + e.op() + e.rhs());
            }
        }
    }

    private static void compare(CfaResult result, String caseName) {
        List<Map<String, String>> ref = ReferenceFiles.parameters(caseName);
        assertThat(result.parameters()).hasSize(ref.size());
        for (int k = 0; k < ref.size(); k++) {
            Map<String, String> r = ref.get(k);
            ParameterEstimate e = result.parameters().get(k);
            String name = r.get("lhs") + r.get("op") + r.get("rhs") + " group " + r.get("group");
            assertThat(e.lhs() + e.op() + e.rhs() + " group " + e.group()).isEqualTo(name);
            assertThat(e.label()).as(name + " label").isEqualTo(r.get("label"));
            closeToRow(e, r, name);
        }
        Map<String, Double> fit = assertFitLikeLavaan(result, caseName);
        close(result.fit("fmin"), fit.get("fmin"), 1e-6, "fmin");
    }

    /** est, se and std.all of {@code e} against lavaan's row {@code r} of parameterEstimates, at 1e-5. */
    private static void closeToRow(ParameterEstimate e, Map<String, String> r, String name) {
        close(e.est(), ReferenceFiles.number(r.get("est")), 1e-5, name + " est");
        close(e.se(), ReferenceFiles.number(r.get("se")), 1e-5, name + " se");
        close(e.stdAll(), ReferenceFiles.number(r.get("std.all")), 1e-5, name + " std.all");
    }

    /**
     * The {@link #FIT_MEASURES} against lavaan's fitMeasures of the case at 1e-6, and none of cfi.robust, rmsea.robust
     * and rmsea.ci.lower.robust in ours; lavaan's measures, for those a test compares besides.
     */
    private static Map<String, Double> assertFitLikeLavaan(CfaResult result, String caseName) {
        Map<String, Double> fit = ReferenceFiles.fitMeasures(caseName);
        for (String m : FIT_MEASURES) {
            close(result.fit(m), fit.get(m), 1e-6, m);
        }
        assertThat(result.fitMeasures()).doesNotContainKeys("cfi.robust", "rmsea.robust", "rmsea.ci.lower.robust");
        return fit;
    }

    /** The fit measures compared with lavaan's in every case (the multigroup cases also compare fmin). */
    static final List<String> FIT_MEASURES = List.of(
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
            "srmr");

    private static void close(double actual, double expected, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what + " (lavaan: NA)").isNaN();
            return;
        }
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

    /**
     * Equal thresholds need the same categories in every group: an item whose top category nobody in one group chose
     * is refused, naming the item, the groups and their categories.
     */
    @Test
    void groupsMustShareTheCategoriesOfAnItem() {
        CfaData hs = ReferenceFiles.data("HolzingerSwineford1939-ordinal", "school");
        int x3 = hs.indexOf("x3");
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < hs.rowCount(); i++) {
            double[] v = hs.rows().get(i).clone();
            if (hs.groupLabels().get(i).equals("Grant-White") && v[x3] == 4) {
                v[x3] = 3;
            }
            rows.add(v);
        }
        CfaModel model = CfaModelSyntax.parse(LavaanReferenceCases.HS);
        assertThatThrownBy(() -> CfaEstimator.fit(
                        new CfaData(hs.columns(), rows, hs.groupLabels()),
                        model,
                        CfaOptions.defaults().withOrdered(Set.copyOf(model.observedVariables()))))
                .hasMessage(
                        "the ordered item 'x3' has the categories 1, 2, 3, 4 in group 'Pasteur' but 1, 2, 3 in group"
                                + " 'Grant-White'; WLSMV with several groups needs the same categories in every group");
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
        assertThatThrownBy(() -> CfaEstimator.fit(
                        grouped, model, options.withGroupEqual(Set.of(CfaOptions.GroupEqual.LOADINGS))))
                .hasMessage("WLSMV with several groups supports group.equal none (configural) or thresholds,loadings"
                        + " (scale factors and latent means then free in groups 2 and up, as lavaan); group.equal"
                        + " loadings is not implemented");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        grouped,
                        model,
                        options.withGroupEqual(Set.of(
                                CfaOptions.GroupEqual.THRESHOLDS,
                                CfaOptions.GroupEqual.LOADINGS,
                                CfaOptions.GroupEqual.INTERCEPTS))))
                .hasMessageEndingWith("group.equal thresholds,loadings,intercepts is not implemented");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        hs,
                        model,
                        options.withGroupEqual(
                                Set.of(CfaOptions.GroupEqual.THRESHOLDS, CfaOptions.GroupEqual.LOADINGS))))
                .hasMessage("group.equal thresholds needs several groups");
        assertThatThrownBy(() -> CfaEstimator.fit(
                        grouped,
                        model,
                        options.withGroupEqual(Set.of(CfaOptions.GroupEqual.THRESHOLDS, CfaOptions.GroupEqual.LOADINGS))
                                .withGroupPartial(Set.of("visual=~x2"))))
                .hasMessageContaining("group.partial with WLSMV");
        assertThatThrownBy(() -> CfaOptions.defaults().withGroupEqual(Set.of(CfaOptions.GroupEqual.THRESHOLDS)))
                .hasMessageContaining("group.equal thresholds applies to ordered");
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
