package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.alliance.stats.mixed.FixedEffect;
import org.alliance.stats.mixed.LogisticMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.VarianceComponent;
import org.jspecify.annotations.Nullable;

/**
 * The text of {@code mixed --format text}, laid out as lme4's summary of lmer and glmer: fit, random effects,
 * observations, fixed effects, warnings. A fit that did not converge is marked not valid on the first line.
 */
final class MixedText {

    private MixedText() {}

    static void print(PrintWriter out, MixedModelResult result) {
        printValidity(out, result.converged());
        out.println("Linear mixed model fit by " + (result.reml() ? "REML" : "maximum likelihood")
                + " (as lme4::lmer): " + result.formula());
        out.println((result.reml() ? "REML criterion at convergence: " : "Deviance: ")
                + StatisticsOutput.format(result.criterion()));
        out.println(likelihood(result.logLikelihood(), result.parameters(), result.aic(), result.bic()));
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
        printObservations(out, result.n(), result.rowsDropped(), String.join("; ", groups));
        result.icc().ifPresent(icc -> out.println("ICC: " + StatisticsOutput.format(icc)));
        printFixedEffects(out, result.fixedEffects(), null);
        StatisticsOutput.printWarnings(out, result.warnings());
    }

    static void print(
            PrintWriter out, MixedFormula formula, @Nullable String weights, LogisticMixedModel.Result result) {
        printValidity(out, result.converged());
        out.println("Generalized linear mixed model fit by maximum likelihood (Laplace approximation, as"
                + " lme4::glmer), family binomial (logit): " + formula
                + (weights == null ? "" : ", weights = " + weights));
        out.println(likelihood(result.logLikelihood(), result.parameters(), result.aic(), result.bic())
                + ", -2 logLik: " + StatisticsOutput.format(result.criterion()));
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
        printObservations(out, result.n(), result.rowsDropped(), group + ", " + result.groups());
        printFixedEffects(out, result.fixedEffects(), result.pValues());
        out.println("Standard errors from the RX factor, as vcov(fit, use.hessian = FALSE).");
        StatisticsOutput.printWarnings(out, result.warnings());
    }

    private static void printValidity(PrintWriter out, boolean converged) {
        if (!converged) {
            out.println("*** NOT VALID: " + MixedCommand.NOT_CONVERGED + " ***");
        }
    }

    private static String likelihood(double logLik, int df, double aic, double bic) {
        return "logLik: " + StatisticsOutput.format(logLik) + " (df = " + df + "), AIC: " + StatisticsOutput.format(aic)
                + ", BIC: " + StatisticsOutput.format(bic);
    }

    private static void printObservations(PrintWriter out, int n, int rowsDropped, String groups) {
        out.println(
                "Number of obs: " + n + " (" + rowsDropped + " rows left out for missing values), groups: " + groups);
    }

    /** lmer's table (t values), or glmer's with z values and their p-values. */
    private static void printFixedEffects(PrintWriter out, List<FixedEffect> effects, @Nullable List<Double> pValues) {
        out.println();
        out.println("Fixed effects:");
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < effects.size(); j++) {
            FixedEffect f = effects.get(j);
            List<String> row = new ArrayList<>(List.of(
                    f.term(),
                    StatisticsOutput.format(f.estimate()),
                    StatisticsOutput.format(f.standardError()),
                    StatisticsOutput.format(f.tValue())));
            if (pValues != null) {
                row.add(StatisticsOutput.formatP(pValues.get(j)));
            }
            rows.add(row);
        }
        StatisticsOutput.printTable(
                out,
                pValues == null
                        ? List.of("", "Estimate", "Std. Error", "t value")
                        : List.of("", "Estimate", "Std. Error", "z value", "Pr(>|z|)"),
                rows);
    }
}
