package org.alliance.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rectangular data set read from a CSV file with a header row, as researchers hand it to the analyses.
 *
 * <p>Cells read as text ({@link #text(String)}, exactly as the file has them) or as numbers: {@link
 * #numeric(String)} names the line and column of the first value that is not a number (and how many more there
 * are). Missing cells are those that match a missing-value code of {@link CsvOptions} (by default, as R: empty or
 * {@code NA}). Line numbers in messages are the file's lines: the header is line 1; a quoted cell with a line break
 * makes later rows start further down. Reading detects the separator, a decimal comma, a byte-order mark and
 * Windows-1252 files (see {@link CsvOptions}); each such decision is recorded in {@link #notes()}.
 *
 * <p>The cells are held column by column, numbers as doubles ({@link TableColumn}), and the file is read record by
 * record into them: the cells of 1 000 000 rows × 20 columns take 180 MB, and a numeric column is converted once,
 * while reading. The file's bytes and its text are still held whole while it is read (twice its size).
 */
public final class DataTable {

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

    private static final Pattern DECIMAL_COMMA_NUMBER = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String source;
    private final List<String> columns;
    private final TableColumn[] cells;
    private final long[] lines;
    private final List<String> notes;
    private final Rows rowsAre;

    /**
     * A table of given cells.
     *
     * @param source where the data came from (a file name), used in messages and provenance
     * @param columns column names in file order
     * @param rows data rows, each as long as {@code columns}; {@code null} marks a missing cell
     * @param lines the line of the file on which each row starts
     * @param notes what the reader detected or decided (encoding, decimal mark), for the user and provenance
     * @param rowsAre whether {@code lines} are lines of a text file or cases of an SPSS system file
     */
    public DataTable(
            String source,
            List<String> columns,
            List<List<String>> rows,
            List<Long> lines,
            List<String> notes,
            Rows rowsAre) {
        this(
                source,
                List.copyOf(columns),
                cellsOf(columns.size(), rows),
                lineArray(lines, rows.size()),
                notes,
                rowsAre);
    }

    private DataTable(
            String source, List<String> columns, TableColumn[] cells, long[] lines, List<String> notes, Rows rowsAre) {
        this.source = source;
        this.columns = columns;
        this.cells = cells; // null: released (withoutValues)
        this.lines = lines;
        this.notes = List.copyOf(notes);
        this.rowsAre = Objects.requireNonNull(rowsAre, "rowsAre");
    }

    private static TableColumn[] cellsOf(int columnCount, List<List<String>> rows) {
        TableColumn[] cells = newColumns(columnCount, rows.size());
        for (List<String> row : rows) {
            if (row.size() != columnCount) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " cells but there are " + columnCount + " columns");
            }
            for (int j = 0; j < columnCount; j++) {
                cells[j].add(row.get(j));
            }
        }
        return cells;
    }

    private static TableColumn[] newColumns(int columnCount, int expectedRows) {
        TableColumn[] cells = new TableColumn[columnCount];
        for (int j = 0; j < columnCount; j++) {
            cells[j] = new TableColumn(expectedRows);
        }
        return cells;
    }

    private static long[] lineArray(List<Long> lines, int rows) {
        if (lines.size() != rows) {
            throw new IllegalArgumentException("there are " + lines.size() + " line numbers for " + rows + " rows");
        }
        long[] array = new long[rows];
        for (int i = 0; i < rows; i++) {
            array[i] = lines.get(i);
        }
        return array;
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

    /** Where the data came from (a file name), used in messages and provenance. */
    public String source() {
        return source;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The data rows as text, each as long as {@link #columns()}; {@code null} marks a missing cell. A view. */
    public List<List<String>> rows() {
        return new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                Objects.checkIndex(r, lines.length);
                return new AbstractList<>() {
                    @Override
                    public String get(int c) {
                        return column(c).text(r);
                    }

                    @Override
                    public int size() {
                        return columns.size();
                    }
                };
            }

            @Override
            public int size() {
                return lines.length;
            }
        };
    }

    /** The line of the file on which each row starts (the case number in an SPSS system file). */
    public List<Long> lines() {
        return new AbstractList<>() {
            @Override
            public Long get(int r) {
                return lines[r];
            }

            @Override
            public int size() {
                return lines.length;
            }
        };
    }

    /** What the reader detected or decided (encoding, decimal mark), for the user and provenance. */
    public List<String> notes() {
        return notes;
    }

    /** Whether {@link #lines()} are lines of a text file or cases of an SPSS system file. */
    public Rows rowsAre() {
        return rowsAre;
    }

    /** Reads a CSV file with everything detected (see {@link CsvOptions#defaults()}). */
    public static DataTable read(Path file) {
        return read(file, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file (or an SPSS system file); every problem is a {@link DataFormatException} naming the file, line
     * and column. A CSV file is read as a stream, straight into the columns: the file is never in memory as bytes or
     * as text, so a register-sized file needs little more than its columns (about 9 bytes a number).
     */
    public static DataTable read(Path file, CsvOptions options) {
        String source = file.getFileName().toString();
        try {
            if (startsLikeSystemFile(file)) {
                byte[] bytes = Files.readAllBytes(file);
                return SavTable.of(source, SavFile.read(source, bytes, options.encoding()), options.missingCodes());
            }
            int expectedRows = lineBreaks(file) + 1;
            List<String> notes = new ArrayList<>();
            Charset charset = options.encoding().orElse(StandardCharsets.UTF_8);
            try {
                return readStream(source, file, charset, options, notes, expectedRows);
            } catch (CharacterCodingException e) {
                StrictText.Invalid bad;
                try (InputStream in = Files.newInputStream(file)) {
                    bad = StrictText.firstInvalid(in, charset)
                            .orElseThrow(() -> new DataFormatException(
                                    source + ": cannot be read as " + charset.name() + " (" + e + ")"));
                }
                if (options.encoding().isPresent()) {
                    throw new DataFormatException(source + ", " + bad.where() + ": byte " + bad.value()
                            + " is not valid " + charset.name()
                            + "; is the file in another encoding (windows-1252, UTF-8)?");
                }
                notes.add(source + " is not valid UTF-8 (byte " + bad.value() + " on " + bad.where()
                        + "); it was read as Windows-1252 (Latin-1), as Excel on Windows saves CSV files;"
                        + " declare the encoding if that is wrong");
                return readStream(source, file, WINDOWS_1252, options, notes, expectedRows);
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static boolean startsLikeSystemFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return SavFile.isSystemFile(in.readNBytes(4));
        }
    }

    /** The line feeds of a file, counted on its bytes (the same in UTF-8 and Windows-1252): the columns' capacity. */
    private static int lineBreaks(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return (int) Math.min(count, Integer.MAX_VALUE - 16);
    }

    /**
     * The file decoded strictly in this encoding as it is read; a byte that is not valid stops the reading with a
     * {@link CharacterCodingException} (the caller says where, or reads again in another encoding).
     */
    private static DataTable readStream(
            String source, Path file, Charset charset, CsvOptions options, List<String> notes, int expectedRows)
            throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            return read(source, reader, options, notes, expectedRows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads CSV text with a known separator, '.' as decimal mark and R's missing-value codes. */
    public static DataTable read(String source, Reader reader, char separator) {
        try {
            return read(
                    source,
                    new BufferedReader(reader),
                    CsvOptions.defaults().withSeparator(separator).withDecimal('.'),
                    new ArrayList<>(),
                    1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first characters of the text (its header line, unless that is longer), the reader left where it was. */
    private static final int HEADER_PEEK = 1 << 20;

    private static DataTable read(
            String source, BufferedReader reader, CsvOptions options, List<String> notes, int expectedRows)
            throws IOException {
        reader.mark(HEADER_PEEK);
        char[] start = new char[HEADER_PEEK];
        int peeked = 0;
        boolean lineEnded = false;
        for (int n;
                !lineEnded && peeked < start.length && (n = reader.read(start, peeked, start.length - peeked)) > 0; ) {
            for (int i = peeked; i < peeked + n && !lineEnded; i++) {
                lineEnded = start[i] == '\n' || start[i] == '\r';
            }
            peeked += n;
        }
        reader.reset();
        String head = new String(start, 0, peeked);
        if (head.startsWith("\uFEFF")) {
            reader.skip(1);
        }
        char separator = options.separator().orElseGet(() -> CsvRecords.detectSeparator(head));
        boolean commaDeclared = options.decimal().filter(d -> d == ',').isPresent();
        Reading reading = new Reading(source, separator, options.missingCodes(), commaDeclared, expectedRows);
        OptionalLong unclosedQuote = CsvRecords.read(source, reader, separator, reading);
        if (unclosedQuote.isPresent()) {
            throw new DataFormatException(source + ", line " + unclosedQuote.getAsLong()
                    + ": a quote (\") opens a cell here and is never closed, so the rest of the file would be one"
                    + " cell; close the quote, or double a quote that is part of the text (\"\")");
        }
        if (reading.error != null) {
            throw reading.error;
        }
        if (reading.header == null) {
            throw new DataFormatException(source + ": the file is empty; expected a header row with column names");
        }
        TableColumn[] cells = reading.cells;
        if (options.decimal().isEmpty() && separator == ';') {
            detectDecimalComma(source, cells, notes);
        }
        return new DataTable(
                source, reading.header, cells, Arrays.copyOf(reading.lines, reading.rows), notes, Rows.LINES);
    }

    /**
     * The records of a file as they come, into the columns: trimmed, missing-value codes as missing, a declared
     * decimal comma as a point. The first problem is kept and reported after the whole text is read, so that an
     * unclosed quote (which explains most other problems) is reported first.
     */
    private static final class Reading implements CsvRecords.Sink {
        private final String source;
        private final char separator;
        private final Set<String> missingCodes;
        private final int longestMissingCode;
        private final boolean commaDeclared;
        private final int expectedRows;
        List<String> header;
        TableColumn[] cells;
        long[] lines;
        int rows;
        DataFormatException error;

        Reading(String source, char separator, Set<String> missingCodes, boolean commaDeclared, int expectedRows) {
            this.source = source;
            this.separator = separator;
            this.missingCodes = missingCodes;
            this.longestMissingCode =
                    missingCodes.stream().mapToInt(String::length).max().orElse(-1);
            this.commaDeclared = commaDeclared;
            this.expectedRows = expectedRows;
        }

        @Override
        public void record(long line, List<String> fields) {
            if (error != null) {
                return;
            }
            try {
                if (header == null) {
                    header = checkHeader(source, fields);
                    cells = newColumns(header.size(), expectedRows);
                    lines = new long[Math.max(expectedRows, 8)];
                    return;
                }
                add(line, fields);
            } catch (DataFormatException e) {
                error = e;
            }
        }

        private void add(long line, List<String> fields) {
            if (fields.size() != header.size()) {
                throw new DataFormatException(source + ", line " + line + ": " + fields.size()
                        + " cells, but the header has " + header.size() + " columns"
                        + separatorHint(fields, header.size(), separator));
            }
            for (int j = 0; j < cells.length; j++) {
                String cell = fields.get(j).strip();
                if (cell.length() <= longestMissingCode && missingCodes.contains(cell)) {
                    cell = null;
                } else if (commaDeclared
                        && cell.indexOf(',') >= 0
                        && DECIMAL_COMMA_NUMBER.matcher(cell).matches()) {
                    cell = cell.replace(',', '.');
                }
                cells[j].add(cell);
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows + (rows >> 1) + 8);
            }
            lines[rows++] = line;
        }
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
     * A semicolon-separated file whose numbers use decimal commas (at least one "3,5" and no "3.5") is read with ','
     * as the decimal mark: its "3,5" cells, read as text so far, become numbers, with a note. A mixed file keeps '.',
     * and the values with a comma are then reported as not numbers.
     */
    private static void detectDecimalComma(String source, TableColumn[] cells, List<String> notes) {
        long commas = 0;
        long points = 0;
        for (TableColumn column : cells) {
            points += column.pointNumbers();
            for (int r = 0; r < column.size() && !column.isNumeric(); r++) {
                if (column.isText(r)
                        && DECIMAL_COMMA_NUMBER.matcher(column.text(r)).matches()) {
                    commas++;
                }
            }
        }
        if (commas == 0 || points > 0) {
            return;
        }
        notes.add(source + " is semicolon-separated with decimal commas (" + commas
                + " numbers such as 3,5): read with ',' as the decimal mark");
        for (TableColumn column : cells) {
            for (int r = 0; r < column.size() && !column.isNumeric(); r++) {
                String cell = column.isText(r) ? column.text(r) : null;
                if (cell != null && DECIMAL_COMMA_NUMBER.matcher(cell).matches()) {
                    column.replace(r, cell.replace(',', '.'));
                }
            }
        }
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

    /**
     * This table without its values: its source, column names, rows' lines and notes, which messages ("line 12") and
     * provenance need once the values have been copied out (into a model's columns), so that a register-sized table
     * is not held twice while the model is fitted. Reading a column of it is an {@link IllegalStateException}.
     */
    public DataTable withoutValues() {
        return new DataTable(source, columns, null, lines, notes, rowsAre);
    }

    private TableColumn column(int index) {
        if (cells == null) {
            throw new IllegalStateException(source + ": the values of this table were released (withoutValues)");
        }
        return cells[index];
    }

    /** Number of data rows. */
    public int rowCount() {
        return lines.length;
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
        TableColumn cells = column(columnIndex(column));
        List<String> values = new ArrayList<>(lines.length);
        for (int r = 0; r < lines.length; r++) {
            values.add(cells.text(r));
        }
        return Collections.unmodifiableList(values);
    }

    /** "line 12" of a text file, "case 11" of an SPSS system file, for a data row (0-based). */
    public String where(int rowIndex) {
        return rowsAre.word + " " + lines[rowIndex];
    }

    /** The line of the file on which a data row (0-based) starts (the case number in an SPSS system file). */
    public long line(int rowIndex) {
        return lines[rowIndex];
    }

    /** A column as numbers; missing cells are {@code NaN}. A cell that is not a number is an error naming its line. */
    public double[] numeric(String column) {
        int index = columnIndex(column);
        TableColumn cells = column(index);
        if (!cells.isNumeric() || !cells.allFinite()) {
            for (int r = 0; r < lines.length; r++) {
                if (cells.isText(r)) {
                    throw new DataFormatException(notANumber(index, r));
                }
                if (!cells.isMissing(r) && !Double.isFinite(cells.number(r))) {
                    throw new DataFormatException(source + ", " + where(r) + ", column " + (index + 1) + " (" + column
                            + "): \"" + cells.text(r) + "\" is not a finite number");
                }
            }
        }
        return cells.numbers();
    }

    /** True when every non-missing cell of the column is a number. */
    public boolean isNumeric(String column) {
        return column(columnIndex(column)).isNumeric();
    }

    /**
     * Why a column that is mostly numbers is nevertheless text: the first value that is not a number, its line, and
     * how many more there are — typically a missing-value code such as "." or "-" that was not declared. "Mostly
     * numbers": more than half of its non-missing cells, or more of its distinct values, are numbers (so a column
     * that is mostly "." but has many distinct numbers counts too). Empty when the column is numeric or mostly text.
     */
    public Optional<String> whyText(String column) {
        int index = columnIndex(column);
        TableColumn cells = column(index);
        if (cells.isNumeric()) {
            return Optional.empty();
        }
        int numbers = 0;
        int others = 0;
        Set<String> distinctNumbers = new HashSet<>();
        Set<String> distinctOthers = new HashSet<>();
        for (int r = 0; r < lines.length; r++) {
            if (cells.isMissing(r)) {
                continue;
            }
            if (cells.isText(r)) {
                others++;
                distinctOthers.add(cells.text(r));
            } else {
                numbers++;
                distinctNumbers.add(cells.text(r));
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
        for (int r = 0; r < lines.length; r++) {
            if (column(index).isText(r)) {
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
        TableColumn cells = column(index);
        String cell = cells.text(row);
        Set<String> more = new java.util.LinkedHashSet<>();
        int count = 0;
        for (int r = row + 1; r < lines.length; r++) {
            if (cells.isText(r)) {
                count++;
                String other = cells.text(r);
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
}
