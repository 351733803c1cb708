package org.alliance.app.system.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Forwarded headers are believed from listed proxies only (issue 14: a rotating X-Forwarded-For from any internal
 * address used to pass as 39 751 different clients a minute).
 */
class ProxyHeadersFilterTest {

    private static HttpServletRequest seenBehind(TrustedProxies proxies, MockHttpServletRequest request)
            throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        new ProxyHeadersFilter(proxies)
                .doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    private static MockHttpServletRequest fromInternalAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/c");
        request.setRemoteAddr("10.0.0.9");
        request.setServerName("alliance.internal");
        request.setServerPort(8080);
        request.addHeader("X-Forwarded-For", "203.0.113.1");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "alliance.example.org");
        return request;
    }

    @Test
    void anInternalAddressThatIsNotListedCannotClaimAnotherClient() throws Exception {
        HttpServletRequest seen = seenBehind(TrustedProxies.none(), fromInternalAddress());
        assertThat(seen.getRemoteAddr()).isEqualTo("10.0.0.9");
        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getServerName()).isEqualTo("alliance.internal");
        assertThat(seenBehind(TrustedProxies.parse("10.0.0.1, 192.168.0.0/16"), fromInternalAddress())
                        .getRemoteAddr())
                .as("a neighbour of the listed proxy")
                .isEqualTo("10.0.0.9");
    }

    @Test
    void aListedProxyNamesTheClientTheSchemeAndTheHost() throws Exception {
        HttpServletRequest seen = seenBehind(TrustedProxies.parse("10.0.0.0/24"), fromInternalAddress());
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.1");
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getServerName()).isEqualTo("alliance.example.org");
        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(seen.getRequestURL()).hasToString("https://alliance.example.org/c");
    }

    @Test
    void theClientIsTheRightmostAddressNoListedProxyWrote() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.1, 10.0.0.2, fd00::/8");
        assertThat(proxies.client("10.0.0.1", List.of("198.51.100.66, 203.0.113.5, 10.0.0.2")))
                .as("the left entry was written by the client itself")
                .isEqualTo("203.0.113.5");
        assertThat(proxies.client("fd00::7", List.of("2001:db8::5", "[2001:db8::6]:4711")))
                .isEqualTo("2001:db8::6");
        assertThat(proxies.client("10.0.0.1", List.of("203.0.113.5:5123"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("10.0.0.1", List.of())).as("no header").isEqualTo("10.0.0.1");
        assertThat(proxies.client("203.0.113.9", List.of("198.51.100.1")))
                .as("not from a proxy")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void rangesMatchByTheirPrefix() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12,2001:db8:abcd::/48");
        assertThat(proxies.trusts("172.31.255.255")).isTrue();
        assertThat(proxies.trusts("172.32.0.1")).isFalse();
        assertThat(proxies.trusts("2001:db8:abcd:ffff::1")).isTrue();
        assertThat(proxies.trusts("2001:db8:abce::1")).isFalse();
        assertThat(proxies.trusts("not-an-address")).isFalse();
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    }

    @Test
    void aWrongEntryIsNamedAtStart() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, proxy.example.org"))
                .hasMessageContaining("'proxy.example.org' is not an IP address or a CIDR range");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .hasMessageContaining("prefix length that is not 0 to 32");
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).hasMessageContaining("'300.1.1.1'");
    }
}
