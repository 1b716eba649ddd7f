package fr.wastetrace.company.tokens;

import fr.wastetrace.company.Api;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class AccessTokenQuarkusTest {
    private static final String CREATE = "mutation($d: String!) { createAccessToken(input: {description: $d}) { id description token } }";

    private static RequestSpecification asGateway() {
        return given().contentType("application/json").header(TestIdentity.HEADER, TestIdentity.anonymous());
    }

    @Test
    void aTokenIsShownOnceResolvesToItsOwnerAndStopsWorkingWhenRevoked() {
        Api.User user = Api.newUser();
        JsonPath created = ok(user, CREATE, Map.of("d", "Intégration ERP"));
        String token = created.getString("createAccessToken.token");
        String id = created.getString("createAccessToken.id");
        assertTrue(token.length() >= 40, token);
        assertEquals("Intégration ERP", created.getString("createAccessToken.description"));

        List<Map<String, Object>> listed = ok(user, "{ accessTokens { id description lastUsed } }", Map.of()).getList("accessTokens");
        assertEquals(1, listed.size());
        assertEquals(id, listed.get(0).get("id"));
        assertNull(listed.get(0).get("lastUsed"));

        asGateway().body(Map.of("token", token)).post("/internal/access-tokens/resolve")
                .then().statusCode(200)
                .body("userId", is(Api.userId(user)))
                .body("subject", is(user.subject()))
                .body("email", is(user.email()))
                .body("name", is(user.name()))
                .body("tokenId", is(id));
        assertNotNull(ok(user, "{ accessTokens { lastUsed } }", Map.of()).getString("accessTokens[0].lastUsed"));

        asGateway().body(Map.of("token", token + "x")).post("/internal/access-tokens/resolve").then().statusCode(404);
        asGateway().body(Map.of("token", "")).post("/internal/access-tokens/resolve").then().statusCode(400);

        assertEquals("BAD_USER_INPUT", errorCode(Api.newUser(), "mutation($id: ID!) { revokeAccessToken(id: $id) { id } }", Map.of("id", id)));
        call(user, "mutation($id: ID!) { revokeAccessToken(id: $id) { id description } }", Map.of("id", id))
                .body("data.revokeAccessToken.id", is(id));
        asGateway().body(Map.of("token", token)).post("/internal/access-tokens/resolve").then().statusCode(404);
        assertEquals(0, ok(user, "{ accessTokens { id } }", Map.of()).getList("accessTokens").size());
    }

    @Test
    void onlyTheGatewayMayResolveTokens() {
        given().contentType("application/json").body(Map.of("token", "whatever"))
                .post("/internal/access-tokens/resolve").then().statusCode(401);
    }

    @Test
    void aTokenCannotMintTokensAndDescriptionsAreRequired() {
        Api.User user = Api.newUser();
        String header = new IdentityCodec(TestIdentity.SECRET, Clock.systemUTC()).sign(new CallerIdentity(user.subject(),
                user.email(), user.name(), CallerIdentity.AuthType.ACCESS_TOKEN, "127.0.0.1", Instant.now().plusSeconds(60)), TestIdentity.AUDIENCE);
        call(header, CREATE, Map.of("d", "Depuis un jeton")).body("errors[0].extensions.code", is("FORBIDDEN"));
        call(header, "{ me { email } }", Map.of()).body("data.me.email", is(user.email()));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("d", "   ")));
    }

    @Test
    void revokeAllRevokesEveryToken() {
        Api.User user = Api.newUser();
        String first = ok(user, CREATE, Map.of("d", "un")).getString("createAccessToken.token");
        ok(user, CREATE, Map.of("d", "deux"));
        assertEquals(2, ok(user, "mutation { revokeAllAccessTokens { id } }", Map.of()).getList("revokeAllAccessTokens").size());
        asGateway().body(Map.of("token", first)).post("/internal/access-tokens/resolve").then().statusCode(404);
        call(user, "{ accessTokens { id } }", Map.of()).body("data.accessTokens", notNullValue());
    }
}
