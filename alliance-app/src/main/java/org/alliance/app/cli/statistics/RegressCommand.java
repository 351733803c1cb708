package org.alliance.app.cli.statistics;

import static java.util.Locale.ROOT;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.regression.Coefficient;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.CovarianceType;
import org.alliance.stats.regression.Formula;
import org.alliance.stats.regression.LevelOrder;
import org.alliance.stats.regression.LinearOptions;
import org.alliance.stats.regression.LinearRegression;
import org.alliance.stats.regression.LinearRegressionResult;
import org.alliance.stats.regression.LogisticOptions;
import org.alliance.stats.regression.LogisticRegression;
import org.alliance.stats.regression.LogisticRegressionResult;
import org.alliance.stats.regression.StandardizedCoefficient;
import org.alliance.stats.regression.WaldTest;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code alliance regress}: linear (R's lm) or logistic (R's glm, binomial) regression from a CSV file. */
@Command(
        name = "regress",
        mixinStandardHelpOptions = true,
        description = {
            "Linear regression as R's lm or logistic regression as R's glm(family = binomial), optionally with robust"
                    + " (HC0-HC3) or one- or multiway cluster-robust standard errors as R's sandwich; with robust errors"
                    + " the robust Wald test of all slopes as lmtest::waldtest (F for linear, chi-square for logistic"
                    + " models) takes the place of the classical F.",
            "Text columns become dummies with the first level (sorted) as reference. Rows with a missing value",
            "(empty or NA) in any variable used are left out."
        })
public final class RegressCommand implements Callable<Integer> {

    enum Family {
        gaussian,
        binomial
    }

    /** The lower-case names appear as such in the JSON's options; the option takes them in any case (HC3 as R). */
    enum Robust {
        hc0,
        hc1,
        hc2,
        hc3,
        cr0,
        cr1;

        static final class Converter implements ITypeConverter<Robust> {
            @Override
            public Robust convert(String value) {
                try {
                    return Robust.valueOf(value.toLowerCase(ROOT));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("'" + value
                            + "' is not a type of robust standard errors; use hc0, hc1, hc2, hc3, cr0 or cr1");
                }
            }
        }
    }

    @Mixin
    DataFile input = new DataFile();

    @Option(
            names = "--formula",
            required = true,
            paramLabel = "FORMULA",
            description = "Model formula as R writes it, e.g. \"y ~ x1 * factor(g) + I(x2^2) + log(x3)\": interactions"
                    + " a*b and a:b, factor(), I() arithmetic, log, exp, sqrt, scale, -1 or 0 + (no intercept), . (all"
                    + " other columns); the response may be transformed, e.g. log(y) ~ x. Not supported: poly, offset,"
                    + " %%in%%, / and ^ outside I().")
    String formulaText;

    @Option(
            names = "--weights",
            paramLabel = "COLUMN",
            description = "Prior weights (positive numbers) as lm(weights = w) (weighted least squares) or"
                    + " glm(weights = w).")
    String weights;

    @Option(names = "--collate", paramLabel = "ORDER", description = Collation.DESCRIPTION)
    String collate = "locale";

    @Option(
            names = "--family",
            paramLabel = "FAMILY",
            description = "gaussian (default, linear) or binomial (logistic).")
    Family family = Family.gaussian;

    @Option(
            names = "--robust",
            paramLabel = "TYPE",
            converter = Robust.Converter.class,
            description = "hc0, hc1, hc2, hc3: heteroskedasticity-robust standard errors as sandwich::vcovHC(fit,"
                    + " type = \"HC3\"). With --cluster: cr1 (vcovCL type HC1, G/(G-1)(n-1)/(n-p); the default for"
                    + " linear models) or cr0 (type HC0, G/(G-1) only; the default for logistic models), as"
                    + " vcovCL(fit, cluster = ~g) chooses.")
    Robust robust;

