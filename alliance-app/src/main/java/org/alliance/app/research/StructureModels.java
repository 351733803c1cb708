package org.alliance.app.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Scale;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaEstimator;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaResult;

/**
 * The structure report's factor models of one scale made of subscales (the alliance questionnaires' total: bond,
 * tasks, goals): a CFA with one correlated factor per subscale, as {@code lavaan::cfa(model, data)} fits it (ML,
 * listwise, first loading fixed to 1), with lavaan's fit measures and the standardised loadings and factor
 * correlations ({@link CfaEstimator}).
 */
final class StructureModels {

    private static final int MINIMUM = OutcomeAnalysis.MINIMUM;

    private StructureModels() {}

    static void add(
            StructureContext report,
            Instrument instrument,
            Scale scale,
            List<Scale> factors,
            Map<String, String> columns,
            StudyData.Table table,
            StructureSample sample) {
        Study study = report.study;
        List<String> names = new ArrayList<>();
        StringBuilder model = new StringBuilder();
        for (Scale factor : factors) {
            List<String> items = factor.items().stream().map(columns::get).toList();
            if (items.contains(null)) {
                return;
            }
            names.addAll(items);
            model.append(factor.id().replace('-', '_'))
                    .append(" =~ ")
                    .append(String.join(" + ", items))
                    .append('\n');
        }
        int[] indexes = names.stream().mapToInt(table::index).toArray();
        List<double[]> rows = new ArrayList<>();
        Set<String> professionals = new HashSet<>();
        int professional = table.index("professional");
        for (String[] row : sample.rows()) {
            double[] values = new double[indexes.length];
            boolean complete = true;
            for (int j = 0; j < indexes.length; j++) {
                values[j] = StructureSample.answer(row[indexes[j]]);
                complete &= !Double.isNaN(values[j]);
            }
            rows.add(values);
            if (complete) {
                professionals.add(row[professional]);
            }
        }
        String title = instrument.title().get(study.language());
        String caption = report.text(
                "report.structure.cfa",
                title,
                String.join(
                        ", ",
                        factors.stream()
                                .map(f -> f.name().get(study.language()))
                                .toList()));
        long complete = rows.stream()
                .filter(v -> Arrays.stream(v).noneMatch(Double::isNaN))
                .count();
        if (complete < MINIMUM || professionals.size() < MINIMUM) {
            report.notes.add(
                    report.text("report.structure.cfaTooFew", caption, MINIMUM, complete, professionals.size()));
            return;
        }
        CfaResult fit;
        try {
            fit = CfaEstimator.fit(
                    CfaData.of(names, rows), CfaModelSyntax.parse(model.toString()), CfaOptions.defaults());
        } catch (IllegalArgumentException e) {
            report.notes.add(report.text("report.structure.cfaFailed", caption, e.getMessage()));
            return;
        }
        if (!fit.converged()) {
            report.notes.add(report.text("report.structure.cfaFailed", caption, String.join("; ", fit.warnings())));
            return;
        }
        fit.warnings().forEach(w -> report.notes.add(caption + ": " + w));
        String key = "cfa." + instrument.id() + "." + scale.id();
        List<List<String>> measures = new ArrayList<>();
        measures.add(List.of(report.text("report.outcome.clients"), String.valueOf(complete)));
        for (String measure : StructureAnalysis.FIT_MEASURES) {
            double value = fit.fit(measure);
            measures.add(List.of(measure, format(measure, value)));
            report.figures.put(key + "." + measure, value);
        }
        report.tables.add(new StudyReport.Table(
                caption, List.of(report.text("report.figure"), report.text("report.value")), measures));
        List<List<String>> loadings = new ArrayList<>();
        for (CfaResult.ParameterEstimate p : fit.parameters()) {
            boolean loading = p.op().equals("=~");
            boolean correlation = p.op().equals("~~")
                    && !p.lhs().equals(p.rhs())
                    && factors.stream().anyMatch(f -> f.id().replace('-', '_').equals(p.lhs()));
            if (loading || correlation) {
                loadings.add(List.of(
                        p.lhs() + " " + p.op() + " " + p.rhs(),
                        OutcomeAnalysis.number(p.est()),
                        p.free() ? OutcomeAnalysis.number(p.se()) : "–",
                        OutcomeAnalysis.number(p.stdAll())));
                report.figures.put(key + ".std." + p.lhs() + "." + p.rhs(), p.stdAll());
            }
        }
        report.tables.add(new StudyReport.Table(
                report.text("report.structure.loadings", title),
                List.of(
                        report.text("report.term"),
                        report.text("report.estimate"),
                        report.text("report.se"),
                        report.text("report.structure.stdAll")),
                loadings));
        StringBuilder r = report.script;
        r.append("x <- items(d, ").append(StructureScript.vector(names)).append(")\n");
        r.append("model <- \"").append(model.toString().replace("\n", "\\n")).append("\"\n");
        r.append("structure(\"").append(key).append("\", model, x)\n");
    }

    /** A fit measure for reading: df whole, p-values as everywhere, the rest to three decimals. */
    static String format(String measure, double value) {
        return measure.equals("df")
                ? String.valueOf((long) value)
                : measure.startsWith("pvalue") ? OutcomeAnalysis.pValue(value) : OutcomeAnalysis.number(value);
    }
}
