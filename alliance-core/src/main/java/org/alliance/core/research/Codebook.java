package org.alliance.core.research;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The codebook of an export as CSV: one row per column of the data file with its label, type, SPSS format,
 * measurement level, value labels ({@code 1=never | 2=rarely}), missing codes and source instrument.
 */
public final class Codebook {

    /** The header row. */
    public static final List<String> HEADER =
            List.of("variable", "label", "type", "format", "level", "value_labels", "missing_codes", "source");

    private Codebook() {}

    public static String csv(List<ExportVariable> variables) {
        StringWriter text = new StringWriter();
        ExportCsv csv = new ExportCsv(text);
        csv.row(HEADER);
        for (ExportVariable variable : variables) {
            csv.row(List.of(
                    variable.name(),
                    variable.label(),
                    variable.type().name().toLowerCase(java.util.Locale.ROOT),
                    variable.spssFormat(),
                    variable.level().name().toLowerCase(java.util.Locale.ROOT),
                    joined(variable.valueLabels()),
                    joined(variable.missingCodes()),
                    variable.source()));
        }
        return text.toString();
    }

    private static String joined(List<ExportVariable.ValueLabel> labels) {
        return labels.stream().map(l -> l.value() + "=" + l.label()).collect(Collectors.joining(" | "));
    }
}
