package org.alliance.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps a static file (issue 14). Spring's resource chain serves every file for a year
 * ({@code spring.web.resources.cache.cachecontrol.max-age=365d}); that is right for the content-hashed names the
 * pages link ({@code /css/alliance-<md5>.css}), which never change, so this adds {@code immutable}: no revalidation
 * on reload either. It is wrong for the plain names ({@code /favicon.ico}, which browsers ask for by that name, or an
 * old bookmark), whose content changes with a release: those are revalidated on every use ({@code no-cache}, answered
 * 304 from Last-Modified). Only the header the resource handler writes is changed, so a missing file's 404 keeps
 * Spring Security's no-store, and pages are never touched. As a filter bean without an order it runs inside Spring
 * Security's filters, which write their no-store only when no Cache-Control was set.
 */
@Component
final class StaticFileCaching extends OncePerRequestFilter {

    /** The static folders and files under {@code static/}; the same paths {@link SecurityConfig} lets anyone fetch. */
    private static final Pattern STATIC = Pattern.compile("^/(css/|js/|favicon)");

    /** A name as the resource chain's content strategy writes it: the file's MD5 in hex before the extension. */
    private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    /** Whether the request is for a file under {@code static/} (by its plain or its hashed name). */
    static boolean isStaticFile(HttpServletRequest request) {
        return STATIC.matcher(path(request)).find();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isStaticFile(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(
                request,
                new CacheControlled(response, HASHED.matcher(path(request)).find()));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Rewrites the Cache-Control value the resource handler sets; every other header passes unchanged. */
    private static final class CacheControlled extends HttpServletResponseWrapper {

        private final boolean hashed;

        CacheControlled(HttpServletResponse response, boolean hashed) {
            super(response);
            this.hashed = hashed;
        }

        private @Nullable String cacheControl(String name, @Nullable String value) {
            if (value == null || !HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                return value;
            }
            return hashed ? value + ", immutable" : "no-cache";
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            super.setHeader(name, cacheControl(name, value));
        }

        @Override
        public void addHeader(String name, @Nullable String value) {
            super.addHeader(name, cacheControl(name, value));
        }
    }
}
