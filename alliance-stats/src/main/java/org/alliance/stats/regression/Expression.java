package org.alliance.stats.regression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Set;

/**
 * A variable of a model formula as R's {@code model.frame} evaluates it: a column, {@code factor(x)}, or arithmetic
 * ({@code + - * / ^}) and the functions {@code I}, {@code log}, {@code exp}, {@code sqrt} and {@code scale} on numeric
 * columns. {@link #deparse()} writes the expression as R's {@code deparse} does, which gives the variable's name in R's
 * term labels and coefficient names ({@code I(wt^2)}, {@code I(a * b)}, {@code log(hp)}).
 */
public sealed interface Expression {

    /** The expression as R's {@code deparse} writes it. */
    String deparse();

    /** Adds the names of the columns this expression reads. */
    void collectColumns(Set<String> into);

    /**
     * A column of the data; a name that is not syntactic in R is written in back-quotes, as R does (letters of any
     * alphabet are syntactic in R's UTF-8 locales: {@code fødselsår}).
     */
    record Column(String name) implements Expression {
        private static final java.util.regex.Pattern SYNTACTIC =
                java.util.regex.Pattern.compile("(\\p{L}|[.](?![0-9]))[\\p{L}\\p{N}._]*|[.]");

        @Override
        public String deparse() {
            return SYNTACTIC.matcher(name).matches() ? name : "`" + name + "`";
        }

        @Override
        public void collectColumns(Set<String> into) {
            into.add(name);
        }
    }

    /** A number written in the formula. */
    record Constant(double value) implements Expression {
        @Override
        public String deparse() {
            return format(value);
        }

        @Override
        public void collectColumns(Set<String> into) {}
    }

    /** Unary minus. */
    record Negation(Expression operand) implements Expression {
        @Override
        public String deparse() {
            return "-" + operand.deparse();
        }

        @Override
        public void collectColumns(Set<String> into) {
            operand.collectColumns(into);
        }
    }

    /** {@code left op right} for op one of {@code + - * / ^}. */
    record Arithmetic(char operator, Expression left, Expression right) implements Expression {
        public Arithmetic {
            if ("+-*/^".indexOf(operator) < 0) {
                throw new IllegalArgumentException("not an arithmetic operator: " + operator);
            }
        }

        @Override
        public String deparse() {
            // R's deparse puts spaces around + - * but not around / and ^.
            String op = operator == '/' || operator == '^' ? String.valueOf(operator) : " " + operator + " ";
            return left.deparse() + op + right.deparse();
        }

        @Override
        public void collectColumns(Set<String> into) {
            left.collectColumns(into);
            right.collectColumns(into);
        }
    }

    /** Parentheses as written (R keeps them in the deparsed name: {@code I((a + b)^2)}). */
    record Parenthesised(Expression inner) implements Expression {
        @Override
        public String deparse() {
            return "(" + inner.deparse() + ")";
        }

        @Override
        public void collectColumns(Set<String> into) {
            inner.collectColumns(into);
        }
    }

    /** A call of one of the supported functions ({@link #FUNCTIONS}) on one argument. */
    record Call(String function, Expression argument) implements Expression {
        /** The functions a formula may call. */
        public static final Set<String> FUNCTIONS = Set.of("I", "factor", "log", "exp", "sqrt", "scale");

        public Call {
            if (!FUNCTIONS.contains(function)) {
                throw new IllegalArgumentException("unsupported function " + function);
            }
            if (function.equals("factor") && !(argument instanceof Column)) {
                throw new IllegalArgumentException("factor() takes a column name, not " + argument.deparse());
            }
        }

        @Override
        public String deparse() {
            return function + "(" + argument.deparse() + ")";
        }

        @Override
        public void collectColumns(Set<String> into) {
            argument.collectColumns(into);
        }
    }

    /** True for {@code factor(x)}. */
    default boolean isFactorCall() {
        return this instanceof Call call && call.function().equals("factor");
    }

    /**
     * A number as R's {@code as.character} and {@code deparse} write it: 15 significant digits, fixed notation unless
     * scientific is shorter ({@code 1e+05}, {@code 1e-04}, {@code 2.5}, {@code 123456}).
     */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
        String fixed = rounded.toPlainString();
        BigDecimal abs = rounded.abs();
        int exponent = abs.precision() - abs.scale() - 1;
        String mantissa = abs.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        String scientific = (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return fixed.length() <= scientific.length() ? fixed : scientific;
    }
}
