package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.core.data.DataTable;
import org.alliance.stats.factor.CfaInvariance;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaResult;

/** {@code cfa --compare}: the invariance steps and their comparisons, as JSON (the contract) or as a text table. */
final class CfaCompareOutput {

    static final String NOT_CONVERGED = "the optimiser did not converge for at least one step: none of the"
            + " differences is a valid result; check the model, or raise --max-iterations";

    /** The fit measures each step reports, in this order (the robust ones only under MLR). */
    private static final List<String> MEASURES = List.of(
            "npar",
            "df",
            "chisq",
            "pvalue",
            "chisq.scaled",
            "pvalue.scaled",
            "chisq.scaling.factor",
            "cfi",
            "cfi.robust",
            "tli",
            "rmsea",
            "rmsea.robust",
            "srmr",
            "aic",
            "bic");

    private CfaCompareOutput() {}

    static Map<String, Object> tree(
            CfaInvariance.Result result, CfaOptions options, DataTable data, String groupColumn) {
        return tree(result, options, data, groupColumn, null);
    }

    /** With {@code indices} (not null): each step's {@code modification_indices} after its fit measures. */
    static Map<String, Object> tree(
            CfaInvariance.Result result,
            CfaOptions options,
            DataTable data,
            String groupColumn,
            IndexSelection indices) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("valid", result.converged());
        if (!result.converged()) {
            doc.put("not_valid_because", NOT_CONVERGED);
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (CfaInvariance.Step step : result.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step.name());
            row.put("group.equal", CfaJson.groupEqual(step.groupEqual()));
            row.put("converged", step.fit().converged());
            Map<String, Object> fit = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                Double value = step.fit().fitMeasures().get(measure);
                if (value != null) {
                    fit.put(measure, StatisticsOutput.number(value));
                }
            }
            row.put("fit", fit);
            if (indices != null) {
                row.put("modification_indices", CfaJson.modificationIndices(indices.rows(step.fit())));
            }
            step.fit().scoreTestsIfAny().ifPresent(t -> row.put("score_tests", CfaJson.scoreTests(t)));
            steps.add(row);
        }
        doc.put("steps", steps);
        List<Map<String, Object>> tests = new ArrayList<>();
        for (CfaInvariance.Comparison c : result.comparisons()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("free", c.free());
            row.put("restricted", c.restricted());
            row.put("method", c.test().method());
            row.put("chisq_diff", StatisticsOutput.number(c.test().chisqDiff()));
            row.put("df_diff", StatisticsOutput.number(c.test().dfDiff()));
            row.put("pvalue", StatisticsOutput.number(c.test().pvalue()));
            row.put("rmsea", StatisticsOutput.number(c.test().rmsea()));
            row.put("delta_cfi", StatisticsOutput.number(c.deltaCfi()));
            row.put("delta_rmsea", StatisticsOutput.number(c.deltaRmsea()));
            row.put("delta_cfi_robust", StatisticsOutput.number(c.deltaCfiRobust()));
            row.put("delta_rmsea_robust", StatisticsOutput.number(c.deltaRmseaRobust()));
            row.put("warnings", c.test().warnings());
            tests.add(row);
        }
        doc.put("tests", tests);
        Map<String, Object> opts = CfaJson.options(options, groupColumn);
        if (indices != null) {
            opts.put("mi.minimum", indices.minimum());
            opts.put("mi.sort", indices.sort());
        }
        doc.put("provenance", StatisticsOutput.provenance(result.provenance(), opts, data));
        return doc;
    }

    static String text(CfaInvariance.Result result, CfaOptions options) {
        return text(result, options, null);
    }

    /** With {@code indices} (not null): each step's modification indices after the tests. */
    static String text(CfaInvariance.Result result, CfaOptions options, IndexSelection indices) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        if (!result.converged()) {
            out.println("*** NOT VALID: " + NOT_CONVERGED + " ***");
            out.println();
        }
        boolean robust = result.steps().get(0).fit().fitMeasures().containsKey("chisq.scaled");
        out.println("Measurement invariance across groups ("
                + options.estimator().name()
                + (options.groupPartial().isEmpty()
                        ? ""
                        : "; left free: "
                                + String.join(
                                        ", ",
                                        options.groupPartial().stream().sorted().toList()))
                + ")");
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (CfaInvariance.Step step : result.steps()) {
            CfaResult fit = step.fit();
            List<String> row = new ArrayList<>();
            row.add(step.name() + (fit.converged() ? "" : " (NOT CONVERGED)"));
            row.add(StatisticsOutput.format(fit.fit("df")));
            row.add(String.format(Locale.ROOT, "%.3f", fit.fit("chisq")));
            if (robust) {
                row.add(String.format(Locale.ROOT, "%.3f", fit.fit("chisq.scaled")));
            }
            row.add(String.format(Locale.ROOT, "%.3f", fit.fit(robust ? "cfi.robust" : "cfi")));
            row.add(String.format(Locale.ROOT, "%.3f", fit.fit(robust ? "rmsea.robust" : "rmsea")));
            rows.add(row);
        }
        StatisticsOutput.printTable(
                out,
                robust
                        ? List.of("Step", "Df", "Chisq", "Chisq (scaled)", "CFI (robust)", "RMSEA (robust)")
                        : List.of("Step", "Df", "Chisq", "CFI", "RMSEA"),
                rows);
        out.println();
        List<List<String>> tests = new ArrayList<>();
        for (CfaInvariance.Comparison c : result.comparisons()) {
            tests.add(List.of(
                    c.restricted() + " vs " + c.free(),
                    String.format(Locale.ROOT, "%.3f", c.test().chisqDiff()),
                    StatisticsOutput.format(c.test().dfDiff()),
                    StatisticsOutput.formatP(c.test().pvalue()),
                    String.format(Locale.ROOT, "%+.3f", robust ? c.deltaCfiRobust() : c.deltaCfi()),
                    String.format(Locale.ROOT, "%+.3f", robust ? c.deltaRmseaRobust() : c.deltaRmsea())));
        }
        StatisticsOutput.printTable(
                out,
                List.of(
                        "Test",
                        robust ? "Chisq diff (scaled)" : "Chisq diff",
                        "Df diff",
                        "Pr(>Chisq)",
                        robust ? "dCFI (robust)" : "dCFI",
                        robust ? "dRMSEA (robust)" : "dRMSEA"),
                tests);
        out.println();
        out.println(
                robust
                        ? "Differences: Satorra-Bentler (2001) scaled, as lavTestLRT for MLR fits."
                        : "Differences: chi-square difference tests, as lavTestLRT.");
        out.println("A drop in CFI of more than .010 (with RMSEA up by more than .015) is the usual sign that the"
                + " step does not hold (Chen 2007); free the parameters that differ with --group-partial.");
        for (CfaInvariance.Comparison c : result.comparisons()) {
            c.test().warnings().forEach(w -> out.println("Warning (" + c.restricted() + "): " + w));
        }
        if (indices != null) {
            for (CfaInvariance.Step step : result.steps()) {
                out.println();
                out.print("Step " + step.name() + ":");
                out.print(
                        CfaText.modificationIndices(indices.rows(step.fit()), true, indices.minimum(), indices.sort()));
            }
        }
        for (CfaInvariance.Step step : result.steps()) {
            if (step.fit().scoreTestsIfAny().isPresent()) {
                out.println();
                out.print("Step " + step.name() + ":");
                out.print(CfaText.scoreTests(step.fit()));
            }
        }
        if (!result.converged()) {
            out.println();
            out.println("*** NOT VALID: " + NOT_CONVERGED + " ***");
        }
        out.flush();
        return buffer.toString();
    }
}
