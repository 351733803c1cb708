package org.alliance.app.research;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.alliance.core.research.OutcomeFile;
import org.alliance.stats.provenance.Provenance;
import org.alliance.stats.regression.Coefficient;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.Formula;
import org.alliance.stats.regression.LinearOptions;
import org.alliance.stats.regression.LinearRegression;
import org.alliance.stats.regression.LinearRegressionResult;
import org.alliance.stats.regression.LogisticOptions;
import org.alliance.stats.regression.LogisticRegression;
import org.alliance.stats.regression.LogisticRegressionResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Danish question on a study's own data: an imported outcome (linear regression for a number, logistic for yes/no)
 * on the client's alliance, with the imported covariates, standard errors clustered by professional (CR1,
 * {@code sandwich::vcovCL(type = "HC1")}). The alliance of a client is the mean of the total score of their own
 * alliance questionnaires ({@code alliance-client}, perspective client) over the first three months (days since the
 * first meeting at most {@value #FIRST_MONTHS_DAYS}) or within one wave; the client's professional is the one of the
 * earliest of those check-ins.
 *
 * <p>Everything is computed from the same two files the researcher downloads ({@code data.csv} of the export and
 * {@code outcomes.csv}), so the report's R script gives the same numbers on them. Small numbers are protected
 * (docs/rules.md): nothing is shown for fewer than {@value #MINIMUM} clients or professionals, nor a category's
 * estimate for fewer than {@value #MINIMUM} clients in it.
 *
 * <p>The parts: the client summaries ({@link OutcomeSummary}) and the R script ({@link OutcomeScript}).
 */
@Component
class OutcomeAnalysis {

    static final int MINIMUM = 5;
    static final int FIRST_MONTHS_DAYS = 91;
    static final String INSTRUMENT = "alliance-client";

    /**
     * What the researcher chose.
     *
     * @param wave empty: the first three months; otherwise the wave's name
     */
    record Options(String outcome, Optional<String> wave, List<String> covariates) {
        Options {
            covariates = List.copyOf(covariates);
        }

        /** As stored with the report, {@code key=value} lines. */
        String describe() {
            return "outcome=" + outcome + "\nsummary="
                    + wave.map(w -> "wave " + w).orElse("first 3 months") + "\ncovariates="
                    + String.join(" ", covariates);
        }
    }

    private final StudyData data;
    private final StudyExport export;
    private final StudyOutcomes outcomes;
    private final MessageSource messages;

    OutcomeAnalysis(StudyData data, StudyExport export, StudyOutcomes outcomes, MessageSource messages) {
        this.data = data;
        this.export = export;
        this.outcomes = outcomes;
        this.messages = messages;
    }

    private String text(Study study, String key, Object... args) {
        return messages.getMessage(key, args, study.language().locale());
    }

    StudyReport run(Study study, Options options, IntConsumer progress) throws IOException {
        Map<String, StudyOutcomes.Variable> variables = new LinkedHashMap<>();
        outcomes.variables(study.id()).forEach(v -> variables.put(v.name(), v));
        StudyOutcomes.Variable outcome = variables.get(options.outcome());
        if (outcome == null
                || !outcome.outcome()
                || (outcome.type() != OutcomeFile.Type.YES_NO && outcome.type() != OutcomeFile.Type.NUMBER)) {
            throw new IllegalArgumentException("not an outcome of the study: " + options.outcome());
        }
        for (String covariate : options.covariates()) {
            StudyOutcomes.Variable variable = variables.get(covariate);
            if (variable == null || variable.outcome() || variable.type() == OutcomeFile.Type.DATE) {
                throw new IllegalArgumentException("not a covariate of the study: " + covariate);
            }
        }
        String total = totalColumn(study);
        Set<String> versions = new TreeSet<>();
        StudyData.Table table = allianceTable(study, progress);
        progress.accept(40);
        Map<String, OutcomeSummary> summaries = OutcomeSummary.of(table, total, options.wave(), versions);
        StudyData.Outcomes file = data.outcomes(study);
        // The first dated value of the outcome per client, with the client's covariates.
        Map<String, List<String>> first = new LinkedHashMap<>();
        List<String> header = null;
        for (CsvRecord record : StudyData.csv(new StringReader(new String(file.csv(), StandardCharsets.UTF_8)))) {
            List<String> fields = record.getFields();
            if (header == null) {
                header = fields;
            } else if (fields.get(1).equals(options.outcome()) && !fields.get(3).isEmpty()) {
                first.putIfAbsent(fields.get(0), fields);
            }
        }
        progress.accept(60);
        List<String> clients =
                summaries.keySet().stream().filter(first::containsKey).sorted().toList();
        int n = clients.size();
        double[] y = new double[n];
        double[] alliance = new double[n];
        String[] clusters = new String[n];
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> categorical = new LinkedHashMap<>();
        for (String covariate : options.covariates()) {
            if (variables.get(covariate).type() == OutcomeFile.Type.CATEGORY) {
                categorical.put(covariate, new String[n]);
            } else {
                numeric.put(covariate, new double[n]);
            }
        }
        for (int i = 0; i < n; i++) {
            OutcomeSummary summary = summaries.get(clients.get(i));
            List<String> fields = first.get(clients.get(i));
            y[i] = Double.parseDouble(fields.get(3));
            alliance[i] = summary.sum / summary.count;
            clusters[i] = summary.professional;
            for (Map.Entry<String, double[]> e : numeric.entrySet()) {
                String value = fields.get(header.indexOf(e.getKey()));
                e.getValue()[i] = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
            }
            for (Map.Entry<String, String[]> e : categorical.entrySet()) {
                String value = fields.get(header.indexOf(e.getKey()));
                e.getValue()[i] = value.isEmpty() ? null : value;
            }
        }
        // Complete cases, as the fit will use them: for the counts the small-number rule needs.
        Set<String> professionals = new LinkedHashSet<>();
        Map<String, Map<String, Integer>> levelCounts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (double[] column : numeric.values()) {
                ok &= !Double.isNaN(column[i]);
            }
            for (String[] column : categorical.values()) {
                ok &= column[i] != null;
            }
            if (ok) {
                professionals.add(clusters[i]);
                for (Map.Entry<String, String[]> e : categorical.entrySet()) {
                    levelCounts
                            .computeIfAbsent(e.getKey(), k -> new HashMap<>())
                            .merge(e.getValue()[i], 1, Integer::sum);
                }
            }
        }
        int used = (int) java.util.stream.IntStream.range(0, n)
                .filter(i -> numeric.values().stream().noneMatch(c -> Double.isNaN(c[i]))
                        && categorical.values().stream().allMatch(c -> c[i] != null))
                .count();
        boolean logistic = outcome.type() == OutcomeFile.Type.YES_NO;
        String response = "y";
        List<String> terms = new ArrayList<>();
        terms.add("alliance");
        terms.addAll(options.covariates());
        Formula formula = Formula.mainEffects(response, terms);
        List<StudyReport.Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        String method = "";
        String mixedMethod = "";
        CovarianceType covariance = CovarianceType.CR1;
        notes.add(text(
                study,
                "report.outcome.model",
                options.outcome(),
                options.wave()
                        .map(w -> text(study, "report.outcome.summaryWave", w))
                        .orElse(text(study, "report.outcome.summaryFirst")),
                options.covariates().isEmpty() ? "-" : String.join(", ", options.covariates())));
        if (used < MINIMUM || professionals.size() < MINIMUM) {
            notes.add(text(study, "report.smallNumbers", MINIMUM, used, professionals.size()));
        } else {
            Map<String, double[]> numericColumns = new LinkedHashMap<>();
            numericColumns.put("y", y);
            numericColumns.put("alliance", alliance);
            numericColumns.putAll(numeric);
            Map<String, String[]> textColumns = new LinkedHashMap<>(categorical);
            textColumns.put("professional", clusters);
            Columns columns = new Columns(numericColumns, new LinkedHashMap<>(textColumns));
            List<Coefficient> coefficients;
            List<List<String>> fit = new ArrayList<>();
            int fitted;
            int clusterCount;
            if (logistic) {
                LogisticRegressionResult result = LogisticRegression.fit(
                        formula, columns, new LogisticOptions(Map.of(), covariance, List.of("professional")));
                coefficients = result.coefficients();
                fitted = result.n();
                clusterCount = result.clusters();
                method = result.method();
                fit.add(List.of(text(study, "report.outcome.deviance"), number(result.deviance())));
                fit.add(List.of("AIC", number(result.aic())));
                notes.addAll(result.warnings());
            } else {
                LinearRegressionResult result = LinearRegression.fit(
                        formula, columns, new LinearOptions(Map.of(), covariance, List.of("professional")));
                coefficients = result.coefficients();
                fitted = result.n();
                clusterCount = result.clusters();
                method = result.method();
                fit.add(List.of("R²", number(result.rSquared())));
                fit.add(List.of(text(study, "report.outcome.sigma"), number(result.sigma())));
                notes.addAll(result.warnings());
            }
            progress.accept(90);
            fit.add(0, List.of(text(study, "report.outcome.clients"), String.valueOf(fitted)));
            fit.add(1, List.of(text(study, "report.outcome.professionals"), String.valueOf(clusterCount)));
            tables.add(new StudyReport.Table(
                    text(study, "report.outcome.fit"),
                    List.of(text(study, "report.figure"), text(study, "report.value")),
                    fit));
            List<List<String>> rows = new ArrayList<>();
            boolean heldBack = false;
            for (Coefficient c : coefficients) {
                Optional<Integer> small = smallLevel(c.term(), levelCounts);
                if (small.isPresent()) {
                    heldBack = true;
                    rows.add(List.of(c.term(), "–", "–", "–", "–", "–"));
                    continue;
                }
                rows.add(List.of(
                        c.term(),
                        number(c.estimate()),
                        number(c.standardError()),
                        number(c.statistic()),
                        pValue(c.pValue()),
                        "[" + number(c.confLow()) + ", " + number(c.confHigh()) + "]"));
                figures.put("coef." + c.term() + ".estimate", c.estimate());
                figures.put("coef." + c.term() + ".se", c.standardError());
            }
            figures.put("n", (double) fitted);
            if (heldBack) {
                notes.add(text(study, "report.smallLevels", MINIMUM));
            }
            tables.add(new StudyReport.Table(
                    text(study, logistic ? "report.outcome.coefficientsLogistic" : "report.outcome.coefficientsLinear"),
                    List.of(
                            text(study, "report.term"),
                            text(study, "report.estimate"),
                            text(study, "report.se"),
                            logistic ? "z" : "t",
                            "p",
                            text(study, "report.ci")),
                    rows));
            OutcomeMixed.Part mixed = OutcomeMixed.fit(
                    terms,
                    columns,
                    logistic,
                    term -> smallLevel(term, levelCounts).isPresent(),
                    figures,
                    (key, args) -> text(study, key, args));
            tables.addAll(mixed.tables());
            notes.addAll(mixed.notes());
            mixedMethod = mixed.method();
        }
        Provenance provenance = Provenance.method(
                        (logistic ? "glm(family = binomial)" : "lm") + "; "
                                + covariance.inR(List.of("professional"), logistic)
                                + (method.isEmpty() ? "" : "; " + method)
                                + "; random intercept per professional: lme4::"
                                + (logistic ? "glmer(family = binomial)" : "lmer(REML = TRUE)") + " of "
                                + OutcomeMixed.formula(terms)
                                + (mixedMethod.isEmpty() ? "" : "; " + mixedMethod),
                        null,
                        options.describe().replace('\n', ';'))
                .withData(new Provenance.Data("data.csv", table.sha256(), Math.toIntExact(table.rowCount()), List.of()))
                .withData(new Provenance.Data("outcomes.csv", file.sha256(), file.rowCount(), List.of()))
                .withInstruments(StudyReport.instruments(versions));
        String title = text(study, "report.outcome.title", options.outcome());
        return new StudyReport(
                title,
                tables,
                notes,
                provenance,
                figures,
                OutcomeScript.write(study, options, variables, total, logistic, table.sha256(), file.sha256()));
    }

    /** The export's column of the alliance questionnaire's total score. */
    private String totalColumn(Study study) {
        return Optional.ofNullable(export.scoreColumns(study).get(INSTRUMENT))
                .map(m -> m.get("total"))
                .orElseThrow(() -> new IllegalArgumentException("the study has no " + INSTRUMENT + " questionnaire"));
    }

    private StudyData.Table allianceTable(Study study, IntConsumer progress) throws IOException {
        return data.data(
                study,
                Set.of(
                        "client",
                        "professional",
                        "wave",
                        "days_since_first",
                        "meeting_date",
                        "instrument",
                        "instrument_version",
                        "perspective",
                        totalColumn(study)),
                share -> progress.accept((int) (StudyAnalysisRunner.EXPORT_SHARE * share)));
    }

    /**
     * Each client's alliance as the report uses it (the mean over the first three months, or within the wave), by
     * study pseudonym: for the demo's register outcomes, generated from the same figure the report fits.
     */
    Map<String, Double> alliances(Study study, Optional<String> wave) throws IOException {
        Map<String, Double> alliances = new LinkedHashMap<>();
        OutcomeSummary.of(allianceTable(study, percent -> {}), totalColumn(study), wave, new TreeSet<>())
                .forEach((client, summary) -> alliances.put(client, summary.sum / summary.count));
        return alliances;
    }

    /** The categorical term (covariate + level) with fewer than the minimum of clients in its level, if it is one. */
    private static Optional<Integer> smallLevel(String term, Map<String, Map<String, Integer>> levelCounts) {
        for (Map.Entry<String, Map<String, Integer>> covariate : levelCounts.entrySet()) {
            if (term.startsWith(covariate.getKey())) {
                Integer count = covariate
                        .getValue()
                        .get(term.substring(covariate.getKey().length()));
                if (count != null && count < MINIMUM) {
                    return Optional.of(count);
                }
            }
        }
        return Optional.empty();
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "–";
    }

    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
