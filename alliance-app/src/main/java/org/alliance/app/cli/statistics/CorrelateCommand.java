package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.correlation.CorrelationOptions;
import org.alliance.stats.correlation.PearsonCorrelation;
import org.alliance.stats.correlation.PearsonResult;
import org.alliance.stats.correlation.PolychoricCorrelation;
import org.alliance.stats.correlation.SpearmanCorrelation;
import org.alliance.stats.correlation.SpearmanResult;
import org.alliance.stats.provenance.Provenance;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code alliance correlate}: Pearson's r or Spearman's rho with the tests of R's cor.test, for every pair. */
@Command(
        name = "correlate",
        mixinStandardHelpOptions = true,
        description = {
            "Correlations with the tests of R's cor.test, for every pair of the variables:",
            "Pearson's r with t, df, two-sided p and the Fisher-z confidence interval, or",
            "Spearman's rho with the t approximation (exact = FALSE), or the polychoric",
            "correlation of ordinal items (lavaan's lavCor(ordered = ...)). Each pair uses the",
            "rows where both have a value (empty cells and NA are missing)."
        })
public final class CorrelateCommand implements Callable<Integer> {

    enum Method {
        pearson,
        spearman,
        polychoric
    }

    @Mixin
    DataFile input = new DataFile();

    @Parameters(
            index = "1..*",
            arity = "2..*",
            paramLabel = "VARIABLE",
            description = "Two or more numeric columns; every pair is correlated.")
    List<String> variables = new ArrayList<>();

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            description = "pearson (default), spearman (cor.test(method = \"spearman\", exact = FALSE)) or"
                    + " polychoric (ordinal items: lavaan's lavCor(ordered = ...), two-step ML).")
    Method method = Method.pearson;

    @Option(
            names = "--level",
            paramLabel = "LEVEL",
            description = "Confidence level of Pearson's interval, between 0 and 1 (default: 0.95).")
    @Nullable
    Double level;

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        if (new LinkedHashSet<>(variables).size() != variables.size()) {
            throw new UserInputException("a variable is named twice: " + String.join(" ", variables));
        }
        if (method != Method.pearson && level != null) {
            throw new UserInputException(
                    "--level is the level of Pearson's confidence interval; " + method + " has no interval here");
        }
        CorrelationOptions options;
        try {
            options = new CorrelationOptions(level == null ? CorrelationOptions.DEFAULT_CONFIDENCE_LEVEL : level);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--level: " + e.getMessage());
        }
        DataTable table = input.read();
        List<double[]> columns = new ArrayList<>();
        for (String variable : variables) {
            columns.add(StatisticsOutput.numeric(table, variable));
        }
        List<Object> rows = new ArrayList<>();
        List<List<String>> textRows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String methodText = null;
        for (int i = 0; i < variables.size(); i++) {
            for (int j = i + 1; j < variables.size(); j++) {
                String x = variables.get(i);
                String y = variables.get(j);
                try {
                    if (method == Method.pearson) {
                        PearsonResult r = PearsonCorrelation.fit(columns.get(i), columns.get(j), options);
                        methodText = r.method();
                        rows.add(pearsonRow(x, y, r));
                        textRows.add(List.of(
                                x,
                                y,
                                StatisticsOutput.format(r.estimate()),
                                StatisticsOutput.format(r.statistic()),
                                Integer.toString(r.df()),
                                StatisticsOutput.formatP(r.pValue()),
                                StatisticsOutput.format(r.confLow()),
                                StatisticsOutput.format(r.confHigh()),
                                Integer.toString(r.n()),
                                Integer.toString(r.rowsDropped())));
                    } else if (method == Method.polychoric) {
                        PolychoricCorrelation.Result r = PolychoricCorrelation.fit(columns.get(i), columns.get(j));
                        methodText = r.method();
                        rows.add(new PolychoricRow(
                                x,
                                y,
                                StatisticsOutput.number(r.rho()),
                                numbers(r.thresholdsX()),
                                numbers(r.thresholdsY()),
                                StatisticsOutput.number(r.logLikelihood()),
                                r.n(),
                                table.rowCount() - r.n(),
                                r.emptyCells()));
                        r.warnings().forEach(w -> warnings.add(x + " and " + y + ": " + w));
                        textRows.add(List.of(
                                x,
                                y,
                                StatisticsOutput.format(r.rho()),
                                Integer.toString(r.thresholdsX().length + 1) + " x " + (r.thresholdsY().length + 1),
                                Integer.toString(r.emptyCells()),
                                Integer.toString(r.n()),
                                Integer.toString(table.rowCount() - r.n())));
                    } else {
                        SpearmanResult r = SpearmanCorrelation.fit(columns.get(i), columns.get(j));
                        methodText = r.method();
                        rows.add(spearmanRow(x, y, r));
                        r.warnings().forEach(w -> warnings.add(x + " and " + y + ": " + w));
                        textRows.add(List.of(
                                x,
                                y,
                                StatisticsOutput.format(r.estimate()),
                                StatisticsOutput.format(r.statistic()),
                                StatisticsOutput.formatP(r.pValue()),
                                Integer.toString(r.n()),
                                Integer.toString(r.rowsDropped())));
                    }
                } catch (IllegalArgumentException e) {
                    throw new UserInputException(x + " and " + y + ": " + e.getMessage());
                }
            }
        }
        PrintWriter out = input.out();
        if (format.text()) {
            printText(out, options, textRows, warnings);
            return ExitCodes.OK;
        }
        Options given = new Options(
                variables,
                method.name(),
                method == Method.pearson ? options.confidenceLevel() : null,
                "pairwise complete: each pair uses the rows where both variables have a value",
                switch (method) {
                    case pearson -> "cor.test(x, y, conf.level = " + options.confidenceLevel() + ")";
                    case spearman -> "cor.test(x, y, method = \"spearman\", exact = FALSE)";
                    case polychoric -> "lavaan::lavCor(d[complete.cases(d[, c(x, y)]), c(x, y)], ordered = c(x, y))";
                });
        StatisticsOutput.printJson(
                out, new CorrelateJson(rows, warnings, StatisticsOutput.provenance(methodText, given, table)));
        return ExitCodes.OK;
    }

    private static PearsonRow pearsonRow(String x, String y, PearsonResult r) {
        return new PearsonRow(
                x,
                y,
                StatisticsOutput.number(r.estimate()),
                StatisticsOutput.number(r.statistic()),
                r.df(),
                StatisticsOutput.number(r.pValue()),
                StatisticsOutput.number(r.confLow()),
                StatisticsOutput.number(r.confHigh()),
                r.confidenceLevel(),
                r.n(),
                r.rowsDropped());
    }

    private static List<Double> numbers(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(StatisticsOutput.number(v));
        }
        return list;
    }

    private static SpearmanRow spearmanRow(String x, String y, SpearmanResult r) {
        return new SpearmanRow(
                x,
                y,
                StatisticsOutput.number(r.estimate()),
                StatisticsOutput.number(r.statistic()),
                StatisticsOutput.number(r.tStatistic()),
                r.df(),
                StatisticsOutput.number(r.pValue()),
                r.n(),
                r.rowsDropped());
    }

    /** The JSON of {@code correlate}: one row per pair, in the order the variables were given, then provenance. */
    record CorrelateJson(List<Object> correlations, List<String> warnings, Provenance provenance) {}

    /** A pair as R's cor.test gives it: estimate, statistic (t), parameter (df), p.value, conf.int. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PearsonRow(
            String x,
            String y,
            @Nullable Double estimate,
            @Nullable Double statistic,
            int df,
            @Nullable Double pValue,
            @Nullable Double confLow,
            @Nullable Double confHigh,
            double confLevel,
            int n,
            int rowsDropped) {}

    /** A pair as cor.test(method = "spearman", exact = FALSE): rho, S, the t the p-value comes from, df, p.value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SpearmanRow(
            String x,
            String y,
            @Nullable Double estimate,
            @Nullable Double statistic,
            @Nullable Double tStatistic,
            int df,
            @Nullable Double pValue,
            int n,
            int rowsDropped) {}

    /** A pair of ordinal items: rho, both variables' thresholds (lowest first), the log-likelihood, empty cells. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PolychoricRow(
            String x,
            String y,
            @Nullable Double estimate,
            List<Double> thresholdsX,
            List<Double> thresholdsY,
            @Nullable Double logLik,
            int n,
            int rowsDropped,
            int emptyCells) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Options(
            List<String> variables, String method, @Nullable Double confLevel, String missing, String rEquivalent) {}

    private void printText(
            PrintWriter out, CorrelationOptions options, List<List<String>> rows, List<String> warnings) {
        if (method == Method.pearson) {
            out.println("Pearson's product-moment correlation (as R cor.test), "
                    + StatisticsOutput.format(100 * options.confidenceLevel())
                    + " % confidence interval; each pair on its complete rows");
            out.println();
            StatisticsOutput.printTable(
                    out, List.of("x", "y", "r", "t", "df", "p", "lower", "upper", "n", "dropped"), rows);
        } else if (method == Method.polychoric) {
            out.println("Polychoric correlation of ordinal items (two-step ML, as lavaan's lavCor(ordered = ...));"
                    + " each pair on its complete rows");
            out.println();
            StatisticsOutput.printTable(out, List.of("x", "y", "rho", "table", "empty cells", "n", "dropped"), rows);
        } else {
            out.println("Spearman's rank correlation rho (as R cor.test, exact = FALSE: t approximation);"
                    + " each pair on its complete rows");
            out.println();
            StatisticsOutput.printTable(out, List.of("x", "y", "rho", "S", "p", "n", "dropped"), rows);
        }
        StatisticsOutput.printWarnings(out, warnings);
    }
}
