package org.alliance.core.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPSS syntax that reads the export's CSV with every label, for SPSS and GNU PSPP (there is no maintained Java writer
 * of {@code .sav} files; survey tools such as LimeSurvey and REDCap ship syntax plus data the same way): {@code GET
 * DATA /TYPE=TXT} over the UTF-8 CSV with its header row, then {@code VARIABLE LABELS}, {@code VALUE LABELS}, {@code
 * MISSING VALUES} and {@code VARIABLE LEVEL}. Labels are cut to the bytes SPSS keeps (256 for a variable, 120 for a
 * value). The text starts with a byte-order mark so SPSS and PSPP read it as UTF-8 whatever the computer's locale.
 */
public final class SpssSyntax {

    private SpssSyntax() {}

    /**
     * @param title what the first comment line calls the data set
     * @param dataFile the CSV's file name, read from the folder the syntax is run in
     */
    public static String write(String title, String dataFile, List<ExportVariable> variables) {
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append("* Encoding: UTF-8.\n");
        s.append("* ").append(LabelText.fit(title, 200).replace(".", ",")).append(".\n");
        s.append("* Reads ")
                .append(dataFile)
                .append(" with every label. Open this file from the folder that holds ")
                .append(dataFile)
                .append(" (or write the file's full path after /FILE=), then Run All.\n\n");
        s.append("SET DECIMAL=DOT.\n");
        s.append("GET DATA\n  /TYPE=TXT\n  /FILE=").append(quote(dataFile)).append('\n');
        s.append("  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n");
        s.append("  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        for (ExportVariable variable : variables) {
            s.append("    ")
                    .append(variable.name())
                    .append(' ')
                    .append(variable.spssInputFormat())
                    .append('\n');
        }
        s.append(".\n");
        List<ExportVariable> withDecimals =
                variables.stream().filter(v -> v.decimals() > 0).toList();
        if (!withDecimals.isEmpty()) {
            s.append("FORMATS\n");
            for (int i = 0; i < withDecimals.size(); i++) {
                ExportVariable variable = withDecimals.get(i);
                s.append(i == 0 ? "  " : "  /")
                        .append(variable.name())
                        .append(" (")
                        .append(variable.spssFormat())
                        .append(")\n");
            }
            s.append(".\n");
        }
        s.append('\n');

        s.append("VARIABLE LABELS\n");
        for (int i = 0; i < variables.size(); i++) {
            ExportVariable variable = variables.get(i);
            s.append(i == 0 ? "  " : "  /")
                    .append(variable.name())
                    .append(' ')
                    .append(quote(LabelText.fit(variable.label(), LabelText.VARIABLE_LABEL_BYTES)))
                    .append('\n');
        }
        s.append(".\n\n");

        List<ExportVariable> labelled =
                variables.stream().filter(v -> !v.valueLabels().isEmpty()).toList();
        if (!labelled.isEmpty()) {
            s.append("VALUE LABELS\n");
            for (int i = 0; i < labelled.size(); i++) {
                ExportVariable variable = labelled.get(i);
                s.append(i == 0 ? "  " : "  /").append(variable.name()).append('\n');
                for (ExportVariable.ValueLabel label : variable.valueLabels()) {
                    s.append("    ")
                            .append(value(variable, label.value()))
                            .append(' ')
                            .append(quote(LabelText.fit(label.label(), LabelText.VALUE_LABEL_BYTES)))
                            .append('\n');
                }
            }
            s.append(".\n\n");
        }

        // Missing codes are labelled too, so SPSS shows why a value is missing.
        List<ExportVariable> withMissing =
                variables.stream().filter(v -> !v.missingCodes().isEmpty()).toList();
        if (!withMissing.isEmpty()) {
            s.append("ADD VALUE LABELS\n");
            for (int i = 0; i < withMissing.size(); i++) {
                ExportVariable variable = withMissing.get(i);
                s.append(i == 0 ? "  " : "  /").append(variable.name());
                for (ExportVariable.ValueLabel code : variable.missingCodes()) {
                    s.append(' ')
                            .append(code.value())
                            .append(' ')
                            .append(quote(LabelText.fit(code.label(), LabelText.VALUE_LABEL_BYTES)));
                }
                s.append('\n');
            }
            s.append(".\n");
            s.append("MISSING VALUES\n");
            for (int i = 0; i < withMissing.size(); i++) {
                ExportVariable variable = withMissing.get(i);
                List<String> codes = variable.missingCodes().stream()
                        .map(ExportVariable.ValueLabel::value)
                        .toList();
                s.append(i == 0 ? "  " : "  /")
                        .append(variable.name())
                        .append(" (")
                        .append(String.join(", ", codes))
                        .append(")\n");
            }
            s.append(".\n\n");
        }

        Map<ExportVariable.Level, List<String>> byLevel = new LinkedHashMap<>();
        for (ExportVariable variable : variables) {
            byLevel.computeIfAbsent(variable.level(), l -> new ArrayList<>()).add(variable.name());
        }
        s.append("VARIABLE LEVEL\n");
        boolean first = true;
        for (Map.Entry<ExportVariable.Level, List<String>> level : byLevel.entrySet()) {
            s.append(first ? "  " : "  /");
            first = false;
            for (String name : level.getValue()) {
                s.append(name).append(' ');
            }
            s.append('(').append(level.getKey().name()).append(")\n");
        }
        s.append(".\n\nEXECUTE.\n");
        return s.toString();
    }

    private static String value(ExportVariable variable, String code) {
        return variable.type() == ExportVariable.Type.NUMBER ? code : quote(code);
    }

    /** A string in double quotes, a quote inside doubled (SPSS's rule). */
    static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
