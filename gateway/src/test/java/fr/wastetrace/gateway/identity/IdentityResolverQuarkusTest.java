package fr.wastetrace.gateway.identity;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.Stack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Keycloak access tokens as the gateway reads them, against the stack's real Keycloak. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class IdentityResolverQuarkusTest {
    private static final String PRODUCER = "producteur@wastetrace.local";

    @Inject
    IdentityResolver resolver;

    private CallerIdentity resolve(String token) {
        return resolver.resolve("Bearer " + token, "127.0.0.1");
    }

    @Test
    void aPasswordGrantTokenIdentifiesTheUser() {
        CallerIdentity caller = resolve(KeycloakTokens.passwordGrant(PRODUCER, "Demo-Producteur-1"));
        assertEquals(CallerIdentity.AuthType.JWT, caller.authType());
        assertEquals(PRODUCER, caller.email());
        assertNotNull(caller.subject());
    }

    @Test
    void aTokenForAnotherAudienceIsAnonymous() throws Exception {
        // company-service's own service-account token is valid Keycloak JWT, but not for the public API.
        String issuer = Stack.env().get("OIDC_ISSUER");
        String form = "grant_type=client_credentials&client_id=company-service&client_secret=company-service-local-secret";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("access_token").asText();
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(token).authType());
    }

    @Test
    void anUnsignedTokenIsAnonymous() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + Stack.env().get("OIDC_ISSUER") + "\",\"sub\":\"intruder\","
                + "\"aud\":\"trackdechets-api\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes(StandardCharsets.UTF_8));
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(header + "." + claims + ".").authType());
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsAnonymous() throws Exception {
        KeyPair foreign = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String token = Jwt.issuer(Stack.env().get("OIDC_ISSUER")).subject("intruder").audience(Set.of("trackdechets-api"))
                .claim("email", PRODUCER).expiresIn(600).jws().keyId("not-a-realm-key").sign(foreign.getPrivate());
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(token).authType());
    }

    @Test
    void aTamperedTokenIsAnonymous() {
        String token = KeycloakTokens.passwordGrant(PRODUCER, "Demo-Producteur-1");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(PRODUCER, "someone.else@wastetrace.local");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolve(forged).authType());
    }

    @Test
    void noOrMalformedAuthorizationIsAnonymous() {
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolver.resolve(null, "127.0.0.1").authType());
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolver.resolve("Basic dXNlcjpwYXNz", "127.0.0.1").authType());
        assertEquals(CallerIdentity.AuthType.ANONYMOUS, resolver.resolve("Bearer ", "127.0.0.1").authType());
    }
}
