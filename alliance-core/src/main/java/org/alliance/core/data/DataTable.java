package org.alliance.core.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rectangular data set read from a CSV file with a header row, as researchers hand it to the analyses.
 *
 * <p>Cells are kept as text; {@link #numeric(String)} converts a column on request and names the row and
 * column of the first value that is not a number. An empty cell or {@code NA} (any case) is missing. Row
 * numbers in messages are the line numbers a spreadsheet shows: the header is row 1, the first data row is
 * row 2.
 *
 * @param source where the data came from (a file name), used in messages and provenance
 * @param columns column names in file order
 * @param rows data rows, each as long as {@code columns}; {@code null} marks a missing cell
 */
public record DataTable(String source, List<String> columns, List<List<String>> rows) {

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
    }

    /** Reads a UTF-8 CSV file (comma-separated; a semicolon-separated file is detected from its header). */
    public static DataTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader, detectSeparator(file));
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads CSV text; {@code source} names it in messages. */
    public static DataTable read(String source, Reader reader, char separator) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(reader);
        for (CsvRecord record : csv) {
            long line = record.getStartingLineNumber();
            List<String> fields = record.getFields();
            if (header == null) {
                header = checkHeader(source, fields);
                continue;
            }
            if (fields.size() != header.size()) {
                throw new DataFormatException(source + ", row " + line + ": " + fields.size()
                        + " cells, but the header has " + header.size() + " columns");
            }
            List<String> row = new ArrayList<>(fields.size());
            for (String field : fields) {
                row.add(isMissing(field) ? null : field.trim());
            }
            rows.add(row);
        }
        if (header == null) {
            throw new DataFormatException(source + ": the file is empty; expected a header row with column names");
        }
        return new DataTable(source, header, rows);
    }

    private static List<String> checkHeader(String source, List<String> fields) {
        List<String> header = new ArrayList<>(fields.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                throw new DataFormatException(source + ", row 1, column " + (i + 1) + ": the column has no name");
            }
            if (!seen.add(name)) {
                throw new DataFormatException(source + ", row 1: the column name '" + name + "' appears twice");
            }
            header.add(name);
        }
        return header;
    }

    private static char detectSeparator(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            long commas = first.chars().filter(c -> c == ',').count();
            long semicolons = first.chars().filter(c -> c == ';').count();
            long tabs = first.chars().filter(c -> c == '\t').count();
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    static boolean isMissing(String cell) {
        String trimmed = cell.strip();
        return trimmed.isEmpty() || trimmed.toUpperCase(Locale.ROOT).equals("NA");
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

    /** A column as numbers; missing cells are {@code NaN}. A cell that is not a number is an error naming its row. */
    public double[] numeric(String column) {
        int index = columnIndex(column);
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(index);
            values[r] = cell == null ? Double.NaN : parseNumber(cell, r, column);
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

    /** Several numeric columns at once, in the given order, keyed by name. */
    public Map<String, double[]> numeric(List<String> names) {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (String name : names) {
            result.put(name, numeric(name));
        }
        return result;
    }

    private double parseNumber(String cell, int rowIndex, String column) {
        if (!looksNumeric(cell)) {
            throw new DataFormatException(
                    source + ", row " + (rowIndex + 2) + ", column '" + column + "': '" + cell
                            + "' is not a number (use a dot as decimal separator; leave the cell empty or write NA when missing)");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new DataFormatException(source + ", row " + (rowIndex + 2) + ", column '" + column + "': '" + cell
                    + "' is not a finite number");
        }
        return value;
    }

    private static boolean looksNumeric(String cell) {
        // Double.parseDouble also accepts "NaN", "Infinity" and hex floats, which are not data values here.
        return cell.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }
}
