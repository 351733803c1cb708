package org.alliance.app.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaInvariance;
import org.alliance.stats.factor.CfaModel;
import org.alliance.stats.factor.CfaModelComparison;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaResult;

/**
 * Partial measurement invariance across languages, searched for as a researcher does it with lavaan's
 * {@code group.partial}: when the metric step is rejected against the configural one (p &lt; {@value #ALPHA} of the
 * χ² difference, scaled under MLR), its equal loadings are freed across all languages one at a time — each round the
 * loading whose release gives the smallest difference statistic against the configural step (of equal ones the first
 * in the model) — until the partial metric model is no longer rejected; the same then for the intercepts of the
 * scalar step against the (partial) metric model, with the freed loadings left free. Every factor keeps at least two
 * of its items held equal (its marker and one more loading; two intercepts), so a search can end without reaching a
 * model that holds; the page then says so. The report's R script runs the same search with
 * {@code cfa(..., group.partial = c(...))} and {@code lavTestLRT}, and prints the same figures.
 *
 * <p>The rule frees whole parameters (in every language at once), which is what {@code group.partial} can express;
 * lavaan's {@code lavTestScore} instead tests each pairwise equality constraint (language 1 against language k) and
 * is not used here.
 */
final class StructurePartial {

    /** A step is rejected when the p of its difference test is below this. */
    static final double ALPHA = 0.05;

    /** The outcome of one search. */
    record Search(List<String> freed, CfaResult fit, CfaModelComparison.Result test, boolean reached) {}

    private StructurePartial() {}

    /**
     * Runs the searches a rejected step calls for and adds their table, notes, figures and R lines.
     *
     * @param factors the model's factors with their items, marker first, as the model text lists them
     */
    static void add(
            StructureContext report,
            String key,
            String caption,
            CfaData data,
            CfaModel model,
            Map<String, List<String>> factors,
            CfaOptions options,
            CfaInvariance.Result result,
            boolean robust) {
        CfaResult configural = result.steps().get(0).fit();
        CfaResult metric = result.steps().get(1).fit();
        CfaModelComparison.Result metricTest = result.comparisons().get(0).test();
        CfaModelComparison.Result scalarTest = result.comparisons().get(1).test();
        Map<String, String> loadings = new LinkedHashMap<>();
        Map<String, String> intercepts = new LinkedHashMap<>();
        factors.forEach((factor, items) -> {
            for (int i = 1; i < items.size(); i++) {
                loadings.put(factor + "=~" + items.get(i), factor);
            }
        });
        factors.forEach((factor, items) -> items.forEach(item -> intercepts.put(item + "~1", factor)));
        List<List<String>> rows = new ArrayList<>();
        List<String> freedLoadings = List.of();
        CfaResult metricBase = metric;
        StringBuilder r = report.script;
        if (rejected(metricTest)) {
            Search search = search(
                    data,
                    model,
                    options,
                    Set.of(GroupEqual.LOADINGS),
                    List.of(),
                    loadings,
                    factors,
                    configural,
                    report::step);
            r.append("pm <- partial(\"")
                    .append(key)
                    .append(".partial.metric\", model, inv$x, \"loadings\", inv$fits$configural, character(0), ")
                    .append(StructureScript.vector(List.copyOf(loadings.keySet())))
                    .append(", ")
                    .append(StructureScript.vector(List.copyOf(loadings.values())))
                    .append(", ")
                    .append(sizes(factors))
                    .append(")\n");
            if (search.fit() == null) {
                return;
            }
            rows.add(row(report, key + ".partial.metric", "partialMetric", search, robust, configural, factors));
            if (!search.reached()) {
                table(report, caption, rows, robust);
                return;
            }
            freedLoadings = search.freed();
            metricBase = search.fit();
        }
        if (!freedLoadings.isEmpty() || rejected(scalarTest)) {
            Search search = search(
                    data,
                    model,
                    options,
                    Set.of(GroupEqual.LOADINGS, GroupEqual.INTERCEPTS),
                    freedLoadings,
                    intercepts,
                    factors,
                    metricBase,
                    report::step);
            r.append("partial(\"")
                    .append(key)
                    .append(".partial.scalar\", model, inv$x, c(\"loadings\", \"intercepts\"), ")
                    .append(freedLoadings.isEmpty() ? "inv$fits$metric" : "pm$fit")
                    .append(", ")
                    .append(freedLoadings.isEmpty() ? "character(0)" : "pm$freed")
                    .append(", ")
                    .append(StructureScript.vector(List.copyOf(intercepts.keySet())))
                    .append(", ")
                    .append(StructureScript.vector(List.copyOf(intercepts.values())))
                    .append(", ")
                    .append(sizes(factors))
                    .append(")\n");
            if (search.fit() != null) {
                rows.add(row(report, key + ".partial.scalar", "partialScalar", search, robust, metricBase, factors));
            }
        }
        if (!rows.isEmpty()) {
            table(report, caption, rows, robust);
        }
    }

    /** The factors' numbers of items as an R named vector. */
    private static String sizes(Map<String, List<String>> factors) {
        List<String> sizes = new ArrayList<>();
        factors.forEach((factor, items) -> sizes.add(factor + " = " + items.size()));
        return "c(" + String.join(", ", sizes) + ")";
    }

