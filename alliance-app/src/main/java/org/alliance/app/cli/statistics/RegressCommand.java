package org.alliance.app.cli.statistics;

import static java.util.Locale.ROOT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code alliance regress}: linear (R's lm) or logistic (R's glm, binomial) regression from a CSV file. This class
 * holds the options and assembles the model from formula and data; {@link RegressText} and {@link RegressJson} write
 * the result.
 */
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

    @Mixin
    Collation collation = new Collation();

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

    @Mixin
    Factors factors = new Factors();

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
        LevelOrder levelOrder = collation.order();
        Set<String> categorical = new LinkedHashSet<>(factors.columns());
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
        ModelData data = modelData(read[0] != null ? read[0] : input.read(), formula, categorical);
        read[0] = null;
        Columns columns = data.columns();
        DataTable table = data.table();
        Optional<String> weightColumn = Optional.ofNullable(weights);
        RegressText text = new RegressText(clusters, weights);
        try {
            if (family == Family.binomial) {
                LogisticRegressionResult result = LogisticRegression.fit(
                        formula, columns, new LogisticOptions(references, type, clusters, levelOrder, weightColumn));
                StatisticsOutput.print(
                        input.out(),
                        format,
                        out -> text.print(out, formula, result),
                        () -> RegressJson.logistic(result, clusters, options(levelOrder), table));
            } else {
                LinearRegressionResult result = LinearRegression.fit(
                        formula, columns, new LinearOptions(references, type, clusters, levelOrder, weightColumn));
                StatisticsOutput.print(
                        input.out(),
                        format,
                        out -> text.print(out, formula, result),
                        () -> RegressJson.linear(result, clusters, options(levelOrder), table));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException(withFileLines(e.getMessage(), table));
        }
        return ExitCodes.OK;
    }

    /** "data row 3" in a message from the model, with the file's line added (rows can span lines). */
    private static String withFileLines(String message, DataTable table) {
        Matcher m = DATA_ROW.matcher(message);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            int row = Integer.parseInt(m.group(1));
            String line = row >= 1 && row <= table.rowCount()
                    ? " (" + table.source() + ", " + table.where(row - 1) + ")"
                    : "";
            m.appendReplacement(result, Matcher.quoteReplacement(m.group() + line));
        }
        m.appendTail(result);
        return result.toString();
    }

    private static final Pattern DATA_ROW = Pattern.compile("data row (\\d+)");

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

    /** The model's columns and the file's table without its values (for the file's lines and provenance). */
    private record ModelData(Columns columns, DataTable table) {}

    /**
     * Once this returns nothing holds the values of {@code full}: a register-sized file is not in memory twice while
     * the model is fitted (the model's columns are copies).
     */
    private ModelData modelData(DataTable full, Formula formula, Set<String> categorical) {
        return new ModelData(columns(full, formula, categorical), full.withoutValues());
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
            StatisticsOutput.requireColumn(table, name, "");
            boolean response = formula.responseColumns().contains(name) || name.equals(weights);
            if (response || (!categorical.contains(name) && table.isNumeric(name))) {
                // The response must be numeric: the error names the first cell that is not a number.
                numeric.put(name, StatisticsOutput.numeric(table, name));
            } else {
                text.put(
                        name,
                        StatisticsOutput.categorical(
                                table,
                                name,
                                categorical.contains(name),
                                formula.predictorColumns().contains(name)));
            }
        }
        return new Columns(numeric, text);
    }

    /** The options as given, with the level order used, e.g. "C" or "da-DK" (the locale's tag for --collate locale). */
    private RegressJson.Options options(LevelOrder levelOrder) {
        return new RegressJson.Options(
                formulaText,
                family.name(),
                robust == null ? null : robust.name(),
                clusters.isEmpty() ? null : String.join(",", clusters),
                references,
                factors.columns(),
                weights,
                levelOrder.name(),
                "listwise deletion over the formula's variables"
                        + (clusters.isEmpty()
                                ? ""
                                : clusters.size() == 1 ? " and the cluster column" : " and the cluster columns")
                        + (weights == null ? "" : " and the weights"));
    }
}
