package org.alliance.app.system;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: the one chosen with {@code ?lang=en|nb|da|nl} (the language links on every page, which keep the page's
 * path, so a client's check-in link keeps its token) and remembered in a cookie; without a choice the browser's
 * (phone's) preferred language among the four (the {@code Accept-Language} header, in its order of preference);
 * Dutch when the browser names none of them.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLanguages();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new TextInputCheck());
        registry.addInterceptor(new PageModel());
    }

    /** Only the four languages Alliance speaks; anything else falls back to Dutch. */
    static final class SupportedLanguages extends CookieLocaleResolver {

        static final String COOKIE = "alliance-lang";

        SupportedLanguages() {
            super(COOKIE);
            setDefaultLocale(Language.NL.locale());
            setDefaultLocaleFunction(SupportedLanguages::browserLanguage);
            setCookieSameSite("Lax");
        }

        /**
         * The first of the browser's languages (by its weights) that Alliance speaks, else Dutch. Read from the
         * header itself rather than {@code request.getLocales()}, which names the server's locale when the
         * header is missing. Norwegian as "no" or "nn" is answered in Bokmål.
         */
        static Locale browserLanguage(HttpServletRequest request) {
            return browser(request).orElse(Language.NL).locale();
        }

        /** The first of the browser's languages that Alliance speaks, if it names one. */
        static Optional<Language> browser(HttpServletRequest request) {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String primary = range.getRange().split("-", 2)[0];
                    Optional<Language> language =
                            primary.equals("nn") ? Optional.of(Language.NB) : Language.fromCode(primary);
                    if (range.getWeight() > 0 && language.isPresent()) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header names no language we can read.
            }
            return Optional.empty();
        }

        /** Whether the person chose a language: with a language link now, or earlier (the cookie). */
        static boolean chosen(HttpServletRequest request) {
            String parameter = request.getParameter("lang");
            if (parameter != null && Language.fromCode(parameter).isPresent()) {
                return true;
            }
            Cookie[] cookies = request.getCookies();
            return cookies != null
                    && Arrays.stream(cookies).anyMatch(c -> c.getName().equals(COOKIE));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(
                HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }

        static Locale supported(Locale locale) {
            return Language.fromCode(locale.getLanguage()).orElse(Language.NL).locale();
        }
    }
}
