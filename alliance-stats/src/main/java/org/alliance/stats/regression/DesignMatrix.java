package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model matrix of a {@link Formula} as R's {@code model.matrix} builds it with treatment contrasts
 * ({@code contr.treatment}):
 *
 * <ul>
 *   <li>a column of ones named {@code (Intercept)} unless the formula removes it;
 *   <li>a numeric variable as it is (a column, or {@code I(wt^2)}, {@code log(hp)}, ... evaluated on the data);
 *   <li>a categorical variable (a text column, a column declared categorical, or {@code factor(x)}) by one 0/1 column
 *       per level except the reference (contrasts, named variable + level: {@code cyl6}, {@code factor(cyl)6}), or by one
 *       per level (indicators) where R's rule asks for it: when the term without this variable is not contained in an
 *       earlier term (R's {@code TermCode}; {@code y ~ x:f} codes {@code f} by indicators), and for the first
 *       categorical variable of the first term that has one when there is no intercept;
 *   <li>an interaction as the products of its variables' columns, the first variable varying fastest, names joined by
 *       {@code :} ({@code wt:hp}, {@code cyl6:am}, {@code a2:b2}).
 * </ul>
 *
 * <p>Levels are the distinct values among the rows used, unused levels dropped (R's {@code drop.unused.levels}), sorted
 * by value when all are numbers (R's {@code factor} of a numeric vector: 9 before 10), otherwise by the
 * {@link LevelOrder}; the reference is the first level unless another is chosen (R's {@code relevel}). Rows with a
 * missing value in any column the formula reads (or an extra required column such as the cluster or weight column) are
 * left out (listwise deletion, R's {@code na.omit}). {@code scale(x)} centres and scales by the mean and SD of all
 * non-missing values of x, as R evaluates it before dropping rows.
 *
 * @param columns the n × p design matrix by its p columns (each of length n; column-major, so that a register-sized
 *     design is held once and a plain numeric variable's column can serve as it is); {@link #x()} gives it by rows
 * @param y the response, length n
 * @param terms the p column names, R style
 * @param rowsUsed indices (0-based) of the input rows used, in order
 * @param rowsDropped number of input rows left out for missing values
 * @param intercept whether the first column is the intercept
 * @param weights prior weights of the rows used (all 1 without weights)
 * @param weighted whether weights were given
 */
public record DesignMatrix(
        double[][] columns,
        double[] y,
        List<String> terms,
        int[] rowsUsed,
        int rowsDropped,
        boolean intercept,
        double[] weights,
        boolean weighted) {

    /** The name R gives the intercept column. */
    public static final String INTERCEPT = "(Intercept)";

    public DesignMatrix {
        terms = List.copyOf(terms);
        if (columns.length != terms.size()) {
            throw new IllegalArgumentException("design has " + columns.length + " columns, expected " + terms.size());
        }
        if (rowsUsed.length != y.length || weights.length != y.length) {
            throw new IllegalArgumentException(
                    "response has " + y.length + " rows, row index " + rowsUsed.length + ", weights " + weights.length);
        }
        for (double[] column : columns) {
            if (column.length != y.length) {
                throw new IllegalArgumentException(
                        "design column has " + column.length + " rows, response " + y.length);
            }
        }
    }

    /** An unweighted design with an intercept, from its rows ({@code x[i]} is row i). */
    public DesignMatrix(double[][] x, double[] y, List<String> terms, int[] rowsUsed, int rowsDropped) {
        this(byColumns(x, terms.size()), y, terms, rowsUsed, rowsDropped, true, filled(y.length, 1.0), false);
    }

    /** The n × p design matrix by rows: a new array (O(np) memory) for the methods that work row by row. */
    public double[][] x() {
        int n = y.length;
        int p = columns.length;
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            for (int i = 0; i < n; i++) {
                x[i][j] = column[i];
            }
        }
        return x;
    }

    private static double[][] byColumns(double[][] x, int p) {
        double[][] columns = new double[p][x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("design row has " + x[i].length + " columns, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                columns[j][i] = x[i][j];
            }
        }
        return columns;
    }

    /** Number of rows used (n). */
    public int n() {
        return y.length;
    }

    /** Builds the design matrix with levels in C order and without weights. */
    public static DesignMatrix build(
            Formula formula, Columns columns, Map<String, String> referenceLevels, List<String> alsoRequired) {
        return build(formula, columns, referenceLevels, alsoRequired, LevelOrder.C, Optional.empty());
    }

    /**
     * Builds the design matrix.
     *
     * @param referenceLevels reference level per categorical variable, keyed by column name or by the variable as
     *     written ({@code factor(cyl)}), for those whose reference is not the first level
     * @param alsoRequired other columns whose missing values also drop a row (e.g. the cluster column)
     * @param levelOrder how text levels are sorted
     * @param weightColumn a numeric column of prior weights (positive), if any
     * @throws IllegalArgumentException for an unknown column, a text response, an unknown reference level, a value
     *     outside a function's domain (naming the data row), or fewer rows than columns
     */
    public static DesignMatrix build(
            Formula formula,
            Columns columns,
            Map<String, String> referenceLevels,
            List<String> alsoRequired,
            LevelOrder levelOrder,
            Optional<String> weightColumn) {
        List<String> required = new ArrayList<>(formula.columns());
        required.addAll(alsoRequired);
        weightColumn.ifPresent(required::add);
        for (String name : required) {
            if (!columns.has(name)) {
                throw new IllegalArgumentException(
                        "there is no column '" + name + "'; the columns are " + String.join(", ", columns.names()));
            }
        }
        for (String column : formula.responseColumns()) {
            if (!columns.numeric().containsKey(column)) {
                throw new IllegalArgumentException(
                        formula.transformedResponse()
                                ? "the response " + formula.response() + " needs the numeric column '" + column
                                        + "', which is categorical"
                                : "the response '" + formula.response() + "' must be a numeric column");
            }
        }
        weightColumn.ifPresent(w -> {
            if (!columns.numeric().containsKey(w)) {
                throw new IllegalArgumentException("the weights '" + w + "' must be a numeric column");
            }
        });
        List<Expression> variables = formula.variables();
        checkReferenceLevels(formula, columns, referenceLevels);
        int rowCount = columns.rows();
        int[] used = completeRows(columns, required, rowCount);
        int n = used.length;
        boolean[] isUsed = new boolean[rowCount];
        for (int row : used) {
            isUsed[row] = true;
        }
        // Each variable evaluated over the rows used: numeric values, or level codes of a factor.
        List<double[]> numericValues = new ArrayList<>();
        List<List<String>> levelsOf = new ArrayList<>();
        List<int[]> codesOf = new ArrayList<>();
        for (Expression variable : variables) {
            if (isCategorical(variable, columns)) {
                String column = columnOf(variable);
                List<String> labels = labels(columns, column, used);
                List<String> levels = sortedLevels(labels, columns.numeric().containsKey(column), levelOrder);
                String reference = referenceFor(variable, referenceLevels);
                if (reference != null) {
                    if (!levels.contains(reference)) {
                        throw new IllegalArgumentException("'" + reference + "' is not a level of '"
                                + variable.deparse() + "'; the levels are " + String.join(", ", levels));
                    }
                    levels.remove(reference);
                    levels.add(0, reference);
                }
                if (levels.size() < 2) {
                    throw new IllegalArgumentException("the categorical predictor '" + variable.deparse()
                            + "' has only one level among the rows used: " + levels);
                }
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = levels.indexOf(labels.get(i));
                }
                numericValues.add(null);
                levelsOf.add(levels);
                codesOf.add(codes);
            } else {
                double[] all = evaluate(variable, columns, isUsed, variable);
                // With every row used, the values are those of all rows: the column itself serves (never changed).
                boolean shared = n == rowCount;
                double[] values = shared ? all : new double[n];
                for (int i = 0; i < n; i++) {
                    if (!shared) {
                        values[i] = all[used[i]];
                    }
                    if (!Double.isFinite(values[i])) {
                        throw new IllegalArgumentException(variable.deparse() + " is " + Expression.format(values[i])
                                + " in data row " + (used[i] + 1) + "; a predictor must be a finite number");
                    }
                }
                numericValues.add(values);
                levelsOf.add(null);
                codesOf.add(null);
            }
        }
        boolean[][] indicators = codings(formula, variables, levelsOf);
        List<String> terms = new ArrayList<>();
        List<double[]> designColumns = new ArrayList<>();
        if (formula.intercept()) {
            terms.add(INTERCEPT);
            designColumns.add(filled(n, 1.0));
        }
        for (int t = 0; t < formula.terms().size(); t++) {
            List<String> names = new ArrayList<>(List.of(""));
            List<double[]> products = new ArrayList<>();
            products.add(filled(n, 1.0));
            boolean first = true;
            for (Expression variable : formula.terms().get(t).variables()) {
                int v = variables.indexOf(variable);
                List<String> partNames = new ArrayList<>();
                List<double[]> parts = new ArrayList<>();
                if (numericValues.get(v) != null) {
                    partNames.add(variable.deparse());
                    parts.add(numericValues.get(v));
                } else {
                    List<String> levels = levelsOf.get(v);
                    int[] codes = codesOf.get(v);
                    for (int level = indicators[t][v] ? 0 : 1; level < levels.size(); level++) {
                        double[] column = new double[n];
                        for (int i = 0; i < n; i++) {
                            column[i] = codes[i] == level ? 1.0 : 0.0;
                        }
                        partNames.add(variable.deparse() + levels.get(level));
                        parts.add(column);
                    }
                }
                // R's model.matrix: the earlier variables vary fastest.
                List<String> nextNames = new ArrayList<>();
                List<double[]> nextProducts = new ArrayList<>();
                for (int p = 0; p < parts.size(); p++) {
                    for (int q = 0; q < products.size(); q++) {
                        nextNames.add(first ? partNames.get(p) : names.get(q) + ":" + partNames.get(p));
                        if (first) {
                            // 1 · b is b to the bit: the term's first variable is its column as it is.
                            nextProducts.add(parts.get(p));
                            continue;
                        }
                        double[] product = new double[n];
                        double[] a = products.get(q);
                        double[] b = parts.get(p);
                        for (int i = 0; i < n; i++) {
                            product[i] = a[i] * b[i];
                        }
                        nextProducts.add(product);
                    }
                }
                names = nextNames;
                products = nextProducts;
                first = false;
            }
            terms.addAll(names);
            designColumns.addAll(products);
        }
        int p = terms.size();
        if (n <= p) {
            throw new IllegalArgumentException("only " + n + " complete rows for " + p
                    + " coefficients; the model needs more rows than coefficients");
        }
        double[] y = responseValues(formula, columns, used);
        double[] weights = filled(n, 1.0);
        if (weightColumn.isPresent()) {
            double[] w = columns.numeric().get(weightColumn.get());
            for (int i = 0; i < n; i++) {
                weights[i] = w[used[i]];
                if (!(weights[i] > 0.0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("the weight in data row " + (used[i] + 1) + " is "
                            + Expression.format(weights[i]) + "; weights must be positive and finite (leave rows with"
                            + " weight 0 out of the data)");
                }
            }
        }
        return new DesignMatrix(
                designColumns.toArray(double[][]::new),
                y,
                terms,
                used,
                rowCount - n,
                formula.intercept(),
                weights,
                weightColumn.isPresent());
    }

    /**
     * Per term and variable: true when a categorical variable is coded by indicators of all its levels rather than by
     * contrasts. R's rule (TermCode in terms.formula): contrasts when the term without the variable is empty or
     * contained in an earlier term; without an intercept, the first categorical variable of the first term that has one
     * gets indicators.
     */
    private static boolean[][] codings(Formula formula, List<Expression> variables, List<List<String>> levelsOf) {
        List<Term> terms = formula.terms();
        boolean[][] indicators = new boolean[terms.size()][variables.size()];
        for (int t = 0; t < terms.size(); t++) {
            Set<Expression> term = new LinkedHashSet<>(terms.get(t).variables());
            for (Expression variable : term) {
                Set<Expression> rest = new LinkedHashSet<>(term);
                rest.remove(variable);
                boolean contained = rest.isEmpty();
                for (int earlier = 0; earlier < t && !contained; earlier++) {
                    contained = terms.get(earlier).variables().containsAll(rest);
                }
                indicators[t][variables.indexOf(variable)] = !contained;
            }
        }
        if (!formula.intercept()) {
            search:
            for (int t = 0; t < terms.size(); t++) {
                for (int v = 0; v < variables.size(); v++) {
                    if (levelsOf.get(v) != null && terms.get(t).variables().contains(variables.get(v))) {
                        indicators[t][v] = true;
                        break search;
                    }
                }
            }
        }
        return indicators;
    }

    private static void checkReferenceLevels(Formula formula, Columns columns, Map<String, String> referenceLevels) {
        for (String name : referenceLevels.keySet()) {
            boolean matched = false;
            boolean present = false;
            for (Expression variable : formula.variables()) {
                boolean names = variable.deparse().equals(name)
                        || (variable instanceof Expression.Column c && c.name().equals(name))
                        || (variable.isFactorCall() && columnOf(variable).equals(name));
                present |= names;
                matched |= names && isCategorical(variable, columns);
            }
            if (!present) {
                throw new IllegalArgumentException(
                        "a reference level is given for '" + name + "', which is not a predictor in " + formula);
            }
            if (!matched) {
                throw new IllegalArgumentException(
                        "a reference level is given for '" + name + "', which is numeric, not categorical");
            }
        }
    }

    private static boolean isCategorical(Expression variable, Columns columns) {
        return variable.isFactorCall()
                || (variable instanceof Expression.Column c && columns.text().containsKey(c.name()));
    }

    private static String columnOf(Expression variable) {
        if (variable instanceof Expression.Column c) {
            return c.name();
        }
        return ((Expression.Column) ((Expression.Call) variable).argument()).name();
    }

    private static String referenceFor(Expression variable, Map<String, String> referenceLevels) {
        String byLabel = referenceLevels.get(variable.deparse());
        return byLabel != null ? byLabel : referenceLevels.get(columnOf(variable));
    }

    /** The labels of a categorical column over the rows used (a numeric one as R's as.character writes it). */
    private static List<String> labels(Columns columns, String column, int[] used) {
        double[] numeric = columns.numeric().get(column);
        List<String> labels = new ArrayList<>(used.length);
        for (int row : used) {
            labels.add(
                    numeric != null
                            ? Expression.format(numeric[row])
                            : columns.text().get(column)[row]);
        }
        return labels;
    }

    private static List<String> sortedLevels(List<String> labels, boolean numericColumn, LevelOrder order) {
        if (numericColumn || labels.stream().allMatch(DesignMatrix::isNumber)) {
            TreeSet<String> distinct = new TreeSet<>(NUMERIC_LEVEL_ORDER);
            distinct.addAll(labels);
            return new ArrayList<>(distinct);
        }
        TreeSet<String> distinct = new TreeSet<>(order.comparator());
        distinct.addAll(labels);
        return new ArrayList<>(distinct);
    }

    private static int[] completeRows(Columns columns, List<String> required, int rowCount) {
        double[][] requiredNumeric = new double[required.size()][];
        String[][] requiredText = new String[required.size()][];
        for (int r = 0; r < required.size(); r++) {
            requiredNumeric[r] = columns.numeric().get(required.get(r));
            requiredText[r] = requiredNumeric[r] == null ? columns.text().get(required.get(r)) : null;
        }
        int[] usedRows = new int[rowCount];
        int usedCount = 0;
        for (int row = 0; row < rowCount; row++) {
            boolean complete = true;
            for (int r = 0; r < requiredNumeric.length && complete; r++) {
                complete = requiredNumeric[r] != null
                        ? !Double.isNaN(requiredNumeric[r][row])
                        : requiredText[r][row] != null;
            }
            if (complete) {
                usedRows[usedCount++] = row;
            }
        }
        return Arrays.copyOf(usedRows, usedCount);
    }

    /**
     * The response over the rows used: the column, or a transformed response ({@code log(y)}) evaluated as R's
     * {@code model.frame} evaluates it, a value outside the function's domain in a row used being an error naming the
     * row.
     *
     * @param used the rows used (indices into the data), e.g. {@link #rowsUsed()}
     * @throws IllegalArgumentException for a categorical response column or a value outside a function's domain
     */
    public static double[] responseValues(Formula formula, Columns columns, int[] used) {
        for (String column : formula.responseColumns()) {
            if (!columns.numeric().containsKey(column)) {
                throw new IllegalArgumentException("the response " + formula.response() + " needs the numeric column '"
                        + column + "', which is categorical");
            }
        }
        boolean[] isUsed = new boolean[columns.rows()];
        for (int row : used) {
            isUsed[row] = true;
        }
        Expression variable = formula.responseVariable();
        double[] all = evaluate(variable, columns, isUsed, variable);
        double[] y = new double[used.length];
        for (int i = 0; i < used.length; i++) {
            y[i] = all[used[i]];
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("the response " + formula.response() + " is "
                        + Expression.format(y[i]) + " in data row " + (used[i] + 1) + "; it must be a finite number");
            }
        }
        return y;
    }

    /**
     * Evaluates a numeric expression on every row (NaN where an input is missing). A value outside a function's domain
     * in a row that is used is an error naming the row; in other rows it is NaN (the row is dropped anyway).
     */
    private static double[] evaluate(Expression e, Columns columns, boolean[] used, Expression variable) {
        int rows = used.length;
        if (e instanceof Expression.Column c) {
            double[] values = columns.numeric().get(c.name());
            if (values == null) {
                throw new IllegalArgumentException(
                        "'" + c.name() + "' is categorical; " + variable.deparse() + " needs a numeric column");
            }
            return values;
        }
        if (e instanceof Expression.Constant k) {
            return filled(rows, k.value());
        }
        if (e instanceof Expression.Parenthesised p) {
            return evaluate(p.inner(), columns, used, variable);
        }
        if (e instanceof Expression.Negation m) {
            double[] a = evaluate(m.operand(), columns, used, variable);
            double[] r = new double[rows];
            for (int i = 0; i < rows; i++) {
                r[i] = -a[i];
            }
            return r;
        }
        if (e instanceof Expression.Arithmetic op) {
            double[] a = evaluate(op.left(), columns, used, variable);
            double[] b = evaluate(op.right(), columns, used, variable);
            double[] r = new double[rows];
            for (int i = 0; i < rows; i++) {
                r[i] = switch (op.operator()) {
                    case '+' -> a[i] + b[i];
                    case '-' -> a[i] - b[i];
                    case '*' -> a[i] * b[i];
                    case '/' -> a[i] / b[i];
                    default -> Math.pow(a[i], b[i]);
                };
                if (used[i] && Double.isFinite(a[i]) && Double.isFinite(b[i]) && !Double.isFinite(r[i])) {
                    throw new IllegalArgumentException(op.deparse() + " in " + variable.deparse() + " is "
                            + Expression.format(r[i]) + " in data row " + (i + 1) + " ("
                            + op.left().deparse()
                            + " = " + Expression.format(a[i]) + ", "
                            + op.right().deparse() + " = "
                            + Expression.format(b[i]) + ")");
                }
            }
            return r;
        }
        Expression.Call call = (Expression.Call) e;
        double[] a = evaluate(call.argument(), columns, used, variable);
        String function = call.function();
        if (function.equals("I")) {
            return a;
        }
        if (function.equals("scale")) {
            return scale(a);
        }
        double[] r = new double[rows];
        for (int i = 0; i < rows; i++) {
            boolean outside = function.equals("log") ? a[i] <= 0.0 : function.equals("sqrt") && a[i] < 0.0;
            r[i] = outside
                    ? Double.NaN
                    : function.equals("log")
                            ? Math.log(a[i])
                            : function.equals("sqrt") ? Math.sqrt(a[i]) : Math.exp(a[i]);
            if (used[i] && Double.isFinite(a[i]) && !Double.isFinite(r[i])) {
                String why = function.equals("log")
                        ? " (log needs positive values; R would give "
                                + (a[i] == 0.0 ? "-Inf and stop" : "NaN and" + " silently drop the row") + ")"
                        : function.equals("sqrt") ? " (sqrt needs values of at least 0)" : " (exp overflows)";
                throw new IllegalArgumentException(call.deparse() + " is not defined for "
                        + call.argument().deparse() + " = " + Expression.format(a[i]) + " in data row " + (i + 1)
                        + why);
            }
        }
        return r;
    }

    /** R's scale(x): (x − mean)/sd over the non-missing values, sd with n − 1. */
    private static double[] scale(double[] a) {
        double sum = 0.0;
        int count = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        double mean = sum / count;
        double squares = 0.0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (count - 1));
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (a[i] - mean) / sd;
        }
        return r;
    }

    /**
     * Levels that are all numbers (a numeric column used as a factor) sort by value, as R's {@code factor} of a numeric
     * vector does (9 before 10); otherwise they sort as text. Numeric levels that are equal as numbers but written
     * differently ("2" and "2.0") stay distinct levels, ordered by their text.
     */
    private static final Comparator<String> NUMERIC_LEVEL_ORDER =
            Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder());

    private static boolean isNumber(String text) {
        return text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    private static double[] filled(int n, double value) {
        double[] column = new double[n];
        Arrays.fill(column, value);
        return column;
    }
}
