package org.alliance.core.observation.format;

/**
 * Something a reader repaired or skipped, so the user can check it.
 *
 * @param location where in the file, e.g. {@code line 12} or {@code tier "client"}
 * @param message what was found and what was done about it
 */
public record ImportNote(String location, String message) {

    @Override
    public String toString() {
        return location.isEmpty() ? message : location + ": " + message;
    }
}
