package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Raw data for a CFA: named numeric columns, {@code NaN} for a missing value, and an optional group label per row
 * (for multiple-group models; empty list for one group).
 *
 * <p>The values are held column by column, as a data table holds them: a fit reads the model's columns in
 * order (one pass each, no per-row arrays to visit). {@link #rows()} gives the same values case by case, built on
 * first use, for code that works a case at a time.
 */
public final class CfaData {

    private final List<String> columns;
    private final double[][] values;
    private final List<String> groupLabels;
    private final int rowCount;
    private List<double[]> rows;

    /**
     * Data given case by case.
     *
     * @param columns column names, unique
     * @param rows one {@code double[]} per case, as long as {@code columns}
     * @param groupLabels empty, or one group label per row (groups are numbered in order of first appearance)
     */
    public CfaData(List<String> columns, List<double[]> rows, List<String> groupLabels) {
        this(columns, byColumn(columns.size(), rows), rows.size(), groupLabels);
    }

    private CfaData(List<String> columns, double[][] values, int rowCount, List<String> groupLabels) {
        this.columns = List.copyOf(columns);
        this.values = values;
        this.rowCount = rowCount;
        this.groupLabels = List.copyOf(groupLabels);
        if (new HashSet<>(this.columns).size() != this.columns.size()) {
            throw new IllegalArgumentException("column names must be unique: " + columns);
        }
        if (!this.groupLabels.isEmpty() && this.groupLabels.size() != rowCount) {
            throw new IllegalArgumentException(
                    "there are " + this.groupLabels.size() + " group labels for " + rowCount + " rows");
        }
    }

    /** Data without groups, given case by case. */
    public static CfaData of(List<String> columns, List<double[]> rows) {
        return new CfaData(columns, rows, List.of());
    }

    /**
     * Data given column by column: {@code values.get(j)} holds column j's value of every row (all of one length).
     * The arrays are copied.
     */
    public static CfaData ofColumns(List<String> columns, List<double[]> values, List<String> groupLabels) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "there are " + values.size() + " value columns for " + columns.size() + " column names");
        }
        int n = values.isEmpty() ? 0 : values.get(0).length;
        double[][] copy = new double[values.size()][];
        for (int j = 0; j < copy.length; j++) {
            double[] column = Objects.requireNonNull(values.get(j), "column");
            if (column.length != n) {
                throw new IllegalArgumentException("column '" + columns.get(j) + "' has " + column.length
                        + " values but column '" + columns.get(0) + "' has " + n);
            }
            copy[j] = column.clone();
        }
        return new CfaData(columns, copy, n, groupLabels);
    }

    private static double[][] byColumn(int width, List<double[]> rows) {
        double[][] values = new double[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = Objects.requireNonNull(rows.get(r), "row");
            if (row.length != width) {
                throw new IllegalArgumentException(
                        "row " + (r + 1) + " has " + row.length + " values but there are " + width + " columns");
            }
            for (int j = 0; j < width; j++) {
                values[j][r] = row[j];
            }
        }
        return values;
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    /** Empty, or one group label per row. */
    public List<String> groupLabels() {
        return groupLabels;
    }

    /** The number of rows (cases). */
    public int rowCount() {
        return rowCount;
    }

    /** Column j's values, one per row; shared, not to be changed. */
    double[] column(int j) {
        return values[j];
    }

    /** The values case by case: one new array per row, as long as {@link #columns()}; built on first use. */
    public List<double[]> rows() {
        List<double[]> result = rows;
        if (result == null) {
            List<double[]> built = new ArrayList<>(rowCount);
            for (int r = 0; r < rowCount; r++) {
                double[] row = new double[values.length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = values[j][r];
                }
                built.add(row);
            }
            result = List.copyOf(built);
            rows = result;
        }
        return result;
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
