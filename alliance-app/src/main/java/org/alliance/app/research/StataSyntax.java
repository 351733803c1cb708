package org.alliance.app.research;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alliance.core.research.ExportVariable;
import org.alliance.core.research.ExportVariable.ValueLabel;

/**
 * A Stata do-file that reads the export's CSV with every label: {@code import delimited} of every column as text
 * (so no code is guessed), {@code destring} of the number columns, missing codes as the extended missing values
 * {@code .a}, {@code .b}, ... (each labelled), text codes turned into labelled numbers (Stata labels numbers only),
 * dates as {@code %td}, {@code label variable} on every column and {@code label define} / {@code label values} for
 * every coded column. Stata allows 32 characters in a name where the CSV has up to 64: a longer name is cut and made
 * unique, and the CSV's name kept in a note of the variable.
 *
 * <p>Written from Stata's documented syntax only: no Stata was at hand to run it (docs/research.md).
 */
final class StataSyntax {

    /** Longest variable name Stata accepts. */
    static final int NAME_LENGTH = 32;

    /** Longest variable label Stata keeps. */
    static final int LABEL_LENGTH = 80;

    private static final Set<String> RESERVED = Set.of(
            "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi",
            "_pred", "_rc", "_skip", "strl", "using", "with");

    private StataSyntax() {}

    static String write(String title, String dataFile, List<ExportVariable> variables) {
        List<String> names = names(variables);
        StringBuilder s = new StringBuilder();
        s.append("* ").append(comment(title)).append('\n');
        s.append("* Reads ")
                .append(dataFile)
                .append(" with every label. Run it in the folder that holds ")
                .append(dataFile)
                .append(": do study.do\n");
        s.append("* Written from Stata's documentation; not run in Stata by the Alliance project.\n\n");
        s.append("version 16\nclear\n");
        s.append("import delimited using \"")
                .append(dataFile)
                .append("\", delimiters(\",\") varnames(nonames) rowrange(2) encoding(\"utf-8\")")
                .append(" stringcols(_all) bindquote(strict) clear\n\n");
        for (int i = 0; i < variables.size(); i++) {
            ExportVariable variable = variables.get(i);
            String name = names.get(i);
            s.append("rename v").append(i + 1).append(' ').append(name).append('\n');
            if (!name.equals(variable.name())) {
                s.append("notes ")
                        .append(name)
                        .append(": CSV column ")
                        .append(variable.name())
                        .append('\n');
            }
        }
        s.append('\n');
        for (int i = 0; i < variables.size(); i++) {
            ExportVariable variable = variables.get(i);
            String name = names.get(i);
            switch (variable.type()) {
                case NUMBER -> number(s, variable, name);
                case DATE -> date(s, name);
                case TEXT -> text(s, variable, name);
            }
            s.append("label variable ")
                    .append(name)
                    .append(' ')
                    .append(quote(cut(variable.label(), LABEL_LENGTH)))
                    .append('\n');
        }
        s.append("\norder ").append(String.join(" ", names)).append('\n');
        s.append("compress\n");
        return s.toString();
    }

    private static void number(StringBuilder s, ExportVariable variable, String name) {
        s.append("destring ").append(name).append(", replace\n");
        List<ValueLabel> labels = new ArrayList<>();
        for (ValueLabel label : variable.valueLabels()) {
            if (label.value().matches("-?\\d{1,9}")) {
                labels.add(label); // Stata labels whole numbers only
            }
        }
        List<String> missing = new ArrayList<>();
        for (int m = 0; m < variable.missingCodes().size(); m++) {
            ValueLabel code = variable.missingCodes().get(m);
            String extended = "." + (char) ('a' + Math.min(m, 25));
            s.append("replace ")
                    .append(name)
                    .append(" = ")
                    .append(extended)
                    .append(" if ")
                    .append(name)
                    .append(" == ")
                    .append(code.value())
                    .append('\n');
            missing.add(extended + " " + quote(code.label()));
        }
        if (!labels.isEmpty() || !missing.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            labels.forEach(l -> pairs.add(l.value() + " " + quote(l.label())));
            pairs.addAll(missing);
            define(s, name, pairs);
        }
    }

    private static void date(StringBuilder s, String name) {
        s.append("generate double _d = date(").append(name).append(", \"YMD\")\n");
        s.append("drop ").append(name).append('\n');
        s.append("rename _d ").append(name).append('\n');
        s.append("format ").append(name).append(" %td\n");
    }

    /** A text column with codes becomes a number 1, 2, ... in the order of its codes, labelled with their labels. */
    private static void text(StringBuilder s, ExportVariable variable, String name) {
        if (variable.valueLabels().isEmpty()) {
            return;
        }
        s.append("generate long _c = .\n");
        List<String> pairs = new ArrayList<>();
        for (int v = 0; v < variable.valueLabels().size(); v++) {
            ValueLabel label = variable.valueLabels().get(v);
            s.append("replace _c = ")
                    .append(v + 1)
                    .append(" if ")
                    .append(name)
                    .append(" == ")
                    .append(quote(label.value()))
                    .append('\n');
            pairs.add((v + 1) + " " + quote(label.label()));
        }
        s.append("drop ").append(name).append('\n');
        s.append("rename _c ").append(name).append('\n');
        define(s, name, pairs);
    }

    private static void define(StringBuilder s, String name, List<String> pairs) {
        s.append("label define ").append(name).append("_l");
        for (String pair : pairs) {
            s.append(" ///\n    ").append(pair);
        }
        s.append(", replace\n");
        s.append("label values ").append(name).append(' ').append(name).append("_l\n");
    }

    /**
     * Names Stata accepts, in the order of the columns: the CSV's name when it fits in {@value #NAME_LENGTH}
     * characters (leaving room for the {@code _l} of its value label), else cut and numbered; unique without case.
     */
    static List<String> names(List<ExportVariable> variables) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        int room = NAME_LENGTH - 2;
        for (ExportVariable variable : variables) {
            String name = variable.name();
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("_")) {
                name = "v_" + name;
            }
            String base = name.length() > room ? name.substring(0, room) : name;
            name = base;
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = base.substring(0, Math.min(base.length(), room - suffix.length())) + suffix;
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            names.add(name);
        }
        return names;
    }

    private static String cut(String text, int length) {
        return text.codePointCount(0, text.length()) <= length
                ? text
                : text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
    }

    private static String comment(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * A Stata compound string {@code `"..."'}, which may hold double quotes; a backtick or dollar sign is escaped so
     * Stata does not read it as a macro.
     */
    static String quote(String text) {
        String safe =
                text.replace("`", "\\`").replace("$", "\\$").replace('\n', ' ').replace('\r', ' ');
        return "`\"" + safe + "\"'";
    }
}
