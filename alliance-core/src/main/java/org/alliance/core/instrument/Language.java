package org.alliance.core.instrument;

import java.util.Locale;
import java.util.Optional;

/** The languages Alliance speaks. Dutch is the default for clients. */
public enum Language {
    NL("nl"),
    EN("en"),
    NB("nb"),
    DA("da");

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
    }

    /** The ISO 639-1 code used in files and URLs. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language with this code; Norwegian "no" is read as bokmål. */
    public static Optional<Language> fromCode(String code) {
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals("no")) {
            return Optional.of(NB);
        }
        for (Language language : values()) {
            if (language.code.equals(normalised)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
