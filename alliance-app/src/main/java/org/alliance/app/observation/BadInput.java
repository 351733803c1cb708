package org.alliance.app.observation;

/** The user gave input we cannot use; the command prints the message and exits with 2. */
final class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
