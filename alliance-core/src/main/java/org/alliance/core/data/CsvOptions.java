package org.alliance.core.data;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a CSV file as researchers have it: separator, decimal mark and encoding (each detected when not
 * declared) and the codes that mean "missing".
 *
 * @param separator the field separator; detected from the header line when empty (comma, semicolon or tab)
 * @param decimal the decimal mark, '.' or ','; when empty, ',' is detected in a semicolon-separated file whose
 *     numbers all use a decimal comma (as Dutch, Danish and Norwegian Excel write them), else '.'
 * @param encoding the character encoding; when empty, UTF-8, or Windows-1252 (with a note) when the file is not
 *     valid UTF-8
 * @param missingCodes cell values (after trimming) that mean missing; R's default is the empty cell and {@code NA}
 */
public record CsvOptions(
        Optional<Character> separator,
        Optional<Character> decimal,
        Optional<Charset> encoding,
        Set<String> missingCodes) {

    /** R's {@code read.csv} default: {@code na.strings = "NA"}, and an empty cell is missing too. */
    public static final Set<String> R_MISSING_CODES = Set.of("", "NA");

    public CsvOptions {
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(decimal, "decimal");
        Objects.requireNonNull(encoding, "encoding");
        missingCodes = Set.copyOf(missingCodes);
        decimal.ifPresent(d -> {
            if (d != '.' && d != ',') {
                throw new IllegalArgumentException("the decimal mark must be '.' or ',', not '" + d + "'");
            }
        });
        if (separator.isPresent() && decimal.isPresent() && separator.get().equals(decimal.get())) {
            throw new IllegalArgumentException(
                    "the separator and the decimal mark cannot both be '" + separator.get() + "'");
        }
    }

    /** Everything detected; empty and NA are missing. */
    public static CsvOptions defaults() {
        return new CsvOptions(Optional.empty(), Optional.empty(), Optional.empty(), R_MISSING_CODES);
    }

    public CsvOptions withSeparator(char c) {
        return new CsvOptions(Optional.of(c), decimal, encoding, missingCodes);
    }

    public CsvOptions withDecimal(char c) {
        return new CsvOptions(separator, Optional.of(c), encoding, missingCodes);
    }

    public CsvOptions withEncoding(Charset c) {
        return new CsvOptions(separator, decimal, Optional.of(c), missingCodes);
    }

    /** R's codes plus these (R's {@code na.strings = c("NA", ...)}). */
    public CsvOptions withMoreMissingCodes(Set<String> codes) {
        Set<String> all = new java.util.HashSet<>(missingCodes);
        codes.forEach(c -> all.add(c.strip()));
        return new CsvOptions(separator, decimal, encoding, all);
    }
}
