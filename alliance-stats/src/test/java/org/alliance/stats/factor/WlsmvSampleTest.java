package org.alliance.stats.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stages 1-2 of WLSMV against lavaan 0.6.14 (alliance-stats/src/test/r/wlsmv.R): thresholds, polychoric
 * correlations (lavInspect(fit, "sampstat")) and Γ (lavInspect(fit, "gamma")) with the weights diag(Γ)⁻¹
 * (lavInspect(fit, "wls.v")).
 */
class WlsmvSampleTest {

    static WlsmvSample sample(String data, List<String> items) {
        CfaData d = ReferenceFiles.data(data, null);
        List<double[]> rows = new ArrayList<>();
        for (double[] r : d.rows()) {
            double[] v = new double[items.size()];
            boolean complete = true;
            for (int j = 0; j < v.length; j++) {
                v[j] = r[d.indexOf(items.get(j))];
                complete &= !Double.isNaN(v[j]);
            }
            if (complete) {
                rows.add(v);
            }
        }
        return WlsmvSample.of(items, rows);
    }

    private static final List<String> A = List.of("A1", "A2", "A3", "A4", "A5");
    private static final List<String> HS = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9");

    @Test
    void bfiAgreeablenessMatchesLavaan() {
        check(sample("bfi", A), "wlsmv-bfi1", A, true);
    }

    @Test
    void holzingerSwinefordCutMatchesLavaan() {
        check(sample("HolzingerSwineford1939-ordinal", HS), "wlsmv-hs3", HS, true);
    }

    @Test
    void allOfBfiMatchesLavaan() {
        List<String> items = new ArrayList<>();
        for (String f : List.of("A", "C", "E", "N", "O")) {
            for (int i = 1; i <= 5; i++) {
                items.add(f + i);
            }
        }
        check(sample("bfi", items), "wlsmv-bfi5", items, false);
    }

    @Test
    void refusesBinaryItemsAndFractions() {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new double[] {i % 2, i % 3});
        }
        assertThatThrownBy(() -> WlsmvSample.of(List.of("u", "v"), rows)).hasMessageContaining("'u' has 2 categories");
        rows.set(3, new double[] {1.5, 1});
        assertThatThrownBy(() -> WlsmvSample.of(List.of("u", "v"), rows)).hasMessageContaining("value 1.5");
    }

    private static void check(WlsmvSample s, String caseName, List<String> items, boolean gamma) {
        List<Map<String, String>> ref = ReferenceFiles.csv("/reference/cfa/" + caseName + "-sampstat.csv");
        int th = 0;
        for (Map<String, String> r : ref) {
            double expected = ReferenceFiles.number(r.get("value"));
            if (r.get("kind").equals("th")) {
                // thresholds are closed-form (normal quantiles of the cumulative proportions)
                assertThat(s.statistics[th++]).as(r.get("row")).isCloseTo(expected, within(1e-12));
            } else {
                int i = items.indexOf(r.get("row"));
                int j = items.indexOf(r.get("col"));
                // lavaan's nlminb stops at rel.tol 1e-10 on the log-likelihood; our root is solved to 1e-13
                assertThat(s.statistics[s.correlationIndex(i, j)])
                        .as(r.get("row") + " " + r.get("col"))
                        .isCloseTo(expected, within(1e-7));
            }
        }
        assertThat(th).isEqualTo(s.thresholdCount);
        if (!gamma) {
            return;
        }
        List<Map<String, String>> g = ReferenceFiles.csv("/reference/cfa/" + caseName + "-gamma.csv");
        assertThat(g).hasSize(s.statistics.length * (s.statistics.length + 1) / 2);
        for (Map<String, String> r : g) {
            int i = Integer.parseInt(r.get("i")) - 1;
            int j = Integer.parseInt(r.get("j")) - 1;
            double expected = ReferenceFiles.number(r.get("value"));
            assertThat(s.gamma[i][j])
                    .as("gamma[%d][%d]", i, j)
                    .isCloseTo(expected, within(1e-6 * (1 + Math.abs(expected))));
            if (i == j) {
                assertThat(1 / s.gamma[i][i])
                        .isCloseTo(ReferenceFiles.number(r.get("wls_v")), within(1e-6 / s.gamma[i][i]));
            }
        }
    }
}
