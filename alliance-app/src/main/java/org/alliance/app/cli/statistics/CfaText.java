package org.alliance.app.cli.statistics;

import java.util.List;
import java.util.Locale;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaResult;
import org.alliance.stats.factor.CfaResult.ParameterEstimate;

/** A plain-text report laid out like lavaan's {@code summary(fit, fit.measures = TRUE, standardized = TRUE)}. */
final class CfaText {

    static final String NOT_CONVERGED = "the optimiser did not converge: none of the figures is a valid result"
            + " (lavaan prints no fit measures for such a fit); check the model, or raise --max-iterations";

    private static final String NOT_VALID_BANNER = "*** NOT VALID: " + NOT_CONVERGED + " ***";

    private CfaText() {}

    static String write(CfaResult r, CfaOptions options) {
        StringBuilder b = new StringBuilder();
        if (!r.converged()) {
            b.append(NOT_VALID_BANNER).append(String.format("%n%n"));
        }
        b.append(String.format(
                Locale.ROOT,
                "Confirmatory factor analysis (%s)%n%n",
                r.provenance().reference() + " conventions"));
        line(b, "Estimator", options.estimator().name());
        line(b, "Missing data", options.missing() == CfaOptions.MissingData.ML ? "full-information ML" : "listwise");
        line(b, "Optimiser converged", (r.converged() ? "yes" : "NO") + " after " + r.iterations() + " iterations");
        line(b, "Number of free parameters", fmt0(r.fit("npar")));
        if (r.implied().size() > 1) {
            for (CfaResult.ImpliedMoments m : r.implied()) {
                line(
                        b,
                        "  Observations, group " + m.group() + " [" + m.groupLabel() + "]",
                        String.valueOf(m.observations()));
            }
        } else {
            line(b, "Number of observations", fmt0(r.fit("ntotal")));
        }
        b.append(String.format("%nModel test (user model):%n"));
        boolean robust = r.fitMeasures().containsKey("chisq.scaled");
        boolean wlsmv = options.estimator() == CfaOptions.Estimator.WLSMV;
        if (robust) {
            b.append(String.format(Locale.ROOT, "  %-40s %12s %12s%n", "", "Standard", "Scaled"));
            b.append(String.format(
                    Locale.ROOT, "  %-40s %12.3f %12.3f%n", "Test statistic", r.fit("chisq"), r.fit("chisq.scaled")));
            b.append(String.format(
                    Locale.ROOT, "  %-40s %12s %12s%n", "Degrees of freedom", fmt0(r.fit("df")), fmt0(r.fit("df"))));
            b.append(String.format(
                    Locale.ROOT,
                    "  %-40s %12.3f %12.3f%n",
                    "P-value (Chi-square)",
                    r.fit("pvalue"),
                    r.fit("pvalue.scaled")));
            b.append(String.format(
                    Locale.ROOT,
                    "  %-40s %12s %12.3f%n",
                    wlsmv ? "Scaling correction factor" : "Scaling correction factor (Yuan-Bentler)",
                    "",
                    r.fit("chisq.scaling.factor")));
            if (wlsmv) {
                b.append(String.format(
                        Locale.ROOT,
                        "  %-40s %12s %12.3f%n",
                        "Shift parameter (scaled-shifted test)",
                        "",
                        r.fit("chisq.shift.parameter")));
            }
        } else {
            line(b, "Test statistic", fmt3(r.fit("chisq")));
            line(b, "Degrees of freedom", fmt0(r.fit("df")));
            line(b, "P-value (Chi-square)", fmt3(r.fit("pvalue")));
        }
        b.append(String.format("%nBaseline model and fit indices:%n"));
        line(b, "Baseline test statistic", fmt3(r.fit("baseline.chisq")));
        line(b, "Baseline degrees of freedom", fmt0(r.fit("baseline.df")));
        line(b, "Comparative Fit Index (CFI)", fmt3(r.fit("cfi")));
        line(b, "Tucker-Lewis Index (TLI)", fmt3(r.fit("tli")));
        if (wlsmv) {
            // no likelihood; lavaan's robust (Savalei) indices for WLSMV are not reproduced
            rmsea(b, r, "");
            line(b, "SRMR", fmt3(r.fit("srmr")));
            b.append(String.format("%nScaled indices (from the scaled-shifted statistic):%n"));
            line(b, "Comparative Fit Index (CFI)", fmt3(r.fit("cfi.scaled")));
            line(b, "Tucker-Lewis Index (TLI)", fmt3(r.fit("tli.scaled")));
            rmsea(b, r, ".scaled");
        } else {
            line(b, "Loglikelihood user model (H0)", fmt3(r.fit("logl")));
            line(b, "Loglikelihood unrestricted model (H1)", fmt3(r.fit("unrestricted.logl")));
            line(b, "Akaike (AIC)", fmt3(r.fit("aic")));
            line(b, "Bayesian (BIC)", fmt3(r.fit("bic")));
            rmsea(b, r, "");
            line(b, "SRMR", fmt3(r.fit("srmr")));
        }
        if (robust && !wlsmv) {
            b.append(String.format("%nRobust indices (Brosseau-Liard & Savalei):%n"));
            line(b, "Robust Comparative Fit Index (CFI)", fmt3(r.fit("cfi.robust")));
            line(b, "Robust Tucker-Lewis Index (TLI)", fmt3(r.fit("tli.robust")));
            line(b, "Robust RMSEA", fmt3(r.fit("rmsea.robust")));
            line(b, "90 Percent confidence interval - lower", fmt3(r.fit("rmsea.ci.lower.robust")));
            line(b, "90 Percent confidence interval - upper", fmt3(r.fit("rmsea.ci.upper.robust")));
        }
        b.append(String.format(
                "%nParameter estimates (%s standard errors):%n",
                robust
                        ? "robust sandwich"
                        : options.missing() == CfaOptions.MissingData.ML
                                ? "observed information"
                                : "expected information"));
        int groups = r.implied().size();
        for (int g = 1; g <= groups; g++) {
            if (groups > 1) {
                b.append(String.format(
                        "%nGroup %d [%s]:%n", g, r.implied().get(g - 1).groupLabel()));
            }
            int group = g;
            List<ParameterEstimate> rows =
                    r.parameters().stream().filter(p -> p.group() == group).toList();
            section(
                    b,
                    "Latent Variables",
                    rows.stream().filter(p -> p.op().equals("=~")).toList(),
                    true);
            section(
                    b,
                    "Regressions",
                    rows.stream().filter(p -> p.op().equals("~")).toList(),
                    true);
            section(
                    b,
                    "Covariances",
                    rows.stream()
                            .filter(p -> p.op().equals("~~") && !p.lhs().equals(p.rhs()))
                            .toList(),
                    true);
            section(
                    b,
                    "Intercepts",
                    rows.stream().filter(p -> p.op().equals("~1")).toList(),
                    false);
            section(
                    b,
                    "Thresholds",
                    rows.stream()
                            .filter(p -> p.op().equals("|"))
                            .map(p -> new ParameterEstimate(
                                    p.lhs() + "|" + p.rhs(),
                                    p.op(),
                                    "",
                                    p.group(),
                                    p.label(),
                                    p.free(),
                                    p.est(),
                                    p.se(),
                                    p.z(),
                                    p.pvalue(),
                                    p.ciLower(),
                                    p.ciUpper(),
                                    p.stdAll()))
                            .toList(),
                    false);
            section(
                    b,
                    "Variances",
                    rows.stream()
                            .filter(p -> p.op().equals("~~") && p.lhs().equals(p.rhs()))
                            .toList(),
                    false);
            // ordered items (delta parameterization): the scale factors of y*, 1 except in groups 2 and up with
            // thresholds and loadings held equal (lavaan's "Scales y*")
            section(
                    b,
                    "Scales y*",
                    rows.stream().filter(p -> p.op().equals("~*~")).toList(),
                    false);
            section(
                    b,
                    "Defined Parameters",
                    rows.stream().filter(p -> p.op().equals(":=")).toList(),
                    false);
        }
        if (!r.warnings().isEmpty()) {
            b.append(String.format("%nWarnings:%n"));
            r.warnings().forEach(w -> b.append("  - ").append(w).append(System.lineSeparator()));
        }
        if (!r.converged()) {
            b.append(String.format("%n")).append(NOT_VALID_BANNER).append(String.format("%n"));
        }
        return b.toString();
    }

