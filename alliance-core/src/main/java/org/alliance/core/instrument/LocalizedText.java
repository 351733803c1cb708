package org.alliance.core.instrument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** One text in several languages. Instruments carry every text in nl, en, nb and da. */
public record LocalizedText(Map<Language, String> texts) {

    public static final LocalizedText NONE = new LocalizedText(Map.of());

    public LocalizedText {
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty text for language " + language.code());
            }
            copy.put(language, text.strip());
        });
        texts = Collections.unmodifiableMap(copy);
    }

    /** The text in this language, if there is one. */
    public Optional<String> find(Language language) {
        return Optional.ofNullable(texts.get(language));
    }

    /** The text in this language, else English, else any language; empty when there is no text at all. */
    public String get(Language language) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get(Language.EN);
        }
        if (text == null && !texts.isEmpty()) {
            text = texts.values().iterator().next();
        }
        return text == null ? "" : text;
    }

    public boolean has(Language language) {
        return texts.containsKey(language);
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /** A copy with the text for one language replaced. */
    public LocalizedText with(Language language, String text) {
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        copy.putAll(texts);
        copy.put(language, text);
        return new LocalizedText(copy);
    }
}
