package org.alliance.core.joint;

/**
 * Who among the professionals of a joint meeting may see the client's answers about one of them, as the client
 * chose on the form for that block.
 */
public enum BlockAudience {
    /** Only the professional the answers are about (the default: the client was asked about them alone). */
    CONCERNED,
    /** Every professional of the meeting. */
    ALL_PROFESSIONALS;

    /** The stored or posted name, or the default when it is missing or unknown. */
    public static BlockAudience parse(String value) {
        if (value != null) {
            for (BlockAudience audience : values()) {
                if (audience.name().equals(value)) {
                    return audience;
                }
            }
        }
        return CONCERNED;
    }
}
