package fr.wastetrace.company.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.company.Api;
import fr.wastetrace.company.keycloak.KeycloakAdmin;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.wastetrace.company.Api.call;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts on the stack's real Keycloak: signup creates both the Keycloak account and the profile here. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SignupQuarkusTest {
    private static final String SIGNUP = "mutation($u: SignupInput!) { signup(userInfos: $u) }";

    @Inject
    KeycloakAdmin keycloak;
    private final List<String> createdEmails = new ArrayList<>();

    @AfterEach
    void deleteTheKeycloakAccounts() {
        createdEmails.forEach(email -> keycloak.findByEmail(email).ifPresent(account -> keycloak.deleteUser(account.id())));
    }

    private String newEmail() {
        String email = "signup-" + UUID.randomUUID().toString().substring(0, 8) + "@test.wastetrace.local";
        createdEmails.add(email);
        return email;
    }

    private static Map<String, Object> userInfos(String email, String password, String name, String phone) {
        Map<String, Object> infos = new HashMap<>();
        infos.put("email", email);
        infos.put("password", password);
        infos.put("name", name);
        infos.put("phone", phone);
        return infos;
    }

    private static String subjectOf(String accessToken) throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        return claims.get("sub").asText();
    }

    @Test
    void aNewAccountLogsInAtOnceAndFindsItsProfile() throws Exception {
        String email = newEmail();
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos(email, "Mot-de-passe-1", "Jeanne Martin", "0611223344")))
                .body("errors", is((Object) null))
                .body("data.signup", is(true));

        String token = KeycloakTokens.passwordGrant(email, "Mot-de-passe-1");
        String subject = subjectOf(token);
        Api.User user = new Api.User(subject, email, "Jeanne Martin");
        JsonPath me = Api.ok(user, "{ me { id email name phone } }", Map.of());
        assertEquals(email, me.getString("me.email"));
        assertEquals("Jeanne Martin", me.getString("me.name"));
        assertEquals("0611223344", me.getString("me.phone"));

        String siret = Api.createCompany(user)[1];
        assertEquals(List.of(siret), Api.ok(user, "{ myCompanies { edges { node { siret } } } }", Map.of())
                .getList("myCompanies.edges.node.siret"));
    }

    @Test
    void signupAnswersTheSameWhenTheEmailIsTakenAndChangesNothing() {
        String email = newEmail();
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos(email, "Premier-mdp-1", "Premier", null)))
                .body("data.signup", is(true));
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos(email, "Second-mdp-2", "Second", null)))
                .body("errors", is((Object) null))
                .body("data.signup", is(true));
        assertThrows(IllegalStateException.class, () -> KeycloakTokens.passwordGrant(email, "Second-mdp-2"));
        assertTrue(KeycloakTokens.passwordGrant(email, "Premier-mdp-1").length() > 20);
    }

    @Test
    void signupRefusesBadInputWithoutCreatingAnything() {
        String email = newEmail();
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos("pas-une-adresse", "Mot-de-passe-1", "X", null)))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos(email, "court", "X", null)))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        call(TestIdentity.anonymous(), SIGNUP, Map.of("u", userInfos(email, "Mot-de-passe-1", "  ", null)))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        assertTrue(keycloak.findByEmail(email).isEmpty());
    }

    @Test
    void anAccountCreatedInKeycloakGetsItsProfileOnItsFirstCall() {
        String email = newEmail();
        String subject = keycloak.createUser(email, "Mot-de-passe-1", "Karl Keycloak", true).orElseThrow();
        Api.User user = new Api.User(subject, email, "Karl Keycloak");
        JsonPath me = Api.ok(user, "{ me { email name phone } }", Map.of());
        assertEquals(email, me.getString("me.email"));
        assertEquals("Karl Keycloak", me.getString("me.name"));
        assertNull(me.getString("me.phone"));
    }

    @Test
    void invitingAnAccountThatOnlyExistsInKeycloakMakesItAMemberAtOnce() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        String email = newEmail();
        String subject = keycloak.createUser(email, "Mot-de-passe-1", "Ines Invitee", true).orElseThrow();
        List<Map<String, Object>> users = Api.ok(admin, "mutation($e: String!, $s: String!) { inviteUserToCompany(email: $e, siret: $s, role: MEMBER) { users { email isActive } } }",
                Map.of("e", email, "s", siret)).getList("inviteUserToCompany.users");
        assertTrue(users.contains(Map.of("email", email, "isActive", true)), users::toString);
        Api.User invitee = new Api.User(subject, email, "Ines Invitee");
        assertEquals("MEMBER", Api.ok(invitee, "{ myCompanies { edges { node { userRole } } } }", Map.of())
                .getString("myCompanies.edges[0].node.userRole"));
    }
}
