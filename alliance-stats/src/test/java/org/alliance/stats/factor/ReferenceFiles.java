package org.alliance.stats.factor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the committed data sets and lavaan reference outputs (simple quoted CSV, as R's write.csv writes). */
final class ReferenceFiles {

    private ReferenceFiles() {}

    static List<Map<String, String>> csv(String resource) {
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = fields(lines[0]);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                List<String> f = fields(lines[i]);
                Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < header.size(); j++) {
                    row.put(header.get(j), j < f.size() ? f.get(j) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static double number(String s) {
        return s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s.strip());
    }

    /** A data set from src/test/resources/data as CfaData; text columns become NaN, group from a column. */
    static CfaData data(String name, String groupColumn) {
        List<Map<String, String>> rows = csv("/data/" + name + ".csv");
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        List<double[]> values = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Map<String, String> r : rows) {
            double[] v = new double[columns.size()];
            for (int j = 0; j < v.length; j++) {
                String s = r.get(columns.get(j));
                double x;
                try {
                    x = number(s);
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
                v[j] = x;
            }
            values.add(v);
            if (groupColumn != null) {
                groups.add(r.get(groupColumn));
            }
        }
        return new CfaData(columns, values, groups);
    }

    static Map<String, Double> fitMeasures(String caseName) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, String> r : csv("/reference/cfa/" + caseName + "-fit.csv")) {
            out.put(r.get("name"), number(r.get("value")));
        }
        return out;
    }

    static List<Map<String, String>> parameters(String caseName) {
        return csv("/reference/cfa/" + caseName + "-parameters.csv");
    }
}
