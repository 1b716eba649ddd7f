package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an integrator does first, through the gateway only: sign up, log in with Keycloak, create a company and a
 * personal access token, call the API with that token, revoke it.
 */
class AccountsIT {

    @Test
    void aSignedUpAccountCreatesACompanyAndUsesAPersonalTokenUntilItIsRevoked() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "e2e-" + suffix + "@example.fr";
        String password = "E2e-Mot-de-passe-" + suffix;
        Suite.graphql(Suite.gateway(), "mutation($u: SignupInput!) { signup(userInfos: $u) }",
                        Map.of("u", Map.of("email", email, "password", password, "name", "Camille Essai", "phone", "0601020304")))
                .statusCode(200).body("errors", nullValue()).body("data.signup", is(true));

        String jwt = KeycloakTokens.passwordGrant(email, password);
        String siret = Suite.unregisteredSiret();
        Suite.graphql(Suite.gateway(jwt), "mutation($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { siret securityCode } }",
                        Map.of("c", Map.of("siret", siret, "companyName", "Essai E2E", "address", "1 rue du Test 75001 Paris",
                                "companyTypes", List.of("PRODUCER"))))
                .statusCode(200).body("errors", nullValue())
                .body("data.createCompany.siret", is(siret))
                .body("data.createCompany.securityCode", notNullValue());

        JsonPath created = Suite.graphql(Suite.gateway(jwt),
                        "mutation { createAccessToken(input: { description: \"e2e\" }) { id token } }", Map.of())
                .statusCode(200).body("errors", nullValue()).extract().jsonPath();
        String personalToken = created.getString("data.createAccessToken.token");
        String tokenId = created.getString("data.createAccessToken.id");

        String whoAmI = "{ me { email } myCompanies { totalCount edges { node { siret } } } }";
        Suite.graphql(Suite.gateway(personalToken), whoAmI, Map.of())
                .statusCode(200).body("errors", nullValue())
                .body("data.me.email", is(email))
                .body("data.myCompanies.edges.node.siret", hasItem(siret));

        Suite.graphql(Suite.gateway(jwt), "mutation($id: ID!) { revokeAccessToken(id: $id) { id } }", Map.of("id", tokenId))
                .statusCode(200).body("errors", nullValue());
        // The gateway caches a resolved token for at most 60 s: the revocation bites within that bound.
        Instant deadline = Instant.now().plusSeconds(70);
        while (true) {
            String code = Suite.graphql(Suite.gateway(personalToken), "{ me { email } }", Map.of())
                    .statusCode(200).extract().jsonPath().getString("errors[0].extensions.code");
            if ("UNAUTHENTICATED".equals(code)) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), "a revoked personal token still works after 70 s");
            Thread.sleep(1000);
        }
    }
}
