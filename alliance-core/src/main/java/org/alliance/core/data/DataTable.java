package org.alliance.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rectangular data set read from a CSV file with a header row, as researchers hand it to the analyses.
 *
 * <p>Cells are kept as text; {@link #numeric(String)} converts a column on request and names the line and
 * column of the first value that is not a number (and how many more there are). Missing cells are those that
 * match a missing-value code of {@link CsvOptions} (by default, as R: empty or {@code NA}). Line numbers in
 * messages are the file's lines: the header is line 1; a quoted cell with a line break makes later rows start
 * further down. Reading detects the separator, a decimal comma, a byte-order mark and Windows-1252 files (see
 * {@link CsvOptions}); each such decision is recorded in {@link #notes()}.
 *
 * @param source where the data came from (a file name), used in messages and provenance
 * @param columns column names in file order
 * @param rows data rows, each as long as {@code columns}; {@code null} marks a missing cell
 * @param lines the line of the file on which each row starts
 * @param notes what the reader detected or decided (encoding, decimal mark), for the user and provenance
 * @param rowsAre whether {@code lines} are lines of a text file or cases of an SPSS system file
 */
public record DataTable(
        String source,
        List<String> columns,
        List<List<String>> rows,
        List<Long> lines,
        List<String> notes,
        Rows rowsAre) {

    /** What a row's number in {@link #lines()} counts, as messages name it. */
    public enum Rows {
        /** Lines of a text file: the header is line 1. */
        LINES("line"),
        /** Cases of an SPSS system file: the first case is case 1. */
        CASES("case");

        private final String word;

        Rows(String word) {
            this.word = word;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA_NUMBER = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_POINT_NUMBER = Pattern.compile("[+-]?\\d*\\.\\d+([eE][+-]?\\d+)?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public DataTable {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " cells but there are " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        lines = List.copyOf(lines);
        if (lines.size() != rows.size()) {
            throw new IllegalArgumentException(
                    "there are " + lines.size() + " line numbers for " + rows.size() + " rows");
        }
        notes = List.copyOf(notes);
        java.util.Objects.requireNonNull(rowsAre, "rowsAre");
    }

    /** A table read from a text file: {@code lines} are the file's lines. */
    public DataTable(
            String source, List<String> columns, List<List<String>> rows, List<Long> lines, List<String> notes) {
        this(source, columns, rows, lines, notes, Rows.LINES);
    }

    /** A table whose rows are lines 2, 3, … (no line breaks inside cells), without notes. */
    public DataTable(String source, List<String> columns, List<List<String>> rows) {
        this(source, columns, rows, consecutiveLines(rows.size()), List.of());
    }

    private static List<Long> consecutiveLines(int n) {
        List<Long> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add((long) i + 2);
        }
        return lines;
    }

    /** Reads a CSV file with everything detected (see {@link CsvOptions#defaults()}). */
    public static DataTable read(Path file) {
        return read(file, CsvOptions.defaults());
    }

    /** Reads a CSV file; every problem is a {@link DataFormatException} naming the file, line and column. */
    public static DataTable read(Path file, CsvOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        String source = file.getFileName().toString();
        if (SavFile.isSystemFile(bytes)) {
            return SavTable.of(source, SavFile.read(source, bytes, options.encoding()), options.missingCodes());
        }
        List<String> notes = new ArrayList<>();
        String text = decode(source, bytes, options.encoding(), notes);
        return read(source, text, options, notes);
    }

    /** Reads CSV text with a known separator, '.' as decimal mark and R's missing-value codes. */
    public static DataTable read(String source, Reader reader, char separator) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(
                source,
                text.toString(),
                CsvOptions.defaults().withSeparator(separator).withDecimal('.'),
                new ArrayList<>());
    }

    /**
     * The text of the file: in the declared encoding (an invalid byte is an error naming its line and column), or
     * as UTF-8, or — when it is not valid UTF-8, as files saved by Excel on Windows are not — as Windows-1252
     * (a superset of Latin-1), with a note. Never a raw MalformedInputException.
     */
    private static String decode(String source, byte[] bytes, Optional<Charset> declared, List<String> notes) {
        Charset charset = declared.orElse(StandardCharsets.UTF_8);
        StrictText.Decoded decoded = StrictText.decode(bytes, charset);
        if (decoded instanceof StrictText.Text text) {
            return text.text();
        }
        StrictText.Invalid bad = (StrictText.Invalid) decoded;
        if (declared.isPresent()) {
            throw new DataFormatException(source + ", " + bad.where() + ": byte " + bad.value() + " is not valid "
                    + charset.name() + "; is the file in another encoding (windows-1252, UTF-8)?");
        }
        notes.add(source + " is not valid UTF-8 (byte " + bad.value() + " on " + bad.where()
                + "); it was read as Windows-1252 (Latin-1), as Excel on Windows saves CSV files;"
                + " declare the encoding if that is wrong");
        return new String(bytes, WINDOWS_1252);
    }

    private static DataTable read(String source, String text, CsvOptions options, List<String> notes) {
        char separator = options.separator().orElseGet(() -> CsvRecords.detectSeparator(text));
        CsvRecords.Read csv = CsvRecords.read(source, text, separator);
        if (csv.unclosedQuote().isPresent()) {
            throw new DataFormatException(
                    source + ", line " + csv.unclosedQuote().getAsLong()
                            + ": a quote (\") opens a cell here and is never closed, so the rest of the file would be one"
                            + " cell; close the quote, or double a quote that is part of the text (\"\")");
        }
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CsvRecords.Record record : csv.records()) {
            long line = record.line();
            List<String> fields = record.fields();
            if (header == null) {
                header = checkHeader(source, fields);
                continue;
            }
            if (fields.size() != header.size()) {
                throw new DataFormatException(source + ", line " + line + ": " + fields.size()
                        + " cells, but the header has " + header.size() + " columns"
                        + separatorHint(fields, header.size(), separator));
            }
            List<String> row = new ArrayList<>(fields.size());
            for (String field : fields) {
                String cell = field.strip();
                row.add(options.missingCodes().contains(cell) ? null : cell);
            }
            rows.add(row);
            lines.add(line);
        }
        if (header == null) {
            throw new DataFormatException(source + ": the file is empty; expected a header row with column names");
        }
        char decimal = options.decimal().orElseGet(() -> detectDecimal(source, separator, rows, notes));
        if (decimal == ',') {
            for (List<String> row : rows) {
                for (int j = 0; j < row.size(); j++) {
                    String cell = row.get(j);
                    if (cell != null && DECIMAL_COMMA_NUMBER.matcher(cell).matches()) {
                        row.set(j, cell.replace(',', '.'));
                    }
                }
            }
        }
        return new DataTable(source, header, rows, lines, notes);
    }

    private static String separatorHint(List<String> fields, int columns, char separator) {
        if (fields.size() != 1 || columns < 2) {
            return "";
        }
        for (char c : new char[] {',', ';', '\t'}) {
            if (c != separator && fields.get(0).indexOf(c) >= 0) {
                return " (is the separator " + (c == '\t' ? "a tab" : "'" + c + "'") + " rather than '" + separator
                        + "'?)";
            }
        }
        return "";
    }

    /**
     * ',' when the file is semicolon-separated and its numbers use decimal commas (at least one "3,5" and no
     * "3.5"), else '.'. A mixed file keeps '.', and the values with a comma are then reported as not numbers.
     */
    private static char detectDecimal(String source, char separator, List<List<String>> rows, List<String> notes) {
        if (separator != ';') {
            return '.';
        }
        long commas = 0;
        long points = 0;
        for (List<String> row : rows) {
            for (String cell : row) {
                if (cell == null) {
                    continue;
                }
                if (DECIMAL_COMMA_NUMBER.matcher(cell).matches()) {
                    commas++;
                } else if (DECIMAL_POINT_NUMBER.matcher(cell).matches()) {
                    points++;
                }
            }
        }
        if (commas > 0 && points == 0) {
            notes.add(source + " is semicolon-separated with decimal commas (" + commas
                    + " numbers such as 3,5): read with ',' as the decimal mark");
            return ',';
        }
        return '.';
    }

    private static List<String> checkHeader(String source, List<String> fields) {
        List<String> header = new ArrayList<>(fields.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            if (name.isEmpty()) {
                throw new DataFormatException(source + ", line 1, column " + (i + 1) + ": the column has no name");
            }
            if (!seen.add(name)) {
                throw new DataFormatException(
                        source + ", line 1, column " + (i + 1) + ": the column name '" + name + "' appears twice");
            }
            header.add(name);
        }
        return header;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.size();
    }

    /** Position of a column, or an error that lists the columns that do exist. */
    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new DataFormatException(
                    source + ": there is no column '" + column + "'; the columns are " + String.join(", ", columns));
        }
        return index;
    }

    /** A column as text; missing cells are {@code null}. */
    public List<String> text(String column) {
        int index = columnIndex(column);
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return Collections.unmodifiableList(values);
    }

    /** "line 12" of a text file, "case 11" of an SPSS system file, for a data row (0-based). */
    public String where(int rowIndex) {
        return rowsAre.word + " " + lines.get(rowIndex);
    }

    /** The line of the file on which a data row (0-based) starts (the case number in an SPSS system file). */
    public long line(int rowIndex) {
        return lines.get(rowIndex);
    }

    /** A column as numbers; missing cells are {@code NaN}. A cell that is not a number is an error naming its line. */
    public double[] numeric(String column) {
        int index = columnIndex(column);
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(index);
            if (cell == null) {
                values[r] = Double.NaN;
            } else if (looksNumeric(cell)) {
                values[r] = Double.parseDouble(cell);
                if (!Double.isFinite(values[r])) {
                    throw new DataFormatException(source + ", " + where(r) + ", column " + (index + 1) + " (" + column
                            + "): \"" + cell + "\" is not a finite number");
                }
            } else {
                throw new DataFormatException(notANumber(index, r));
            }
        }
        return values;
    }

    /** True when every non-missing cell of the column is a number. */
    public boolean isNumeric(String column) {
        int index = columnIndex(column);
        for (List<String> row : rows) {
            String cell = row.get(index);
            if (cell != null && !looksNumeric(cell)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why a column that is mostly numbers is nevertheless text: the first value that is not a number, its line, and
     * how many more there are — typically a missing-value code such as "." or "-" that was not declared. "Mostly
     * numbers": more than half of its non-missing cells, or more of its distinct values, are numbers (so a column
     * that is mostly "." but has many distinct numbers counts too). Empty when the column is numeric or mostly text.
     */
    public Optional<String> whyText(String column) {
        int index = columnIndex(column);
        int numbers = 0;
        int others = 0;
        Set<String> distinctNumbers = new HashSet<>();
        Set<String> distinctOthers = new HashSet<>();
        for (List<String> row : rows) {
            String cell = row.get(index);
            if (cell != null) {
                if (looksNumeric(cell)) {
                    numbers++;
                    distinctNumbers.add(cell);
                } else {
                    others++;
                    distinctOthers.add(cell);
                }
            }
        }
        boolean mostlyNumbers = numbers > others || distinctNumbers.size() > distinctOthers.size();
        if (others == 0 || numbers == 0 || !mostlyNumbers) {
            return Optional.empty();
        }
        return Optional.of(notANumber(index, firstNonNumber(index)));
    }

    /** Several numeric columns at once, in the given order, keyed by name. */
    public Map<String, double[]> numeric(List<String> names) {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (String name : names) {
            result.put(name, numeric(name));
        }
        return result;
    }

    private int firstNonNumber(int index) {
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(index);
            if (cell != null && !looksNumeric(cell)) {
                return r;
            }
        }
        throw new IllegalStateException("column " + columns.get(index) + " is numeric");
    }

    /**
     * "data.csv, line 12, column 3 (x3): "." is not a number (and 2 more: "-", "n/a"); …" with the fix that fits
     * the value: declare a missing-value code, or the decimal comma.
     */
    private String notANumber(int index, int row) {
        String cell = rows.get(row).get(index);
        Set<String> more = new java.util.LinkedHashSet<>();
        int count = 0;
        for (int r = row + 1; r < rows.size(); r++) {
            String other = rows.get(r).get(index);
            if (other != null && !looksNumeric(other)) {
                count++;
                if (more.size() < 3 && !other.equals(cell)) {
                    more.add('"' + other + '"');
                }
            }
        }
        String others = count == 0
                ? ""
                : " (and " + count + " more" + (more.isEmpty() ? "" : ", e.g. " + String.join(", ", more)) + ")";
        String fix = DECIMAL_COMMA_NUMBER.matcher(cell).matches()
                ? "it has a decimal comma: declare the decimal mark with --dec ','"
                : "leave missing cells empty, write NA, or declare missing-value codes with --na (e.g. --na \"" + cell
                        + "\")";
        return source + ", " + where(row) + ", column " + (index + 1) + " (" + columns.get(index) + "): \"" + cell
                + "\" is not a number" + others + "; " + fix;
    }

    private static boolean looksNumeric(String cell) {
        // Double.parseDouble also accepts "NaN", "Infinity" and hex floats, which are not data values here.
        return NUMBER.matcher(cell).matches();
    }
}
