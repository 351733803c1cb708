package org.alliance.app.cli;

/** The user gave input we cannot use; the message says what to fix. Leads to exit code 2. */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
