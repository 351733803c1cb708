package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A model formula {@code response ~ term + term + ...} in the small subset of R's formula language we support: main
 * effects of named variables only (no interactions, transformations or {@code .}); the intercept is always included.
 *
 * @param response name of the response variable
 * @param terms names of the predictor variables, in formula order, without duplicates
 */
public record Formula(String response, List<String> terms) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z._][A-Za-z0-9._]*");

    public Formula {
        terms = List.copyOf(terms);
        if (response.isBlank() || terms.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("variable names must not be blank: " + response + " ~ " + terms);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the formula has no predictors; write e.g. y ~ x1 + x2");
        }
        if (new HashSet<>(terms).size() != terms.size()) {
            throw new IllegalArgumentException("a predictor appears twice in " + terms);
        }
        if (terms.contains(response)) {
            throw new IllegalArgumentException("the response " + response + " is also a predictor");
        }
    }

    /**
     * Parses {@code "y ~ a + b"}. Names may hold letters, digits, dots and underscores, or be written in back-quotes
     * ({@code `my var`}).
     *
     * @throws IllegalArgumentException naming what is wrong with the formula
     */
    public static Formula parse(String text) {
        int tilde = text.indexOf('~');
        if (tilde < 0 || text.indexOf('~', tilde + 1) >= 0) {
            throw new IllegalArgumentException("formula '" + text + "' must have exactly one '~', as in y ~ x1 + x2");
        }
        String response = name(text.substring(0, tilde), text);
        List<String> terms = new ArrayList<>();
        String right = text.substring(tilde + 1);
        if (right.strip().isEmpty()) {
            throw new IllegalArgumentException("formula '" + text + "' has nothing after '~'; write e.g. y ~ x1 + x2");
        }
        for (String part : right.split("\\+", -1)) {
            String term = part.strip();
            if (term.equals("1")) {
                continue; // explicit intercept: always included anyway
            }
            terms.add(name(part, text));
        }
        return new Formula(response, terms);
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
            throw new IllegalArgumentException("formula '" + formula + "': '" + s + "' is not a variable name"
                    + " (only main effects 'y ~ a + b' are supported; put unusual names in back-quotes)");
        }
        return s;
    }

    /** Response and predictors, the variables the model needs. */
    public List<String> variables() {
        List<String> variables = new ArrayList<>();
        variables.add(response);
        variables.addAll(terms);
        return variables;
    }

    @Override
    public String toString() {
        return response + " ~ " + String.join(" + ", terms);
    }
}
