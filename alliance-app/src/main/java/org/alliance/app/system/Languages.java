package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** The language of a request, as the domain names it. */
public final class Languages {

    private Languages() {}

    public static Language of(Locale locale) {
        return Language.fromCode(locale.getLanguage()).orElse(Language.NL);
    }

    /**
     * The language of a client's check-in page: the client's own choice (a language link, remembered in a cookie),
     * else the browser's first language that Alliance speaks, else the language the professional chose for the
     * invitation, else the organisation's. When the invitation's or the organisation's language applies it becomes
     * the request's locale, so the whole page (and the stored answers) use it; it is not remembered, so the next
     * invitation decides again.
     *
     * @param resolved the request's locale as resolved so far (choice, browser or Dutch)
     */
    public static Locale forCheckIn(
            HttpServletRequest request, Locale resolved, Optional<Language> invitation, Language organisation) {
        if (WebConfig.SupportedLanguages.chosen(request)
                || WebConfig.SupportedLanguages.browser(request).isPresent()) {
            return resolved;
        }
        Locale locale = invitation.orElse(organisation).locale();
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
        return locale;
    }
}
