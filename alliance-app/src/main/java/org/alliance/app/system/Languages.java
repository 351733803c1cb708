package org.alliance.app.system;

import java.util.Locale;
import org.alliance.core.instrument.Language;

/** The language of a request, as the domain names it. */
public final class Languages {

    private Languages() {}

    public static Language of(Locale locale) {
        return Language.fromCode(locale.getLanguage()).orElse(Language.NL);
    }
}
