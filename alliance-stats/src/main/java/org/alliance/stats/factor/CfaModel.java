package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed CFA or structural model: the statements in the order written, and the defined parameters. Build
 * it with {@link CfaModelSyntax#parse}.
 *
 * @param statements the {@code =~}, {@code ~} and {@code ~~} statements, one per right-hand term
 * @param definitions the defined parameters ({@code name := expression}) in the order written
 */
public record CfaModel(List<Statement> statements, List<Definition> definitions) {

    /** The operators of lavaan's model syntax that a CFA or a structural model uses. */
    public enum Operator {
        /** {@code f =~ x}: x is an indicator of f (a loading). */
        LOADING("=~"),
        /** {@code f2 ~ f1}: the latent f2 is regressed on the latent f1 (a structural coefficient). */
        REGRESSION("~"),
        /** {@code a ~~ b}: a (residual) variance or covariance. */
        COVARIANCE("~~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * One model term, e.g. {@code a*x2} in {@code visual =~ x1 + a*x2}.
     *
     * @param lhs left-hand variable
     * @param operator the operator
     * @param rhs right-hand variable
     * @param fixedValue the value the parameter is fixed to ({@code 1*x1}), or NaN when not fixed
     * @param forceFree true for {@code NA*x1}: free a parameter that is fixed by default
     * @param label the equality label ({@code a*x2}), empty when none; equal labels mean equal values
     * @param line 1-based line where the term was written (for messages)
     */
    public record Statement(
            String lhs, Operator operator, String rhs, double fixedValue, boolean forceFree, String label, int line) {
        public Statement {
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(rhs, "rhs");
            Objects.requireNonNull(label, "label");
            if (forceFree && !Double.isNaN(fixedValue)) {
                throw new IllegalArgumentException(
                        "a parameter cannot be both fixed (" + fixedValue + ") and free (NA): " + lhs + " " + rhs);
            }
        }

        public boolean fixed() {
            return !Double.isNaN(fixedValue);
        }
    }

    /**
     * A defined parameter, e.g. {@code ind := a*b}: a function of labelled parameters, estimated at the
     * estimates, with a delta-method standard error.
     *
     * @param name the new parameter's name
     * @param expression the parsed right-hand side
     * @param text the right-hand side without white space, as lavaan prints it in the {@code rhs} column
     * @param line 1-based line where the definition was written (for messages)
     */
    public record Definition(String name, CfaExpression expression, String text, int line) {
        public Definition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(text, "text");
        }
    }

    public CfaModel {
        statements = List.copyOf(statements);
        definitions = List.copyOf(definitions);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("the model has no statements");
        }
    }

    /** A model without defined parameters. */
    public CfaModel(List<Statement> statements) {
        this(statements, List.of());
    }

    /** Whether the model has a structural regression ({@code ~}). */
    public boolean hasRegressions() {
        return statements.stream().anyMatch(s -> s.operator() == Operator.REGRESSION);
    }

    /** Latent variables (left of {@code =~}) in order of first appearance. */
    public List<String> latentVariables() {
        Set<String> latent = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.operator() == Operator.LOADING) {
                latent.add(s.lhs());
            }
        }
        return List.copyOf(latent);
    }

    /** Observed variables (every other name) in order of first appearance, as lavaan orders them. */
    public List<String> observedVariables() {
        List<String> latent = latentVariables();
        Set<String> observed = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.operator() == Operator.LOADING && !latent.contains(s.rhs())) {
                observed.add(s.rhs());
            }
        }
        for (Statement s : statements) {
            for (String v : new String[] {s.lhs(), s.rhs()}) {
                if (!latent.contains(v)) {
                    observed.add(v);
                }
            }
        }
        return new ArrayList<>(observed);
    }
}
