package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * What an integrator does first, through the gateway only: sign up, log in with Keycloak, create a company and a
 * personal access token, call the API with that token, revoke it.
 */
class AccountsIT {

    @Test
    void aSignedUpAccountCreatesACompanyAndUsesAPersonalTokenUntilItIsRevoked() {
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
        // Read-your-writes: the gateway forgets its cached resolution of the token when the revocation is answered,
        // so the very next request with it is refused.
        Suite.graphql(Suite.gateway(personalToken), "{ me { email } }", Map.of())
                .statusCode(200).body("errors[0].extensions.code", is("UNAUTHENTICATED"));
    }
}
