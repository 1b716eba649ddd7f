package fr.wastetrace.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which endpoints deliveries may go to, checked when a setting is registered (company-service) and again before
 * every delivery, after resolving the host (webhook-service): an absolute {@code https} URI (also {@code http} when
 * {@code allowHttp}, the local profile) of at most 300 characters, without credentials, whose host resolves only to
 * public addresses. Loopback, link-local, private, shared (CGNAT), multicast, reserved and unspecified addresses are
 * refused unless {@code allowPrivateAddresses} (the local profile, whose receivers run on 127.0.0.1); the
 * {@code deniedNetworks} (the cluster's own pod and service ranges) are refused always.
 */
public final class EndpointPolicy {
    public static final int MAX_URI_LENGTH = 300;
    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"),
            Cidr.parse("192.0.2.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"),
            Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"), Cidr.parse("224.0.0.0/4"),
            Cidr.parse("240.0.0.0/4"), Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"),
            Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"), Cidr.parse("100::/64"),
            Cidr.parse("2001:db8::/32"));

    private final boolean allowHttp;
    private final boolean allowPrivateAddresses;
    private final List<Cidr> deniedNetworks;

    public EndpointPolicy(boolean allowHttp, boolean allowPrivateAddresses, List<String> deniedNetworks) {
        this.allowHttp = allowHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
        List<Cidr> denied = new ArrayList<>();
        for (String network : deniedNetworks) {
            if (!network.isBlank()) {
                denied.add(Cidr.parse(network.trim()));
            }
        }
        this.deniedNetworks = List.copyOf(denied);
    }

    /** How names are resolved (the system resolver in production; a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    /** An endpoint the policy refuses, with a reason for its administrator (in French, as the API speaks). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The URI's syntax and scheme (no resolution). */
    public URI checkUri(String endpointUri) throws Refused {
        if (endpointUri == null || endpointUri.isBlank()) {
            throw new Refused("l'URL est vide");
        }
        if (endpointUri.length() > MAX_URI_LENGTH) {
            throw new Refused("l'URL dépasse " + MAX_URI_LENGTH + " caractères");
        }
        URI uri;
        try {
            uri = new URI(endpointUri);
        } catch (URISyntaxException e) {
            throw new Refused("l'URL est mal formée");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "seuls les schémas https et http sont acceptés" : "seul le schéma https est accepté");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("l'URL n'a pas de nom d'hôte");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("l'URL ne doit pas contenir d'identifiants");
        }
        return uri;
    }

    /**
     * Resolves the endpoint's host and checks every address it resolves to (one forbidden address refuses the whole
     * endpoint, so that a name cannot mix a public and a private address); returns the addresses a delivery may use.
     */
    public List<InetAddress> resolve(URI uri, Resolver resolver) throws Refused {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("le nom d'hôte " + host + " ne se résout pas");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("le nom d'hôte " + host + " ne se résout pas");
        }
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                throw new Refused("l'adresse " + address.getHostAddress() + " n'est pas une adresse publique");
            }
        }
        return List.of(addresses);
    }

    public URI check(String endpointUri, Resolver resolver) throws Refused {
        URI uri = checkUri(endpointUri);
        resolve(uri, resolver);
        return uri;
    }

    public boolean isForbidden(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        for (Cidr denied : deniedNetworks) {
            if (denied.contains(effective) || denied.contains(address)) {
                return true;
            }
        }
        if (allowPrivateAddresses) {
            return false;
        }
        if (effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return true;
        }
        for (Cidr network : NON_PUBLIC) {
            if (network.contains(effective) || network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The IPv4 address an IPv6 address carries (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96},
     * 6to4 {@code 2002::/16}), so that it is judged as that IPv4 address; other addresses are returned as they are.
     * (IPv4-mapped {@code ::ffff:a.b.c.d} is already turned into an IPv4 address by the JDK.)
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[]{b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return address;
        }
        try {
            return Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** An address block, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
    public record Cidr(byte[] network, int prefix) {
        public static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address block: " + text);
            }
            try {
                byte[] bytes = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("bad prefix length: " + text);
                }
                return new Cidr(bytes, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address block: " + text, e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
