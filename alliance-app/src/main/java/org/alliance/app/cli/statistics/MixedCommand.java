package org.alliance.app.cli.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliance.app.cli.ExitCodes;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.mixed.FixedEffect;
import org.alliance.stats.mixed.LinearMixedModel;
import org.alliance.stats.mixed.LogisticMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.MixedOptions;
import org.alliance.stats.mixed.VarianceComponent;
import org.alliance.stats.regression.Columns;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code alliance mixed}: a linear mixed model as lme4's lmer, or with {@code --family binomial} a logistic
 * random-intercept model as glmer (Laplace), from a CSV file.
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

    @Option(names = "--collate", paramLabel = "ORDER", description = Collation.DESCRIPTION)
    String collate = "locale";

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
        for (String name : factors) {
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
            return callBinomial(formula, columns, table);
        }
        MixedModelResult result;
        try {
            result = LinearMixedModel.fit(
                    formula, columns, new MixedOptions(!ml, maxEvaluations, Collation.parse(collate)));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = input.out();
        if (format.text()) {
            printText(out, result);
        } else {
            StatisticsOutput.printJson(out, json(result, table));
        }
        if (!result.converged()) {
            input.err().println("error: " + NOT_CONVERGED);
            input.err().flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private int callBinomial(MixedFormula formula, Columns columns, DataTable table) {
        LogisticMixedModel.Result result;
        try {
            result = LogisticMixedModel.fit(
                    formula, columns, Optional.ofNullable(weights), Collation.parse(collate), maxEvaluations);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter out = input.out();
        if (format.text()) {
            printText(out, formula, result);
        } else {
            StatisticsOutput.printJson(out, json(formula, result, table));
        }
        if (!result.converged()) {
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
            try {
                table.columnIndex(name);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            boolean fixed = formula.fixed().contains(name);
            if (formula.groupingVariables().contains(name) && !fixed && !slopes.contains(name)) {
                text.put(name, table.text(name).toArray(String[]::new));
            } else if (formula.fixedEffects().responseColumns().contains(name)
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
        if (weights != null && !numeric.containsKey(weights)) {
            try {
                table.columnIndex(weights);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--weights: " + e.getMessage());
            }
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

    private MixedJson json(MixedModelResult result, DataTable table) {
        List<Fixed> fixed = new ArrayList<>();
        for (FixedEffect f : result.fixedEffects()) {
            fixed.add(new Fixed(
                    f.term(),
                    StatisticsOutput.number(f.estimate()),
                    StatisticsOutput.number(f.standardError()),
                    StatisticsOutput.number(f.tValue())));
        }
        List<Random> random = new ArrayList<>();
        for (VarianceComponent c : result.varianceComponents()) {
            random.add(new Random(
                    c.group(),
                    c.first().isEmpty() ? null : c.first(),
                    c.second().isEmpty() ? null : c.second(),
                    StatisticsOutput.number(c.variance()),
                    StatisticsOutput.number(c.standardDeviation())));
        }
        Double criterion = StatisticsOutput.number(result.criterion());
        Model model = new Model(
                result.reml() ? "REML" : "ML",
                StatisticsOutput.number(result.sigma()),
                result.reml() ? criterion : null,
                result.reml() ? null : criterion,
                StatisticsOutput.number(result.logLikelihood()),
                result.parameters(),
                StatisticsOutput.number(result.aic()),
                StatisticsOutput.number(result.bic()),
                result.icc().map(StatisticsOutput::number).orElse(null),
                result.n(),
                result.rowsDropped(),
                result.levels(),
                result.theta(),
                result.singular(),
                result.converged(),
                result.evaluations(),
                StatisticsOutput.number(result.maxGradient()));
        Options options = new Options(
                formulaText,
                !ml,
                factors,
                maxEvaluations,
                Collation.parse(collate).name(),
                "listwise deletion over the formula's variables");
        return new MixedJson(
                // First, so that nobody reads the figures without seeing it: a fit that did not converge is no result.
                result.converged(),
                result.converged() ? null : NOT_CONVERGED,
                fixed,
                random,
                model,
                result.warnings(),
                StatisticsOutput.provenance(result.method(), options, table));
    }

    /** The JSON of {@code mixed}: {@code valid} first, {@code not_valid_because} only for a fit that failed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MixedJson(
            boolean valid,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String notValidBecause,
            List<Fixed> fixedEffects,
            List<Random> randomEffects,
            Model model,
            List<String> warnings,
            StatisticsOutput.DataProvenance provenance) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Fixed(String term, @Nullable Double estimate, @Nullable Double stdError, @Nullable Double tValue) {}

    /** lme4's VarCorr rows: var2 is set on a covariance row only. */
    record Random(
            String group,
            @Nullable String var1,
            @Nullable String var2,
            @Nullable Double vcov,
            @Nullable Double sdcor) {}

    /** The fit; {@code reml_criterion} for REML or {@code deviance} for ML, never both (as lme4 prints them). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(
            String method,
            @Nullable Double sigma,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double remlCriterion,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double deviance,
            @Nullable Double logLik,
            int df,
            @Nullable Double aic,
            @Nullable Double bic,
            @Nullable Double icc,
            int n,
            int rowsDropped,
            Map<String, Integer> groups,
            double[] theta,
            boolean singular,
            boolean converged,
            int evaluations,
            @Nullable Double maxGradient) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Options(
            String formula, boolean reml, List<String> factor, int maxEvaluations, String collate, String missing) {}

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

    private BinomialJson json(MixedFormula formula, LogisticMixedModel.Result result, DataTable table) {
        List<BinomialFixed> fixed = new ArrayList<>();
        for (int j = 0; j < result.fixedEffects().size(); j++) {
            FixedEffect f = result.fixedEffects().get(j);
            fixed.add(new BinomialFixed(
                    f.term(),
                    StatisticsOutput.number(f.estimate()),
                    StatisticsOutput.number(f.standardError()),
                    StatisticsOutput.number(f.tValue()),
                    StatisticsOutput.number(result.pValues().get(j))));
        }
        String group = formula.random().get(0).groupName();
        List<Random> random = List.of(new Random(
                group,
                "(Intercept)",
                null,
                StatisticsOutput.number(result.variance()),
                StatisticsOutput.number(result.theta())));
        BinomialModel model = new BinomialModel(
                "binomial",
                "logit",
                "ML, Laplace approximation (nAGQ = 1)",
                StatisticsOutput.number(result.logLikelihood()),
                result.parameters(),
                StatisticsOutput.number(result.aic()),
                StatisticsOutput.number(result.bic()),
                result.n(),
                result.rowsDropped(),
                Map.of(group, result.groups()),
                new double[] {result.theta()},
                result.singular(),
                result.converged(),
                result.evaluations(),
                StatisticsOutput.number(result.maxGradient()));
        BinomialOptions options = new BinomialOptions(
                formulaText,
                "binomial",
                weights,
                factors,
                maxEvaluations,
                Collation.parse(collate).name(),
                "listwise deletion over the formula's variables" + (weights == null ? "" : " and the weights"));
        return new BinomialJson(
                result.converged(),
                result.converged() ? null : NOT_CONVERGED,
                fixed,
                random,
                model,
                result.warnings(),
                StatisticsOutput.provenance(result.method(), options, table));
    }

    /** The JSON of {@code mixed --family binomial}: as lmer's, with z and p-values as summary(glmer) prints them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialJson(
            boolean valid,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String notValidBecause,
            List<BinomialFixed> fixedEffects,
            List<Random> randomEffects,
            BinomialModel model,
            List<String> warnings,
            StatisticsOutput.DataProvenance provenance) {}

    /** A fixed effect of glmer: Wald z and its normal p-value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialFixed(
            String term,
            @Nullable Double estimate,
            @Nullable Double stdError,
            @Nullable Double zValue,
            @Nullable Double pValue) {}

    /** The fit of glmer: logLik, AIC and BIC from the Laplace criterion; no residual scale (binomial). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialModel(
            String family,
            String link,
            String method,
            @Nullable Double logLik,
            int df,
            @Nullable Double aic,
            @Nullable Double bic,
            int n,
            int rowsDropped,
            Map<String, Integer> groups,
            double[] theta,
            boolean singular,
            boolean converged,
            int evaluations,
            @Nullable Double maxGradient) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BinomialOptions(
            String formula,
            String family,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String weights,
            List<String> factor,
            int maxEvaluations,
            String collate,
            String missing) {}

    private void printText(PrintWriter out, MixedFormula formula, LogisticMixedModel.Result result) {
        if (!result.converged()) {
            out.println("*** NOT VALID: " + NOT_CONVERGED + " ***");
        }
        out.println("Generalized linear mixed model fit by maximum likelihood (Laplace approximation, as"
                + " lme4::glmer), family binomial (logit): " + formula
                + (weights == null ? "" : ", weights = " + weights));
        out.println("logLik: " + StatisticsOutput.format(result.logLikelihood()) + " (df = " + result.parameters()
                + "), AIC: " + StatisticsOutput.format(result.aic()) + ", BIC: "
                + StatisticsOutput.format(result.bic()) + ", -2 logLik: "
                + StatisticsOutput.format(result.criterion()));
        out.println();
        out.println("Random effects:");
        String group = formula.random().get(0).groupName();
        StatisticsOutput.printTable(
                out,
                List.of("Groups", "Name", "Variance", "Std.Dev."),
                List.of(List.of(
                        group,
                        "(Intercept)",
                        StatisticsOutput.format(result.variance()),
                        StatisticsOutput.format(result.theta()))));
        out.println("Number of obs: " + result.n() + " (" + result.rowsDropped()
                + " rows left out for missing values), groups: " + group + ", " + result.groups());
        out.println();
        out.println("Fixed effects:");
        List<List<String>> fixed = new ArrayList<>();
        for (int j = 0; j < result.fixedEffects().size(); j++) {
            FixedEffect f = result.fixedEffects().get(j);
            fixed.add(List.of(
                    f.term(),
                    StatisticsOutput.format(f.estimate()),
                    StatisticsOutput.format(f.standardError()),
                    StatisticsOutput.format(f.tValue()),
                    StatisticsOutput.formatP(result.pValues().get(j))));
        }
        StatisticsOutput.printTable(out, List.of("", "Estimate", "Std. Error", "z value", "Pr(>|z|)"), fixed);
        out.println("Standard errors from the RX factor, as vcov(fit, use.hessian = FALSE).");
        for (String warning : result.warnings()) {
            out.println("Warning: " + warning);
        }
        out.flush();
    }
}