    private static void table(StructureContext report, String caption, List<List<String>> rows, boolean robust) {
        List<String> header = new ArrayList<>(StructureModels.differenceHeader(report, robust));
        header.add(1, report.text("report.structure.freed"));
        report.tables.add(new StudyReport.Table(report.text("report.structure.partialTitle", caption), header, rows));
        report.notes.add(report.text("report.structure.partialRule", ALPHA));
    }

    private static boolean rejected(CfaModelComparison.Result test) {
        return Double.isFinite(test.pvalue()) && test.pvalue() < ALPHA;
    }

    /**
     * Starting from {@code fixed} left free (the model with only those is tried first), frees one candidate more per
     * round, the one whose model differs least from {@code base} (smallest difference statistic; the first of equal
     * ones), until the model is not rejected against {@code base} or no candidate may be freed. A candidate whose model
     * does not converge or gives no difference test is passed over.
     *
     * @param candidates group.partial entries with their factor
     * @param fitted called after each model fitted (the progress)
     */
    static Search search(
            CfaData data,
            CfaModel model,
            CfaOptions options,
            Set<GroupEqual> equal,
            List<String> fixed,
            Map<String, String> candidates,
            Map<String, List<String>> factors,
            CfaResult base,
            Runnable fitted) {
        List<String> freed = new ArrayList<>();
        CfaResult fit = fit(data, model, options, equal, fixed, freed, null);
        CfaModelComparison.Result test = fit == null ? null : CfaModelComparison.compare(base, fit);
        if (test != null && !rejected(test)) {
            return new Search(List.of(), fit, test, Double.isFinite(test.pvalue()));
        }
        while (true) {
            String best = null;
            CfaResult bestFit = null;
            CfaModelComparison.Result bestTest = null;
            for (Map.Entry<String, String> candidate : candidates.entrySet()) {
                String factor = candidate.getValue();
                long already = freed.stream()
                        .filter(f -> candidates.get(f).equals(factor))
                        .count();
                if (freed.contains(candidate.getKey())
                        || already >= factors.get(factor).size() - 2) {
                    continue;
                }
                CfaResult tried = fit(data, model, options, equal, fixed, freed, candidate.getKey());
                fitted.run();
                if (tried == null) {
                    continue;
                }
                CfaModelComparison.Result t = CfaModelComparison.compare(base, tried);
                if (Double.isFinite(t.chisqDiff()) && (bestTest == null || t.chisqDiff() < bestTest.chisqDiff())) {
                    best = candidate.getKey();
                    bestFit = tried;
                    bestTest = t;
                }
            }
            if (best == null) {
                return new Search(List.copyOf(freed), fit, test, false);
            }
            freed.add(best);
            fit = bestFit;
            test = bestTest;
            if (!rejected(test)) {
                return new Search(List.copyOf(freed), fit, test, true);
            }
        }
    }

    /** The step with {@code fixed}, {@code freed} and {@code extra} (may be null) free; null when it fails. */
    private static CfaResult fit(
            CfaData data,
            CfaModel model,
            CfaOptions options,
            Set<GroupEqual> equal,
            List<String> fixed,
            List<String> freed,
            String extra) {
        Set<String> partial = new LinkedHashSet<>(fixed);
        partial.addAll(freed);
        if (extra != null) {
            partial.add(extra);
        }
        try {
            CfaResult fit =
                    CfaEstimator.fit(data, model, options.withGroupEqual(equal).withGroupPartial(partial));
            return fit.converged() ? fit : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The search's row of the table, its figures and its note in words. */
    private static List<String> row(
            StructureContext report,
            String key,
            String step,
            Search search,
            boolean robust,
            CfaResult base,
            Map<String, List<String>> factors) {
        CfaResult fit = search.fit();
        List<String> measures = new ArrayList<>(StructureInvariance.MEASURES);
        if (robust) {
            measures.addAll(StructureInvariance.ROBUST_MEASURES);
        }
        for (String measure : measures) {
            report.figures.put(key + "." + measure, fit.fit(measure));
        }
        report.figures.put(key + ".freed", (double) search.freed().size());
        report.figures.put(key + ".reached", search.reached() ? 1.0 : 0.0);
        StructureModels.putTest(report, key, search.test());
        String cfi = robust ? "cfi.robust" : "cfi";
        String rmsea = robust ? "rmsea.robust" : "rmsea";
        String name = report.text("report.structure.step." + step);
        String freed = search.freed().isEmpty()
                ? report.text("report.structure.partialNone")
                : String.join(
                        ", ", search.freed().stream().map(p -> words(report, p)).toList());
        List<String> row = new ArrayList<>(StructureModels.differenceRow(
                name, search.test(), fit.fit(cfi) - base.fit(cfi), fit.fit(rmsea) - base.fit(rmsea)));
        row.add(1, freed);
        report.notes.add(report.text(
                search.reached() ? "report.structure.partialReached" : "report.structure.partialNotReached",
                name,
                freed));
        return row;
    }

    /** A group.partial entry in words: the loading of an item on a factor, or an item's intercept. */
    static String words(StructureContext report, String entry) {
        int loading = entry.indexOf("=~");
        return loading >= 0
                ? report.text(
                        "report.structure.partialLoading", entry.substring(loading + 2), entry.substring(0, loading))
                : report.text("report.structure.partialIntercept", entry.substring(0, entry.length() - 2));
    }
}
