package fr.wastetrace.gateway.identity;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.Stack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The claims the gateway checks, with tokens signed by a key it trusts in this profile (a test-only key pair under
 * src/test/resources/jwt), so that each claim is the only thing wrong: expiry, issuer, audience.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(JwtClaimsQuarkusTest.TrustedTestKey.class)
class JwtClaimsQuarkusTest {
    private static final String ISSUER = Stack.env().get("OIDC_ISSUER");

    public static class TrustedTestKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // quarkus-oidc verifies with this key alone (no discovery); the issuer is then checked against this value.
            // An empty address is no address: the tenant does no discovery and trusts the public key alone.
            return Map.of("quarkus.oidc.auth-server-url", "", "quarkus.oidc.public-key", publicKey(),
                    "quarkus.oidc.token.issuer", ISSUER, "wastetrace.gateway.status.keycloak-url", ISSUER);
        }
    }

    private static String publicKey() {
        try (var in = JwtClaimsQuarkusTest.class.getResourceAsStream("/jwt/test-only-public.pem")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    IdentityResolver resolver;

    private static JwtClaimsBuilder valid() {
        return Jwt.issuer(ISSUER).subject("user-1").audience(Set.of("trackdechets-api")).claim("email", "user@example.fr")
                .expiresAt(Instant.now().plusSeconds(600));
    }

    private CallerIdentity resolve(JwtClaimsBuilder claims) {
        return resolver.resolve("Bearer " + claims.sign("jwt/test-only-private-pkcs8.pem"), "127.0.0.1");
    }

    @Test
    void aValidTokenIdentifiesItsSubject() {
        CallerIdentity caller = resolve(valid());
        assertEquals(CallerIdentity.AuthType.JWT, caller.authType());
        assertEquals("user-1", caller.subject());
    }

    @Test
    void aTokenVerifiedOnceIsRecognisedAgainButAnAlteredCopyIsNot() {
        String token = valid().subject("user-cached").sign("jwt/test-only-private-pkcs8.pem");
        assertEquals("user-cached", resolver.resolve("Bearer " + token, "127.0.0.1").subject());
        CallerIdentity again = resolver.resolve("Bearer " + token, "10.0.0.9");
        assertEquals(CallerIdentity.AuthType.JWT, again.authType());
        assertEquals("user-cached", again.subject());
        assertEquals("user@example.fr", again.email());
        assertEquals("10.0.0.9", again.clientIp());

        int i = token.length() - 10;
        String altered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolver.resolve("Bearer " + altered, "127.0.0.1").authType());
    }

    @Test
    void anExpiredTokenIsAnonymous() {
        assertEquals(CallerIdentity.AuthType.ANONYMOUS,
                resolve(valid().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))).authType());
    }

    @Test
    void anotherIssuerIsAnonymous() {
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(valid().issuer(ISSUER.replace("/realms/trackdechets", "/realms/other"))).authType());
    }

    @Test
    void anotherAudienceIsAnonymous() {
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(valid().audience(Set.of("another-api"))).authType());
    }
}
