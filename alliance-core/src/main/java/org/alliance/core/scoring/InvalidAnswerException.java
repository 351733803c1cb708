package org.alliance.core.scoring;

/** An answer that the instrument does not allow; the message names the item and what is allowed. */
public final class InvalidAnswerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String item;

    public InvalidAnswerException(String item, String message) {
        super(message);
        this.item = item;
    }

    /** The item id the answer was given for. */
    public String item() {
        return item;
    }
}