    /** lavaan's {@code print(modindices(fit))} columns (without sepc.nox), after the summary. */
    static String modificationIndices(
            List<CfaResult.ModificationIndex> rows, boolean groups, double minimum, boolean sorted) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%nModification indices (ML expected information%s%s):%n",
                minimum > 0 ? String.format(Locale.ROOT, ", mi >= %s", fmt3(minimum)) : "",
                sorted ? ", largest first" : ""));
        if (rows.isEmpty()) {
            b.append(String.format("  (none)%n"));
            return b.toString();
        }
        b.append(String.format(
                Locale.ROOT,
                "  %-12s %-3s %-12s %5s %9s %9s %9s %9s%n",
                "lhs",
                "op",
                "rhs",
                groups ? "group" : "",
                "mi",
                "epc",
                "sepc.lv",
                "sepc.all"));
        for (CfaResult.ModificationIndex m : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-12s %-3s %-12s %5s %9.3f %9.3f %9.3f %9.3f%n",
                    m.lhs(),
                    m.op(),
                    m.rhs(),
                    groups ? String.valueOf(m.group()) : "",
                    m.mi(),
                    m.epc(),
                    m.sepcLv(),
                    m.sepcAll()));
        }
        return b.toString();
    }

    /** lavaan's {@code print(lavTestScore(fit))}, with the parameters each constraint ties; none: said so. */
    static String scoreTests(CfaResult result) {
        StringBuilder b =
                new StringBuilder(String.format("%nScore tests of the equality constraints (lavTestScore):%n"));
        if (result.scoreTestsIfAny().isEmpty()) {
            b.append(String.format("  (the model has no equality constraints)%n"));
            return b.toString();
        }
        CfaResult.ScoreTests tests = result.scoreTestsIfAny().get();
        b.append(String.format(
                Locale.ROOT, "  total: X2 %.3f on %d df, p %s%n", tests.chisq(), tests.df(), fmt3(tests.pvalue())));
        b.append(String.format(
                Locale.ROOT, "  %-7s %-2s %-7s %-22s %9s %3s %8s%n", "lhs", "op", "rhs", "releases", "X2", "df", "p"));
        for (CfaResult.ScoreTest t : tests.univariate()) {
            String releases = t.parameter().equals(t.otherParameter())
                    ? t.parameter() + " (" + t.group() + " = " + t.otherGroup() + ")"
                    : t.parameter() + " = " + t.otherParameter();
            b.append(String.format(
                    Locale.ROOT,
                    "  %-7s %-2s %-7s %-22s %9.3f %3d %8s%n",
                    t.lhs(),
                    t.op(),
                    t.rhs(),
                    releases,
                    t.chisq(),
                    t.df(),
                    fmt3(t.pvalue())));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<ParameterEstimate> rows, boolean grouped) {
        if (rows.isEmpty()) {
            return;
        }
        b.append(String.format(
                Locale.ROOT,
                "%n%s:%n%-22s %9s %9s %9s %9s %9s%n",
                title,
                "",
                "Estimate",
                "Std.Err",
                "z-value",
                "P(>|z|)",
                "Std.all"));
        String current = null;
        for (ParameterEstimate p : rows) {
            String name;
            if (grouped) {
                if (!p.lhs().equals(current)) {
                    b.append(String.format("  %s %s%n", p.lhs(), p.op()));
                    current = p.lhs();
                }
                name = "    " + p.rhs();
            } else {
                name = "    " + p.lhs();
            }
            // A defined parameter's label is its name.
            boolean defined = p.op().equals(":=");
            if (!p.label().isEmpty() && !defined) {
                name += " (" + p.label() + ")";
            }
            b.append(String.format(
                    Locale.ROOT,
                    "%-22s %9.3f %9s %9s %9s %9.3f%n",
                    name,
                    p.est(),
                    p.free() || defined ? fmt3(p.se()) : "",
                    p.free() || defined ? fmt3(p.z()) : "",
                    p.free() || defined ? fmt3(p.pvalue()) : "",
                    p.stdAll()));
        }
    }

    /** RMSEA with its 90 % interval and close-fit p-value (NA where the fit has none, e.g. with df = 0). */
    private static void rmsea(StringBuilder b, CfaResult r, String suffix) {
        line(b, "RMSEA", fmt3(r.fit("rmsea" + suffix)));
        line(b, "90 Percent confidence interval - lower", fmt3(r.fit("rmsea.ci.lower" + suffix)));
        line(b, "90 Percent confidence interval - upper", fmt3(r.fit("rmsea.ci.upper" + suffix)));
        line(b, "P-value H_0: RMSEA <= 0.050", fmt3(r.fit("rmsea.pvalue" + suffix)));
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-40s %12s%n", label, value));
    }

    private static String fmt3(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
