package org.alliance.app.cli.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.CsvInputOptions;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.regression.Coefficient;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.Formula;
import org.alliance.stats.regression.LinearOptions;
import org.alliance.stats.regression.LinearRegression;
import org.alliance.stats.regression.LinearRegressionResult;
import org.alliance.stats.regression.LogisticRegression;
import org.alliance.stats.regression.LogisticRegressionResult;
import org.alliance.stats.regression.StandardizedCoefficient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code alliance regress}: linear (R's lm) or logistic (R's glm, binomial) regression from a CSV file. */
@Command(
        name = "regress",
        mixinStandardHelpOptions = true,
        description = {
            "Linear regression as R's lm (optionally with HC3 or cluster-robust CR1 standard errors as R's sandwich),",
            "or logistic regression as R's glm(family = binomial).",
            "Text columns become dummies with the first level (sorted) as reference. Rows with a missing value",
            "(empty or NA) in any variable used are left out."
        })
public final class RegressCommand implements Callable<Integer> {

    enum Family {
        gaussian,
        binomial
    }

    enum Robust {
        hc3
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CsvInputOptions input = new CsvInputOptions();

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "CSV file with a header row.")
    Path data;

    @Option(
            names = "--formula",
            required = true,
            paramLabel = "FORMULA",
            description = "Model formula, e.g. \"y ~ x1 + x2\" (main effects only; intercept always included).")
    String formulaText;

    @Option(
            names = "--family",
            paramLabel = "FAMILY",
            description = "gaussian (default, linear) or binomial (logistic).")
    Family family = Family.gaussian;

    @Option(names = "--robust", paramLabel = "TYPE", description = "hc3: heteroskedasticity-robust standard errors.")
    Robust robust;

    @Option(
            names = "--cluster",
            paramLabel = "COLUMN",
            description = "Cluster-robust (CR1) standard errors with clusters given by this column.")
    String cluster;

    @Option(
            names = "--reference",
            paramLabel = "COLUMN=LEVEL",
            description = "Reference level of a categorical predictor (repeatable). Makes the column categorical.")
    Map<String, String> references = new LinkedHashMap<>();

    @Option(
            names = "--factor",
            split = ",",
            paramLabel = "COLUMN",
            description = "Treat these numeric columns as categorical (like factor(x) in R).")
    List<String> factors = new ArrayList<>();

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        Formula formula;
        try {
            formula = Formula.parse(formulaText);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--formula: " + e.getMessage());
        }
        if (family == Family.binomial && (robust != null || cluster != null)) {
            throw new UserInputException("--robust and --cluster apply to linear models only (--family gaussian)");
        }
        if (robust != null && cluster != null) {
            throw new UserInputException("choose either --robust hc3 or --cluster COLUMN, not both");
        }
        Set<String> categorical = new LinkedHashSet<>(factors);
        categorical.addAll(references.keySet());
        for (String name : categorical) {
            if (!formula.terms().contains(name)) {
                throw new UserInputException(
                        "'" + name + "' is given as categorical but is not a predictor in " + formula);
            }
        }
        DataTable table = StatisticsOutput.read(data, input, spec.commandLine().getErr());
        Columns columns = columns(table, formula, categorical);
        RegressJson tree;
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (family == Family.binomial) {
                LogisticRegressionResult result = LogisticRegression.fit(formula, columns, references);
                if (format.text()) {
                    printText(out, formula, result);
                    return ExitCodes.OK;
                }
                tree = json(result, table);
            } else {
                CovarianceType type = cluster != null
                        ? CovarianceType.CR1
                        : robust != null ? CovarianceType.HC3 : CovarianceType.CLASSICAL;
                LinearRegressionResult result = LinearRegression.fit(
                        formula, columns, new LinearOptions(references, type, Optional.ofNullable(cluster)));
                if (format.text()) {
                    printText(out, formula, result);
                    return ExitCodes.OK;
                }
                tree = json(result, table);
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        StatisticsOutput.printJson(out, tree);
        return ExitCodes.OK;
    }

