package org.alliance.core.observation;

import java.util.Locale;

/** Whether a coded behaviour was spoken or not. */
public enum Modality {
    VERBAL("verbal"),
    NON_VERBAL("non-verbal");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    /** The name used in files and on the command line: {@code verbal} or {@code non-verbal}. */
    public String label() {
        return label;
    }

    /** Parses {@code verbal}, {@code non-verbal}, {@code nonverbal} or {@code non_verbal} (any case). */
    public static Modality parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (t) {
            case "verbal", "v" -> VERBAL;
            case "non-verbal", "nonverbal", "nv" -> NON_VERBAL;
            default -> throw new IllegalArgumentException("unknown modality '" + text + "'; use verbal or non-verbal");
        };
    }
}
