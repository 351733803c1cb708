package org.alliance.core.research;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An R script (base R, no package needed) that reads the export's CSV with every label: {@code read.csv} with a
 * class per column, missing codes as {@code NA} (the codes kept in the attribute {@code na_values}, as haven does),
 * text codes as factors with their labels, number codes with the attribute {@code labels} (named codes, haven's
 * convention) and every column's label in the attribute {@code label} (read by haven, labelled, Hmisc and RStudio's
 * viewer). Every non-ASCII character is written as a {@code \\u} escape, so the script runs in any locale.
 */
public final class RScript {

    private RScript() {}

    public static String write(String title, String dataFile, List<ExportVariable> variables) {
        StringBuilder r = new StringBuilder();
        r.append("# ").append(ascii(LabelText.fit(title, 200))).append('\n');
        r.append("# Reads ")
                .append(dataFile)
                .append(" with every label. Run it in the folder that holds ")
                .append(dataFile)
                .append(":\n#   Rscript study.R   or, in R,   setwd(\"...\"); source(\"study.R\")\n\n");
        List<String> classes = new ArrayList<>();
        for (ExportVariable variable : variables) {
            String type = variable.type() == ExportVariable.Type.NUMBER ? "numeric" : "character";
            classes.add(string(variable.name()) + " = " + string(type));
        }
        r.append("data <- read.csv(")
                .append(string(dataFile))
                .append(", fileEncoding = \"UTF-8\", na.strings = \"\", check.names = FALSE,\n")
                .append("                 stringsAsFactors = FALSE, colClasses = c(\n    ")
                .append(String.join(",\n    ", classes))
                .append("))\n\n");

        for (ExportVariable variable : variables) {
            String column = "data[[" + string(variable.name()) + "]]";
            if (!variable.missingCodes().isEmpty()) {
                String codes = variable.missingCodes().stream()
                        .map(ExportVariable.ValueLabel::value)
                        .collect(Collectors.joining(", "));
                r.append(column)
                        .append("[")
                        .append(column)
                        .append(" %in% c(")
                        .append(codes)
                        .append(")] <- NA\n");
            }
            if (variable.type() == ExportVariable.Type.DATE) {
                r.append(column).append(" <- as.Date(").append(column).append(")\n");
            }
            if (!variable.valueLabels().isEmpty() && variable.type() == ExportVariable.Type.TEXT) {
                r.append(column)
                        .append(" <- factor(")
                        .append(column)
                        .append(", levels = c(")
                        .append(variable.valueLabels().stream()
                                .map(l -> string(l.value()))
                                .collect(Collectors.joining(", ")))
                        .append("), labels = c(")
                        .append(uniqueLabels(variable).stream()
                                .map(RScript::string)
                                .collect(Collectors.joining(", ")))
                        .append("))\n");
            } else if (!variable.valueLabels().isEmpty()) {
                r.append("attr(").append(column).append(", \"labels\") <- c(");
                List<String> pairs = new ArrayList<>();
                for (ExportVariable.ValueLabel label : variable.valueLabels()) {
                    pairs.add(string(label.label()) + " = " + label.value());
                }
                r.append(String.join(", ", pairs)).append(")\n");
            }
            if (!variable.missingCodes().isEmpty()) {
                r.append("attr(").append(column).append(", \"na_values\") <- c(");
                List<String> pairs = new ArrayList<>();
                for (ExportVariable.ValueLabel code : variable.missingCodes()) {
                    pairs.add(string(code.label()) + " = " + code.value());
                }
                r.append(String.join(", ", pairs)).append(")\n");
            }
            r.append("attr(")
                    .append(column)
                    .append(", \"label\") <- ")
                    .append(string(variable.label()))
                    .append('\n');
        }
        r.append("\nattr(data, \"variable.labels\") <- sapply(data, function(column) attr(column, \"label\"))\n");
        return r.toString();
    }

    /** Factor labels must differ: a label used twice gets its code added. */
    private static List<String> uniqueLabels(ExportVariable variable) {
        List<String> labels = new ArrayList<>();
        for (ExportVariable.ValueLabel label : variable.valueLabels()) {
            String text = label.label();
            labels.add(labels.contains(text) ? text + " (" + label.value() + ")" : text);
        }
        return labels;
    }

    /** An R string literal in double quotes, ASCII only. */
    static String string(String text) {
        return '"'
                + ascii(text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", ""))
                + '"';
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else if (c <= 0xFFFF) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U{%x}", c));
            }
        });
        return out.toString();
    }
}
