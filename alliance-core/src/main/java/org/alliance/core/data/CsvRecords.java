package org.alliance.core.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
        return read(source, new StringReader(withoutByteOrderMark(text)), separator, sink);
    }

    /**
     * The records of a stream of text, handed to {@code sink} one at a time: the text is never held whole, so a file
     * of any size needs only the memory of what the sink keeps. The reader is read to its end (the unclosed-quote
     * check sees every character) but not closed. A leading byte-order mark must already be left out.
     *
     * @return the line on which a quote opened that is never closed (see {@link Read#unclosedQuote()})
     * @throws DataFormatException as {@link #read(String, String, char)}
     * @throws UncheckedIOException when the reader fails (a {@link java.nio.charset.CharacterCodingException} as its
     *     cause when the bytes are not valid in the reader's encoding)
     */
    public static OptionalLong read(String source, Reader text, char separator, Sink sink) {
        QuoteTracker quotes = new QuoteTracker(text, separator);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter(QUOTE)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(quotes);
        try {
            for (CsvRecord record : csv) {
                sink.record(record.getStartingLineNumber(), record.getFields());
            }
        } catch (CsvParseException e) {
            // FastCSV gives up on a cell larger than its buffer, which an unclosed quote makes of the rest of a file.
            OptionalLong unclosed = quotes.drained().unclosed();
            if (unclosed.isPresent()) {
                return unclosed;
            }
            throw new DataFormatException(source + ": " + e.getMessage());
        }
        return quotes.drained().unclosed();
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

    /** The line where a quoted cell opens that the text never closes (see {@link QuoteTracker}). */
    static OptionalLong unclosedQuote(String text, char separator) {
        return new QuoteTracker(new StringReader(text), separator).drained().unclosed();
    }

    /**
     * Passes the text on to FastCSV and follows its quotes on the way, with FastCSV's quote rules: a quote outside a
     * quoted cell opens one when it begins a cell (it follows the separator, a line break or nothing), and inside one
     * a quote closes it unless it is doubled. Lines are counted as FastCSV counts them: \r\n, \n or \r.
     */
    private static final class QuoteTracker extends FilterReader {
        private final char separator;
        private boolean quoted;
        /** A quote inside a quoted cell was the last character: it closes the cell unless a quote follows. */
        private boolean pendingQuote;

        private char previous = '\n';
        private long line = 1;
        private long openedOn = -1;

        QuoteTracker(Reader in, char separator) {
            super(in);
            this.separator = separator;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                follow((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                follow(buffer[i]);
            }
            return n;
        }

        private void follow(char c) {
            if (c == '\n') {
                if (previous != '\r') {
                    line++;
                }
            } else if (c == '\r') {
                line++;
            }
            if (pendingQuote) {
                pendingQuote = false;
                if (c == QUOTE) {
                    previous = 0; // a doubled quote: one quote of the text, the cell goes on
                    return;
                }
                quoted = false;
            }
            if (c == QUOTE) {
                if (quoted) {
                    pendingQuote = true;
                } else if (previous == separator || previous == '\n' || previous == '\r') {
                    quoted = true;
                    openedOn = line;
                }
            }
            previous = c;
        }

        /** Reads what FastCSV left unread (it stops early on a cell too large), so every quote is followed. */
        QuoteTracker drained() {
            char[] rest = new char[8192];
            try {
                while (read(rest, 0, rest.length) > 0) {
                    // followed in read
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** The line of the quote that opened a cell never closed, if the text ends inside a quoted cell. */
        OptionalLong unclosed() {
            return quoted && !pendingQuote ? OptionalLong.of(openedOn) : OptionalLong.empty();
        }
    }
}
