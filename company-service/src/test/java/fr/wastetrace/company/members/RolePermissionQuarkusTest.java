package fr.wastetrace.company.members;

import fr.wastetrace.company.Api;
import fr.wastetrace.events.company.Permissions;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * For each role: the permissions {@code CompanyPrivate} reports (every role × permission pair), and each company
 * operation allowed exactly when the role grants the permission it needs.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class RolePermissionQuarkusTest {

    private static String expected(UserRole role, UserPermission needed) {
        return Permissions.grants(role, needed) ? null : "FORBIDDEN";
    }

    @ParameterizedTest
    @EnumSource(UserRole.class)
    void companyPrivateReportsExactlyTheRolesPermissions(UserRole role) {
        Api.User admin = Api.newUser();
        Api.User member = Api.newUser();
        String siret = Api.createCompany(admin)[1];
        Api.addMember(admin, siret, member, role.name());

        JsonPath data = ok(member, "{ myCompanies { edges { node { siret userRole userPermissions securityCode } } } }", Map.of());
        assertEquals(role.name(), data.getString("myCompanies.edges[0].node.userRole"));
        Set<String> reported = new HashSet<>(data.getList("myCompanies.edges[0].node.userPermissions"));
        for (UserPermission permission : UserPermission.values()) {
            assertEquals(Permissions.grants(role, permission), reported.contains(permission.name()),
                    role + " × " + permission);
        }
        assertEquals(Permissions.of(role).size(), reported.size());
        assertEquals(4, String.valueOf(data.getInt("myCompanies.edges[0].node.securityCode")).length());
    }

    @ParameterizedTest
    @EnumSource(UserRole.class)
    void eachCompanyOperationFollowsTheRole(UserRole role) {
        Api.User admin = Api.newUser();
        Api.User member = Api.newUser();
        String[] company = Api.createCompany(admin);
        String id = company[0];
        String siret = company[1];
        Api.addMember(admin, siret, member, role.name());
        Api.User other = Api.newUser();
        String otherId = Api.userId(other);
        Api.addMember(admin, siret, other, "READER");

        assertEquals(expected(role, UserPermission.COMPANY_CAN_UPDATE),
                errorCode(member, "mutation($id: String!) { updateCompany(id: $id, contact: \"Nouveau contact\") { contact } }", Map.of("id", id)));
        assertEquals(expected(role, UserPermission.COMPANY_CAN_UPDATE),
                errorCode(member, "mutation($id: String!) { enableRegistryDndFromBsd(id: $id) { id } }", Map.of("id", id)));
        assertEquals(expected(role, UserPermission.COMPANY_CAN_RENEW_SECURITY_CODE),
                errorCode(member, "mutation($s: String!) { renewSecurityCode(siret: $s) { securityCode } }", Map.of("s", siret)));
        assertEquals(expected(role, UserPermission.COMPANY_CAN_MANAGE_MEMBERS),
                errorCode(member, "mutation($u: ID!, $o: ID!) { changeUserRole(userId: $u, orgId: $o, role: MEMBER) { role } }",
                        Map.of("u", otherId, "o", siret)));
        assertEquals(expected(role, UserPermission.COMPANY_CAN_MANAGE_MEMBERS),
                errorCode(member, "mutation($e: String!, $s: String!) { inviteUserToCompany(email: $e, siret: $s, role: READER) { id } }",
                        Map.of("e", "invite-" + otherId + "@test.wastetrace.local", "s", siret)));
        assertEquals(expected(role, UserPermission.COMPANY_CAN_MANAGE_MEMBERS),
                errorCode(member, "mutation($u: ID!, $s: String!) { removeUserFromCompany(userId: $u, siret: $s) { id } }",
                        Map.of("u", otherId, "s", siret)));

        List<String> visible = ok(member, "{ myCompanies { edges { node { users { email } } } } }", Map.of())
                .getList("myCompanies.edges[0].node.users.email");
        if (role == UserRole.ADMIN) {
            assertEquals(Set.of(admin.email(), member.email()), Set.copyOf(visible.stream().filter(e -> !e.startsWith("invite-")).toList()));
        } else {
            assertEquals(List.of(member.email()), visible);
        }
    }

    @ParameterizedTest
    @EnumSource(UserRole.class)
    void aLinkedReceiptIsChangedByTheCompanysAdministratorsOnly(UserRole role) {
        Api.User admin = Api.newUser();
        Api.User member = Api.newUser();
        String[] company = Api.createCompany(admin);
        Api.addMember(admin, company[1], member, role.name());
        String receiptId = ok(admin, "mutation { createTransporterReceipt(input: {receiptNumber: \"R-1\", validityLimit: \"2030-01-01T00:00:00Z\", department: \"69\"}) { id } }",
                Map.of()).getString("createTransporterReceipt.id");
        ok(admin, "mutation($id: String!, $r: String!) { updateCompany(id: $id, companyTypes: [TRANSPORTER], transporterReceiptId: $r) { id } }",
                Map.of("id", company[0], "r", receiptId));

        assertEquals(expected(role, UserPermission.COMPANY_CAN_UPDATE),
                errorCode(member, "mutation($r: ID!) { updateTransporterReceipt(input: {id: $r, receiptNumber: \"R-2\"}) { receiptNumber } }",
                        Map.of("r", receiptId)));
    }

    @Test
    void nonMembersMayDoNoneOfIt() {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        Api.User stranger = Api.newUser();
        assertNull(errorCode(stranger, "{ me { id } }", Map.of()));
        assertEquals("FORBIDDEN", errorCode(stranger, "mutation($id: String!) { updateCompany(id: $id, contact: \"x\") { id } }",
                Map.of("id", company[0])));
        assertEquals("FORBIDDEN", errorCode(stranger, "mutation($s: String!) { renewSecurityCode(siret: $s) { id } }",
                Map.of("s", company[1])));
        assertEquals("FORBIDDEN", errorCode(stranger, "mutation($s: String!) { inviteUserToCompany(email: \"x@y.fr\", siret: $s, role: ADMIN) { id } }",
                Map.of("s", company[1])));
        assertEquals("FORBIDDEN", errorCode(stranger, "mutation($s: ID!) { changeUserRole(userId: \"x\", orgId: $s, role: ADMIN) { id } }",
                Map.of("s", company[1])));
    }
}
