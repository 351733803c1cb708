package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.app.cli.CsvInputOptions;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.mixed.FixedEffect;
import org.alliance.stats.mixed.LinearMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.MixedOptions;
import org.alliance.stats.mixed.VarianceComponent;
import org.alliance.stats.regression.Columns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliance mixed}: a linear mixed model as lme4's lmer from a CSV file. */
@Command(
        name = "mixed",
        mixinStandardHelpOptions = true,
        description = {
            "Linear mixed model as R's lme4::lmer: REML (default) or ML, random intercepts and correlated random",
            "slopes, crossed (1 | a) + (1 | b) and nested (1 | a/b) grouping factors.",
            "Grouping columns are labels whatever they hold. Rows with a missing value in any variable used are left",
            "out. Exit 1 when the optimiser did not converge (the figures are printed, marked not valid)."
        })
public final class MixedCommand implements Callable<Integer> {

    static final String NOT_CONVERGED = "the optimiser did not converge: none of the figures is a valid result;"
            + " simplify the random effects or raise --max-evaluations";

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
            description = "lme4 formula, e.g. \"y ~ x + (x | g)\" or \"y ~ x + (1 | professional/client)\".")
    String formulaText;

    @Option(names = "--ml", description = "Maximum likelihood instead of REML (lmer's REML = FALSE).")
    boolean ml;

    @Option(
            names = "--factor",
            split = ",",
            paramLabel = "COLUMN",
            description = "Treat these numeric fixed-effect predictors as categorical (like factor(x) in R).")
    List<String> factors = new ArrayList<>();

    @Option(
            names = "--max-evaluations",
            paramLabel = "N",
            description = "Most evaluations of the profiled criterion before the fit counts as not converged"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxEvaluations = MixedOptions.restricted().maxEvaluations();

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        MixedFormula formula;
        try {
            formula = MixedFormula.parse(formulaText);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--formula: " + e.getMessage());
        }
        for (String name : factors) {
            if (!formula.fixed().contains(name)) {
                throw new UserInputException("--factor " + name + ": not a fixed-effect predictor in " + formula);
            }
        }
        if (maxEvaluations < 1) {
            throw new UserInputException("--max-evaluations must be at least 1, not " + maxEvaluations);
        }
        DataTable table = StatisticsOutput.read(data, input, spec.commandLine().getErr());
        Columns columns = columns(table, formula);
        MixedModelResult result;
        try {
            result = LinearMixedModel.fit(formula, columns, new MixedOptions(!ml, maxEvaluations));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.text()) {
            printText(out, result);
        } else {
            StatisticsOutput.printJson(out, json(result, table));
        }
        if (!result.converged()) {
            spec.commandLine().getErr().println("error: " + NOT_CONVERGED);
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /**
     * Response, random slopes and numeric fixed predictors as numbers; grouping factors as labels; other fixed
     * predictors as categorical only when declared or clearly text.
     */
    private Columns columns(DataTable table, MixedFormula formula) {
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        List<String> slopes = formula.random().stream()
                .flatMap(t -> t.slopes().stream())
                .distinct()
                .toList();
        for (String name : formula.variables()) {
            try {
                table.columnIndex(name);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            boolean fixed = formula.fixed().contains(name);
            if (formula.groupingVariables().contains(name) && !fixed && !slopes.contains(name)) {
                text.put(name, table.text(name).toArray(String[]::new));
            } else if (name.equals(formula.response())
                    || slopes.contains(name)
                    || (!factors.contains(name) && table.isNumeric(name))) {
                numeric.put(name, StatisticsOutput.numeric(table, name));
            } else {
                Optional<String> why = factors.contains(name) ? Optional.empty() : table.whyText(name);
                if (why.isPresent()) {
                    throw new UserInputException("column '" + name + "' would be read as text: " + why.get()
                            + "; if it really is categorical, say so with --factor " + name);
                }
                text.put(name, table.text(name).toArray(String[]::new));
            }
        }
        for (String name : formula.groupingVariables()) {
            if (numeric.containsKey(name)) {
                throw new UserInputException("'" + name + "' is both a grouping factor and a numeric predictor or"
                        + " random slope; that is not supported");
            }
        }
        return new Columns(numeric, text);
    }

    private Map<String, Object> json(MixedModelResult result, DataTable table) {
        Map<String, Object> root = new LinkedHashMap<>();
        // First, so that nobody reads the figures without seeing it: a fit that did not converge is no result.
        root.put("valid", result.converged());
        if (!result.converged()) {
            root.put("not_valid_because", NOT_CONVERGED);
        }
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (FixedEffect f : result.fixedEffects()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("term", f.term());
            row.put("estimate", StatisticsOutput.number(f.estimate()));
            row.put("std_error", StatisticsOutput.number(f.standardError()));
            row.put("t_value", StatisticsOutput.number(f.tValue()));
            fixed.add(row);
        }
        List<Map<String, Object>> random = new ArrayList<>();
        for (VarianceComponent c : result.varianceComponents()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", c.group());
            row.put("var1", c.first().isEmpty() ? null : c.first());
            row.put("var2", c.second().isEmpty() ? null : c.second());
            row.put("vcov", StatisticsOutput.number(c.variance()));
            row.put("sdcor", StatisticsOutput.number(c.standardDeviation()));
            random.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("method", result.reml() ? "REML" : "ML");
        model.put("sigma", StatisticsOutput.number(result.sigma()));
        model.put(result.reml() ? "reml_criterion" : "deviance", StatisticsOutput.number(result.criterion()));
        model.put("log_lik", StatisticsOutput.number(result.logLikelihood()));
        model.put("df", result.parameters());
        model.put("aic", StatisticsOutput.number(result.aic()));
        model.put("bic", StatisticsOutput.number(result.bic()));
        model.put("icc", result.icc().map(StatisticsOutput::number).orElse(null));
        model.put("n", result.n());
        model.put("rows_dropped", result.rowsDropped());
        model.put("groups", result.levels());
        model.put("theta", result.theta());
        model.put("singular", result.singular());
        model.put("converged", result.converged());
        model.put("evaluations", result.evaluations());
        model.put("max_gradient", StatisticsOutput.number(result.maxGradient()));
        root.put("fixed_effects", fixed);
        root.put("random_effects", random);
        root.put("model", model);
        root.put("warnings", result.warnings());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("formula", formulaText);
        options.put("reml", !ml);
        options.put("factor", factors);
        options.put("max_evaluations", maxEvaluations);
        options.put("missing", "listwise deletion over the formula's variables");
        root.put("provenance", StatisticsOutput.provenance(result.method(), options, table));
        return root;
    }

    private void printText(PrintWriter out, MixedModelResult result) {
        if (!result.converged()) {
            out.println("*** NOT VALID: " + NOT_CONVERGED + " ***");
        }
        out.println("Linear mixed model fit by " + (result.reml() ? "REML" : "maximum likelihood")
                + " (as lme4::lmer): " + result.formula());
        out.println((result.reml() ? "REML criterion at convergence: " : "Deviance: ")
                + StatisticsOutput.format(result.criterion()));
        out.println("logLik: " + StatisticsOutput.format(result.logLikelihood()) + " (df = " + result.parameters()
                + "), AIC: " + StatisticsOutput.format(result.aic()) + ", BIC: "
                + StatisticsOutput.format(result.bic()));
        out.println();
        out.println("Random effects:");
        List<List<String>> rows = new ArrayList<>();
        for (VarianceComponent c : result.varianceComponents()) {
            rows.add(List.of(
                    c.group(),
                    c.first(),
                    c.second(),
                    StatisticsOutput.format(c.variance()),
                    StatisticsOutput.format(c.standardDeviation())));
        }
        StatisticsOutput.printTable(out, List.of("Groups", "Name", "With", "Var/Cov", "SD/Corr"), rows);
        List<String> groups = new ArrayList<>();
        result.levels().forEach((group, levels) -> groups.add(group + ", " + levels));
        out.println("Number of obs: " + result.n() + " (" + result.rowsDropped()
                + " rows left out for missing values), groups: " + String.join("; ", groups));
        result.icc().ifPresent(icc -> out.println("ICC: " + StatisticsOutput.format(icc)));
        out.println();
        out.println("Fixed effects:");
        List<List<String>> fixed = new ArrayList<>();
        for (FixedEffect f : result.fixedEffects()) {
            fixed.add(List.of(
                    f.term(),
                    StatisticsOutput.format(f.estimate()),
                    StatisticsOutput.format(f.standardError()),
                    StatisticsOutput.format(f.tValue())));
        }
        StatisticsOutput.printTable(out, List.of("", "Estimate", "Std. Error", "t value"), fixed);
        for (String warning : result.warnings()) {
            out.println("Warning: " + warning);
        }
        out.flush();
    }
}
