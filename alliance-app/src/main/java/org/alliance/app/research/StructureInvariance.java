package org.alliance.app.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliance.stats.factor.CfaData;
import org.alliance.stats.factor.CfaInvariance;
import org.alliance.stats.factor.CfaModel;
import org.alliance.stats.factor.CfaModelSyntax;
import org.alliance.stats.factor.CfaOptions;
import org.alliance.stats.factor.CfaResult;

/**
 * Measurement invariance of a scale's subscale model across the language of the check-ins ({@code language} of
 * {@code data.csv}), as a researcher runs it in lavaan ({@link CfaInvariance}): the configural model, metric
 * ({@code group.equal = "loadings"}) and scalar ({@code c("loadings", "intercepts")}), each against the step before
 * by {@code lavTestLRT} (χ² difference under ML, Satorra–Bentler 2001 scaled difference under MLR) and by the change
 * in CFI and RMSEA (robust under MLR).
 *
 * <p>Only the clients who answered every item count (listwise, as the model), and only languages with at least
 * {@value OutcomeAnalysis#MINIMUM} of them take part: the others are left out of the groups and named on the page
 * (the small-number rule of docs/rules.md; a group also needs more clients than items for its covariance matrix to be
 * of full rank, or the steps cannot be fitted). With fewer than two such languages the page says so instead.
 */
final class StructureInvariance {

    private static final int MINIMUM = OutcomeAnalysis.MINIMUM;

    /** The fit measures of each step the report keeps as figures (and the R script prints). */
    static final List<String> MEASURES = List.of("chisq", "df", "cfi", "rmsea");

    /** The same under MLR. */
    static final List<String> ROBUST_MEASURES = List.of("chisq.scaled", "cfi.robust", "rmsea.robust");

    private StructureInvariance() {}

    static void add(
            StructureContext report,
            String key,
            String caption,
            List<String> names,
            String model,
            List<double[]> rows,
            List<String> languages,
            CfaOptions options) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (Arrays.stream(rows.get(i)).noneMatch(Double::isNaN)) {
                counts.merge(languages.get(i), 1, Integer::sum);
            }
        }
        List<String> used = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        counts.forEach((language, n) -> (n >= MINIMUM ? used : leftOut).add(language + " (" + n + ")"));
        report.script.append("inv <- invariance(\"").append(key).append("\", model, x, d$language)\n");
        if (!leftOut.isEmpty()) {
            report.notes.add(
                    report.text("report.structure.languagesLeftOut", caption, MINIMUM, String.join(", ", leftOut)));
        }
        if (used.size() < 2) {
            report.notes.add(report.text(
                    "report.structure.languagesTooFew",
                    caption,
                    MINIMUM,
                    used.isEmpty() ? "–" : String.join(", ", used)));
            return;
        }
        List<double[]> groupRows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer n = counts.get(languages.get(i));
            if (n != null && n >= MINIMUM && Arrays.stream(rows.get(i)).noneMatch(Double::isNaN)) {
                groupRows.add(rows.get(i));
                labels.add(languages.get(i));
            }
        }
        String title = report.text("report.structure.invariance", caption, String.join(", ", used));
        CfaInvariance.Result result;
        CfaData data = new CfaData(names, groupRows, labels);
        CfaModel parsed = CfaModelSyntax.parse(model);
        try {
            result = CfaInvariance.fit(data, parsed, options);
            report.step();
        } catch (IllegalArgumentException e) {
            report.notes.add(report.text("report.structure.cfaFailed", title, e.getMessage()));
            return;
        }
        if (!result.converged()) {
            report.notes.add(report.text(
                    "report.structure.cfaFailed",
                    title,
                    String.join(
                            "; ",
                            result.steps().stream()
                                    .filter(s -> !s.fit().converged())
                                    .map(s -> s.name() + ": "
                                            + String.join(", ", s.fit().warnings()))
                                    .toList())));
            return;
        }
        boolean robust = options.estimator() == CfaOptions.Estimator.MLR;
        List<String> measures = new ArrayList<>(MEASURES);
        if (robust) {
            measures.addAll(ROBUST_MEASURES);
        }
        List<List<String>> steps = new ArrayList<>();
        for (CfaInvariance.Step step : result.steps()) {
            CfaResult fit = step.fit();
            List<String> row = new ArrayList<>();
            row.add(report.text("report.structure.step." + step.name()));
            for (String measure : measures) {
                row.add(StructureModels.format(measure, fit.fit(measure)));
                report.figures.put(key + "." + step.name() + "." + measure, fit.fit(measure));
            }
            fit.warnings().forEach(w -> report.notes.add(title + ", " + step.name() + ": " + w));
            steps.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add(report.text("report.structure.step"));
        header.addAll(measures);
        report.tables.add(new StudyReport.Table(title, header, steps));
        List<List<String>> tests = new ArrayList<>();
        for (CfaInvariance.Comparison c : result.comparisons()) {
            tests.add(StructureModels.differenceRow(
                    report.text(
                            "report.structure.stepAgainst",
                            report.text("report.structure.step." + c.restricted()),
                            report.text("report.structure.step." + c.free())),
                    c.test(),
                    robust ? c.deltaCfiRobust() : c.deltaCfi(),
                    robust ? c.deltaRmseaRobust() : c.deltaRmsea()));
            StructureModels.putTest(report, key + "." + c.restricted(), c.test());
            c.test().warnings().forEach(w -> report.notes.add(title + ", " + c.restricted() + ": " + w));
        }
        report.tables.add(new StudyReport.Table(
                report.text("report.structure.invarianceTests", caption),
                StructureModels.differenceHeader(report, robust),
                tests));
        report.notes.add(report.text("report.structure.invarianceRule"));
        StructurePartial.add(report, key, caption, data, parsed, factors(model), options, result, robust);
    }

    /** The factors of a model text of lines {@code factor =~ item + item …}, with their items in order. */
    static Map<String, List<String>> factors(String model) {
        Map<String, List<String>> factors = new LinkedHashMap<>();
        for (String line : model.strip().split("\n")) {
            String[] sides = line.split("=~");
            factors.put(
                    sides[0].strip(),
                    Arrays.stream(sides[1].split("\\+")).map(String::strip).toList());
        }
        return factors;
    }
}
