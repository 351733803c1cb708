package org.alliance.app.system.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers Alliance believes, as the administrator lists them
 * ({@code alliance.proxies.trusted}: addresses or CIDR ranges, comma-separated, e.g. {@code 10.1.2.3, 10.8.0.0/16,
 * fd00::/8}). Nobody is trusted by default: an address on an internal range is not a proxy until it is listed, so a
 * machine on the office network cannot claim to speak for other clients.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads the administrator's list.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a range, and what one looks like
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                ranges.add(Range.parse(entry));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether this address (a literal, as a servlet container reports it) is a listed proxy. */
    public boolean trusts(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /**
     * The client's address for a request that came from {@code peer}: the peer itself unless it is a listed proxy;
     * otherwise the {@code X-Forwarded-For} entries are read from the right (the ones our proxies appended), skipping
     * listed proxies, and the first other entry is the client. Entries further left were written by whoever sent the
     * request and are never believed.
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = withoutPort(hops.get(i));
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** "203.0.113.7:5123" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; anything else unchanged. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        if (colon > 0
                && colon == hop.lastIndexOf(':')
                && IPV4.matcher(hop.substring(0, colon)).matches()) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else (never a name look-up). */
    static Optional<byte[]> literal(String address) {
        String a = address.strip();
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (IPV4.matcher(a).matches()) {
            for (String part : a.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(a).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "alliance.proxies.trusted: '" + entry + "' is not an IP address or a CIDR range"
                                    + " (examples: 10.1.2.3, 10.8.0.0/16, fd00::/8)"));
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException(
                            "alliance.proxies.trusted: '" + entry + "' has a prefix length that is not 0 to " + bits);
                }
                prefix = Integer.parseInt(length);
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            byte[] a = address;
            if (a.length != network.length) {
                // An IPv4 address mapped into IPv6 (::ffff:10.1.2.3) is that IPv4 address.
                if (a.length == 16 && network.length == 4 && mappedIpv4(a)) {
                    a = Arrays.copyOfRange(a, 12, 16);
                } else {
                    return false;
                }
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }

        private static boolean mappedIpv4(byte[] a) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
        }
    }
}
