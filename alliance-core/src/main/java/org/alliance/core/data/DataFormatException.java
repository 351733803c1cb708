package org.alliance.core.data;

/** A data file cannot be used as it is; the message names the file, row and column and what to fix. */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }
}
