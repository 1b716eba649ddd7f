package fr.wastetrace.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointPolicyTest {
    private static final EndpointPolicy PRODUCTION = new EndpointPolicy(false, false, List.of("10.244.0.0/16"));
    private static final EndpointPolicy LOCAL = new EndpointPolicy(true, true, List.of());

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver that answers from a table, without DNS. */
    private static EndpointPolicy.Resolver table(String host, String... addresses) {
        return name -> {
            if (!name.equals(host)) {
                throw new UnknownHostException(name);
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByAddress(name, ip(addresses[i]).getAddress());
            }
            return out;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "198.18.0.1"})
    void nonPublicAddressesAreRefusedInProduction(String address) {
        assertTrue(PRODUCTION.isForbidden(ip(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "64:ff9b::808:808"})
    void publicAddressesAreAccepted(String address) {
        assertFalse(PRODUCTION.isForbidden(ip(address)), address);
    }

    @Test
    void theClusterNetworksAreRefusedEvenWherePrivateAddressesAreAllowed() {
        EndpointPolicy localInCluster = new EndpointPolicy(true, true, List.of("10.244.0.0/16", "fd00:10::/64"));
        assertTrue(localInCluster.isForbidden(ip("10.244.3.4")));
        assertTrue(localInCluster.isForbidden(ip("fd00:10::5")));
        assertFalse(localInCluster.isForbidden(ip("127.0.0.1")));
    }

    @Test
    void onlyHttpsInProductionAndHttpLocally() throws Exception {
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri("http://93.184.215.14/hook"));
        assertEquals("https", PRODUCTION.checkUri("https://93.184.215.14/hook").getScheme());
        assertEquals("http", LOCAL.checkUri("http://127.0.0.1:9000/hook").getScheme());
        assertThrows(EndpointPolicy.Refused.class, () -> LOCAL.checkUri("ftp://example.org/"));
        assertThrows(EndpointPolicy.Refused.class, () -> LOCAL.checkUri("file:///etc/passwd"));
    }

    @Test
    void malformedLongOrCredentialBearingUrisAreRefused() {
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri("https://example.org/" + "a".repeat(281)));
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri("https://user:pw@example.org/"));
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri("https:///nohost"));
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri("not a uri"));
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.checkUri(null));
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() throws Exception {
        URI uri = URI.create("https://hooks.example.org/td");
        assertEquals(1, PRODUCTION.resolve(uri, table("hooks.example.org", "93.184.215.14")).size());
        EndpointPolicy.Refused mixed = assertThrows(EndpointPolicy.Refused.class,
                () -> PRODUCTION.resolve(uri, table("hooks.example.org", "93.184.215.14", "10.0.0.7")));
        assertTrue(mixed.getMessage().contains("10.0.0.7"));
        assertThrows(EndpointPolicy.Refused.class, () -> PRODUCTION.resolve(uri, table("other.example.org", "8.8.8.8")));
        assertThrows(EndpointPolicy.Refused.class,
                () -> PRODUCTION.check("https://127.0.0.1/hook", EndpointPolicy.Resolver.SYSTEM));
        assertThrows(EndpointPolicy.Refused.class,
                () -> PRODUCTION.check("https://[::1]/hook", EndpointPolicy.Resolver.SYSTEM));
    }
}
