package org.alliance.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.alliance.core.instrument.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * An upload over the limit ({@code spring.servlet.multipart.max-request-size}) is answered before anything reads
 * its body: HTTP 413 with a short page in the person's language that says the limit and links back to the form.
 * Without this, the first filter to ask for a form field (the CSRF check) made Tomcat parse the parts, fail, and
 * fail again on the error page: Tomcat's bare English 413 and two stack traces in the log. Tomcat reads and drops
 * the rest of the body ({@code server.tomcat.max-swallow-size}), so the browser gets the page instead of a reset
 * connection.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(
            @Value("${spring.servlet.multipart.max-request-size}") DataSize limit,
            MessageSource messages,
            LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(limit, messages, locales));
        // Right after the proxy headers, before sessions and security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final DataSize limit;
        private final MessageSource messages;
        private final LocaleResolver locales;

        Filter(DataSize limit, MessageSource messages, LocaleResolver locales) {
            this.limit = limit;
            this.messages = messages;
            this.locales = locales;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
            if (!multipart || request.getContentLengthLong() <= limit.toBytes()) {
                chain.doFilter(request, response);
                return;
            }
            Locale locale = language(request);
            long megabytes = limit.toMegabytes();
            String back = request.getRequestURI().replaceFirst("/import$", "");
            String title = messages.getMessage("upload.tooLarge.title", null, locale);
            String text = messages.getMessage(
                    "upload.tooLarge.text",
                    new Object[] {megabytes, request.getContentLengthLong() / 1_048_576},
                    locale);
            String link = messages.getMessage("upload.tooLarge.back", null, locale);
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Connection", "close");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                            + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\""
                            + request.getContextPath() + "/css/alliance.css\"></head><body><main id=\"main\"><h1>"
                            + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text)
                            + "</p><p><a href=\""
                            + HtmlUtils.htmlEscape(back) + "\">" + HtmlUtils.htmlEscape(link)
                            + "</a></p></main></body></html>");
        }

        /** {@code ?lang=} read from the query string itself: asking for a parameter would read the body. */
        private Locale language(HttpServletRequest request) {
            String query = request.getQueryString();
            if (query != null) {
                for (String part : query.split("&")) {
                    if (part.startsWith("lang=")) {
                        var chosen = Language.fromCode(part.substring(5));
                        if (chosen.isPresent()) {
                            return Locale.forLanguageTag(chosen.get().code());
                        }
                    }
                }
            }
            return locales.resolveLocale(request);
        }
    }
}
