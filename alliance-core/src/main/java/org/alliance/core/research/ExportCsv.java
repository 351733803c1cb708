package org.alliance.core.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The CSV of a research export (RFC 4180): comma separated, a field in double quotes when it holds a comma, a quote
 * or a line break (a quote doubled inside), lines ending in CRLF, numbers with a dot and never in exponent form, an
 * empty field for no value. Writes each row at once, so an export of any size needs no more memory than one row.
 */
public final class ExportCsv {

    private final Writer out;

    public ExportCsv(Writer out) {
        this.out = out;
    }

    /** Writes one row. */
    public void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as written: quoted only when it must be. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A number with a dot, as short as it can be written exactly: {@code 4}, {@code 3.75}, {@code 0.0001}. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
