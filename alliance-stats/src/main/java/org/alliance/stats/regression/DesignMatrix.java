package org.alliance.stats.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The model matrix of a {@link Formula} as R's {@code model.matrix} builds it with treatment contrasts: a column of
 * ones named {@code (Intercept)}, a numeric predictor as it is, and a text predictor as one 0/1 dummy per level except
 * the reference, named predictor + level ({@code cyl6}). Levels are the distinct values among the rows used, in sorted
 * order (by value when all levels are numbers, as R's {@code factor} of a numeric vector; otherwise by
 * {@link String#compareTo}, as R in the C locale), with unused levels dropped; the reference is the first
 * level unless another is chosen. Rows with a missing value in any formula variable (or in an extra required
 * variable such as a cluster column) are left out (listwise deletion, R's {@code na.omit}).
 *
 * @param x the n × p design matrix
 * @param y the response, length n
 * @param terms the p column names, R style
 * @param rowsUsed indices (0-based) of the input rows used, in order
 * @param rowsDropped number of input rows left out for missing values
 */
public record DesignMatrix(double[][] x, double[] y, List<String> terms, int[] rowsUsed, int rowsDropped) {

    /** The name R gives the intercept column. */
    public static final String INTERCEPT = "(Intercept)";

    public DesignMatrix {
        terms = List.copyOf(terms);
        if (x.length != y.length || rowsUsed.length != y.length) {
            throw new IllegalArgumentException(
                    "design has " + x.length + " rows, response " + y.length + ", row index " + rowsUsed.length);
        }
        for (double[] row : x) {
            if (row.length != terms.size()) {
                throw new IllegalArgumentException(
                        "design row has " + row.length + " columns, expected " + terms.size());
            }
        }
    }

    /** Number of rows used (n). */
    public int n() {
        return y.length;
    }

    /**
     * Builds the design matrix.
     *
     * @param referenceLevels reference level per text predictor, for those whose reference is not the first level
     * @param alsoRequired other variables whose missing values also drop a row (e.g. the cluster variable)
     * @throws IllegalArgumentException for an unknown variable, a text response, an unknown reference level, or fewer
     *     rows than columns
     */
    public static DesignMatrix build(
            Formula formula, Columns columns, Map<String, String> referenceLevels, List<String> alsoRequired) {
        List<String> required = new ArrayList<>(formula.variables());
        required.addAll(alsoRequired);
        for (String name : required) {
            if (!columns.has(name)) {
                throw new IllegalArgumentException(
                        "there is no column '" + name + "'; the columns are " + String.join(", ", columns.names()));
            }
        }
        if (!columns.numeric().containsKey(formula.response())) {
            throw new IllegalArgumentException("the response '" + formula.response() + "' must be a numeric column");
        }
        for (String name : referenceLevels.keySet()) {
            if (!formula.terms().contains(name)) {
                throw new IllegalArgumentException(
                        "a reference level is given for '" + name + "', which is not a predictor in " + formula);
            }
            if (!columns.text().containsKey(name)) {
                throw new IllegalArgumentException(
                        "a reference level is given for '" + name + "', which is numeric, not categorical");
            }
        }
        int rowCount = columns.rows();
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
        int[] used = java.util.Arrays.copyOf(usedRows, usedCount);
        int n = used.length;
        List<String> terms = new ArrayList<>();
        terms.add(INTERCEPT);
        List<double[]> designColumns = new ArrayList<>();
        designColumns.add(filled(n, 1.0));
        for (String name : formula.terms()) {
            double[] numeric = columns.numeric().get(name);
            if (numeric != null) {
                double[] column;
                if (n == rowCount) {
                    column = numeric; // no row dropped: read the column in place (it is only read below)
                } else {
                    column = new double[n];
                    for (int i = 0; i < n; i++) {
                        column[i] = numeric[used[i]];
                    }
                }
                terms.add(name);
                designColumns.add(column);
                continue;
            }
            String[] text = columns.text().get(name);
            TreeSet<String> distinct = new TreeSet<>();
            for (int row : used) {
                distinct.add(text[row]);
            }
            List<String> levels = new ArrayList<>(distinct);
            if (levels.stream().allMatch(DesignMatrix::isNumber)) {
                levels.sort(NUMERIC_LEVEL_ORDER);
            }
            String reference = referenceLevels.getOrDefault(name, levels.isEmpty() ? "" : levels.get(0));
            if (!levels.contains(reference)) {
                throw new IllegalArgumentException("'" + reference + "' is not a level of '" + name
                        + "'; the levels are " + String.join(", ", levels));
            }
            if (levels.size() < 2) {
                throw new IllegalArgumentException(
                        "the categorical predictor '" + name + "' has only one level among the rows used: " + levels);
            }
            for (String level : levels) {
                if (level.equals(reference)) {
                    continue;
                }
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = level.equals(text[used[i]]) ? 1.0 : 0.0;
                }
                terms.add(name + level);
                designColumns.add(column);
            }
        }
        int p = terms.size();
        if (n <= p) {
            throw new IllegalArgumentException("only " + n + " complete rows for " + p
                    + " coefficients; the model needs more rows than coefficients");
        }
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] response = columns.numeric().get(formula.response());
        double[][] source = designColumns.toArray(double[][]::new);
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                row[j] = source[j][i];
            }
            y[i] = response[used[i]];
        }
        int[] rowsUsed = used;
        return new DesignMatrix(x, y, terms, rowsUsed, rowCount - n);
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
        java.util.Arrays.fill(column, value);
        return column;
    }
}
