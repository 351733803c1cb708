package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.mixed.LinearMixedModel;
import org.alliance.stats.mixed.LogisticMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.MixedOptions;
import org.alliance.stats.regression.Columns;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alliance mixed}: a linear mixed model as lme4's lmer, or with {@code --family binomial} a logistic
 * random-intercept model as glmer (Laplace), from a CSV file. This class holds the options and assembles the model
 * from formula and data; {@link MixedText} and {@link MixedJson} write the result.
 */
@Command(
        name = "mixed",
        mixinStandardHelpOptions = true,
        description = {
            "Linear mixed model as R's lme4::lmer: REML (default) or ML, random intercepts and correlated random",
            "slopes, crossed (1 | a) + (1 | b) and nested (1 | a/b) grouping factors.",
            "Grouping columns are labels whatever they hold. Rows with a missing value in any variable used are left",
            "out. Exit 1 when the optimiser did not converge (the figures are printed, marked not valid).",
            "--family binomial: logistic mixed model as lme4::glmer(family = binomial), Laplace approximation, with",
            "one random intercept (1 | g) only; the response is 0/1, or a proportion with the trials as --weights."
        })
public final class MixedCommand implements Callable<Integer> {

    static final String NOT_CONVERGED = "the optimiser did not converge: none of the figures is a valid result;"
            + " simplify the random effects or raise --max-evaluations";

    @Mixin
    DataFile input = new DataFile();

    @Option(
            names = "--formula",
            required = true,
            paramLabel = "FORMULA",
            description = "lme4 formula, e.g. \"y ~ x + (x | g)\" or \"y ~ x + (1 | professional/client)\"; the fixed"
                    + " part as regress reads it, also without intercept (0 + x) and with a transformed response"
                    + " (log(y) ~ x + (1 | g)).")
    String formulaText;

    @Option(names = "--ml", description = "Maximum likelihood instead of REML (lmer's REML = FALSE).")
    boolean ml;

    @Mixin
    Factors factors = new Factors();

    @Option(
            names = "--max-evaluations",
            paramLabel = "N",
            description = "Most evaluations of the profiled criterion before the fit counts as not converged"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxEvaluations = MixedOptions.restricted().maxEvaluations();

    @Mixin
    Collation collation = new Collation();

    @Option(
            names = "--family",
            paramLabel = "FAMILY",
            description = "gaussian (default, lmer) or binomial (glmer, logit link, Laplace approximation).")
    RegressCommand.Family family = RegressCommand.Family.gaussian;

    @Option(
            names = "--weights",
            paramLabel = "COLUMN",
            description = "With --family binomial: prior weights, the number of trials when the response is a"
                    + " proportion (glmer(weights = n), the model cbind(successes, failures)).")
    @Nullable
    String weights;

    @Mixin
    FormatOption format = new FormatOption();

    static final String BINOMIAL_RANDOM = "--family binomial supports one random intercept (1 | g) only;"
            + " random slopes, several random-effects terms and nested factors (1 | a/b) are not supported";

    @Override
    public Integer call() {
        MixedFormula formula;
        try {
            formula = MixedFormula.parse(formulaText);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--formula: " + e.getMessage());
        }
        boolean binomial = family == RegressCommand.Family.binomial;
        if (binomial
                && (formula.random().size() != 1
                        || !formula.random().get(0).slopes().isEmpty())) {
            throw new UserInputException(BINOMIAL_RANDOM + ": " + formula);
        }
        if (weights != null && !binomial) {
            throw new UserInputException(
                    "--weights: only with --family binomial (lmer's prior weights are not supported)");
        }
        for (String name : factors.columns()) {
            if (!formula.fixed().contains(name)) {
                throw new UserInputException("--factor " + name + ": not a fixed-effect predictor in " + formula);
            }
        }
        if (maxEvaluations < 1) {
            throw new UserInputException("--max-evaluations must be at least 1, not " + maxEvaluations);
        }
        DataTable table = input.read();
        Columns columns = columns(table, formula);
        if (binomial) {
            LogisticMixedModel.Result result = fit(() -> LogisticMixedModel.fit(
                    formula, columns, Optional.ofNullable(weights), collation.order(), maxEvaluations));
            return report(
                    result.converged(),
                    out -> MixedText.print(out, formula, weights, result),
                    () -> MixedJson.binomial(formula, result, binomialOptions(), table));
        }
        MixedModelResult result = fit(
                () -> LinearMixedModel.fit(formula, columns, new MixedOptions(!ml, maxEvaluations, collation.order())));
        return report(
                result.converged(),
                out -> MixedText.print(out, result),
                () -> MixedJson.linear(result, linearOptions(), table));
    }

    /** The fit; what the model refuses (too few groups, a response outside [0, 1], …) is the user's to fix. */
    private static <T> T fit(Supplier<T> fit) {
        try {
            return fit.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Prints the result as asked; a fit that did not converge is printed, marked not valid, and exits 1. */
    private int report(boolean converged, Consumer<PrintWriter> text, Supplier<MixedJson> json) {
        StatisticsOutput.print(input.out(), format, text, json);
        if (!converged) {
            input.err().println("error: " + NOT_CONVERGED);
            input.err().flush();
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
            StatisticsOutput.requireColumn(table, name, "");
            boolean fixed = formula.fixed().contains(name);
            if (formula.groupingVariables().contains(name) && !fixed && !slopes.contains(name)) {
                text.put(name, StatisticsOutput.labels(table, name));
            } else if (formula.fixedEffects().responseColumns().contains(name)
                    || slopes.contains(name)
                    || (!factors.contains(name) && table.isNumeric(name))) {
                numeric.put(name, StatisticsOutput.numeric(table, name));
            } else {
                text.put(name, StatisticsOutput.categorical(table, name, factors.contains(name), true));
            }
        }
        if (weights != null && !numeric.containsKey(weights)) {
            StatisticsOutput.requireColumn(table, weights, "--weights: ");
            numeric.put(weights, StatisticsOutput.numeric(table, weights));
        }
        for (String name : formula.groupingVariables()) {
            if (numeric.containsKey(name)) {
                throw new UserInputException("'" + name + "' is both a grouping factor and a numeric predictor or"
                        + " random slope; that is not supported");
            }
        }
        return new Columns(numeric, text);
    }

    private MixedJson.Options linearOptions() {
        return new MixedJson.Options(
                formulaText,
                !ml,
                factors.columns(),
                maxEvaluations,
                collation.order().name(),
                LISTWISE);
    }

    private MixedJson.BinomialOptions binomialOptions() {
        return new MixedJson.BinomialOptions(
                formulaText,
                "binomial",
                weights,
                factors.columns(),
                maxEvaluations,
                collation.order().name(),
                LISTWISE + (weights == null ? "" : " and the weights"));
    }

    private static final String LISTWISE = "listwise deletion over the formula's variables";
}
