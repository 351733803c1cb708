package org.alliance.app.cli.statistics;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        Map<String, Object> tree;
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

    private Map<String, Object> json(LinearRegressionResult result, DataTable table) {
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (Coefficient c : result.coefficients()) {
            coefficients.add(coefficient(c));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("family", "gaussian");
        model.put("r_squared", StatisticsOutput.number(result.rSquared()));
        model.put("adj_r_squared", StatisticsOutput.number(result.adjustedRSquared()));
        model.put("sigma", StatisticsOutput.number(result.sigma()));
        model.put("f_statistic", StatisticsOutput.number(result.fStatistic()));
        model.put("f_df1", result.fNumeratorDf());
        model.put("f_df2", result.fDenominatorDf());
        model.put("f_p_value", StatisticsOutput.number(result.fPValue()));
        model.put("deviance", StatisticsOutput.number(result.sigma() * result.sigma() * result.residualDf()));
        model.put("log_lik", StatisticsOutput.number(result.logLikelihood()));
        model.put("aic", StatisticsOutput.number(result.aic()));
        model.put("bic", StatisticsOutput.number(result.bic()));
        model.put("n", result.n());
        model.put("rows_dropped", result.rowsDropped());
        model.put("df_residual", result.residualDf());
        model.put("standard_errors", result.covarianceType().name().toLowerCase(java.util.Locale.ROOT));
        if (result.covarianceType() == CovarianceType.CR1) {
            model.put("clusters", result.clusters());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("coefficients", coefficients);
        root.put("model", model);
        root.put("warnings", result.warnings());
        root.put("provenance", StatisticsOutput.provenance(result.method(), options(), table));
        return root;
    }

    private Map<String, Object> json(LogisticRegressionResult result, DataTable table) {
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (int j = 0; j < result.coefficients().size(); j++) {
            Map<String, Object> row = coefficient(result.coefficients().get(j));
            LogisticRegressionResult.OddsRatio odds = result.oddsRatios().get(j);
            row.put("odds_ratio", StatisticsOutput.number(odds.estimate()));
            row.put("or_conf_low", StatisticsOutput.number(odds.confLow()));
            row.put("or_conf_high", StatisticsOutput.number(odds.confHigh()));
            coefficients.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("family", "binomial");
        model.put("r_squared", null);
        model.put("adj_r_squared", null);
        model.put("sigma", null);
        model.put("f_statistic", null);
        model.put("deviance", StatisticsOutput.number(result.deviance()));
        model.put("null_deviance", StatisticsOutput.number(result.nullDeviance()));
        model.put("log_lik", StatisticsOutput.number(result.logLikelihood()));
        model.put("aic", StatisticsOutput.number(result.aic()));
        model.put("bic", StatisticsOutput.number(result.bic()));
        model.put("n", result.n());
        model.put("rows_dropped", result.rowsDropped());
        model.put("df_residual", result.residualDf());
        model.put("iterations", result.iterations());
        model.put("converged", result.converged());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("coefficients", coefficients);
        root.put("model", model);
        root.put("warnings", result.warnings());
        root.put("provenance", StatisticsOutput.provenance(result.method(), options(), table));
        return root;
    }

    private static Map<String, Object> coefficient(Coefficient c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("term", c.term());
        row.put("estimate", StatisticsOutput.number(c.estimate()));
        row.put("std_error", StatisticsOutput.number(c.standardError()));
        row.put("statistic", StatisticsOutput.number(c.statistic()));
        row.put("p_value", StatisticsOutput.number(c.pValue()));
        row.put("conf_low", StatisticsOutput.number(c.confLow()));
        row.put("conf_high", StatisticsOutput.number(c.confHigh()));
        return row;
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("formula", formulaText);
        options.put("family", family.name());
        options.put("robust", robust == null ? null : robust.name());
        options.put("cluster", cluster);
        options.put("reference", references);
        options.put("factor", factors);
        options.put(
                "missing",
                "listwise deletion over the formula's variables" + (cluster == null ? "" : " and the cluster column"));
        return options;
    }

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
        printCoefficients(out, result.coefficients(), "t value", "Pr(>|t|)", null);
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
        printCoefficients(out, result.coefficients(), "z value", "Pr(>|z|)", result.oddsRatios());
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
            List<LogisticRegressionResult.OddsRatio> oddsRatios) {
        List<String> header = new ArrayList<>(List.of("", "Estimate", "Std. Error", statistic, p, "2.5 %", "97.5 %"));
        if (oddsRatios != null) {
            header.addAll(List.of("OR", "OR 2.5 %", "OR 97.5 %"));
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
