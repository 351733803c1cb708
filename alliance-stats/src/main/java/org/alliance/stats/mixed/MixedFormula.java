package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.alliance.stats.regression.Formula;

/**
 * A linear mixed-model formula in the subset of lme4's syntax we support: {@code y ~ x1 + x2 + (1 | g)}, correlated
 * random intercept and slopes {@code (x | g)} = {@code (1 + x | g)}, several terms (crossed {@code (1 | a) + (1 | b)})
 * and nesting {@code (1 | a/b)} = {@code (1 | a) + (1 | b:a)}, as lme4 expands it. The fixed part is read by the same
 * parser as {@code regress} ({@link Formula}: interactions, {@code factor(x)}, {@code I()}, {@code log}, ...), with or
 * without the fixed intercept ({@code y ~ 0 + x + (1 | g)}), and the response may be transformed ({@code log(y)}).
 * Refused with a message: random terms without an intercept ({@code (0 + x | g)}), uncorrelated terms ({@code ||}).
 *
 * @param response the response as R labels it ({@code y}, or {@code log(y)})
 * @param fixedEffects the fixed part (may have no terms: intercept only)
 * @param random the random-effects terms, at least one
 */
public record MixedFormula(String response, Formula fixedEffects, List<RandomTerm> random) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z._][A-Za-z0-9._]*");

    public MixedFormula {
        random = List.copyOf(random);
        if (random.isEmpty()) {
            throw new IllegalArgumentException("the formula has no random-effects term such as (1 | group); for a"
                    + " model without random effects use regress");
        }
        if (!fixedEffects.response().equals(response)) {
            throw new IllegalArgumentException(
                    "the fixed part's response " + fixedEffects.response() + " is not " + response);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (RandomTerm term : random) {
            if (!groups.add(term.groupName())) {
                throw new IllegalArgumentException("two random-effects terms have the grouping factor "
                        + term.groupName() + "; write them as one term, e.g. (1 + x | " + term.groupName() + ")");
            }
            List<String> read = fixedEffects.responseColumns();
            if (term.grouping().stream().anyMatch(read::contains)
                    || term.slopes().stream().anyMatch(read::contains)) {
                throw new IllegalArgumentException("the response " + response + " appears in the term " + term);
            }
        }
    }

    /** Main effects of named columns as the fixed part. */
    public MixedFormula(String response, List<String> fixed, List<RandomTerm> random) {
        this(response, Formula.mainEffects(response, fixed), random);
    }

    /**
     * Parses e.g. {@code "Reaction ~ Days + (Days | Subject)"}.
     *
     * @throws IllegalArgumentException naming what is wrong or not supported
     */
    public static MixedFormula parse(String text) {
        Formula.WithRandomTerms parsed = Formula.parseWithRandomTerms(text);
        List<RandomTerm> random = new ArrayList<>();
        for (String inside : parsed.randomTerms()) {
            random.addAll(randomTerms(inside, text));
        }
        try {
            return new MixedFormula(parsed.fixed().response(), parsed.fixed(), random);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formula '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The columns the fixed part reads (besides the response). */
    public List<String> fixed() {
        return fixedEffects.predictorColumns();
    }

    private static List<RandomTerm> randomTerms(String inside, String text) {
        if (inside.contains("||")) {
            throw new IllegalArgumentException("formula '" + text + "': uncorrelated random effects (x || g) are not"
                    + " supported; write (1 + x | g) for correlated ones");
        }
        int bar = inside.indexOf('|');
        if (bar < 0 || inside.indexOf('|', bar + 1) >= 0) {
            throw new IllegalArgumentException("formula '" + text + "': '(" + inside
                    + ")' must have exactly one '|', as in (1 | group) or (x | group)");
        }
        List<String> slopes = new ArrayList<>();
        for (String part : inside.substring(0, bar).split("\\+", -1)) {
            String s = part.strip();
            if (s.equals("1")) {
                continue;
            }
            if (s.equals("0") || s.equals("-1")) {
                throw new IllegalArgumentException("formula '" + text + "': random effects without a random intercept"
                        + " (0 + x | g) are not supported");
            }
            if (s.isEmpty()) {
                throw new IllegalArgumentException(
                        "formula '" + text + "': '(" + inside + ")' has nothing before '|' or an empty term");
            }
            slopes.add(name(s, text));
        }
        String groups = inside.substring(bar + 1).strip();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(
                    "formula '" + text + "': '(" + inside + ")' has no grouping factor after '|'");
        }
        String[] nested = groups.split("/", -1);
        List<RandomTerm> terms = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (String level : nested) {
            List<String> factors = new ArrayList<>();
            for (String factor : level.split(":", -1)) {
                factors.add(name(factor, text));
            }
            // lme4 expands a/b to (1 | a) + (1 | b:a): the inner factor's name comes first.
            List<String> grouping = new ArrayList<>(factors);
            grouping.addAll(outer);
            terms.add(new RandomTerm(slopes, grouping));
            outer = grouping;
        }
        return terms;
    }

    private static String name(String part, String formula) {
        String s = part.strip();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            String inner = s.substring(1, s.length() - 1);
            if (!inner.isEmpty() && inner.indexOf('`') < 0) {
                return inner;
            }
        }
        if (!NAME.matcher(s).matches()) {
            throw new IllegalArgumentException("formula '" + formula + "': '" + s + "' is not a variable name (only"
                    + " main effects and terms (1 | g), (x | g), (1 | a/b) are supported; put unusual names in"
                    + " back-quotes)");
        }
        return s;
    }

    /** Every variable the model needs: response, fixed predictors, random slopes and grouping factors. */
    public List<String> variables() {
        Set<String> variables = new LinkedHashSet<>(fixedEffects.responseColumns());
        variables.addAll(fixed());
        for (RandomTerm term : random) {
            variables.addAll(term.slopes());
            variables.addAll(term.grouping());
        }
        return List.copyOf(variables);
    }

    /** The grouping variables, which are read as labels whatever their type. */
    public Set<String> groupingVariables() {
        Set<String> names = new LinkedHashSet<>();
        random.forEach(term -> names.addAll(term.grouping()));
        return names;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!fixedEffects.intercept()) {
            parts.add("0");
        }
        if (!fixedEffects.terms().isEmpty()) {
            parts.add(String.join(" + ", fixedEffects.termLabels()));
        } else if (fixedEffects.intercept()) {
            parts.add("1");
        }
        random.forEach(term -> parts.add(term.toString()));
        return response + " ~ " + String.join(" + ", parts);
    }
}
