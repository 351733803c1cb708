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
import org.alliance.stats.factor.CfaModelComparison;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaOptions.Estimator;
import org.alliance.stats.factor.CfaResult;

/**
 * The structure report's factor models of one scale made of subscales (the alliance questionnaires' total: bond,
 * tasks, goals), all as {@code lavaan::cfa(model, data, estimator)} fits them (listwise, first loading fixed to 1;
 * {@link CfaEstimator}):
 *
 * <ul>
 *   <li>the model with one correlated factor per subscale, with lavaan's fit measures (and the scaled and robust ones
 *       under MLR) and the standardised loadings and factor correlations;
 *   <li>one factor for all the items, with the same fit measures, next to it;
 *   <li>the difference test of the two ({@link CfaModelComparison}, as {@code lavTestLRT}): the χ² difference under
 *       ML, the Satorra–Bentler (2001) scaled difference under MLR ({@code method = "satorra.bentler.2001"});
 *   <li>measurement invariance of the subscale model across the check-in's language ({@link StructureInvariance}).
 * </ul>
 *
 * <p>The one-factor model is the subscale model with every factor correlation fixed to 1, so the two are nested (at
 * the boundary of the parameter space, as lavaan does not check either).
 */
final class StructureModels {

    private static final int MINIMUM = OutcomeAnalysis.MINIMUM;

    /** The one-factor model's factor. */
    static final String GENERAL = "general";

    /** The scaled and robust fit measures shown under MLR besides {@link StructureAnalysis#FIT_MEASURES}. */
    static final List<String> ROBUST_MEASURES = List.of(
            "chisq.scaled", "pvalue.scaled", "chisq.scaling.factor", "cfi.robust", "tli.robust", "rmsea.robust");

    private StructureModels() {}

    /** The fit measures the report shows and the R script prints under the estimator. */
    static List<String> measures(Estimator estimator) {
        List<String> measures = new ArrayList<>(StructureAnalysis.FIT_MEASURES);
        if (estimator == Estimator.MLR) {
            measures.addAll(ROBUST_MEASURES);
        }
        return measures;
    }

    static void add(
            StructureContext report,
            Instrument instrument,
            Scale scale,
            List<Scale> factors,
            Map<String, String> columns,
            StudyData.Table table,
            StructureSample sample,
            Estimator estimator) {
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
        String oneModel = GENERAL + " =~ " + String.join(" + ", names) + "\n";
        int[] indexes = names.stream().mapToInt(table::index).toArray();
        List<double[]> rows = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        Set<String> professionals = new HashSet<>();
        int professional = table.index("professional");
        int language = table.index("language");
        for (String[] row : sample.rows()) {
            double[] values = new double[indexes.length];
            boolean complete = true;
            for (int j = 0; j < indexes.length; j++) {
                values[j] = StructureSample.answer(row[indexes[j]]);
                complete &= !Double.isNaN(values[j]);
            }
            rows.add(values);
            languages.add(row[language]);
            if (complete) {
                professionals.add(row[professional]);
            }
        }
        String title = instrument.title().get(study.language());
        String subscales = String.join(
                ", ", factors.stream().map(f -> f.name().get(study.language())).toList());
        String caption = report.text("report.structure.cfa", title, subscales);
        long complete = rows.stream()
                .filter(v -> Arrays.stream(v).noneMatch(Double::isNaN))
                .count();
        if (complete < MINIMUM || professionals.size() < MINIMUM) {
            report.notes.add(
                    report.text("report.structure.cfaTooFew", caption, MINIMUM, complete, professionals.size()));
            return;
        }
        CfaOptions options = CfaOptions.defaults().withEstimator(estimator);
        CfaResult fit = fit(report, caption, names, rows, model.toString(), options);
        report.step();
        if (fit == null) {
            return;
        }
        String oneCaption = report.text("report.structure.oneFactor", title);
        CfaResult one = fit(report, oneCaption, names, rows, oneModel, options);
        report.step();
        String key = "cfa." + instrument.id() + "." + scale.id();
        String oneKey = "cfa1." + instrument.id() + "." + scale.id();
        List<List<String>> measures = new ArrayList<>();
        measures.add(List.of(
                report.text("report.outcome.clients"),
                one == null ? "–" : String.valueOf(complete),
                String.valueOf(complete)));
        for (String measure : measures(estimator)) {
            double value = fit.fit(measure);
            measures.add(
                    List.of(measure, one == null ? "–" : format(measure, one.fit(measure)), format(measure, value)));
            report.figures.put(key + "." + measure, value);
            if (one != null) {
                report.figures.put(oneKey + "." + measure, one.fit(measure));
            }
        }
        report.tables.add(new StudyReport.Table(
                caption,
                List.of(
                        report.text("report.figure"),
                        report.text("report.structure.oneFactorColumn"),
                        report.text("report.structure.subscalesColumn", factors.size())),
                measures));
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
        r.append("f3 <- structure(\"").append(key).append("\", model, x)\n");
        if (one != null) {
            r.append("f1 <- structure(\"")
                    .append(oneKey)
                    .append("\", \"")
                    .append(oneModel.strip())
                    .append("\", x, std = FALSE)\n");
            r.append("difference(\"lrt.")
                    .append(instrument.id())
                    .append('.')
                    .append(scale.id())
                    .append("\", f3, f1)\n");
            difference(report, "lrt." + instrument.id() + "." + scale.id(), title, subscales, fit, one);
        }
        StructureInvariance.add(
                report,
                "mi." + instrument.id() + "." + scale.id(),
                caption,
                names,
                model.toString(),
                rows,
                languages,
                options);
    }

