package org.dicta.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may be sent, so that a subscription cannot make Dicta call into its own network (SSRF): an absolute
 * https URL without user information, whose host resolves only to public addresses. Loopback, private, link-local,
 * unique-local, shared (CGNAT), multicast, reserved, documentation and unspecified addresses are refused, in IPv4 and
 * IPv6, also inside IPv4-mapped, NAT64 and 6to4 addresses. With private addresses allowed (tests, an intranet), those
 * are accepted, and plain http too, to them only. Checked at subscription and again before every delivery.
 */
public final class TargetPolicy {

    /** Looks up a host's addresses (DNS in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** Why a target is refused, said to the subscriber. */
    public static final class UnsafeTargetException extends Exception {
        UnsafeTargetException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The system's resolver. */
    public static Resolver dns() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /**
     * The target's URL, once its form and every address its host resolves to are acceptable.
     *
     * @throws UnsafeTargetException naming what is wrong and what to do
     */
    public URI check(String url) throws UnsafeTargetException {
        URI uri = parse(url);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UnsafeTargetException("the host '" + uri.getHost() + "' does not resolve; check its spelling, or "
                    + "publish its DNS record before subscribing");
        }
        if (addresses.isEmpty()) {
            throw new UnsafeTargetException("the host '" + uri.getHost() + "' has no address");
        }
        boolean allPublic = true;
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                allPublic = false;
                if (!allowPrivate) {
                    throw new UnsafeTargetException("the host '" + uri.getHost() + "' resolves to " + address.getHostAddress()
                            + ", which is not a public address (loopback, private, link-local and the like are refused); "
                            + "webhooks go to public https endpoints");
                }
            }
        }
        if (uri.getScheme().equals("http") && allPublic) {
            throw new UnsafeTargetException("must use https; plain http is accepted only to private addresses, and only "
                    + "where the server allows them");
        }
        return uri;
    }

    /** The URL, if its form is acceptable before any lookup. */
    URI parse(String url) throws UnsafeTargetException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UnsafeTargetException("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new UnsafeTargetException("must be an absolute https URL, such as https://newsroom.example/hooks/dicta");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivate)) {
            throw new UnsafeTargetException("must use https, not '" + uri.getScheme() + ":'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeTargetException("must not hold a user name or password; authenticate webhooks with their "
                    + "signature instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UnsafeTargetException("has no host name");
        }
        if (uri.getRawFragment() != null) {
            throw new UnsafeTargetException("must not have a fragment (#…), which is never sent");
        }
        return uri;
    }

    /** Whether an address is one of the public internet's, to which webhooks may go. */
    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(b);
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                  // "this network", unspecified
                || a0 == 10                               // private
                || a0 == 100 && (a1 & 0xc0) == 64         // shared address space (CGNAT), 100.64/10
                || a0 == 127                              // loopback
                || a0 == 169 && a1 == 254                 // link-local
                || a0 == 172 && (a1 & 0xf0) == 16         // private, 172.16/12
                || a0 == 192 && a1 == 0 && a2 == 0        // IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2        // documentation
                || a0 == 192 && a1 == 88 && a2 == 99      // 6to4 relay anycast
                || a0 == 192 && a1 == 168                 // private
                || a0 == 198 && (a1 & 0xfe) == 18         // benchmarking, 198.18/15
                || a0 == 198 && a1 == 51 && a2 == 100     // documentation
                || a0 == 203 && a1 == 0 && a2 == 113      // documentation
                || a0 >= 224);                            // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped
        }
        if (zeroPrefix && b[10] == 0 && b[11] == 0) {
            return false; // unspecified, loopback, IPv4-compatible (deprecated)
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            boolean wellKnown = true; // 64:ff9b::/96; the rest of 64:ff9b::/32 is for local use
            for (int i = 4; i < 12; i++) {
                wellKnown &= b[i] == 0;
            }
            return wellKnown && isPublicIpv4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (first == 0x20 && second == 0x02) {
            return isPublicIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
        }
        return !((first & 0xfe) == 0xfc                       // unique local, fc00::/7
                || first == 0xfe && (second & 0xc0) == 0x80    // link-local, fe80::/10
                || first == 0xfe && (second & 0xc0) == 0xc0    // site-local (deprecated), fec0::/10
                || first == 0xff                               // multicast
                || first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0        // Teredo, 2001::/32
                || first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8 // documentation
                || first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0        // discard-only, 100::/64
                || (first & 0xe0) != 0x20);                    // outside global unicast, 2000::/3
    }
}
