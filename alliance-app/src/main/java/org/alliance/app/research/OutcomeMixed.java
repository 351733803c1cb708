package org.alliance.app.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.alliance.stats.mixed.FixedEffect;
import org.alliance.stats.mixed.LinearMixedModel;
import org.alliance.stats.mixed.LogisticMixedModel;
import org.alliance.stats.mixed.MixedFormula;
import org.alliance.stats.mixed.MixedModelResult;
import org.alliance.stats.mixed.MixedOptions;
import org.alliance.stats.regression.Columns;
import org.alliance.stats.regression.LevelOrder;

/**
 * The Danish question as a multilevel model: the outcome report's model again with a random intercept per
 * professional (clients nested in professionals), as {@code lme4::lmer(REML = TRUE)} for a number and
 * {@code lme4::glmer(family = binomial)} (Laplace) for yes/no, on the same client table. A fit that did not converge
 * is not shown (never a figure that is no result); a singular fit is shown with lme4's warning.
 */
final class OutcomeMixed {

    /** What the model adds to the report. */
    record Part(List<StudyReport.Table> tables, List<String> notes, String method) {}

    /** The message of a key with arguments, in the study's language. */
    @FunctionalInterface
    interface Text {
        String of(String key, Object... args);
    }

    private OutcomeMixed() {}

    /** The formula, lme4 style: {@code y ~ alliance + covariates + (1 | professional)}. */
    static String formula(List<String> terms) {
        return "y ~ " + String.join(" + ", terms) + " + (1 | professional)";
    }

    /**
     * Fits the model and describes it.
     *
     * @param hidden whether a coefficient is held back by the small-numbers rule (a level with too few clients)
     * @param figures where the figures the R script prints go ({@code mixed.coef.<term>.estimate}, …)
     */
    static Part fit(
            List<String> terms,
            Columns columns,
            boolean logistic,
            Function<String, Boolean> hidden,
            Map<String, Double> figures,
            Text text) {
        MixedFormula formula = MixedFormula.parse(formula(terms));
        List<String> notes = new ArrayList<>();
        List<List<String>> fit = new ArrayList<>();
        List<FixedEffect> effects;
        List<Double> pValues;
        String method;
        try {
            if (logistic) {
                LogisticMixedModel.Result result = LogisticMixedModel.fit(
                        formula,
                        columns,
                        Optional.empty(),
                        LevelOrder.C,
                        MixedOptions.restricted().maxEvaluations());
                method = result.method();
                if (!result.converged()) {
                    return notShown(text, result.warnings(), method);
                }
                effects = result.fixedEffects();
                pValues = result.pValues();
                notes.addAll(result.warnings());
                fit.add(List.of(
                        text.of("report.outcome.interceptVariance"), OutcomeAnalysis.number(result.variance())));
                fit.add(List.of("AIC", OutcomeAnalysis.number(result.aic())));
                figures.put("mixed.variance.professional", result.variance());
            } else {
                MixedModelResult result = LinearMixedModel.fit(formula, columns, MixedOptions.restricted());
                method = result.method();
                if (!result.converged()) {
                    return notShown(text, result.warnings(), method);
                }
                effects = result.fixedEffects();
                pValues = List.of();
                notes.addAll(result.warnings());
                double between =
                        result.component("professional", "(Intercept)", "").variance();
                double residual = result.component("Residual", "", "").variance();
                fit.add(List.of(text.of("report.outcome.interceptVariance"), OutcomeAnalysis.number(between)));
                fit.add(List.of(text.of("report.outcome.residualVariance"), OutcomeAnalysis.number(residual)));
                result.icc()
                        .ifPresent(icc -> fit.add(List.of(text.of("report.outcome.icc"), OutcomeAnalysis.number(icc))));
                fit.add(List.of("REML", OutcomeAnalysis.number(result.criterion())));
                figures.put("mixed.variance.professional", between);
                figures.put("mixed.variance.residual", residual);
            }
        } catch (IllegalArgumentException e) {
            return notShown(text, List.of(e.getMessage()), "");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < effects.size(); j++) {
            FixedEffect e = effects.get(j);
            if (hidden.apply(e.term())) {
                rows.add(logistic ? List.of(e.term(), "–", "–", "–", "–") : List.of(e.term(), "–", "–", "–"));
                continue;
            }
            List<String> row = new ArrayList<>(List.of(
                    e.term(),
                    OutcomeAnalysis.number(e.estimate()),
                    OutcomeAnalysis.number(e.standardError()),
                    OutcomeAnalysis.number(e.tValue())));
            if (logistic) {
                row.add(OutcomeAnalysis.pValue(pValues.get(j)));
            }
            rows.add(row);
            figures.put("mixed.coef." + e.term() + ".estimate", e.estimate());
            figures.put("mixed.coef." + e.term() + ".se", e.standardError());
        }
        List<String> header = new ArrayList<>(List.of(
                text.of("report.term"), text.of("report.estimate"), text.of("report.se"), logistic ? "z" : "t"));
        if (logistic) {
            header.add("p");
        }
        List<StudyReport.Table> tables = List.of(
                new StudyReport.Table(
                        text.of("report.outcome.mixedFit"),
                        List.of(text.of("report.figure"), text.of("report.value")),
                        fit),
                new StudyReport.Table(
                        text.of(logistic ? "report.outcome.mixedLogistic" : "report.outcome.mixedLinear"),
                        header,
                        rows));
        return new Part(tables, notes, method);
    }

    private static Part notShown(Text text, List<String> why, String method) {
        return new Part(List.of(), List.of(text.of("report.outcome.mixedNotShown", String.join("; ", why))), method);
    }
}
