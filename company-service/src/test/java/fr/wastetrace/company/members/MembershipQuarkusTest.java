package fr.wastetrace.company.members;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class MembershipQuarkusTest {
    private static final String INVITE = "mutation($e: String!, $s: String!, $r: UserRole!) { inviteUserToCompany(email: $e, siret: $s, role: $r) { users { id email role isPendingInvitation isActive } } }";
    private static final String REMOVE = "mutation($u: ID!, $s: String!) { removeUserFromCompany(userId: $u, siret: $s) { users { email } } }";
    private static final String CHANGE = "mutation($u: ID!, $o: ID!, $r: UserRole!) { changeUserRole(userId: $u, orgId: $o, role: $r) { id email role orgId } }";

    @Test
    void invitingAnExistingAccountMakesItAMemberAtOnce() {
        Api.User admin = Api.newUser();
        Api.User driver = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        Api.userId(driver);
        JsonPath data = ok(admin, INVITE, Map.of("e", driver.email().toUpperCase(), "s", siret, "r", "DRIVER"));
        List<Map<String, Object>> users = data.getList("inviteUserToCompany.users");
        assertTrue(users.stream().anyMatch(u -> driver.email().equals(u.get("email")) && "DRIVER".equals(u.get("role"))
                && Boolean.TRUE.equals(u.get("isActive"))), users::toString);
        assertEquals("DRIVER", ok(driver, "{ myCompanies { edges { node { userRole } } } }", Map.of())
                .getString("myCompanies.edges[0].node.userRole"));
        call(admin, INVITE, Map.of("e", driver.email(), "s", siret, "r", "MEMBER"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("déjà membre"));
    }

    @Test
    void anInvitationWithoutAccountWaitsForTheAccount() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        Api.User newcomer = Api.newUser();
        JsonPath data = ok(admin, INVITE, Map.of("e", newcomer.email(), "s", siret, "r", "MEMBER"));
        List<Map<String, Object>> users = data.getList("inviteUserToCompany.users");
        assertTrue(users.stream().anyMatch(u -> newcomer.email().equals(u.get("email"))
                && Boolean.TRUE.equals(u.get("isPendingInvitation"))), users::toString);
        assertEquals("BAD_USER_INPUT", errorCode(admin, INVITE, Map.of("e", "not-an-email", "s", siret, "r", "MEMBER")));

        JsonPath mine = ok(newcomer, "{ myCompanies { edges { node { siret userRole } } } }", Map.of());
        assertEquals(List.of(siret), mine.getList("myCompanies.edges.node.siret"));
        assertEquals("MEMBER", mine.getString("myCompanies.edges[0].node.userRole"));
    }

    @Test
    void aCompanyKeepsAtLeastOneAdministrator() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        String adminId = Api.userId(admin);
        Api.User second = Api.newUser();
        Api.addMember(admin, siret, second, "ADMIN");
        String secondId = Api.userId(second);

        call(admin, CHANGE, Map.of("u", secondId, "o", siret, "r", "MEMBER")).body("data.changeUserRole.role", is("MEMBER"));
        call(admin, CHANGE, Map.of("u", adminId, "o", siret, "r", "READER"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("seul administrateur"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, REMOVE, Map.of("u", adminId, "s", siret)));
        call(second, REMOVE, Map.of("u", adminId, "s", siret)).body("errors[0].extensions.code", is("FORBIDDEN"));
        assertEquals("ADMIN", ok(admin, "{ myCompanies { edges { node { userRole } } } }", Map.of())
                .getString("myCompanies.edges[0].node.userRole"));
    }

    @Test
    void removingAMemberAndUnknownUsers() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        Api.User reader = Api.newUser();
        Api.addMember(admin, siret, reader, "READER");
        String readerId = Api.userId(reader);
        assertEquals("BAD_USER_INPUT", errorCode(admin, REMOVE, Map.of("u", "unknown-user", "s", siret)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, CHANGE, Map.of("u", "unknown-user", "o", siret, "r", "ADMIN")));
        assertEquals("BAD_USER_INPUT", errorCode(admin, REMOVE, Map.of("u", readerId, "s", Api.newSiret())));
        List<String> left = ok(admin, REMOVE, Map.of("u", readerId, "s", siret)).getList("removeUserFromCompany.users.email");
        assertEquals(List.of(admin.email()), left);
        assertEquals(0, ok(reader, "{ myCompanies { totalCount } }", Map.of()).getInt("myCompanies.totalCount"));
    }

    @Test
    void aPendingInvitationCanBeReRoledAndCancelled() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        String email = Api.newUser().email();
        List<Map<String, Object>> users = ok(admin, INVITE, Map.of("e", email, "s", siret, "r", "READER")).getList("inviteUserToCompany.users");
        String invitationId = (String) users.stream().filter(u -> email.equals(u.get("email"))).findFirst().orElseThrow().get("id");
        call(admin, CHANGE, Map.of("u", invitationId, "o", siret, "r", "DRIVER")).body("data.changeUserRole.role", is("DRIVER"));
        assertEquals(List.of(admin.email()), ok(admin, REMOVE, Map.of("u", invitationId, "s", siret)).getList("removeUserFromCompany.users.email"));
    }

    @Test
    void membershipRequestsAreSentAndDecidedByAdministrators() {
        Api.User admin = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        Api.User requester = Api.newUser();
        JsonPath sent = ok(requester, "mutation($s: String!) { sendMembershipRequest(siret: $s) { id status siret email sentTo } }", Map.of("s", siret));
        String id = sent.getString("sendMembershipRequest.id");
        assertEquals("PENDING", sent.getString("sendMembershipRequest.status"));
        assertEquals(requester.email(), sent.getString("sendMembershipRequest.email"));
        assertEquals(1, sent.getList("sendMembershipRequest.sentTo").size());
        assertTrue(sent.getString("sendMembershipRequest.sentTo[0]").contains("***@"));
        assertEquals("BAD_USER_INPUT", errorCode(requester, "mutation($s: String!) { sendMembershipRequest(siret: $s) { id } }", Map.of("s", siret)));
        assertEquals(id, ok(requester, "query($s: String) { membershipRequest(siret: $s) { id } }", Map.of("s", siret)).getString("membershipRequest.id"));
        assertEquals("FORBIDDEN", errorCode(Api.newUser(), "query($id: ID) { membershipRequest(id: $id) { id } }", Map.of("id", id)));
        assertEquals("FORBIDDEN", errorCode(requester, "mutation($id: ID!) { acceptMembershipRequest(id: $id, role: ADMIN) { id } }", Map.of("id", id)));

        ok(admin, "mutation($id: ID!) { acceptMembershipRequest(id: $id, role: MEMBER) { id } }", Map.of("id", id));
        assertEquals("ACCEPTED", ok(admin, "query($id: ID) { membershipRequest(id: $id) { status } }", Map.of("id", id)).getString("membershipRequest.status"));
        assertEquals("MEMBER", ok(requester, "{ myCompanies { edges { node { userRole } } } }", Map.of()).getString("myCompanies.edges[0].node.userRole"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation($id: ID!) { refuseMembershipRequest(id: $id) { id } }", Map.of("id", id)));
    }
}
