package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A model formula {@code response ~ terms} in the part of R's formula language we support, expanded as R's
 * {@code terms()} expands it: main effects, interactions {@code a:b} and {@code a*b} (= {@code a + b + a:b}, also of
 * parenthesised sums: {@code (a + b)*c}), removal of terms with {@code -}, no intercept with {@code -1} or
 * {@code 0 +}, {@code .} for every other column of the data, and as variables {@code factor(x)}, {@code I(...)}
 * arithmetic and {@code log}, {@code exp}, {@code sqrt} and {@code scale} of numeric columns. Terms are ordered as R
 * orders them: by the order of the interaction, then by appearance; duplicates are dropped. What R would accept but we
 * do not ({@code poly}, {@code offset}, {@code %in%}, {@code /}, {@code ^} outside {@code I()}, other functions) is
 * refused with the position in the formula (see {@link #parse(String)}).
 *
 * @param response the response as R labels it: the column's name, or for a transformed response such as
 *     {@code log(y)} the expression as R deparses it
 * @param variables the predictor variables in order of first appearance (R's {@code attr(terms, "variables")} without
 *     the response); the order within every term follows it
 * @param terms the terms in R's order, without duplicates
 * @param intercept whether the model has an intercept
 * @param responseVariable the response as an expression on the data's columns: a column, or a numeric function of
 *     columns ({@code log(y)}, {@code I(y/n)}), evaluated as R's {@code model.frame} does
 */
public record Formula(
        String response, List<Expression> variables, List<Term> terms, boolean intercept, Expression responseVariable) {

    /** A formula whose response is the column {@code response}. */
    public Formula(String response, List<Expression> variables, List<Term> terms, boolean intercept) {
        this(response, variables, terms, intercept, new Expression.Column(response));
    }

    public Formula {
        variables = List.copyOf(variables);
        terms = List.copyOf(terms);
        if (response.isBlank()) {
            throw new IllegalArgumentException("the response must not be blank");
        }
        if (terms.isEmpty() && !intercept) {
            throw new IllegalArgumentException(
                    "the formula has neither terms nor an intercept; write e.g. y ~ x1 + x2");
        }
        if (new LinkedHashSet<>(terms).size() != terms.size()) {
            throw new IllegalArgumentException("a term appears twice in " + terms);
        }
        Set<String> columns = new LinkedHashSet<>();
        variables.forEach(v -> v.collectColumns(columns));
        Set<String> read = new LinkedHashSet<>();
        responseVariable.collectColumns(read);
        if (read.isEmpty()) {
            throw new IllegalArgumentException("the response " + response + " reads no column");
        }
        for (String column : read) {
            if (columns.contains(column)) {
                throw new IllegalArgumentException("the response " + response + " is also a predictor");
            }
        }
    }

    /** The columns the response reads: its own name, or those of a transformed response such as {@code log(y)}. */
    public List<String> responseColumns() {
        Set<String> read = new LinkedHashSet<>();
        responseVariable.collectColumns(read);
        return List.copyOf(read);
    }

    /** Whether the response is a function of the data ({@code log(y)}) rather than a column. */
    public boolean transformedResponse() {
        return !(responseVariable instanceof Expression.Column);
    }

    /** Main effects of named columns with an intercept, {@code response ~ a + b}. */
    public static Formula mainEffects(String response, List<String> predictors) {
        List<Expression> variables = new ArrayList<>();
        for (String name : predictors) {
            variables.add(new Expression.Column(name));
        }
        return new Formula(
                response,
                variables,
                variables.stream().map(v -> new Term(List.of(v))).toList(),
                true);
    }

    /**
     * Parses a formula such as {@code "mpg ~ wt * hp + factor(cyl) + I(wt^2) - 1"}.
     *
     * @throws IllegalArgumentException naming what is wrong or not supported and where (the character position)
     */
    public static Formula parse(String text) {
        return parse(text, List.of());
    }

    /**
     * Parses a formula; {@code .} on the right stands for every column in {@code dataColumns} other than the response
     * (R's {@code y ~ .} with {@code data}), as main effects in the data's order.
     */
    public static Formula parse(String text, List<String> dataColumns) {
        return parse(text, () -> dataColumns);
    }

    /** As {@link #parse(String, List)}, asking for the data's columns only when the formula has a {@code .}. */
    public static Formula parse(String text, Supplier<List<String>> dataColumns) {
        FormulaParser.Parsed parsed = FormulaParser.parse(text, dataColumns);
        if (!parsed.randomTerms().isEmpty()) {
            FormulaParser.RandomTermText first = parsed.randomTerms().get(0);
            throw new IllegalArgumentException(FormulaParser.at(text, first.position(), "(" + first.inside() + ")")
                    + "random-effects terms belong in a mixed model (use mixed)");
        }
        return parsed.formula();
    }

    /**
     * A formula with random-effects terms, as lme4 writes them: the fixed part and the text inside the parentheses of
     * each {@code (... | g)} term, in order.
     *
     * @param fixed the fixed part (response, terms, intercept)
     * @param randomTerms the inside of each random-effects term, e.g. {@code "Days | Subject"}
     */
    public record WithRandomTerms(Formula fixed, List<String> randomTerms) {
        public WithRandomTerms {
            randomTerms = List.copyOf(randomTerms);
        }
    }

    /** Parses a formula that may hold random-effects terms {@code (x | g)} next to the fixed terms (same parser). */
    public static WithRandomTerms parseWithRandomTerms(String text) {
        FormulaParser.Parsed parsed = FormulaParser.parse(text, List::of);
        return new WithRandomTerms(
                parsed.formula(),
                parsed.randomTerms().stream()
                        .map(FormulaParser.RandomTermText::inside)
                        .toList());
    }

    /** The term labels as R's {@code attr(terms(f), "term.labels")}. */
    public List<String> termLabels() {
        return terms.stream().map(Term::label).toList();
    }

    /** The columns the predictors read, in order of first appearance. */
    public List<String> predictorColumns() {
        Set<String> columns = new LinkedHashSet<>();
        variables.forEach(v -> v.collectColumns(columns));
        return List.copyOf(columns);
    }

    /** Response and predictor columns, the columns the model needs. */
    public List<String> columns() {
        Set<String> all = new LinkedHashSet<>(responseColumns());
        all.addAll(predictorColumns());
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!intercept) {
            parts.add("0");
        }
        parts.addAll(termLabels());
        return response + " ~ " + (parts.isEmpty() ? "1" : String.join(" + ", parts));
    }
}
