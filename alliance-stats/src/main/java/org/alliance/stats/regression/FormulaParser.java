package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one parser of model formulas (for {@code regress} and the fixed part of {@code mixed}): a tokenizer and a
 * recursive descent over R's formula operators (precedence, high to low: {@code ^}, {@code :}, {@code * /},
 * {@code + -}) and, inside function calls, R's arithmetic. Random-effects terms {@code (... | g)} are handed back as text
 * for {@code MixedFormula}. Every refusal names the character position.
 */
final class FormulaParser {

    /** A random-effects term's text between its parentheses and the 1-based position of its '('. */
    record RandomTermText(String inside, int position) {}

    /** The parsed formula and the random-effects terms it held. */
    record Parsed(Formula formula, List<RandomTermText> randomTerms) {}

    private enum Kind {
        NAME,
        NUMBER,
        SYMBOL,
        END
    }

    private record Token(Kind kind, String text, int position, boolean quoted) {
        Token(Kind kind, String text, int position) {
            this(kind, text, position, false);
        }

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** The terms of a part of the formula: sets of variable indices; intercept null when not said. */
    private record TermList(List<Set<Integer>> terms, Boolean intercept, Double number) {
        static TermList of(Set<Integer> term) {
            return new TermList(List.of(term), null, null);
        }
    }

    private static final Set<String> NUMERIC_FUNCTIONS = Set.of("I", "log", "exp", "sqrt", "scale");

    private final String text;
    private final List<Token> tokens;
    private final Supplier<List<String>> dataColumns;
    private int next;
    private final Map<String, Expression> variables = new LinkedHashMap<>();
    private final List<RandomTermText> randomTerms = new ArrayList<>();
    private String response = "";
    private Expression responseVariable = new Expression.Column("y");
    private Set<String> responseColumns = Set.of();

    private FormulaParser(String text, Supplier<List<String>> dataColumns) {
        this.text = text;
        this.dataColumns = dataColumns;
        this.tokens = tokenize(text);
    }

    static Parsed parse(String text, Supplier<List<String>> dataColumns) {
        return new FormulaParser(text, dataColumns).formula();
    }

    /** "formula 'y ~ x', at character 5 ('x'): " */
    static String at(String text, int position, String what) {
        return "formula '" + text + "', at character " + position + " ('" + what + "'): ";
    }

    private IllegalArgumentException error(Token token, String message) {
        String what = token.kind == Kind.END ? "end" : token.text;
        return new IllegalArgumentException(at(text, token.position, what) + message);
    }

    private Parsed formula() {
        Token first = peek();
        if (first.is("~")) {
            throw error(first, "the formula needs a response before '~', as in y ~ x1 + x2");
        }
        Token name = advance();
        if (name.kind != Kind.NAME) {
            throw error(name, "the response must be a column name, as in y ~ x1 + x2");
        }
        response = name.text;
        responseVariable = new Expression.Column(name.text);
        if (peek().is("(") && !name.quoted()) {
            // A transformed response, log(y) ~ x: R evaluates it in model.frame like any variable.
            Expression call = call(name);
            if (call instanceof Expression.Call c && c.function().equals("factor")) {
                throw error(name, "the response must be numeric, not factor()");
            }
            responseVariable = call;
            response = call.deparse();
        }
        Set<String> read = new LinkedHashSet<>();
        responseVariable.collectColumns(read);
        responseColumns = read;
        Token tilde = advance();
        if (!tilde.is("~")) {
            throw error(
                    tilde,
                    tilde.kind == Kind.END
                            ? "the formula must have a '~', as in y ~ x1 + x2"
                            : "the response must be a column name or a function of columns such as log(y), followed"
                                    + " by '~'");
        }
        if (peek().kind == Kind.END) {
            throw error(peek(), "nothing after '~'; write e.g. y ~ x1 + x2");
        }
        TermList right = sum(true);
        Token end = peek();
        if (end.is(")")) {
            throw error(end, "a ')' without '('");
        }
        if (end.is("~")) {
            throw error(end, "the formula must have exactly one '~'");
        }
        if (end.kind != Kind.END) {
            throw error(end, "unexpected '" + end.text + "'");
        }
        List<Expression> order = List.copyOf(variables.values());
        List<Set<Integer>> unique = new ArrayList<>(new LinkedHashSet<>(right.terms()));
        // R's terms(): by order of interaction, then by appearance (a stable sort).
        unique.sort(Comparator.comparingInt(Set::size));
        List<Term> terms = new ArrayList<>();
        for (Set<Integer> term : unique) {
            terms.add(new Term(new TreeSet<>(term).stream().map(order::get).toList()));
        }
        boolean intercept = right.intercept() == null || right.intercept();
        try {
            return new Parsed(
                    new Formula(response, order, terms, intercept, responseVariable), List.copyOf(randomTerms));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formula '" + text + "': " + e.getMessage(), e);
        }
    }

