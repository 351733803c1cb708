package org.alliance.stats.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Responses to the items of one scale: one column per item, one row per respondent, {@code NaN} for a missing answer.
 *
 * @param items item names, unique
 * @param columns one column per item, all of the same length
 */
public record ItemResponses(List<String> items, List<double[]> columns) {

    public ItemResponses {
        items = List.copyOf(items);
        if (items.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "got " + items.size() + " item names but " + columns.size() + " columns");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw new IllegalArgumentException("item names are not unique: " + items);
        }
        List<double[]> copies = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] column = columns.get(j);
            if (column.length != columns.get(0).length) {
                throw new IllegalArgumentException("column " + items.get(j) + " has " + column.length
                        + " rows, expected " + columns.get(0).length);
            }
            for (double v : column) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("column " + items.get(j) + " holds an infinite value");
                }
            }
            copies.add(column.clone());
        }
        columns = List.copyOf(copies);
    }

    /** Number of rows (respondents), answered or not. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).length;
    }

    /** The column of item {@code j} (a copy). */
    public double[] column(int j) {
        return columns.get(j).clone();
    }
}
