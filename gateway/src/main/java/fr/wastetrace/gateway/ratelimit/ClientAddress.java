package fr.wastetrace.gateway.ratelimit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's address: the socket's, unless it belongs to a trusted proxy, in which case the right-most address of
 * {@code X-Forwarded-For} that is not a trusted proxy (a client can write anything on the left of that header).
 */
public final class ClientAddress {
    private final List<Cidr> trusted;

    public ClientAddress(List<String> trustedCidrs) {
        this.trusted = trustedCidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String resolve(String socketAddress, String forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(socketAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return socketAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim().isEmpty() ? socketAddress : hops[0].trim();
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    record Cidr(BigInteger network, int prefix, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            byte[] bytes = bytes(parts[0]);
            int bits = bytes.length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            if (bytes.length == 0 || prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not a CIDR: " + text);
            }
            return new Cidr(new BigInteger(1, bytes).shiftRight(bits - prefix), prefix, bits);
        }

        boolean contains(String address) {
            byte[] bytes = bytes(address);
            return bytes.length * 8 == bits && new BigInteger(1, bytes).shiftRight(bits - prefix).equals(network);
        }

        private static byte[] bytes(String address) {
            String literal = address.trim();
            if (!literal.matches("[0-9a-fA-F:.]+")) {
                return new byte[0]; // never resolve host names
            }
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                return new byte[0];
            }
        }
    }
}
