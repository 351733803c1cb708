package org.alliance.core.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one reader of CSV text that users hand us (data sets for the analyses, outcome files from a register): RFC 4180
 * records with the line each starts on, read by FastCSV, plus what FastCSV does not say — a quote that opens a cell
 * and is never closed. FastCSV then reads the rest of the file into that one cell without a word (fastcsv 3.7, and
 * still in 4.1: osiegmar/FastCSV#173); here it is reported with the line where the quote opened.
 *
 * <p>The quote rules are FastCSV's: a quote opens a quoted cell only as the first character of a cell, {@code ""}
 * inside it is one quote, and a quote anywhere else is an ordinary character. A leading byte-order mark is left out.
 */
public final class CsvRecords {

    /** One record: the line of the file it starts on (the first line is 1) and its cells, as written (not trimmed). */
    public record Record(long line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /**
     * What the text holds.
     *
     * @param records every record that is not an empty line, in file order
     * @param unclosedQuote the line on which a quote opened that is never closed; when present, the last record's last
     *     cell runs from there to the end of the file
     */
    public record Read(List<Record> records, OptionalLong unclosedQuote) {
        public Read {
            records = List.copyOf(records);
        }
    }

    private static final char QUOTE = '"';

    private CsvRecords() {}

    /**
     * The records of the text with this separator.
     *
     * @throws DataFormatException naming the source when FastCSV refuses the text (a cell too large to be real) and no
     *     unclosed quote explains it
     */
    public static Read read(String source, String text, char separator) {
        List<Record> records = new ArrayList<>();
        OptionalLong unclosed = read(source, text, separator, (line, fields) -> records.add(new Record(line, fields)));
        return new Read(records, unclosed);
    }

    /** Receives the records of a text one at a time, in file order. */
    @FunctionalInterface
    public interface Sink {
        /** One record that is not an empty line: the line it starts on and its cells as written (not trimmed). */
        void record(long line, List<String> fields);
    }

    /**
     * The records of the text, handed to {@code sink} one at a time instead of kept (a large file is then never held
     * as records as well as in whatever the sink makes of them).
     *
     * @return the line on which a quote opened that is never closed (see {@link Read#unclosedQuote()})
     * @throws DataFormatException as {@link #read(String, String, char)}
     */
    public static OptionalLong read(String source, String text, char separator, Sink sink) {
        String body = withoutByteOrderMark(text);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter(QUOTE)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                // Through a reader: FastCSV would otherwise copy the whole text into one char array first.
                .ofCsvRecord(new StringReader(body));
        try {
            for (CsvRecord record : csv) {
                sink.record(record.getStartingLineNumber(), record.getFields());
            }
        } catch (CsvParseException e) {
            // FastCSV gives up on a cell larger than its buffer, which an unclosed quote makes of the rest of a file.
            OptionalLong unclosed = unclosedQuote(body, separator);
            if (unclosed.isPresent()) {
                return unclosed;
            }
            throw new DataFormatException(source + ": " + e.getMessage());
        }
        return unclosedQuote(body, separator);
    }

    /**
     * The separator of the header (first) line, counted outside quotes: a tab when it has more tabs than commas and
     * semicolons, {@code ;} when it has more semicolons than commas (Dutch, Danish and Norwegian Excel), else
     * {@code ,}.
     */
    public static char detectSeparator(String text) {
        String body = withoutByteOrderMark(text);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The line where a quoted cell opens that the text never closes, following FastCSV's quote rules. Only the quotes
     * are visited: a quote outside a quoted cell opens one when it begins a cell (it follows the separator, a line
     * break or nothing), and inside one a quote closes it unless it is doubled.
     */
    static OptionalLong unclosedQuote(String text, char separator) {
        int n = text.length();
        boolean quoted = false;
        int opened = -1;
        for (int i = text.indexOf(QUOTE); i >= 0; i = text.indexOf(QUOTE, i + 1)) {
            if (quoted) {
                if (i + 1 < n && text.charAt(i + 1) == QUOTE) {
                    i++;
                } else {
                    quoted = false;
                }
            } else {
                char before = i == 0 ? '\n' : text.charAt(i - 1);
                if (before == separator || before == '\n' || before == '\r') {
                    quoted = true;
                    opened = i;
                }
            }
        }
        return quoted ? OptionalLong.of(lineOf(text, opened)) : OptionalLong.empty();
    }

    /** The line (from 1) of a position, counting a line break as FastCSV does: \r\n, \n or \r. */
    private static long lineOf(String text, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n') || c == '\n') {
                line++;
            }
        }
        return line;
    }
}
