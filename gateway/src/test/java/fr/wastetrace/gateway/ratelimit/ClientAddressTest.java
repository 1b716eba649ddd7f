package fr.wastetrace.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.10"));

    @Test
    void withoutTrustedProxiesTheSocketIsTheClient() {
        assertEquals("203.0.113.9", new ClientAddress(List.of()).resolve("203.0.113.9", "1.2.3.4"));
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        assertEquals("203.0.113.9", behindProxies.resolve("203.0.113.9", "1.2.3.4"));
    }

    @Test
    void takesTheRightMostUntrustedHopBehindTrustedProxies() {
        assertEquals("198.51.100.7", behindProxies.resolve("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.10"));
        assertEquals("198.51.100.7", behindProxies.resolve("192.168.1.10", "198.51.100.7"));
    }

    @Test
    void fallsBackToTheSocketWithoutForwardedFor() {
        assertEquals("10.1.2.3", behindProxies.resolve("10.1.2.3", null));
    }

    @Test
    void handlesIpv6() {
        ClientAddress v6 = new ClientAddress(List.of("fd00::/8"));
        assertEquals("2001:db8::1", v6.resolve("fd12::1", "2001:db8::1"));
    }

    @Test
    void aHostNameIsNeverResolvedNorTrusted() {
        assertEquals("proxy.example.org", behindProxies.resolve("10.1.2.3", "198.51.100.7, proxy.example.org"));
    }
}
