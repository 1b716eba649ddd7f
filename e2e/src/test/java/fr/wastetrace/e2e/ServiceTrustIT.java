package fr.wastetrace.e2e;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;

/**
 * Trust between services on the running suite: an identity header is good for the one service it was made for, and
 * the national registry's feed answers only the national registry's own Keycloak client.
 */
class ServiceTrustIT {
    private static final IdentityCodec CODEC = new IdentityCodec(Suite.env().get("INTERNAL_IDENTITY_SECRET"), Clock.systemUTC());

    private static String anonymousHeaderFor(String audience) {
        return CODEC.sign(CallerIdentity.anonymous("127.0.0.1", Instant.now().plusSeconds(60)), audience);
    }

    private static RequestSpecification service(String variable) {
        return RestAssured.given().baseUri(Suite.env().get(variable)).contentType("application/json");
    }

    @Test
    void aHeaderMadeForOneServiceIsRefusedByAnother() {
        String query = Gql.body("{ ecoOrganismes { siret } }", Map.of());
        service("COMPANY_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor("company")).body(query)
                .post("/graphql").then().statusCode(200).body("data.ecoOrganismes", notNullValue());
        for (String other : new String[] {"bsd", "registry", "webhook"}) {
            service("COMPANY_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor(other)).body(query)
                    .post("/graphql").then().statusCode(401);
        }
        String sdl = Gql.body("{ _service { sdl } }", Map.of());
        service("BSD_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor("bsd")).body(sdl)
                .post("/graphql").then().statusCode(200);
        service("BSD_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor("company")).body(sdl)
                .post("/graphql").then().statusCode(401);
        service("REGISTRY_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor("bsd")).body(sdl)
                .post("/graphql").then().statusCode(401);
        // And the gateway, which signs one header per subgraph, still reaches all three.
        Suite.graphql(Suite.gateway(), "{ ecoOrganismes { siret } }", Map.of()).statusCode(200)
                .body("data.ecoOrganismes", notNullValue());
    }

    @Test
    void onlyTheNationalRegistrysClientReadsTheFeed() {
        service("REGISTRY_SERVICE_URL").auth().oauth2(KeycloakTokens.nationalRegistry()).queryParam("limit", 5)
                .get("/internal/registry-feed").then().statusCode(200)
                .body("changes", notNullValue()).body("nextCursor", notNullValue());

        String user = KeycloakTokens.passwordGrant("producteur@wastetrace.local", "Demo-Producteur-1");
        service("REGISTRY_SERVICE_URL").auth().oauth2(user).get("/internal/registry-feed").then().statusCode(401);
        service("REGISTRY_SERVICE_URL").header(IdentityCodec.HEADER, anonymousHeaderFor("registry"))
                .get("/internal/registry-feed").then().statusCode(401);
        service("REGISTRY_SERVICE_URL").header(IdentityCodec.HEADER, CODEC.sign(new CallerIdentity("someone",
                        "someone@wastetrace.test", "Someone", CallerIdentity.AuthType.JWT, "127.0.0.1",
                        Instant.now().plusSeconds(60)), "registry"))
                .get("/internal/registry-feed").then().statusCode(403);
        service("REGISTRY_SERVICE_URL").get("/internal/registry-feed").then().statusCode(401);
    }
}