    @Option(
            names = "--cluster",
            split = ",",
            paramLabel = "COLUMN",
            description = "Cluster-robust standard errors with clusters given by this column; two or more columns"
                    + " (a,b) cluster in several ways at once, as vcovCL(fit, cluster = ~ a + b).")
    List<String> clusters = new ArrayList<>();

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
        // The data is read first only when the formula has a '.', so that a bad formula is reported before the file.
        DataTable[] read = new DataTable[1];
        Formula formula;
        try {
            formula = Formula.parse(formulaText, () -> {
                read[0] = input.read();
                return read[0].columns();
            });
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--formula: " + e.getMessage());
        }
        CovarianceType type = covarianceType();
        LevelOrder levelOrder = levelOrder();
        Set<String> categorical = new LinkedHashSet<>(factors);
        for (String name : references.keySet()) {
            if (!name.contains("(")) {
                categorical.add(name);
            }
        }
        for (String name : categorical) {
            if (!formula.predictorColumns().contains(name)) {
                throw new UserInputException(
                        "'" + name + "' is given as categorical but is not a predictor in " + formula);
            }
        }
        DataTable table = read[0] != null ? read[0] : input.read();
        Columns columns = columns(table, formula, categorical);
        Optional<String> weightColumn = Optional.ofNullable(weights);
        RegressJson tree;
        PrintWriter out = input.out();
        try {
            if (family == Family.binomial) {
                LogisticRegressionResult result = LogisticRegression.fit(
                        formula, columns, new LogisticOptions(references, type, clusters, levelOrder, weightColumn));
                if (format.text()) {
                    printText(out, formula, result);
                    return ExitCodes.OK;
                }
                tree = json(result, table);
            } else {
                LinearRegressionResult result = LinearRegression.fit(
                        formula, columns, new LinearOptions(references, type, clusters, levelOrder, weightColumn));
                if (format.text()) {
                    printText(out, formula, result);
                    return ExitCodes.OK;
                }
                tree = json(result, table);
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(withFileLines(e.getMessage(), table));
        }
        StatisticsOutput.printJson(out, tree);
        return ExitCodes.OK;
    }

