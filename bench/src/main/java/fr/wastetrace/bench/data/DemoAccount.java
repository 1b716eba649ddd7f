package fr.wastetrace.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.KeycloakTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * A demo account that company-service seeds on the local stack (README, "Demo accounts"), each administrator of its
 * company: the benchmarks' companies are the seeded ones, with their real roles.
 */
public record DemoAccount(String email, String password, String siret, String companyName, String address, String contact) {
    public static final DemoAccount PRODUCER = new DemoAccount("producteur@wastetrace.local", "Demo-Producteur-1",
            "91000000100008", "Producteur démo", "10 rue de l'Usine 69007 Lyon", "Paula Producteur");
    public static final DemoAccount TRANSPORTER = new DemoAccount("transporteur@wastetrace.local", "Demo-Transporteur-1",
            "91000000200006", "Transporteur démo", "20 route des Camions 69200 Vénissieux", "Tom Transporteur");
    public static final DemoAccount DESTINATION = new DemoAccount("destination@wastetrace.local", "Demo-Destination-1",
            "91000000500009", "Installation de traitement démo", "50 boulevard de l'Incinérateur 69190 Saint-Fons",
            "Dora Destination");

    /** A Keycloak access token (30 minutes) for this account, from the stack's Keycloak. */
    public String token() {
        return KeycloakTokens.passwordGrant(email, password);
    }

    /**
     * The identity the gateway would forward to {@code subgraph} ({@code bsd}, {@code company}, {@code registry}) for
     * this token's holder, signed with the stack's secret (90 s validity).
     */
    public static String identityHeader(String accessToken, String secret, String subgraph) {
        JsonNode claims = claims(accessToken);
        CallerIdentity identity = new CallerIdentity(claims.path("sub").asText(), claims.path("email").asText(null),
                claims.path("name").asText(null), CallerIdentity.AuthType.JWT, "127.0.0.1", Instant.now().plusSeconds(90));
        return new IdentityCodec(secret, Clock.systemUTC()).sign(identity, subgraph);
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("not a JWT", e);
        }
    }
}
