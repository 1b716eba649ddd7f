package fr.wastetrace.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityCodecTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final IdentityCodec codec = new IdentityCodec(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static CallerIdentity alice(Instant expiresAt) {
        return new CallerIdentity("kc-123", "alice@example.fr", "Alice Émile", CallerIdentity.AuthType.JWT,
                "127.0.0.1", expiresAt);
    }

    @Test
    void signedIdentityVerifies() {
        CallerIdentity identity = alice(NOW.plusSeconds(30));
        assertEquals(identity, codec.verify(codec.sign(identity)).orElseThrow());
    }

    @Test
    void awaitedPositionsTravelSigned() {
        CallerIdentity identity = alice(NOW.plusSeconds(30)).awaiting(java.util.Map.of("company:c1", 4L, "company:c2", 1L));
        assertEquals(identity, codec.verify(codec.sign(identity)).orElseThrow());
    }

    @Test
    void anonymousIdentityVerifiesAndIsNotAuthenticated() {
        CallerIdentity anonymous = CallerIdentity.anonymous("10.0.0.1", NOW.plusSeconds(30));
        CallerIdentity verified = codec.verify(codec.sign(anonymous)).orElseThrow();
        assertEquals(anonymous, verified);
        assertTrue(!verified.isAuthenticated());
    }

    @Test
    void expiredIdentityIsRefused() {
        assertTrue(codec.verify(codec.sign(alice(NOW))).isEmpty());
    }

    @Test
    void tamperedClaimsAreRefused() {
        String header = codec.sign(alice(NOW.plusSeconds(30)));
        String[] parts = header.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertTrue(codec.verify(forged).isEmpty());
    }

    @Test
    void anotherSecretIsRefused() {
        IdentityCodec other = new IdentityCodec("another-secret-of-thirty-two-bytes!!", Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(codec.verify(other.sign(alice(NOW.plusSeconds(30)))).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(codec.verify(null).isEmpty());
        assertTrue(codec.verify("").isEmpty());
        assertTrue(codec.verify("v1.").isEmpty());
        assertTrue(codec.verify("v1.%%%.%%%").isEmpty());
        assertTrue(codec.verify("Bearer abc").isEmpty());
    }

    @Test
    void shortSecretIsRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityCodec("short", Clock.systemUTC()));
    }

    @Test
    void oneCodecSignsAndVerifiesFromManyThreadsAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 8; task++) {
                int t = task;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        CallerIdentity identity = new CallerIdentity("kc-" + t + "-" + i, "u" + i + "@example.fr", "U", CallerIdentity.AuthType.JWT,
                                "127.0.0.1", NOW.plusSeconds(30));
                        String header = codec.sign(identity);
                        int at = header.length() - 5;
                        String tampered = header.substring(0, at) + (header.charAt(at) == 'A' ? 'B' : 'A') + header.substring(at + 1);
                        if (!codec.verify(header).orElseThrow().equals(identity) || codec.verify(tampered).isPresent()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertTrue(result.get(), "every header verifies, every tampered one is refused");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
