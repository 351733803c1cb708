package org.alliance.app.system.proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the client's address, the scheme and the host from {@code X-Forwarded-For}, {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} when, and only when, the request comes from a listed proxy
 * ({@link TrustedProxies}). Runs before every other filter (sessions, security), so the session cookie is
 * {@code Secure} behind a TLS proxy, links and QR codes name the public host, and the wrong-code limit counts per
 * client. From anyone else the headers are ignored.
 */
public final class ProxyHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    public ProxyHeadersFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.trusts(request.getRemoteAddr())) {
            chain.doFilter(new Forwarded(request, proxies), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final String scheme;
        private final String host;
        private final int port;

        Forwarded(HttpServletRequest request, TrustedProxies proxies) {
            super(request);
            this.client =
                    proxies.client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
            String proto = last(request.getHeader("X-Forwarded-Proto"));
            this.scheme = proto == null || !(proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))
                    ? request.getScheme()
                    : proto.toLowerCase(Locale.ROOT);
            String forwardedHost = last(request.getHeader("X-Forwarded-Host"));
            String forwardedPort = last(request.getHeader("X-Forwarded-Port"));
            String name = request.getServerName();
            int serverPort = forwardedHost == null && proto == null ? request.getServerPort() : defaultPort(scheme);
            if (forwardedHost != null && !forwardedHost.isBlank()) {
                int colon = forwardedHost.lastIndexOf(':');
                boolean hasPort = colon > 0 && !forwardedHost.endsWith("]") && forwardedHost.indexOf(':') == colon;
                name = hasPort ? forwardedHost.substring(0, colon) : forwardedHost;
                if (hasPort && forwardedHost.substring(colon + 1).matches("\\d{1,5}")) {
                    serverPort = Integer.parseInt(forwardedHost.substring(colon + 1));
                }
            }
            if (forwardedPort != null && forwardedPort.matches("\\d{1,5}")) {
                serverPort = Integer.parseInt(forwardedPort);
            }
            this.host = name;
            this.port = serverPort;
        }

        private static String last(String header) {
            if (header == null) {
                return null;
            }
            String[] values = header.split(",");
            return values[values.length - 1].strip();
        }

        private static int defaultPort(String scheme) {
            return scheme.equals("https") ? 443 : 80;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(host);
            if (port != defaultPort(scheme)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
