package org.alliance.app.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.alliance.core.data.CsvOptions;
import picocli.CommandLine.Option;

/** How the statistics commands read their CSV file (a picocli mixin shared by cfa, regress and reliability). */
public final class CsvInputOptions {

    @Option(
            names = "--na",
            split = ",",
            paramLabel = "CODE",
            description =
                    "Extra missing-value codes, e.g. --na \".,-999\" (empty cells and NA are always missing, as in R).")
    List<String> missingCodes = new ArrayList<>();

    @Option(
            names = "--sep",
            paramLabel = "CHAR",
            description =
                    "Field separator: ',' ';' 'tab' or another single character (default: detected from the header).")
    String separator;

    @Option(
            names = "--dec",
            paramLabel = "'.'|','",
            description =
                    "Decimal mark (default: ',' when a ';'-separated file uses decimal commas throughout, else '.').")
    String decimal;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description = "Character encoding, e.g. UTF-8 or windows-1252 (default: UTF-8, or windows-1252 with a note"
                    + " when the file is not valid UTF-8).")
    String encoding;

    public CsvOptions toOptions() {
        try {
            return build();
        } catch (IllegalArgumentException e) {
            // A combination CsvOptions refuses, e.g. --sep ',' --dec ','.
            throw new UserInputException(e.getMessage());
        }
    }

    private CsvOptions build() {
        CsvOptions options = CsvOptions.defaults().withMoreMissingCodes(new LinkedHashSet<>(missingCodes));
        if (separator != null) {
            String s = separator.equalsIgnoreCase("tab") || separator.equals("\\t") ? "\t" : separator;
            if (s.length() != 1 || s.equals("\"")) {
                throw new UserInputException("--sep must be one character (or 'tab'), not '" + separator + "'");
            }
            options = options.withSeparator(s.charAt(0));
        }
        if (decimal != null) {
            if (!decimal.equals(".") && !decimal.equals(",")) {
                throw new UserInputException("--dec must be '.' or ',', not '" + decimal + "'");
            }
            options = options.withDecimal(decimal.charAt(0));
        }
        if (encoding != null) {
            try {
                options = options.withEncoding(Charset.forName(encoding));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UserInputException(
                        "--encoding '" + encoding + "' is not a known character set (try UTF-8 or windows-1252)");
            }
        }
        return options;
    }
}
