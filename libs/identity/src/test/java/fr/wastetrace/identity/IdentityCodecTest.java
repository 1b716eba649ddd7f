package fr.wastetrace.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityCodecTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String NEXT_SECRET = "fedcba9876543210fedcba9876543210";
    private static final String AUD = "company";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final IdentityCodec codec = new IdentityCodec(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static CallerIdentity alice(Instant expiresAt) {
        return new CallerIdentity("kc-123", "alice@example.fr", "Alice Émile", CallerIdentity.AuthType.JWT,
                "127.0.0.1", expiresAt);
    }

    @Test
    void signedIdentityVerifies() {
        CallerIdentity identity = alice(NOW.plusSeconds(30));
        assertEquals(identity, codec.verify(codec.sign(identity, AUD), AUD).orElseThrow());
    }

    @Test
    void awaitedPositionsTravelSigned() {
        CallerIdentity identity = alice(NOW.plusSeconds(30)).awaiting(java.util.Map.of("company:c1", 4L, "company:c2", 1L));
        assertEquals(identity, codec.verify(codec.sign(identity, AUD), AUD).orElseThrow());
    }

    @Test
    void aTokensRestrictionsTravelSigned() {
        CallerIdentity scoped = alice(NOW.plusSeconds(30)).restricted(true, Set.of("91000000100008", "BE0123456789"));
        CallerIdentity verified = codec.verify(codec.sign(scoped, AUD), AUD).orElseThrow();
        assertEquals(scoped, verified);
        assertTrue(verified.readOnly());
        assertTrue(verified.actsFor("BE0123456789"));
        assertFalse(verified.actsFor("91000000200006"));

        CallerIdentity unrestricted = codec.verify(codec.sign(alice(NOW.plusSeconds(30)), AUD), AUD).orElseThrow();
        assertFalse(unrestricted.readOnly());
        assertNull(unrestricted.orgScope());
        assertTrue(unrestricted.actsFor("91000000200006"));

        CallerIdentity noCompany = codec.verify(codec.sign(alice(NOW.plusSeconds(30)).restricted(false, Set.of()), AUD), AUD)
                .orElseThrow();
        assertFalse(noCompany.actsFor("91000000200006"), "an empty scope is not the absence of a scope");
    }

    @Test
    void anonymousIdentityVerifiesAndIsNotAuthenticated() {
        CallerIdentity anonymous = CallerIdentity.anonymous("10.0.0.1", NOW.plusSeconds(30));
        CallerIdentity verified = codec.verify(codec.sign(anonymous, AUD), AUD).orElseThrow();
        assertEquals(anonymous, verified);
        assertTrue(!verified.isAuthenticated());
    }

    @Test
    void expiredIdentityIsRefused() {
        assertTrue(codec.verify(codec.sign(alice(NOW), AUD), AUD).isEmpty());
    }

    @Test
    void tamperedClaimsAreRefused() {
        String header = codec.sign(alice(NOW.plusSeconds(30)), AUD);
        String[] parts = header.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertTrue(codec.verify(forged, AUD).isEmpty());
    }

    @Test
    void anotherSecretIsRefused() {
        IdentityCodec other = new IdentityCodec("another-secret-of-thirty-two-bytes!!", Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(codec.verify(other.sign(alice(NOW.plusSeconds(30)), AUD), AUD).isEmpty());
    }

    @Test
    void aHeaderMadeForOneServiceIsRefusedByAnother() {
        String forCompany = codec.sign(alice(NOW.plusSeconds(30)), "company");
        assertTrue(codec.verify(forCompany, "company").isPresent());
        assertTrue(codec.verify(forCompany, "bsd").isEmpty());
        assertTrue(codec.verify(forCompany, "registry").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> codec.sign(alice(NOW.plusSeconds(30)), ""));
    }

    @Test
    void duringARotationBothKeysAreAcceptedByTheirIds() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IdentityCodec oldSigner = new IdentityCodec(SECRET, clock);
        IdentityCodec newSigner = new IdentityCodec(NEXT_SECRET, clock);
        // Step 1: verifiers accept the next key beside the current one; step 2: signers switch, the old one is still
        // accepted; step 3: the old key is dropped.
        IdentityCodec step1 = new IdentityCodec(SECRET, java.util.List.of(NEXT_SECRET), clock);
        IdentityCodec step2 = new IdentityCodec(NEXT_SECRET, java.util.List.of(SECRET), clock);
        IdentityCodec step3 = new IdentityCodec(NEXT_SECRET, clock);
        CallerIdentity identity = alice(NOW.plusSeconds(30));
        for (IdentityCodec verifier : java.util.List.of(step1, step2)) {
            assertEquals(identity, verifier.verify(oldSigner.sign(identity, AUD), AUD).orElseThrow());
            assertEquals(identity, verifier.verify(newSigner.sign(identity, AUD), AUD).orElseThrow());
        }
        assertTrue(step3.verify(oldSigner.sign(identity, AUD), AUD).isEmpty());
        assertEquals(identity, step3.verify(newSigner.sign(identity, AUD), AUD).orElseThrow());
        assertEquals(IdentityCodec.keyId(NEXT_SECRET), step2.signingKeyId());
        assertTrue(!IdentityCodec.keyId(SECRET).equals(IdentityCodec.keyId(NEXT_SECRET)));
        assertEquals(16, IdentityCodec.keyId(SECRET).length());
    }

    @Test
    void aKeyIdPointingAtAnotherKeyIsRefused() {
        // Signed with a key the verifier does not hold, under the id of one it holds.
        String header = new IdentityCodec(NEXT_SECRET, Clock.fixed(NOW, ZoneOffset.UTC)).sign(alice(NOW.plusSeconds(30)), AUD);
        String[] parts = header.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(IdentityCodec.keyId(NEXT_SECRET), IdentityCodec.keyId(SECRET));
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(codec.verify(forged, AUD).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(codec.verify(null, AUD).isEmpty());
        assertTrue(codec.verify("", AUD).isEmpty());
        assertTrue(codec.verify("v1.", AUD).isEmpty());
        assertTrue(codec.verify("v1.%%%.%%%", AUD).isEmpty());
        assertTrue(codec.verify("Bearer abc", AUD).isEmpty());
        assertTrue(codec.verify("v2.e30.AAAA", AUD).isEmpty());
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
                        String header = codec.sign(identity, AUD);
                        int at = header.length() - 5;
                        String tampered = header.substring(0, at) + (header.charAt(at) == 'A' ? 'B' : 'A') + header.substring(at + 1);
                        if (!codec.verify(header, AUD).orElseThrow().equals(identity) || codec.verify(tampered, AUD).isPresent()) {
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
