package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.alliance.stats.factor.CfaModel.Definition;
import org.alliance.stats.factor.CfaModel.Operator;
import org.alliance.stats.factor.CfaModel.Statement;

/**
 * Parser for the CFA/SEM subset of lavaan's model syntax (Rosseel 2012, <i>J. Stat. Softw.</i> 48(2), §"model
 * syntax"): {@code f =~ x1 + x2 + x3}, regressions {@code f3 ~ f1 + b*f2}, {@code x1 ~~ x2}, modifiers
 * {@code 1*x1} (fixed), {@code NA*x1} (free), {@code a*x1} (label; shared labels are equality constraints),
 * defined parameters {@code ind := a*b} (see {@link CfaExpression}), comments after {@code #} or {@code !},
 * statements separated by new lines or {@code ;}. Intercept statements ({@code ~ 1}), explicit and inequality
 * constraints, thresholds and vector modifiers {@code c(...)} are rejected with a message, never ignored;
 * whether a regression's variables are latent is checked when the model is fitted.
 */
public final class CfaModelSyntax {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z._][A-Za-z0-9._]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CfaModelSyntax() {}

    /**
     * Parses a model.
     *
     * @throws CfaSyntaxException with line and column when the text is not valid
     */
    public static CfaModel parse(String text) {
        List<Statement> statements = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = stripComment(lines[li]);
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == ';') {
                    String statement = line.substring(start, i);
                    if (statement.contains(":=")) {
                        definitions.add(parseDefinition(statement, li + 1, start + 1, definitions));
                    } else {
                        parseStatement(statement, li + 1, start + 1, statements, seen);
                    }
                    start = i + 1;
                }
            }
        }
        if (statements.isEmpty()) {
            throw new CfaSyntaxException("the model is empty (write e.g. 'f =~ x1 + x2 + x3')", 1, 1);
        }
        return new CfaModel(statements, definitions);
    }

    private static Definition parseDefinition(String text, int line, int column, List<Definition> earlier) {
        int at = text.indexOf(":=");
        String name = text.substring(0, at).strip();
        if (name.isEmpty()) {
            throw new CfaSyntaxException("missing parameter name before ':='", line, column + at);
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new CfaSyntaxException(
                    "'" + name + "' is not a name for a defined parameter", line, column + leading(text));
        }
        for (Definition d : earlier) {
            if (d.name().equals(name)) {
                throw new CfaSyntaxException(
                        "the parameter '" + name + "' is defined twice (first on line " + d.line() + ")",
                        line,
                        column + leading(text));
            }
        }
        String rhs = text.substring(at + 2);
        CfaExpression expression = CfaExpression.parse(rhs, line, column + at + 2);
        return new Definition(name, expression, rhs.replaceAll("\\s+", ""), line);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        int bang = line.indexOf('!');
        int cut = hash < 0 ? bang : bang < 0 ? hash : Math.min(hash, bang);
        return cut < 0 ? line : line.substring(0, cut);
    }

    private static void parseStatement(String text, int line, int column, List<Statement> out, Set<String> seen) {
        if (text.isBlank()) {
            return;
        }
        int at;
        Operator op;
        if ((at = text.indexOf("=~")) >= 0) {
            op = Operator.LOADING;
        } else if ((at = text.indexOf("~~")) >= 0) {
            op = Operator.COVARIANCE;
        } else {
            rejectOtherOperators(text, line, column);
            if ((at = text.indexOf('~')) < 0) {
                throw new CfaSyntaxException(
                        "no operator found in '" + text.strip() + "' (expected '=~', '~' or '~~')",
                        line,
                        column + leading(text));
            }
            op = Operator.REGRESSION;
        }
        String lhsText = text.substring(0, at);
        if (lhsText.isBlank()) {
            throw new CfaSyntaxException("missing variable name before '" + op.symbol() + "'", line, column + at);
        }
        // lavaan's shorthand 'f1 + f2 ~ x1 + x2': every left name with every right term, left name by left name.
        List<String> lefts = new ArrayList<>();
        int nameStart = 0;
        for (int i = 0; i <= lhsText.length(); i++) {
            if (i == lhsText.length() || lhsText.charAt(i) == '+') {
                String raw = lhsText.substring(nameStart, i);
                String name = raw.strip();
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new CfaSyntaxException(
                            name.isEmpty()
                                    ? "missing variable name "
                                            + (i == lhsText.length() ? "before '" + op.symbol() + "'" : "before '+'")
                                    : "'" + name + "' is not a variable name (left of '" + op.symbol()
                                            + "' stand names joined by '+')",
                            line,
                            column + nameStart + (name.isEmpty() ? raw.length() : leading(raw)));
                }
                lefts.add(name);
                nameStart = i + 1;
            }
        }
        for (String lhs : lefts) {
            parseRight(text, lhs, op, at, line, column, out, seen);
        }
    }

    private static void parseRight(
            String text, String lhs, Operator op, int at, int line, int column, List<Statement> out, Set<String> seen) {
        int width = op.symbol().length();
        String rhsText = text.substring(at + width);
        int offset = column + at + width;
        int second = rhsText.indexOf('~');
        if (second >= 0) {
            if (second > 0 && rhsText.charAt(second - 1) == '=') {
                second--;
            }
            throw new CfaSyntaxException(
                    "two operators in one statement; put each on its own line or separate with ';'",
                    line,
                    offset + second);
        }
        int termStart = 0;
        for (int i = 0; i <= rhsText.length(); i++) {
            if (i == rhsText.length() || rhsText.charAt(i) == '+') {
                String term = rhsText.substring(termStart, i);
                if (term.isBlank()) {
                    throw new CfaSyntaxException(
                            "missing term " + (i == rhsText.length() ? "at the end" : "before '+'"), line, offset + i);
                }
                Statement s = parseTerm(lhs, op, term, line, offset + termStart);
                String key = s.lhs() + s.operator().symbol() + s.rhs();
                String reverse = s.rhs() + s.operator().symbol() + s.lhs();
                if (!seen.add(key) || (op == Operator.COVARIANCE && !key.equals(reverse) && seen.contains(reverse))) {
                    throw new CfaSyntaxException(
                            "'" + s.lhs() + " " + op.symbol() + " " + s.rhs() + "' is specified twice",
                            line,
                            offset + termStart + leading(term));
                }
                out.add(s);
                termStart = i + 1;
            }
        }
    }

    private static void rejectOtherOperators(String text, int line, int column) {
        String[][] unsupported = {
            {"==", "explicit equality constraints ('==') are not supported; use a shared label, e.g. 'a*x1'"},
            {"<", "inequality constraints are not supported"},
            {">", "inequality constraints are not supported"},
            {"|", "thresholds ('|') are not supported (ordinal data)"},
        };
        for (String[] u : unsupported) {
            int at = text.indexOf(u[0]);
            if (at >= 0) {
                throw new CfaSyntaxException(u[1], line, column + at);
            }
        }
    }

    private static Statement parseTerm(String lhs, Operator op, String term, int line, int column) {
        String[] parts = term.split("\\*", -1);
        int pos = column;
        double fixed = Double.NaN;
        boolean free = false;
        String label = "";
        for (int k = 0; k < parts.length; k++) {
            String raw = parts[k];
            String p = raw.strip();
            int here = pos + leading(raw);
            if (p.isEmpty()) {
                throw new CfaSyntaxException("empty modifier or name around '*'", line, here);
            }
            boolean last = k == parts.length - 1;
            if (last && op == Operator.REGRESSION && NUMBER.matcher(p).matches()) {
                throw new CfaSyntaxException(
                        "intercepts and means ('" + lhs + " ~ " + p + "') are not supported; the model has"
                                + " intercepts only with several groups or missing = ml, and they are not written",
                        line,
                        here);
            }
            if (last) {
                if (!IDENTIFIER.matcher(p).matches()) {
                    throw new CfaSyntaxException("'" + p + "' is not a variable name", line, here);
                }
                return new Statement(lhs, op, p, fixed, free, label, line);
            }
            if (p.startsWith("c(") || p.startsWith("start(") || p.startsWith("equal(")) {
                throw new CfaSyntaxException(
                        "modifier '" + p + "' is not supported (use a number, NA or a label)", line, here);
            }
            if (p.equals("NA")) {
                free = true;
            } else if (NUMBER.matcher(p).matches()) {
                fixed = Double.parseDouble(p);
            } else if (IDENTIFIER.matcher(p).matches()) {
                label = p;
            } else {
                throw new CfaSyntaxException(
                        "'" + p + "' is not a modifier (use a number to fix, NA to free, or a label)", line, here);
            }
            if (free && !Double.isNaN(fixed)) {
                throw new CfaSyntaxException("a parameter cannot be both fixed and free (NA)", line, here);
            }
            pos += raw.length() + 1;
        }
        throw new AssertionError("unreachable");
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
