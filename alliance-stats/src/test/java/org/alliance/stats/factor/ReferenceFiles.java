package org.alliance.stats.factor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.stats.RReference;

/** Reads the committed data sets and lavaan reference outputs (simple quoted CSV, as R's write.csv writes). */
final class ReferenceFiles {

    private ReferenceFiles() {}

    /** The rows of a class-path resource ({@code /data/...}), read as {@link RReference} reads them. */
    static List<Map<String, String>> csv(String resource) {
        return RReference.read(resource.substring(1)).rows();
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
