package org.alliance.core.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Item texts in one language for a skeleton instrument, loaded from a local file by an organisation that
 * holds the licence. They are never shipped with Alliance.
 */
public record InstrumentTexts(
        String instrument, String version, Language language, Optional<String> title, Map<String, String> items) {

    public InstrumentTexts {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }
}