    /** sum := ['-'] product (('+' | '-') product)* */
    private TermList sum(boolean topLevel) {
        List<Set<Integer>> terms = new ArrayList<>();
        Boolean intercept = null;
        boolean subtract = false;
        if (peek().is("-")) {
            advance();
            subtract = true;
        }
        while (true) {
            Token start = peek();
            TermList part = product(topLevel);
            if (part.number() != null) {
                double value = part.number();
                if (value != 0.0 && value != 1.0) {
                    throw error(
                            start,
                            "a number in a formula can only be 1 (intercept) or 0 (no intercept);"
                                    + " for arithmetic write I(...)");
                }
                // +1 / -0 keep the intercept, +0 / -1 remove it.
                intercept = (value == 1.0) != subtract;
            } else if (subtract) {
                terms.removeAll(part.terms());
                if (part.intercept() != null) {
                    throw error(start, "cannot subtract this");
                }
            } else {
                terms.addAll(part.terms());
            }
            Token op = peek();
            if (op.is("+")) {
                advance();
                subtract = false;
            } else if (op.is("-")) {
                advance();
                subtract = true;
            } else {
                break;
            }
            if (peek().kind == Kind.END || peek().is(")")) {
                throw error(peek(), "an empty term (a '" + op.text + "' too many?)");
            }
        }
        return new TermList(terms, intercept, null);
    }

    /** product := interaction ('*' interaction)* */
    private TermList product(boolean topLevel) {
        TermList left = interaction(topLevel);
        while (peek().is("*") || peek().is("/") || peek().is("%in%")) {
            Token op = advance();
            if (op.is("/")) {
                throw error(op, "nesting a/b is not supported; write a + a:b");
            }
            if (op.is("%in%")) {
                throw error(op, "%in% is not supported; write the interaction a:b");
            }
            requireTerms(left, op);
            TermList right = interaction(false);
            requireTerms(right, op);
            List<Set<Integer>> crossed = new ArrayList<>(left.terms());
            crossed.addAll(right.terms());
            crossed.addAll(interact(left.terms(), right.terms()));
            left = new TermList(crossed, null, null);
        }
        return left;
    }

    /** interaction := power (':' power)* */
    private TermList interaction(boolean topLevel) {
        TermList left = power(topLevel);
        while (peek().is(":")) {
            Token op = advance();
            requireTerms(left, op);
            TermList right = power(false);
            requireTerms(right, op);
            left = new TermList(interact(left.terms(), right.terms()), null, null);
        }
        return left;
    }

    private TermList power(boolean topLevel) {
        TermList base = primary(topLevel);
        if (peek().is("^")) {
            throw error(
                    peek(),
                    "'^' on terms (R's crossing up to an order) is not supported; write the interactions"
                            + " out, and for a power of a number write I(x^2)");
        }
        return base;
    }

    private void requireTerms(TermList part, Token op) {
        if (part.number() != null || part.intercept() != null) {
            throw error(op, "'" + op.text + "' needs variables on both sides, not numbers");
        }
    }

    private static List<Set<Integer>> interact(List<Set<Integer>> left, List<Set<Integer>> right) {
        List<Set<Integer>> result = new ArrayList<>();
        for (Set<Integer> l : left) {
            for (Set<Integer> r : right) {
                Set<Integer> term = new LinkedHashSet<>(l);
                term.addAll(r);
                result.add(term);
            }
        }
        return result;
    }

