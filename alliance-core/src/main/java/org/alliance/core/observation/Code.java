package org.alliance.core.observation;

import java.util.Map;
import java.util.TreeMap;

/**
 * A code of a coding scheme.
 *
 * @param key short identifier written into files, e.g. {@code open-communication}
 * @param hotkey keyboard key in the coding screen; empty for none
 * @param descriptions description per language tag ({@code nl}, {@code en}, {@code nb}, {@code da})
 */
public record Code(String key, String hotkey, Map<String, String> descriptions) {

    public Code {
        if (key.isBlank()) {
            throw new IllegalArgumentException("code key must not be blank");
        }
        if (!key.equals(key.strip())) {
            throw new IllegalArgumentException("code key '" + key + "' has leading or trailing spaces");
        }
        descriptions = Map.copyOf(new TreeMap<>(descriptions));
    }

    /** A code without hotkey or descriptions. */
    public static Code of(String key) {
        return new Code(key, "", Map.of());
    }

    /** The description in a language, falling back to English, then to the key. */
    public String description(String language) {
        return descriptions.getOrDefault(language, descriptions.getOrDefault("en", key));
    }
}
