package org.alliance.stats.factor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Raw data for a CFA: named numeric columns, one array per row, {@code NaN} for a missing value, and an
 * optional group label per row (for multiple-group models; empty list for one group).
 *
 * @param columns column names, unique
 * @param rows one {@code double[]} per case, as long as {@code columns}
 * @param groupLabels empty, or one group label per row (groups are numbered in order of first appearance)
 */
public record CfaData(List<String> columns, List<double[]> rows, List<String> groupLabels) {

    public CfaData {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        groupLabels = List.copyOf(groupLabels);
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("column names must be unique: " + columns);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (Objects.requireNonNull(rows.get(r), "row").length != columns.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + rows.get(r).length
                        + " values but there are " + columns.size() + " columns");
            }
        }
        if (!groupLabels.isEmpty() && groupLabels.size() != rows.size()) {
            throw new IllegalArgumentException(
                    "there are " + groupLabels.size() + " group labels for " + rows.size() + " rows");
        }
    }

    /** Data without groups. */
    public static CfaData of(List<String> columns, List<double[]> rows) {
        return new CfaData(columns, rows, List.of());
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
