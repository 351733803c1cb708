package org.alliance.app.system;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Values as a form sends them, read without exceptions: anything else is empty, and the caller says what is wrong. */
public final class FormValues {

    private FormValues() {}

    /** The constant of {@code type} a form names by its exact name; empty for anything else (other case, unknown). */
    public static <E extends Enum<E>> Optional<E> constant(Class<E> type, @Nullable String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** A text field of a form record as sent, or blank where it was not sent (Spring binds a missing one as null). */
    public static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
