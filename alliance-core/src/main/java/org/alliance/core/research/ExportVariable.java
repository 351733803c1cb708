package org.alliance.core.research;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a research export as the codebook, the SPSS syntax and the R script describe it.
 *
 * @param name the column's name: a letter, then letters, digits or underscores, at most 64 characters (a valid
 *     name in SPSS, PSPP, R and Stata)
 * @param label what the column holds, in the study's language
 * @param width characters of a text column, digits of a number column (SPSS's Fw.d), ignored for dates
 * @param decimals decimals shown for a number column, 0 otherwise
 * @param valueLabels the codes that carry a label (answer points, languages, perspectives)
 * @param missingCodes codes that mean "no value", with why (declared as MISSING VALUES, NA in R); an empty cell is
 *     always missing too
 * @param source the instrument and version the column comes from ({@code id@version}), empty for the study's own
 *     columns
 */
public record ExportVariable(
        String name,
        String label,
        Type type,
        int width,
        int decimals,
        Level level,
        List<ValueLabel> valueLabels,
        List<ValueLabel> missingCodes,
        String source) {

    /** How a column's cells are written. */
    public enum Type {
        /** Dot decimals, no thousands separator. */
        NUMBER,
        /** UTF-8 text. */
        TEXT,
        /** {@code YYYY-MM-DD}. */
        DATE
    }

    /** The measurement level SPSS records (VARIABLE LEVEL). */
    public enum Level {
        NOMINAL,
        ORDINAL,
        SCALE
    }

    /** A code and its label. */
    public record ValueLabel(String value, String label) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** SPSS's reserved words, never valid as a variable name. */
    private static final Set<String> RESERVED =
            Set.of("ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH");

    public ExportVariable {
        if (!NAME.matcher(name).matches() || RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a valid variable name: '" + name + "'");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("variable " + name + " has no label");
        }
        if (type != Type.DATE && (width < 1 || width > 32767)) {
            throw new IllegalArgumentException("variable " + name + ": width " + width + " is not 1 to 32767");
        }
        if (decimals < 0 || (type == Type.NUMBER && decimals >= width) || (type != Type.NUMBER && decimals != 0)) {
            throw new IllegalArgumentException("variable " + name + ": " + decimals + " decimals with width " + width);
        }
        if (type != Type.NUMBER && !missingCodes.isEmpty()) {
            throw new IllegalArgumentException("variable " + name + ": missing codes only for numbers");
        }
        if (missingCodes.size() > 3) {
            throw new IllegalArgumentException(
                    "variable " + name + ": SPSS takes at most 3 missing codes, got " + missingCodes.size());
        }
        valueLabels = List.copyOf(valueLabels);
        missingCodes = List.copyOf(missingCodes);
    }

    /** A number column. */
    public static ExportVariable number(
            String name,
            String label,
            int decimals,
            Level level,
            List<ValueLabel> valueLabels,
            List<ValueLabel> missingCodes,
            String source) {
        return new ExportVariable(
                name, label, Type.NUMBER, 8 + decimals, decimals, level, valueLabels, missingCodes, source);
    }

    /** A text column of at most {@code width} characters. */
    public static ExportVariable text(
            String name, String label, int width, List<ValueLabel> valueLabels, String source) {
        return new ExportVariable(name, label, Type.TEXT, width, 0, Level.NOMINAL, valueLabels, List.of(), source);
    }

    /** A date column. */
    public static ExportVariable date(String name, String label) {
        return new ExportVariable(name, label, Type.DATE, 10, 0, Level.SCALE, List.of(), List.of(), "");
    }

    /**
     * The format SPSS reads the column with: {@code F10.0}, {@code A14}, {@code SDATE10}. Numbers are read with no
     * decimals in the format, since SPSS would take the last digits of a number written without a dot as decimals
     * (4 read as F8.2 is 0.04); {@link #spssFormat} is then set with {@code FORMATS}.
     */
    public String spssInputFormat() {
        return type == Type.NUMBER ? "F" + width + ".0" : spssFormat();
    }

    /** The format SPSS shows the column with: {@code F8.2}, {@code A14}, {@code SDATE10}. */
    public String spssFormat() {
        return switch (type) {
            case NUMBER -> "F" + width + "." + decimals;
            case TEXT -> "A" + width;
            case DATE -> "SDATE10";
        };
    }
}
