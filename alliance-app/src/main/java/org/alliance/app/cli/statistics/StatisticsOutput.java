package org.alliance.app.cli.statistics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alliance.app.cli.CommandJson;
import org.alliance.app.cli.CsvInputOptions;
import org.alliance.app.cli.FormatOption;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.data.DataFormatException;
import org.alliance.core.data.DataTable;
import org.alliance.stats.provenance.Provenance;

/**
 * What the statistics commands share: reading the data file and its columns, JSON writing and provenance, R-like text
 * tables and warnings.
 */
final class StatisticsOutput {

    private StatisticsOutput() {}

    /**
     * Reads a CSV file as the options say; problems with the file become exit-code-2 errors that say what to fix,
     * and what the reader detected (encoding, decimal mark) is printed as a note on {@code err}.
     */
    static DataTable read(Path file, CsvInputOptions input, PrintWriter err) {
        DataTable table;
        try {
            table = DataTable.read(file, input.toOptions());
        } catch (DataFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        for (String note : table.notes()) {
            err.println("note: " + note);
        }
        err.flush();
        return table;
    }

    /** A column as numbers; a value that is not a number is a user error naming row and column. */
    static double[] numeric(DataTable table, String column) {
        try {
            return table.numeric(column);
        } catch (DataFormatException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** A user error with the reader's message (after {@code prefix}, e.g. "--weights: ") unless the column exists. */
    static void requireColumn(DataTable table, String column, String prefix) {
        try {
            table.columnIndex(column);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(prefix + e.getMessage());
        }
    }

    /** A column as labels, whatever it holds. */
    static String[] labels(DataTable table, String column) {
        return table.text(column).toArray(String[]::new);
    }

    /**
     * A predictor column as the labels of a categorical variable. A single "." among numbers used to turn a numeric
     * predictor into a factor with a level per value (95 terms, exit 0; issue 15), so a column that is mostly numbers
     * is text only when {@code declared} categorical; otherwise the error says why it would be text and, for a
     * {@code factorable} column, that --factor declares it.
     */
    static String[] categorical(DataTable table, String column, boolean declared, boolean factorable) {
        Optional<String> why = declared ? Optional.empty() : table.whyText(column);
        if (why.isPresent()) {
            throw new UserInputException("column '" + column + "' would be read as text: " + why.get()
                    + (factorable ? "; if it really is categorical, say so with --factor " + column : ""));
        }
        return labels(table, column);
    }

    /** JSON has no NaN or infinity: such values are written as null. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * Where a statistic came from: its provenance (method and, for CFA, the conventions followed) with the options as
     * given and the data file with what the reader noticed in it.
     */
    static Provenance provenance(Provenance statistic, Object options, DataTable data) {
        return statistic
                .withOptions(options)
                .withData(new Provenance.Data(data.source(), null, data.rowCount(), data.notes()));
    }

    /** Where a statistic made by {@code method} (in words) came from; see above. */
    static Provenance provenance(String method, Object options, DataTable data) {
        return provenance(Provenance.method(method), options, data);
    }

    static void printJson(PrintWriter out, Object tree) {
        out.println(CommandJson.MAPPER.writeValueAsString(tree));
        out.flush();
    }

    /** The result as {@code --format} asks: the text for reading, or the JSON of the contract. */
    static void print(PrintWriter out, FormatOption format, Consumer<PrintWriter> text, Supplier<?> json) {
        if (format.text()) {
            text.accept(out);
        } else {
            printJson(out, json.get());
        }
    }

    /** Formats a number for text tables like R's print: 7 significant digits, NA for undefined values. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        String text = String.format(java.util.Locale.ROOT, "%.7g", value);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("\\.?0+$", "");
        }
        return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
    }

    /** p-values as R prints them: below 2e-16 as "<2e-16". */
    static String formatP(double p) {
        return p < 2e-16 ? "<2e-16" : String.format(java.util.Locale.ROOT, "%.4g", p);
    }

    /** The warnings of a fit after its text, one a line; then the text is flushed. */
    static void printWarnings(PrintWriter out, List<String> warnings) {
        for (String warning : warnings) {
            out.println("Warning: " + warning);
        }
        out.flush();
    }

    /** Left-aligned first column, right-aligned others, padded to the widest cell. */
    static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int j = 0; j < header.size(); j++) {
            widths[j] = header.get(j).length();
            for (List<String> row : rows) {
                widths[j] = Math.max(widths[j], row.get(j).length());
            }
        }
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            String cell = cells.get(j);
            String padding = " ".repeat(widths[j] - cell.length());
            line.append(j == 0 ? cell + padding : "  " + padding + cell);
        }
        out.println(line.toString().stripTrailing());
    }
}