    /** The fit, or null after a note saying why there is none. */
    private static CfaResult fit(
            StructureContext report,
            String caption,
            List<String> names,
            List<double[]> rows,
            String model,
            CfaOptions options) {
        CfaResult fit;
        try {
            fit = CfaEstimator.fit(CfaData.of(names, rows), CfaModelSyntax.parse(model), options);
        } catch (IllegalArgumentException e) {
            report.notes.add(report.text("report.structure.cfaFailed", caption, e.getMessage()));
            return null;
        }
        if (!fit.converged()) {
            report.notes.add(report.text("report.structure.cfaFailed", caption, String.join("; ", fit.warnings())));
            return null;
        }
        fit.warnings().forEach(w -> report.notes.add(caption + ": " + w));
        return fit;
    }

    /** The one-factor model against the subscale model. */
    private static void difference(
            StructureContext report, String key, String title, String subscales, CfaResult free, CfaResult one) {
        CfaModelComparison.Result test = CfaModelComparison.compare(free, one);
        boolean robust = free.fitMeasures().containsKey("chisq.scaling.factor");
        String cfi = robust ? "cfi.robust" : "cfi";
        String rmsea = robust ? "rmsea.robust" : "rmsea";
        report.tables.add(new StudyReport.Table(
                report.text("report.structure.difference", title, subscales),
                differenceHeader(report, robust),
                List.of(differenceRow(
                        report.text("report.structure.oneAgainstSubscales"),
                        test,
                        one.fit(cfi) - free.fit(cfi),
                        one.fit(rmsea) - free.fit(rmsea)))));
        report.notes.add(report.text(robust ? "report.structure.methodMlr" : "report.structure.methodMl"));
        test.warnings().forEach(w -> report.notes.add(title + ": " + w));
        putTest(report, key, test);
    }

    static List<String> differenceHeader(StructureContext report, boolean robust) {
        return List.of(
                report.text("report.structure.test"),
                robust ? "Δχ² (scaled)" : "Δχ²",
                "Δdf",
                "p",
                robust ? "ΔCFI (robust)" : "ΔCFI",
                robust ? "ΔRMSEA (robust)" : "ΔRMSEA");
    }

    static List<String> differenceRow(String name, CfaModelComparison.Result test, double deltaCfi, double deltaRmsea) {
        return List.of(
                name,
                OutcomeAnalysis.number(test.chisqDiff()),
                String.valueOf((long) test.dfDiff()),
                Double.isNaN(test.pvalue()) ? "–" : OutcomeAnalysis.pValue(test.pvalue()),
                signed(deltaCfi),
                signed(deltaRmsea));
    }

    static void putTest(StructureContext report, String key, CfaModelComparison.Result test) {
        if (Double.isFinite(test.chisqDiff())) {
            report.figures.put(key + ".chisq.diff", test.chisqDiff());
            report.figures.put(key + ".df.diff", test.dfDiff());
            report.figures.put(key + ".pvalue", test.pvalue());
        }
    }

    private static String signed(double value) {
        return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%+.3f", value) : "–";
    }

    /** A fit measure for reading: df whole, p-values as everywhere, the rest to three decimals. */
    static String format(String measure, double value) {
        return measure.equals("df")
                ? String.valueOf((long) value)
                : measure.startsWith("pvalue") ? OutcomeAnalysis.pValue(value) : OutcomeAnalysis.number(value);
    }
}
