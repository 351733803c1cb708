package org.alliance.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV files written by the R scripts in {@code src/test/r} and the committed data sets (header row, fields
 * optionally double-quoted, a quote inside a quoted field doubled as write.csv writes it, no line breaks; a row that
 * stops early has empty fields at its end) from the test class path. Numbers are parsed as R writes them ("Inf", "NA").
 */
public final class RReference {

    private final List<String> header;
    private final List<Map<String, String>> rows;

    private RReference(List<String> header, List<Map<String, String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static RReference read(String resource) {
        try (InputStream in = RReference.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = split(lines[0]);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                List<String> fields = split(lines[i]);
                Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < header.size(); j++) {
                    row.put(header.get(j), j < fields.size() ? fields.get(j) : "");
                }
                rows.add(row);
            }
            return new RReference(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    public static double number(String text) {
        return switch (text) {
            case "", "NA" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public List<String> header() {
        return header;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The rows whose {@code column} equals {@code value}. */
    public List<Map<String, String>> where(String column, String value) {
        return rows.stream().filter(row -> value.equals(row.get(column))).toList();
    }

    /** For key/value tables: the value of {@code key} as a number. */
    public double value(String key) {
        return number(where("key", key).get(0).get("value"));
    }

    /** A whole column as numbers (empty cells and NA as NaN). */
    public double[] numbers(String column) {
        if (!header.contains(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return rows.stream().mapToDouble(row -> number(row.get(column))).toArray();
    }

    /** A whole column as text. */
    public String[] texts(String column) {
        return rows.stream().map(row -> row.get(column)).toArray(String[]::new);
    }
}
