package org.alliance.app.cli.observe;

import java.util.Locale;
import picocli.CommandLine;

/** {@code --format json|text}. */
enum OutputFormat {
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
