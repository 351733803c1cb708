package org.alliance.core.research;

import java.util.List;
import java.util.Map;
import org.alliance.core.research.ExportVariable.Level;
import org.alliance.core.research.ExportVariable.Type;
import org.alliance.core.research.ExportVariable.ValueLabel;

/**
 * The codebook of an export as one readable HTML page (next to {@code codebook.csv}): the study's title, a short
 * introduction and a table with one row per column of the data file — name, label, type and measurement level, value
 * labels, missing codes and source — every word in the study's language. The page stands alone (no script, no
 * external style sheet), so it opens from the unpacked zip in any browser and prints as it reads.
 */
public final class CodebookHtml {

    /**
     * The page's words in the study's language.
     *
     * @param intro the sentence under the title (e.g. how the data file is read)
     * @param caption the table's caption
     * @param headings the column headings: variable, label, type, value labels, missing codes, source
     * @param types the word for each type of column
     * @param levels the word for each measurement level
     */
    public record Texts(
            String intro, String caption, List<String> headings, Map<Type, String> types, Map<Level, String> levels) {
        public Texts {
            headings = List.copyOf(headings);
            types = Map.copyOf(types);
            levels = Map.copyOf(levels);
            if (headings.size() != 6) {
                throw new IllegalArgumentException("a codebook has 6 column headings, got " + headings.size());
            }
        }
    }

    private CodebookHtml() {}

    /** The page, in language {@code lang} (the {@code lang} attribute, e.g. {@code nb}). */
    public static String write(String title, String lang, Texts texts, List<ExportVariable> variables) {
        StringBuilder html = new StringBuilder(4096 + 256 * variables.size());
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(lang))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;line-height:1.4;margin:2rem;color:#1a1a1a}\n")
                .append("table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;"
                        + "padding:.5rem 0}\n")
                .append("th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}\n")
                .append("th{background:#eee}code{font-size:.95em}ul{margin:0;padding-left:1.1rem}\n")
                .append("</style>\n</head>\n<body>\n<main>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p>")
                .append(escape(texts.intro()))
                .append("</p>\n<table>\n<caption>")
                .append(escape(texts.caption()))
                .append("</caption>\n<thead><tr>");
        for (String heading : texts.headings()) {
            html.append("<th scope=\"col\">").append(escape(heading)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ExportVariable variable : variables) {
            html.append("<tr><th scope=\"row\" id=\"")
                    .append(variable.name())
                    .append("\"><code>")
                    .append(variable.name())
                    .append("</code></th><td>")
                    .append(escape(variable.label()))
                    .append("</td><td>")
                    .append(escape(texts.types()
                            .getOrDefault(variable.type(), variable.type().name())))
                    .append(", ")
                    .append(escape(texts.levels()
                            .getOrDefault(variable.level(), variable.level().name())))
                    .append("</td><td>");
            labels(html, variable.valueLabels());
            html.append("</td><td>");
            labels(html, variable.missingCodes());
            html.append("</td><td>").append(escape(variable.source())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void labels(StringBuilder html, List<ValueLabel> labels) {
        if (labels.isEmpty()) {
            return;
        }
        html.append("<ul>");
        for (ValueLabel label : labels) {
            html.append("<li><code>")
                    .append(escape(label.value()))
                    .append("</code> = ")
                    .append(escape(label.label()))
                    .append("</li>");
        }
        html.append("</ul>");
    }

    /** Text as HTML content or attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
