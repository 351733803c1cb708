package org.alliance.stats.regression;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A term of a model formula: one variable (a main effect) or the interaction of several, in the formula's order of
 * variables (R's {@code terms()}: {@code y ~ b:a + a} has the terms {@code a} and {@code b:a}).
 *
 * @param variables the variables multiplied in this term, at least one, without duplicates
 */
public record Term(List<Expression> variables) {

    public Term {
        variables = List.copyOf(variables);
        if (variables.isEmpty() || variables.stream().distinct().count() != variables.size()) {
            throw new IllegalArgumentException("a term needs distinct variables: " + variables);
        }
    }

    /** The order of the interaction: 1 for a main effect. */
    public int order() {
        return variables.size();
    }

    /** R's term label, e.g. {@code wt:hp}, {@code factor(cyl)}, {@code I(wt^2)}. */
    public String label() {
        return variables.stream().map(Expression::deparse).collect(Collectors.joining(":"));
    }

    @Override
    public String toString() {
        return label();
    }
}
