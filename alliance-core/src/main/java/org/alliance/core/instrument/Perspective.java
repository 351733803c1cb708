package org.alliance.core.instrument;

import java.util.Locale;
import java.util.Optional;

/** Whose view an instrument asks for. */
public enum Perspective {
    CLIENT,
    PROFESSIONAL,
    NETWORK_MEMBER,
    OBSERVER;

    /** The name used in definition files: {@code client}, {@code professional}, {@code network-member}, {@code observer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Perspective> fromCode(String code) {
        for (Perspective perspective : values()) {
            if (perspective.code().equals(code)) {
                return Optional.of(perspective);
            }
        }
        return Optional.empty();
    }
}
