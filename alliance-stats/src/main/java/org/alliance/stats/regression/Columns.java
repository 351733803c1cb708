package org.alliance.stats.regression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The variables a model may use, by name: numeric columns ({@code NaN} = missing) and text (categorical) columns
 * ({@code null} = missing). Every column has the same number of rows and a name is either numeric or text.
 *
 * <p>The arrays are used as given, not copied: a register-sized data set (a million rows) is then in memory once. The
 * models only read them; the caller must not change them while the columns are in use.
 *
 * @param numeric numeric columns by name
 * @param text categorical columns by name
 */
public record Columns(Map<String, double[]> numeric, Map<String, @Nullable String[]> text) {

    public Columns {
        Integer rows = null;
        Map<String, double[]> numericCopy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            rows = checkRows(rows, e.getKey(), e.getValue().length);
            numericCopy.put(e.getKey(), e.getValue());
        }
        Map<String, @Nullable String[]> textCopy = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable String[]> e : text.entrySet()) {
            if (numeric.containsKey(e.getKey())) {
                throw new IllegalArgumentException("column " + e.getKey() + " is given both as numeric and as text");
            }
            rows = checkRows(rows, e.getKey(), e.getValue().length);
            textCopy.put(e.getKey(), e.getValue());
        }
        numeric = Collections.unmodifiableMap(numericCopy);
        text = Collections.unmodifiableMap(textCopy);
    }

    private static Integer checkRows(Integer rows, String name, int length) {
        if (rows != null && rows != length) {
            throw new IllegalArgumentException("column " + name + " has " + length + " rows, expected " + rows);
        }
        return length;
    }

    /** Number of rows (0 without columns). */
    public int rows() {
        if (!numeric.isEmpty()) {
            return numeric.values().iterator().next().length;
        }
        return text.isEmpty() ? 0 : text.values().iterator().next().length;
    }

    /** True when a numeric or text column has this name. */
    public boolean has(String name) {
        return numeric.containsKey(name) || text.containsKey(name);
    }

    /** All column names, sorted (for messages). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(numeric.keySet());
        names.addAll(text.keySet());
        return names;
    }
}
