package org.alliance.stats.mixed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A linear mixed-model formula in the subset of lme4's syntax we support: {@code y ~ x1 + x2 + (1 | g)}, correlated
 * random intercept and slopes {@code (x | g)} = {@code (1 + x | g)}, several terms (crossed {@code (1 | a) + (1 | b)})
 * and nesting {@code (1 | a/b)} = {@code (1 | a) + (1 | b:a)}, as lme4 expands it. The fixed part is main effects
 * only, with the intercept always included. Refused with a message: random terms without an intercept ({@code 0 + x}),
 * uncorrelated terms ({@code ||}), interactions and transformations.
 *
 * @param response the response variable
 * @param fixed the fixed-effect predictors (may be empty: intercept only)
 * @param random the random-effects terms, at least one
 */
public record MixedFormula(String response, List<String> fixed, List<RandomTerm> random) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z._][A-Za-z0-9._]*");

    public MixedFormula {
        fixed = List.copyOf(fixed);
        random = List.copyOf(random);
        if (random.isEmpty()) {
            throw new IllegalArgumentException("the formula has no random-effects term such as (1 | group); for a"
                    + " model without random effects use regress");
        }
        if (new LinkedHashSet<>(fixed).size() != fixed.size()) {
            throw new IllegalArgumentException("a fixed-effect predictor appears twice in " + fixed);
        }
        if (fixed.contains(response)) {
            throw new IllegalArgumentException("the response " + response + " is also a predictor");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (RandomTerm term : random) {
            if (!groups.add(term.groupName())) {
                throw new IllegalArgumentException("two random-effects terms have the grouping factor "
                        + term.groupName() + "; write them as one term, e.g. (1 + x | " + term.groupName() + ")");
            }
            if (term.grouping().contains(response) || term.slopes().contains(response)) {
                throw new IllegalArgumentException("the response " + response + " appears in the term " + term);
            }
        }
    }

    /**
     * Parses e.g. {@code "Reaction ~ Days + (Days | Subject)"}.
     *
     * @throws IllegalArgumentException naming what is wrong or not supported
     */
    public static MixedFormula parse(String text) {
        int tilde = text.indexOf('~');
        if (tilde < 0 || text.indexOf('~', tilde + 1) >= 0) {
            throw new IllegalArgumentException(
                    "formula '" + text + "' must have exactly one '~', as in y ~ x + (1 | group)");
        }
        String response = name(text.substring(0, tilde), text);
        List<String> fixed = new ArrayList<>();
        List<RandomTerm> random = new ArrayList<>();
        for (String part : splitTopLevel(text.substring(tilde + 1), text)) {
            String term = part.strip();
            if (term.isEmpty()) {
                throw new IllegalArgumentException("formula '" + text + "' has an empty term (a '+' too many?)");
            }
            if (term.startsWith("(")) {
                if (!term.endsWith(")")) {
                    throw new IllegalArgumentException("formula '" + text + "': '" + term
                            + "' is not a random-effects term of the form (1 | group) or (x | group)");
                }
                random.addAll(randomTerms(term.substring(1, term.length() - 1), text));
            } else if (term.equals("1")) {
                continue; // the intercept is always included
            } else if (term.equals("0") || term.equals("-1")) {
                throw new IllegalArgumentException(
                        "formula '" + text + "': models without a fixed intercept are not supported");
            } else {
                fixed.add(name(term, text));
            }
        }
        return new MixedFormula(response, fixed, random);
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

    private static List<String> splitTopLevel(String right, String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : right.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("formula '" + text + "' has a ')' without '('");
                }
            }
            if (ch == '+' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("formula '" + text + "' has a '(' without ')'");
        }
        parts.add(current.toString());
        return parts;
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
        Set<String> variables = new LinkedHashSet<>();
        variables.add(response);
        variables.addAll(fixed);
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
        parts.add(fixed.isEmpty() ? "1" : String.join(" + ", fixed));
        random.forEach(term -> parts.add(term.toString()));
        return response + " ~ " + String.join(" + ", parts);
    }
}