    /** "data row 3" in a message from the model, with the file's line added (rows can span lines). */
    private static String withFileLines(String message, DataTable table) {
        java.util.regex.Matcher m = DATA_ROW.matcher(message);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            int row = Integer.parseInt(m.group(1));
            String line = row >= 1 && row <= table.rowCount()
                    ? " (" + table.source() + ", " + table.where(row - 1) + ")"
                    : "";
            m.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(m.group() + line));
        }
        m.appendTail(result);
        return result.toString();
    }

    private static final java.util.regex.Pattern DATA_ROW = java.util.regex.Pattern.compile("data row (\\d+)");

    private LevelOrder levelOrder() {
        return Collation.parse(collate);
    }

    /**
     * The covariance type the options ask for: --robust alone, --cluster with cr1 (linear) or cr0 (logistic) by default
     * as vcovCL(fit, cluster = ~g) chooses, or classical.
     */
    private CovarianceType covarianceType() {
        boolean clustered = robust == Robust.cr0 || robust == Robust.cr1;
        if (clusters.isEmpty()) {
            if (clustered) {
                throw new UserInputException(
                        "--robust " + robust + " is cluster-robust: name the cluster column(s) with --cluster");
            }
            return robust == null
                    ? CovarianceType.CLASSICAL
                    : CovarianceType.valueOf(robust.name().toUpperCase(ROOT));
        }
        if (robust != null && !clustered) {
            throw new UserInputException("choose either --robust " + robust + " or --cluster "
                    + String.join(",", clusters) + ", not both (with --cluster, --robust takes cr0 or cr1)");
        }
        if (new LinkedHashSet<>(clusters).size() != clusters.size()) {
            throw new UserInputException("--cluster names a column twice: " + String.join(",", clusters));
        }
        if (robust != null) {
            return CovarianceType.valueOf(robust.name().toUpperCase(ROOT));
        }
        return family == Family.binomial ? CovarianceType.CR0 : CovarianceType.CR1;
    }

    /** The formula's variables (and the cluster columns): numeric when every value is a number, else categorical. */
    private Columns columns(DataTable table, Formula formula, Set<String> categorical) {
        List<String> needed = new ArrayList<>(formula.columns());
        if (weights != null && !needed.contains(weights)) {
            needed.add(weights);
        }
        for (String cluster : clusters) {
            if (!needed.contains(cluster)) {
                needed.add(cluster);
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        for (String name : needed) {
            try {
                table.columnIndex(name);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            boolean response = formula.responseColumns().contains(name) || name.equals(weights);
            if (response || (!categorical.contains(name) && table.isNumeric(name))) {
                // The response must be numeric: the error names the first cell that is not a number.
                numeric.put(name, StatisticsOutput.numeric(table, name));
            } else {
                // A single "." among numbers used to turn a numeric predictor into a factor with a level per value
                // (95 terms, exit 0; issue 15). A column that is mostly numbers is text only when declared so.
                Optional<String> why = categorical.contains(name) ? Optional.empty() : table.whyText(name);
                if (why.isPresent()) {
                    throw new UserInputException("column '" + name + "' would be read as text: " + why.get()
                            + (formula.predictorColumns().contains(name)
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
                result.covarianceType().name().toLowerCase(ROOT),
                vcovInR(result.covarianceType(), false),
                result.covarianceType().isClustered() ? result.clusters() : null,
                clusterCounts(result.clusterCounts()),
                wald(result.robustWaldTest(), result.covarianceType(), false));
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
                result.converged(),
                result.covarianceType().name().toLowerCase(ROOT),
                vcovInR(result.covarianceType(), true),
                result.covarianceType().isClustered() ? result.clusters() : null,
                clusterCounts(result.clusterCounts()),
                wald(result.robustWaldTest(), result.covarianceType(), true));
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

    /** The sandwich call of a robust covariance, e.g. vcovCL(fit, cluster = ~ a + b); null for classical errors. */
    private @Nullable String vcovInR(CovarianceType type, boolean logistic) {
        return type.isRobust() ? type.inR(clusters, logistic) : null;
    }

    /** Clusters per cluster column, in the order given; null unless clustered. */
    private @Nullable Map<String, Integer> clusterCounts(List<Integer> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        for (int v = 0; v < counts.size(); v++) {
            named.put(clusters.get(v), counts.get(v));
        }
        return named;
    }

    private @Nullable WaldJson wald(Optional<WaldTest> test, CovarianceType type, boolean logistic) {
        return test.map(w -> new WaldJson(
                        w.form() == WaldTest.Form.F ? "F" : "chisq",
                        StatisticsOutput.number(w.statistic()),
                        w.df(),
                        w.form() == WaldTest.Form.F ? w.residualDf() : null,
                        StatisticsOutput.number(w.pValue()),
                        w.terms(),
                        w.inR(type.inR(clusters, logistic))))
                .orElse(null);
    }

    private Options options() {
        return new Options(
                formulaText,
                family.name(),
                robust == null ? null : robust.name(),
                clusters.isEmpty() ? null : String.join(",", clusters),
                references,
                factors,
                weights,
                levelOrderName(),
                "listwise deletion over the formula's variables"
                        + (clusters.isEmpty()
                                ? ""
                                : clusters.size() == 1 ? " and the cluster column" : " and the cluster columns")
                        + (weights == null ? "" : " and the weights"));
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

    /**
     * A linear model as R's summary(lm); {@code f_statistic} is the classical F as summary(lm) prints it, also with robust
     * errors, when {@code wald_test} is the test to report. {@code vcov_in_r} is the sandwich call of a robust
     * covariance. {@code clusters} (the smallest number of clusters over the
     * cluster columns) and {@code cluster_counts} only with cluster-robust standard errors, {@code wald_test} only with
     * robust ones.
     */
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
            @JsonProperty("vcov_in_r") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String vcovInR,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer clusters,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Integer> clusterCounts,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WaldJson waldTest) {}

    /**
     * A logistic model as R's glm; the linear model's R², sigma and F are null (they have no meaning here). The standard
     * errors as in {@link LinearModel}; {@code wald_test} (χ²) only with robust ones.
     */
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
            boolean converged,
            String standardErrors,
            @JsonProperty("vcov_in_r") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String vcovInR,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer clusters,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Integer> clusterCounts,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WaldJson waldTest) {}

    /**
     * The robust Wald test of all slopes: {@code test} "F" (linear; {@code df_residual} is its denominator df) or
     * "chisq" (logistic), and the R call that gives the same figures.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WaldJson(
            String test,
            @Nullable Double statistic,
            int df,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer dfResidual,
            @Nullable Double pValue,
            List<String> terms,
            String inR) {}

    record Options(
            String formula,
            String family,
            @Nullable String robust,
            @Nullable String cluster,
            Map<String, String> reference,
            List<String> factor,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String weights,
            String collate,
            String missing) {}

    /** The level order used, e.g. "C" or "da-DK" (the locale's tag for --collate locale). */
    private String levelOrderName() {
        return levelOrder().name();
    }

    private void printText(PrintWriter out, Formula formula, LinearRegressionResult result) {
        out.println("Linear regression (as R lm): " + formula + (weights == null ? "" : ", weights = " + weights));
        out.println("n = " + result.n() + " (" + result.rowsDropped() + " rows left out for missing values)");
        out.println("Standard errors: " + standardErrors(result.covarianceType(), result.clusterCounts(), false));
        out.println();
        printCoefficients(out, result.coefficients(), "t value", "Pr(>|t|)", null, result.standardizedCoefficients());
        out.println();
        out.println("Residual standard error: " + StatisticsOutput.format(result.sigma()) + " on " + result.residualDf()
                + " degrees of freedom");
        out.println("Multiple R-squared: " + StatisticsOutput.format(result.rSquared()) + ", Adjusted R-squared: "
                + StatisticsOutput.format(result.adjustedRSquared()));
        if (result.covarianceType().isRobust()) {
            // The classical F assumes independent errors of equal variance, which robust errors do not.
            printWald(out, result.robustWaldTest(), result.covarianceType(), false);
        } else {
            out.println("F-statistic: " + StatisticsOutput.format(result.fStatistic()) + " on " + result.fNumeratorDf()
                    + " and " + result.fDenominatorDf() + " DF, p-value: "
                    + StatisticsOutput.formatP(result.fPValue()));
        }
        out.println("logLik: " + StatisticsOutput.format(result.logLikelihood()) + ", AIC: "
                + StatisticsOutput.format(result.aic()) + ", BIC: " + StatisticsOutput.format(result.bic()));
        printWarnings(out, result.warnings());
    }

    private void printText(PrintWriter out, Formula formula, LogisticRegressionResult result) {
        out.println("Logistic regression (as R glm, family = binomial): " + formula
                + (weights == null ? "" : ", weights = " + weights));
        out.println("n = " + result.n() + " (" + result.rowsDropped() + " rows left out for missing values)");
        out.println("Standard errors: " + standardErrors(result.covarianceType(), result.clusterCounts(), true));
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
        if (result.covarianceType().isRobust()) {
            printWald(out, result.robustWaldTest(), result.covarianceType(), true);
        }
        printWarnings(out, result.warnings());
    }

    private String standardErrors(CovarianceType type, List<Integer> counts, boolean logistic) {
        if (type == CovarianceType.CLASSICAL) {
            return "classical";
        }
        String what = type.isClustered()
                ? type + " cluster-robust by " + clusterText(counts)
                : type + " heteroskedasticity-robust";
        return what + " (sandwich::" + type.inR(clusters, logistic) + ")";
    }

    /** "gear (3 clusters)" or "firm (500 clusters) and year (10 clusters)". */
    private String clusterText(List<Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (int v = 0; v < counts.size(); v++) {
            parts.add(clusters.get(v) + " (" + counts.get(v) + " clusters)");
        }
        return String.join(" and ", parts);
    }

    private void printWald(PrintWriter out, Optional<WaldTest> test, CovarianceType type, boolean logistic) {
        if (test.isEmpty()) {
            out.println("Robust Wald test of all slopes: not available (see the warning)");
            return;
        }
        WaldTest w = test.get();
        String figures = w.form() == WaldTest.Form.F
                ? "F = " + StatisticsOutput.format(w.statistic()) + " on " + w.df() + " and " + w.residualDf() + " DF"
                : "chi-square = " + StatisticsOutput.format(w.statistic()) + " on " + w.df() + " DF";
        out.println("Robust Wald test of all slopes: " + figures + ", p-value: " + StatisticsOutput.formatP(w.pValue())
                + " (" + w.inR(type.inR(clusters, logistic)) + ")");
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
