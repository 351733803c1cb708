package org.alliance.app.system;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.alliance.core.instrument.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Language: the one chosen with {@code ?lang=en|nb|da|nl} (a link, or a button of the check-in form that keeps the
 * answers) and remembered in a cookie; without that choice the first of the four that the browser asks for
 * ({@code Accept-Language}, by preference); Dutch when it asks for none of them (a check-in page then uses the
 * invitation's or the organisation's language, {@link Languages#forCheckIn}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final TwoStep twoStep;
    private final ObjectProvider<AuditLog> audit;
    private final ObjectProvider<TransactionTemplate> transactions;

    WebConfig(TwoStep twoStep, ObjectProvider<AuditLog> audit, ObjectProvider<TransactionTemplate> transactions) {
        this.twoStep = twoStep;
        this.audit = audit;
        this.transactions = transactions;
    }

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
        registry.addInterceptor(new TwoStepRequired(twoStep));
    }

    /**
     * The static files: {@code static/css}, {@code static/js} and the favicons, each under its plain and its
     * content-hashed name, kept a year (StaticFileCaching adds {@code immutable} to the hashed names). Registered
     * here for exactly these paths instead of Spring Boot's {@code /**}: the resource chain rewrites every link a
     * page writes ({@code @{...}}) that falls under a resource pattern, and under {@code /**} every link did — each
     * {@code /c/thanks} or {@code /clients/7} was looked up in four class-path folders on every page view, and a miss
     * is not cached: nine tenths of the CPU of a small page (2026-12-07, /c/thanks with wrk -t2 -c8: 969 → 13 177
     * requests/s, 2 ms → 0.12 ms of server CPU each; docs/benchmarks.md).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl year = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic();
        register(registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/"), year);
        register(registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/"), year);
        register(registry.addResourceHandler("/favicon*").addResourceLocations("classpath:/static/"), year);
    }

    private static void register(ResourceHandlerRegistration registration, CacheControl cacheControl) {
        registration
                .setCacheControl(cacheControl)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** A staff form's handler may take a {@link FormPost} (its response, locale, model, redirect and ending). */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new FormPost.Resolver(audit, transactions));
    }

    /** Only the four languages Alliance speaks; anything else falls back to Dutch. */
    static final class SupportedLanguages extends CookieLocaleResolver {

        static final String COOKIE = "alliance-lang";

        SupportedLanguages() {
            super(COOKIE);
            setCookieSameSite("Lax");
            setDefaultLocaleFunction(request -> fromBrowser(request.getHeader("Accept-Language")));
        }

        /** The first of the browser's languages that Alliance speaks, if it names one ({@link #fromBrowser}). */
        static Optional<Language> browser(HttpServletRequest request) {
            return browserLanguage(request.getHeader("Accept-Language"));
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

        /**
         * The first of Alliance's languages in an {@code Accept-Language} header, by the browser's preference
         * (quality values), or Dutch. Norwegian "no" and Nynorsk "nn" are read as bokmål, the Norwegian we have.
         * A malformed header counts as none: it must not cost the client their page.
         */
        static Locale fromBrowser(@Nullable String header) {
            return browserLanguage(header).orElse(Language.NL).locale();
        }

        /** The language of {@link #fromBrowser}, or empty when the header asks for none of ours. */
        private static Optional<Language> browserLanguage(@Nullable String header) {
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            List<Locale.LanguageRange> ranges;
            try {
                ranges = Locale.LanguageRange.parse(header);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            for (Locale.LanguageRange range : ranges) {
                String code = range.getRange().split("-", 2)[0];
                Optional<Language> language = code.equals("nn") ? Optional.of(Language.NB) : Language.fromCode(code);
                // q=0 means "not this language".
                if (language.isPresent() && range.getWeight() > 0) {
                    return language;
                }
            }
            return Optional.empty();
        }

        static Locale supported(Locale locale) {
            return Language.fromCode(locale.getLanguage()).orElse(Language.NL).locale();
        }
    }
}
