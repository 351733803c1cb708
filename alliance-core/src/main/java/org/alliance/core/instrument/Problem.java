package org.alliance.core.instrument;

/**
 * One problem found in a definition file.
 *
 * @param path where in the file, e.g. {@code items[3].text.nb}; empty for the whole file
 * @param line line in the file (1-based), or 0 when unknown
 */
public record Problem(Severity severity, String path, int line, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** As printed by the command line: {@code file.yaml:12: items[3].text: error: ...}. */
    public String format(String source) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(severity == Severity.ERROR ? "error: " : "warning: ").append(message);
        return text.toString();
    }
}
