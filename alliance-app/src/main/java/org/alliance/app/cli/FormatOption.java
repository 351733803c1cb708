package org.alliance.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --format} option, written once and mixed into every command that prints a result
 * ({@code @Mixin FormatOption format}). JSON is the default everywhere because JSON is the stable contract
 * (README); text is for reading.
 */
public final class FormatOption {

    @Option(
            names = "--format",
            defaultValue = "json",
            converter = OutputFormat.Converter.class,
            paramLabel = "json|text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.JSON;

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public boolean text() {
        return format == OutputFormat.TEXT;
    }
}
