package org.alliance.stats.factor;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CfaEstimatorProbeTest {
    static final String HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

    void probe(String caseName, CfaData data, String model, CfaOptions options) {
        long t0 = System.nanoTime();
        CfaResult r = CfaEstimator.fit(data, CfaModelSyntax.parse(model), options);
        System.out.println("== " + caseName + " " + (System.nanoTime() - t0) / 1e6 + " ms, it=" + r.iterations() + " "
                + r.warnings());
        Map<String, Double> ref = ReferenceFiles.fitMeasures(caseName);
        for (var e : r.fitMeasures().entrySet()) {
            Double x = ref.get(e.getKey());
            System.out.printf(
                    "%-22s %.12g %.12g rel=%.2e%n",
                    e.getKey(),
                    e.getValue(),
                    x,
                    x == null ? Double.NaN : Math.abs(e.getValue() - x) / Math.max(1e-300, Math.abs(x)));
        }
        double maxEst = 0, maxSe = 0, maxStd = 0;
        for (Map<String, String> row : ReferenceFiles.parameters(caseName)) {
            if (row.get("op").equals("==")) continue;
            var p = r.parameter(row.get("lhs"), row.get("op"), row.get("rhs"), Integer.parseInt(row.get("group")))
                    .orElse(null);
            if (p == null) {
                System.out.println("MISSING " + row);
                continue;
            }
            double re = rel(p.est(), ReferenceFiles.number(row.get("est")));
            double rs = rel(p.se(), ReferenceFiles.number(row.get("se")));
            double rstd = rel(p.stdAll(), ReferenceFiles.number(row.get("std.all")));
            if (rstd > 1e-4 || rs > 1e-4 || re > 1e-4)
                System.out.println("  " + row.get("lhs") + row.get("op") + row.get("rhs") + " g" + row.get("group")
                        + " est " + p.est() + " vs " + row.get("est") + " se " + p.se() + " vs " + row.get("se")
                        + " std " + p.stdAll() + " vs " + row.get("std.all"));
            maxEst = Math.max(maxEst, re);
            maxSe = Math.max(maxSe, rs);
            maxStd = Math.max(maxStd, rstd);
        }
        System.out.printf(
                "max rel est %.2e se %.2e std %.2e  rows ours %d%n",
                maxEst, maxSe, maxStd, r.parameters().size());
    }

    static double rel(double a, double b) {
        if (Double.isNaN(b) && Double.isNaN(a)) return 0;
        return Math.abs(a - b) / Math.max(1e-8, Math.abs(b));
    }

    @Test
    void probeAll() {
        CfaData hs = ReferenceFiles.data("HolzingerSwineford1939", null);
        probe("hs-ml", hs, HS, CfaOptions.defaults());
        probe("hs-stdlv", hs, HS, CfaOptions.defaults().withStandardizeLatent(true));
        probe("hs-rescov", hs, HS + "\nx7 ~~ x8", CfaOptions.defaults());
        probe(
                "hs-labels",
                hs,
                "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9",
                CfaOptions.defaults());
        probe("hs-mlr", hs, HS, CfaOptions.defaults().withEstimator(CfaOptions.Estimator.MLR));
        CfaData hsg = ReferenceFiles.data("HolzingerSwineford1939", "school");
        probe("hs-configural", hsg, HS, CfaOptions.defaults());
        probe(
                "hs-metric",
                hsg,
                HS,
                CfaOptions.defaults().withGroupEqual(java.util.Set.of(CfaOptions.GroupEqual.LOADINGS)));
        probe(
                "hs-scalar",
                hsg,
                HS,
                CfaOptions.defaults()
                        .withGroupEqual(
                                java.util.Set.of(CfaOptions.GroupEqual.LOADINGS, CfaOptions.GroupEqual.INTERCEPTS)));
        CfaData bfi = ReferenceFiles.data("bfi", null);
        probe(
                "bfi-ml",
                bfi,
                "agree =~ A1 + A2 + A3 + A4 + A5\nconsc =~ C1 + C2 + C3 + C4 + C5\nextra =~ E1 + E2 + E3 + E4 + E5\nneuro =~ N1 + N2 + N3 + N4 + N5\nopen =~ O1 + O2 + O3 + O4 + O5",
                CfaOptions.defaults());
    }
}
