package org.alliance.app.cli.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alliance.core.data.DataTable;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaOptions.GroupEqual;
import org.alliance.stats.factor.CfaOptions.MissingData;
import org.alliance.stats.factor.CfaResult;

/** The JSON document: parameters, fit, implied, warnings, provenance (the contract of docs/cfa.md). */
final class CfaJson {

    private CfaJson() {}

    static Map<String, Object> tree(CfaResult result, CfaOptions options, DataTable data, String groupColumn) {
        return tree(result, options, data, groupColumn, null, 0, false);
    }

    /**
     * With {@code indices} (not null): {@code modification_indices} before the warnings, lavaan's modindices rows
     * (sepc.nox, equal to sepc.all without observed covariates, left out), and the selection ({@code mi.minimum},
     * {@code mi.sort}) in the provenance options.
     */
    static Map<String, Object> tree(
            CfaResult result,
            CfaOptions options,
            DataTable data,
            String groupColumn,
            List<CfaResult.ModificationIndex> indices,
            double minimum,
            boolean sort) {
        Map<String, Object> doc = new LinkedHashMap<>();
        // First, so that nobody reads the figures without seeing it: a fit that did not converge is no result.
        doc.put("valid", result.converged());
        if (!result.converged()) {
            doc.put("not_valid_because", CfaText.NOT_CONVERGED);
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (CfaResult.ParameterEstimate p : result.parameters()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lhs", p.lhs());
            row.put("op", p.op());
            row.put("rhs", p.rhs());
            row.put("group", p.group());
            row.put("label", p.label());
            row.put("free", p.free());
            row.put("est", StatisticsOutput.number(p.est()));
            row.put("se", StatisticsOutput.number(p.se()));
            row.put("z", StatisticsOutput.number(p.z()));
            row.put("pvalue", StatisticsOutput.number(p.pvalue()));
            row.put("ci.lower", StatisticsOutput.number(p.ciLower()));
            row.put("ci.upper", StatisticsOutput.number(p.ciUpper()));
            row.put("std.all", StatisticsOutput.number(p.stdAll()));
            parameters.add(row);
        }
        doc.put("parameters", parameters);
        Map<String, Object> fit = new LinkedHashMap<>();
        result.fitMeasures().forEach((k, v) -> fit.put(k, StatisticsOutput.number(v)));
        doc.put("fit", fit);
        List<Map<String, Object>> implied = new ArrayList<>();
        for (CfaResult.ImpliedMoments m : result.implied()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", m.group());
            g.put("label", m.groupLabel());
            g.put("observations", m.observations());
            g.put("variables", m.variables());
            g.put("cov", m.covariance());
            if (m.mean().length > 0) {
                g.put("mean", m.mean());
            }
            implied.add(g);
        }
        doc.put("implied", implied);
        if (indices != null) {
            doc.put("modification_indices", modificationIndices(indices));
        }
        result.scoreTestsIfAny().ifPresent(tests -> doc.put("score_tests", scoreTests(tests)));
        doc.put("warnings", result.warnings());
        doc.put("converged", result.converged());
        Map<String, Object> opts = options(options, groupColumn);
        opts.put("group.equal", groupEqual(options.groupEqual()));
        if (indices != null) {
            opts.put("mi.minimum", minimum);
            opts.put("mi.sort", sort);
        }
        doc.put("provenance", StatisticsOutput.provenance(result.provenance(), opts, data));
        return doc;
    }

    /** lavaan's modindices rows (sepc.nox, equal to sepc.all without observed covariates, left out). */
    static List<Map<String, Object>> modificationIndices(List<CfaResult.ModificationIndex> indices) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CfaResult.ModificationIndex m : indices) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lhs", m.lhs());
            row.put("op", m.op());
            row.put("rhs", m.rhs());
            row.put("group", m.group());
            row.put("mi", StatisticsOutput.number(m.mi()));
            row.put("epc", StatisticsOutput.number(m.epc()));
            row.put("sepc.lv", StatisticsOutput.number(m.sepcLv()));
            row.put("sepc.all", StatisticsOutput.number(m.sepcAll()));
            rows.add(row);
        }
        return rows;
    }

    /** lavaan's lavTestScore: the total test and the univariate rows, each naming the parameters it releases. */
    static Map<String, Object> scoreTests(CfaResult.ScoreTests tests) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("chisq", StatisticsOutput.number(tests.chisq()));
        doc.put("df", tests.df());
        doc.put("pvalue", StatisticsOutput.number(tests.pvalue()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CfaResult.ScoreTest t : tests.univariate()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lhs", t.lhs());
            row.put("op", t.op());
            row.put("rhs", t.rhs());
            row.put("parameter", t.parameter());
            row.put("group", t.group());
            row.put("other_parameter", t.otherParameter());
            row.put("other_group", t.otherGroup());
            row.put("chisq", StatisticsOutput.number(t.chisq()));
            row.put("df", t.df());
            row.put("pvalue", StatisticsOutput.number(t.pvalue()));
            rows.add(row);
        }
        doc.put("univariate", rows);
        return doc;
    }

    /** The provenance options every cfa document records (the invariance steps add no group.equal). */
    static Map<String, Object> options(CfaOptions options, String groupColumn) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("estimator", options.estimator().name().toLowerCase(Locale.ROOT));
        opts.put("missing", options.missing() == MissingData.ML ? "ml" : "listwise");
        opts.put("std.lv", options.standardizeLatent());
        opts.put("group", groupColumn);
        opts.put("max_iterations", options.maxIterations());
        opts.put("group.partial", options.groupPartial().stream().sorted().toList());
        if (!options.ordered().isEmpty()) {
            opts.put("ordered", List.copyOf(options.ordered()));
        }
        return opts;
    }

    /** group.equal as lavaan writes it: lower case, sorted. */
    static List<String> groupEqual(Set<GroupEqual> equal) {
        return equal.stream()
                .map(g -> g.name().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }
}
