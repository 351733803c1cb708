package org.alliance.core.expectations;

import java.util.Locale;
import java.util.Optional;

/**
 * The four things both sides say at intake, mirrored: what I hope for, what I expect of the other (the client of
 * the professional, the professional of the client), of the help itself, and what I bring. The same item ids are
 * used at the revisit ("how did it go"), so expected and experienced stand side by side. The codes are stored.
 */
public enum ExpectationItem {
    HOPE,
    OTHER,
    HELP,
    BRING;

    /** The lowest answer to "how much do I expect this" (and, at the revisit, "how far did it come true"). */
    public static final int LOWEST = 1;

    /** The highest answer. */
    public static final int HIGHEST = 5;

    /** The most characters of the optional short text: a sentence or two, not a report. */
    public static final int MOST_CHARACTERS = 300;

    /** The stored and form code, for example {@code hope}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExpectationItem> fromCode(String code) {
        for (ExpectationItem item : values()) {
            if (item.code().equals(code)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code level} is an answer the scale allows. */
    public static boolean allows(int level) {
        return level >= LOWEST && level <= HIGHEST;
    }
}