    private TermList primary(boolean topLevel) {
        Token token = advance();
        if (token.is("(")) {
            int close = matchingParenthesis(token);
            String inside = text.substring(token.position, close);
            if (containsTopLevelBar(inside)) {
                if (!topLevel) {
                    throw error(token, "a random-effects term (... | g) cannot be part of an interaction");
                }
                randomTerms.add(new RandomTermText(inside, token.position));
                while (peek().position <= close + 1 && peek().kind != Kind.END) {
                    advance();
                }
                return new TermList(List.of(), null, null);
            }
            TermList inner = sum(false);
            Token end = advance();
            if (!end.is(")")) {
                throw error(end, "expected ')'");
            }
            if (inner.intercept() != null) {
                throw error(token, "0 and 1 (the intercept) can only stand outside parentheses");
            }
            return inner;
        }
        if (token.kind == Kind.NUMBER) {
            return new TermList(List.of(), null, Double.parseDouble(token.text));
        }
        if (token.kind == Kind.NAME && token.text.equals(".") && !token.quoted()) {
            List<String> all = dataColumns.get();
            if (all.isEmpty()) {
                throw error(token, "'.' (all other columns) needs the data's columns");
            }
            List<Set<Integer>> terms = new ArrayList<>();
            for (String column : all) {
                if (!responseColumns.contains(column)) {
                    terms.add(Set.of(variable(new Expression.Column(column))));
                }
            }
            return new TermList(terms, null, null);
        }
        if (token.kind == Kind.NAME) {
            if (peek().is("(") && !token.quoted()) {
                Expression call = call(token);
                return TermList.of(Set.of(variable(call)));
            }
            return TermList.of(Set.of(variable(new Expression.Column(token.text))));
        }
        if (token.kind == Kind.END) {
            throw error(token, "the formula ends where a term should follow");
        }
        if (token.is("|")) {
            throw error(token, "'|' only in a random-effects term (1 | g) of a mixed model");
        }
        throw error(token, "a variable name was expected here");
    }

    private int variable(Expression expression) {
        String label = expression.deparse();
        Expression known = variables.get(label);
        if (known == null) {
            variables.put(label, expression);
        }
        int index = 0;
        for (String key : variables.keySet()) {
            if (key.equals(label)) {
                return index;
            }
            index++;
        }
        throw new IllegalStateException(label);
    }

    /** A call {@code f(argument)}; {@code name} is the function's name, the '(' is next. */
    private Expression call(Token name) {
        String function = name.text;
        if (function.equals("poly")) {
            throw error(name, "poly() is not supported; write raw powers as x + I(x^2)");
        }
        if (function.equals("offset")) {
            throw error(name, "offset() is not supported");
        }
        if (!function.equals("factor") && !NUMERIC_FUNCTIONS.contains(function)) {
            throw error(
                    name,
                    "unknown function " + function + "(); a formula may use I(), factor(), log(), exp(),"
                            + " sqrt() and scale()");
        }
        advance(); // (
        Expression argument;
        if (function.equals("factor")) {
            Token column = advance();
            if (column.kind != Kind.NAME || peek().is("(")) {
                throw error(column, "factor() takes a column name");
            }
            argument = new Expression.Column(column.text);
        } else {
            argument = arithmetic();
        }
        Token close = advance();
        if (close.is(",")) {
            throw error(close, function + "() takes one argument here (no base, centre or other options)");
        }
        if (!close.is(")")) {
            throw error(close, "expected ')' to close " + function + "(");
        }
        return new Expression.Call(function, argument);
    }

    /** R's arithmetic inside a call: sum of products of (signed) powers. */
    private Expression arithmetic() {
        Expression left = arithmeticProduct();
        while (peek().is("+") || peek().is("-")) {
            char op = advance().text.charAt(0);
            left = new Expression.Arithmetic(op, left, arithmeticProduct());
        }
        return left;
    }

    private Expression arithmeticProduct() {
        Expression left = arithmeticUnary();
        while (peek().is("*") || peek().is("/")) {
            char op = advance().text.charAt(0);
            left = new Expression.Arithmetic(op, left, arithmeticUnary());
        }
        if (peek().is(":") || peek().text.startsWith("%")) {
            throw error(peek(), "'" + peek().text + "' is not supported inside a function; use + - * / ^");
        }
        return left;
    }

    private Expression arithmeticUnary() {
        if (peek().is("-")) {
            advance();
            return new Expression.Negation(arithmeticUnary());
        }
        if (peek().is("+")) {
            advance();
            return arithmeticUnary();
        }
        Expression base = arithmeticPrimary();
        if (peek().is("^")) {
            advance();
            // R: ^ is right-associative and binds tighter than unary minus (-2^2 = -4, 2^-1 = 0.5).
            return new Expression.Arithmetic('^', base, arithmeticUnary());
        }
        return base;
    }