    /** The formula's variables (and the cluster column): numeric when every value is a number, else categorical. */
    private Columns columns(DataTable table, Formula formula, Set<String> categorical) {
        List<String> needed = new ArrayList<>(formula.variables());
        if (cluster != null) {
            needed.add(cluster);
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String name : needed) {
            try {
                table.columnIndex(name);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            boolean response = name.equals(formula.response());
            if (response || (!categorical.contains(name) && table.isNumeric(name))) {
                // The response must be numeric: the error names the first cell that is not a number.
                numeric.put(name, StatisticsOutput.numeric(table, name));
            } else {
                // A single "." among numbers used to turn a numeric predictor into a factor with a level per value
                // (95 terms, exit 0; issue 15). A column that is mostly numbers is text only when declared so.
                Optional<String> why = categorical.contains(name) ? Optional.empty() : table.whyText(name);
                if (why.isPresent()) {
                    throw new UserInputException("column '" + name + "' would be read as text: " + why.get()
                            + (formula.terms().contains(name)
                                    ? "; if it really is categorical, say so with --factor " + name
                                    : ""));
                }
                text.put(name, table.text(name).toArray(String[]::new));
            }
        }
        return new Columns(numeric, text);
    }

    private RegressJson json(LinearRegressionResult result, DataTable table) {
        List<Object> coefficients = new ArrayList<>();
        for (int j = 0; j < result.coefficients().size(); j++) {
            coefficients.add(coefficient(
                    result.coefficients().get(j),
                    result.standardizedCoefficients().get(j).estimate()));
        }
        LinearModel model = new LinearModel(
                "gaussian",
                StatisticsOutput.number(result.rSquared()),
                StatisticsOutput.number(result.adjustedRSquared()),
                StatisticsOutput.number(result.sigma()),
                StatisticsOutput.number(result.fStatistic()),
                result.fNumeratorDf(),
                result.fDenominatorDf(),
                StatisticsOutput.number(result.fPValue()),
                StatisticsOutput.number(result.sigma() * result.sigma() * result.residualDf()),
                StatisticsOutput.number(result.logLikelihood()),
                StatisticsOutput.number(result.aic()),
                StatisticsOutput.number(result.bic()),
                result.n(),
                result.rowsDropped(),
                result.residualDf(),
                result.covarianceType().name().toLowerCase(java.util.Locale.ROOT),
                result.covarianceType() == CovarianceType.CR1 ? result.clusters() : null);
        return new RegressJson(
                coefficients, model, result.warnings(), StatisticsOutput.provenance(result.method(), options(), table));
    }

    private RegressJson json(LogisticRegressionResult result, DataTable table) {
        List<Object> coefficients = new ArrayList<>();
        for (int j = 0; j < result.coefficients().size(); j++) {
            Coefficient c = result.coefficients().get(j);
            LogisticRegressionResult.OddsRatio odds = result.oddsRatios().get(j);
            coefficients.add(new LogisticRow(
                    c.term(),
                    StatisticsOutput.number(c.estimate()),
                    StatisticsOutput.number(c.standardError()),
                    StatisticsOutput.number(c.statistic()),
                    StatisticsOutput.number(c.pValue()),
                    StatisticsOutput.number(c.confLow()),
                    StatisticsOutput.number(c.confHigh()),
                    StatisticsOutput.number(odds.estimate()),
                    StatisticsOutput.number(odds.confLow()),
                    StatisticsOutput.number(odds.confHigh())));
        }
        LogisticModel model = new LogisticModel(
                "binomial",
                null,
                null,
                null,
                null,
                StatisticsOutput.number(result.deviance()),
                StatisticsOutput.number(result.nullDeviance()),
                StatisticsOutput.number(result.logLikelihood()),
                StatisticsOutput.number(result.aic()),
                StatisticsOutput.number(result.bic()),
                result.n(),
                result.rowsDropped(),
                result.residualDf(),
                result.iterations(),
                result.converged());
        return new RegressJson(
                coefficients, model, result.warnings(), StatisticsOutput.provenance(result.method(), options(), table));
    }

    private static CoefficientRow coefficient(Coefficient c, double standardized) {
        return new CoefficientRow(
                c.term(),
                StatisticsOutput.number(c.estimate()),
                StatisticsOutput.number(c.standardError()),
                StatisticsOutput.number(c.statistic()),
                StatisticsOutput.number(c.pValue()),
                StatisticsOutput.number(c.confLow()),
                StatisticsOutput.number(c.confHigh()),
                StatisticsOutput.number(standardized));
    }

    private Options options() {
        return new Options(
                formulaText,
                family.name(),
                robust == null ? null : robust.name(),
                cluster,
                references,
                factors,
                "listwise deletion over the formula's variables" + (cluster == null ? "" : " and the cluster column"));
    }

    /** The JSON of {@code regress}: coefficient rows and model of the family fitted, then provenance. */
    record RegressJson(
            List<Object> coefficients,
            Object model,
            List<String> warnings,
            StatisticsOutput.DataProvenance provenance) {}

    /**
     * A coefficient of a linear model; {@code std_estimate} is β = b · sd(x)/sd(y) as lm.beta (a dummy by the SD of its
     * 0/1 column; null for the intercept).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CoefficientRow(
            String term,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double statistic,
            @Nullable Double pValue,
            @Nullable Double confLow,
            @Nullable Double confHigh,
            @Nullable Double stdEstimate) {}

    /** A coefficient of a logistic model, with its odds ratio and that ratio's interval. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogisticRow(
            String term,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double statistic,
            @Nullable Double pValue,
            @Nullable Double confLow,
            @Nullable Double confHigh,
            @Nullable Double oddsRatio,
            @Nullable Double orConfLow,
            @Nullable Double orConfHigh) {}

    /** A linear model as R's summary(lm); {@code clusters} only with cluster-robust (CR1) standard errors. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LinearModel(
            String family,
            @Nullable Double rSquared,
            @JsonProperty("adj_r_squared") @Nullable Double adjRSquared,
            @Nullable Double sigma,
            @Nullable Double fStatistic,
            @JsonProperty("f_df1") int fDf1,
            @JsonProperty("f_df2") int fDf2,
            @JsonProperty("f_p_value") @Nullable Double fPValue,
            @Nullable Double deviance,
            @Nullable Double logLik,
            @Nullable Double aic,
            @Nullable Double bic,
            int n,
            int rowsDropped,
            int dfResidual,
            String standardErrors,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer clusters) {}

    /** A logistic model as R's glm; the linear model's R², sigma and F are null (they have no meaning here). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogisticModel(
            String family,
            @Nullable Double rSquared,
            @JsonProperty("adj_r_squared") @Nullable Double adjRSquared,
            @Nullable Double sigma,
            @Nullable Double fStatistic,
            @Nullable Double deviance,
            @Nullable Double nullDeviance,
            @Nullable Double logLik,
            @Nullable Double aic,
            @Nullable Double bic,
            int n,
            int rowsDropped,
            int dfResidual,
            int iterations,
            boolean converged) {}

    record Options(
            String formula,
            String family,
            @Nullable String robust,
            @Nullable String cluster,
            Map<String, String> reference,
            List<String> factor,
            String missing) {}

    private void printText(PrintWriter out, Formula formula, LinearRegressionResult result) {
        out.println("Linear regression (as R lm): " + formula);
        out.println("n = " + result.n() + " (" + result.rowsDropped() + " rows left out for missing values)");
        out.println("Standard errors: "
                + switch (result.covarianceType()) {
                    case CLASSICAL -> "classical";
                    case HC3 -> "HC3 heteroskedasticity-robust (sandwich::vcovHC type HC3)";
                    case CR1 ->
                        "CR1 cluster-robust by " + cluster + ", " + result.clusters()
                                + " clusters (sandwich::vcovCL type HC1)";
                });
        out.println();
        printCoefficients(out, result.coefficients(), "t value", "Pr(>|t|)", null, result.standardizedCoefficients());
        out.println();
        out.println("Residual standard error: " + StatisticsOutput.format(result.sigma()) + " on " + result.residualDf()
                + " degrees of freedom");
        out.println("Multiple R-squared: " + StatisticsOutput.format(result.rSquared()) + ", Adjusted R-squared: "
                + StatisticsOutput.format(result.adjustedRSquared()));
        out.println("F-statistic: " + StatisticsOutput.format(result.fStatistic()) + " on " + result.fNumeratorDf()
                + " and " + result.fDenominatorDf() + " DF, p-value: " + StatisticsOutput.formatP(result.fPValue()));
        out.println("logLik: " + StatisticsOutput.format(result.logLikelihood()) + ", AIC: "
                + StatisticsOutput.format(result.aic()) + ", BIC: " + StatisticsOutput.format(result.bic()));
        printWarnings(out, result.warnings());
    }

    private void printText(PrintWriter out, Formula formula, LogisticRegressionResult result) {
        out.println("Logistic regression (as R glm, family = binomial): " + formula);
        out.println("n = " + result.n() + " (" + result.rowsDropped() + " rows left out for missing values)");
        out.println();
        printCoefficients(out, result.coefficients(), "z value", "Pr(>|z|)", result.oddsRatios(), null);
        out.println();
        out.println("Null deviance: " + StatisticsOutput.format(result.nullDeviance()) + " on " + (result.n() - 1)
                + " degrees of freedom");
        out.println("Residual deviance: " + StatisticsOutput.format(result.deviance()) + " on " + result.residualDf()
                + " degrees of freedom");
        out.println(
                "AIC: " + StatisticsOutput.format(result.aic()) + ", BIC: " + StatisticsOutput.format(result.bic()));
        out.println("Number of IRLS iterations: " + result.iterations());
        printWarnings(out, result.warnings());
    }

    private static void printCoefficients(
            PrintWriter out,
            List<Coefficient> coefficients,
            String statistic,
            String p,
            @Nullable List<LogisticRegressionResult.OddsRatio> oddsRatios,
            @Nullable List<StandardizedCoefficient> standardized) {
        List<String> header = new ArrayList<>(List.of("", "Estimate", "Std. Error", statistic, p, "2.5 %", "97.5 %"));
        if (oddsRatios != null) {
            header.addAll(List.of("OR", "OR 2.5 %", "OR 97.5 %"));
        }
        if (standardized != null) {
            header.add("Standardized");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < coefficients.size(); j++) {
            Coefficient c = coefficients.get(j);
            List<String> row = new ArrayList<>(List.of(
                    c.term(),
                    StatisticsOutput.format(c.estimate()),
                    StatisticsOutput.format(c.standardError()),
                    StatisticsOutput.format(c.statistic()),
                    StatisticsOutput.formatP(c.pValue()),
                    StatisticsOutput.format(c.confLow()),
                    StatisticsOutput.format(c.confHigh())));
            if (oddsRatios != null) {
                LogisticRegressionResult.OddsRatio odds = oddsRatios.get(j);
                row.addAll(List.of(
                        StatisticsOutput.format(odds.estimate()),
                        StatisticsOutput.format(odds.confLow()),
                        StatisticsOutput.format(odds.confHigh())));
            }
            if (standardized != null) {
                double beta = standardized.get(j).estimate();
                row.add(Double.isNaN(beta) ? "" : StatisticsOutput.format(beta));
            }
            rows.add(row);
        }
        StatisticsOutput.printTable(out, header, rows);
    }

    private static void printWarnings(PrintWriter out, List<String> warnings) {
        for (String warning : warnings) {
            out.println("Warning: " + warning);
        }
        out.flush();
    }
}
