package org.alliance.app.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code --format json|text} of every command that prints a result. One enum for all of them, so that
 * {@code json} means the same stable contract everywhere and {@code text} is always the form for reading.
 */
public enum OutputFormat {
    JSON,
    TEXT;

    /** Accepts json or text in any case; anything else is a usage error (exit 2). */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "text" -> TEXT;
                default ->
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use json or text");
            };
        }
    }
}
