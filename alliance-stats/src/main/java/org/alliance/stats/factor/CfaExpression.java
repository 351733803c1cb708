package org.alliance.stats.factor;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The right-hand side of a defined parameter ({@code ind := a*b}): numbers, parameter labels, {@code + − * / ^}
 * and parentheses, with R's precedence ({@code ^} binds tighter than a unary minus and is right-associative,
 * so {@code -a^2} is −(a²) and {@code a^-1} is 1/a). Parsed by recursive descent; errors carry the line and
 * column of the offending character.
 */
public abstract sealed class CfaExpression {

    private CfaExpression() {}

    /** The value with every label replaced by {@code values.applyAsDouble(label)}. */
    public abstract double evaluate(ToDoubleFunction<String> values);

    /** The labels used, in order of first appearance. */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        collect(out);
        return out;
    }

    abstract void collect(Set<String> out);

    /**
     * Parses an expression that starts at {@code column} (1-based) of {@code line}.
     *
     * @throws CfaSyntaxException with the line and column of the first character that does not fit
     */
    public static CfaExpression parse(String text, int line, int column) {
        Parser p = new Parser(text, line, column);
        p.skipSpace();
        if (p.at >= text.length()) {
            throw new CfaSyntaxException("missing expression after ':='", line, column);
        }
        CfaExpression e = p.sum();
        p.skipSpace();
        if (p.at < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.at) + "' in the expression");
        }
        return e;
    }

    private static final class Parser {
        final String text;
        final int line;
        final int column;
        int at;

        Parser(String text, int line, int column) {
            this.text = text;
            this.line = line;
            this.column = column;
        }

        CfaSyntaxException error(String message) {
            return new CfaSyntaxException(message, line, column + at);
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean accept(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        CfaExpression sum() {
            CfaExpression left = product();
            while (true) {
                if (accept('+')) {
                    left = new Binary('+', left, product());
                } else if (accept('-')) {
                    left = new Binary('-', left, product());
                } else {
                    return left;
                }
            }
        }

        CfaExpression product() {
            CfaExpression left = unary();
            while (true) {
                if (accept('*')) {
                    left = new Binary('*', left, unary());
                } else if (accept('/')) {
                    left = new Binary('/', left, unary());
                } else {
                    return left;
                }
            }
        }

        CfaExpression unary() {
            if (accept('-')) {
                return new Negation(unary());
            }
            if (accept('+')) {
                return unary();
            }
            return power();
        }

        CfaExpression power() {
            CfaExpression base = primary();
            if (accept('^')) {
                return new Binary('^', base, unary());
            }
            return base;
        }

        CfaExpression primary() {
            skipSpace();
            if (at >= text.length()) {
                throw error("the expression ends where a number, a label or '(' was expected");
            }
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                CfaExpression inner = sum();
                if (!accept(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            int start = at;
            if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                    int mark = at;
                    at++;
                    if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                        at++;
                    }
                    if (at < text.length() && Character.isDigit(text.charAt(at))) {
                        while (at < text.length() && Character.isDigit(text.charAt(at))) {
                            at++;
                        }
                    } else {
                        at = mark;
                    }
                }
                String number = text.substring(start, at);
                try {
                    return new Constant(Double.parseDouble(number));
                } catch (NumberFormatException e) {
                    at = start;
                    throw error("'" + number + "' is not a number");
                }
            }
            if (Character.isLetter(c) || c == '.' || c == '_') {
                while (at < text.length()
                        && (Character.isLetterOrDigit(text.charAt(at))
                                || text.charAt(at) == '.'
                                || text.charAt(at) == '_')) {
                    at++;
                }
                String name = text.substring(start, at);
                skipSpace();
                if (at < text.length() && text.charAt(at) == '(') {
                    at = start;
                    throw error("functions such as '" + name + "(...)' are not supported; use + - * / ^");
                }
                return new Name(name);
            }
            throw error("unexpected '" + c + "' (expected a number, a label or '(')");
        }
    }

    private static final class Constant extends CfaExpression {
        private final double value;

        Constant(double value) {
            this.value = value;
        }

        @Override
        public double evaluate(ToDoubleFunction<String> values) {
            return value;
        }

        @Override
        void collect(Set<String> out) {
            // no names
        }
    }

    private static final class Name extends CfaExpression {
        private final String name;

        Name(String name) {
            this.name = name;
        }

        @Override
        public double evaluate(ToDoubleFunction<String> values) {
            return values.applyAsDouble(name);
        }

        @Override
        void collect(Set<String> out) {
            out.add(name);
        }
    }

    private static final class Negation extends CfaExpression {
        private final CfaExpression operand;

        Negation(CfaExpression operand) {
            this.operand = operand;
        }

        @Override
        public double evaluate(ToDoubleFunction<String> values) {
            return -operand.evaluate(values);
        }

        @Override
        void collect(Set<String> out) {
            operand.collect(out);
        }
    }

    private static final class Binary extends CfaExpression {
        private final char operator;
        private final CfaExpression left;
        private final CfaExpression right;

        Binary(char operator, CfaExpression left, CfaExpression right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public double evaluate(ToDoubleFunction<String> values) {
            double a = left.evaluate(values);
            double b = right.evaluate(values);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                case '^' -> Math.pow(a, b);
                default -> throw new AssertionError(operator);
            };
        }

        @Override
        void collect(Set<String> out) {
            left.collect(out);
            right.collect(out);
        }
    }
}
