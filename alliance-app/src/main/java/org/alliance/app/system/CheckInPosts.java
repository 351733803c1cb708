package org.alliance.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's check-in posts ({@code POST /c} and {@code POST /c/{key}}), which need no session CSRF token: the
 * check-in has no server session at all (SecurityConfig's check-in chain).
 *
 * <p>Why no session token: the client has no account and no session to protect; what authorises a check-in is the
 * one-time token in its address, which a forger cannot know, and a typed short code proves nothing but itself. A
 * session-bound CSRF token only made the form depend on the server's memory: after a restart, on another server or
 * after 30 minutes of answering slowly, the client's answers were refused (403) and lost.
 *
 * <p>What still holds, as a second line: a post that a browser marks as coming from another site (
 * {@code Sec-Fetch-Site: cross-site} or {@code same-site}) or from another origin ({@code Origin} of another
 * scheme, host or port) is refused with 403 ({@link FromAnotherSite}). {@code Origin: null} is not another origin:
 * under our {@code Referrer-Policy: no-referrer} browsers send it for their own forms.
 */
final class CheckInPosts {

    private CheckInPosts() {}

    /** Refuses (403) a check-in post from another site before anything is read or stored. */
    static final class FromAnotherSite extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && fromAnotherSite(request)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null
                && !origin.equals("null")
                && !origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