    private Expression arithmeticPrimary() {
        Token token = advance();
        if (token.is("(")) {
            Expression inner = arithmetic();
            Token close = advance();
            if (!close.is(")")) {
                throw error(close, "expected ')'");
            }
            return new Expression.Parenthesised(inner);
        }
        if (token.kind == Kind.NUMBER) {
            return new Expression.Constant(Double.parseDouble(token.text));
        }
        if (token.kind == Kind.NAME) {
            if (peek().is("(") && !token.quoted()) {
                if (token.text.equals("factor")) {
                    throw error(token, "factor() cannot be used in arithmetic");
                }
                return call(token);
            }
            if (token.text.equals(".") && !token.quoted()) {
                throw error(token, "'.' cannot be used in arithmetic");
            }
            return new Expression.Column(token.text);
        }
        throw error(
                token,
                token.kind == Kind.END
                        ? "the formula ends inside a function call"
                        : "a number, a column" + " or '(' was expected here");
    }

    private int matchingParenthesis(Token open) {
        int depth = 0;
        for (int i = open.position - 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '`') {
                int end = text.indexOf('`', i + 1);
                i = end < 0 ? text.length() : end;
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        throw error(open, "a '(' without ')'");
    }

    private static boolean containsTopLevelBar(String inside) {
        int depth = 0;
        for (int i = 0; i < inside.length(); i++) {
            char ch = inside.charAt(i);
            if (ch == '`') {
                int end = inside.indexOf('`', i + 1);
                i = end < 0 ? inside.length() : end;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (next < tokens.size() - 1) {
            next++;
        }
        return token;
    }

    private List<Token> tokenize(String source) {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char ch = source.charAt(i);
            int position = i + 1;
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '`') {
                int end = source.indexOf('`', i + 1);
                if (end < 0 || end == i + 1) {
                    throw new IllegalArgumentException(
                            at(source, position, "`") + "a back-quoted name needs a closing back-quote");
                }
                result.add(new Token(Kind.NAME, source.substring(i + 1, end), position, true));
                i = end + 1;
            } else if (Character.isDigit(ch)
                    || (ch == '.' && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1)))) {
                int end = i;
                while (end < source.length() && (Character.isDigit(source.charAt(end)) || source.charAt(end) == '.')) {
                    end++;
                }
                if (end < source.length() && (source.charAt(end) == 'e' || source.charAt(end) == 'E')) {
                    int exponent = end + 1;
                    if (exponent < source.length() && "+-".indexOf(source.charAt(exponent)) >= 0) {
                        exponent++;
                    }
                    if (exponent < source.length() && Character.isDigit(source.charAt(exponent))) {
                        end = exponent;
                        while (end < source.length() && Character.isDigit(source.charAt(end))) {
                            end++;
                        }
                    }
                }
                String number = source.substring(i, end);
                if (number.chars().filter(c -> c == '.').count() > 1) {
                    throw new IllegalArgumentException(at(source, position, number) + "not a number");
                }
                result.add(new Token(Kind.NUMBER, number, position));
                i = end;
            } else if (Character.isLetter(ch) || ch == '.' || ch == '_') {
                int end = i;
                while (end < source.length()
                        && (Character.isLetterOrDigit(source.charAt(end))
                                || source.charAt(end) == '.'
                                || source.charAt(end) == '_')) {
                    end++;
                }
                result.add(new Token(Kind.NAME, source.substring(i, end), position));
                i = end;
            } else if (ch == '%') {
                int end = source.indexOf('%', i + 1);
                String op = end < 0 ? "%" : source.substring(i, end + 1);
                result.add(new Token(Kind.SYMBOL, op, position));
                i = end < 0 ? source.length() : end + 1;
            } else if ("~+-*/^:()|,".indexOf(ch) >= 0) {
                result.add(new Token(Kind.SYMBOL, String.valueOf(ch), position));
                i++;
            } else if (ch == '=') {
                throw new IllegalArgumentException(
                        at(source, position, "=") + "a formula has '~' where '=' is, as in y ~ x1 + x2");
            } else {
                throw new IllegalArgumentException(at(source, position, String.valueOf(ch)) + "'" + ch
                        + "' has no meaning in a formula (put unusual names in back-quotes)");
            }
        }
        result.add(new Token(Kind.END, "", source.length() + 1));
        return result;
    }
}
