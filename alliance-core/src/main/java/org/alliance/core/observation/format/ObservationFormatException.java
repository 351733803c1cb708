package org.alliance.core.observation.format;

/** A file cannot be read; the message says where (line, element or column) and what is wrong. */
public final class ObservationFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ObservationFormatException(String message) {
        super(message);
    }

    public ObservationFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
