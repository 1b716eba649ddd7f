package fr.wastetrace.company;

import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read-your-writes: what a GraphQL answer reports it committed ({@link WrittenPositions#HEADER}), and for whom. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class CommittedPositionsQuarkusTest {
    private static final String INVITE = "mutation($e: String!, $s: String!, $r: UserRole!) { inviteUserToCompany(email: $e, "
            + "siret: $s, role: $r) { id } }";

    private static ExtractableResponse<Response> send(Api.User user, String query, Map<String, ?> variables) {
        return Api.call(user, query, variables).extract();
    }

    private static Map<String, Map<String, Long>> written(ExtractableResponse<Response> answer) {
        return WrittenPositions.parse(answer.header(WrittenPositions.HEADER));
    }

    @Test
    void aCreatedCompanyIsReportedToItsCreatorAtItsVersion() {
        Api.User admin = Api.newUser();
        String siret = Api.newSiret();
        ExtractableResponse<Response> created = send(admin, Api.CREATE_COMPANY, Map.of("input", Map.of("siret", siret,
                "companyName", "Société " + siret, "address", "1 rue du Test 69001 Lyon", "companyTypes", List.of("PRODUCER"))));
        String id = created.jsonPath().getString("data.createCompany.id");
        assertNotNull(id, created.asString());
        assertEquals(Map.of(admin.subject(), Map.of(WrittenPositions.company(id), 1L)), written(created));

        ExtractableResponse<Response> renamed = send(admin, "mutation($id: String!) { updateCompany(id: $id, "
                + "givenName: \"Nom d'usage\") { id } }", Map.of("id", id));
        assertEquals(Map.of(admin.subject(), Map.of(WrittenPositions.company(id), 2L)), written(renamed));
    }

    @Test
    void aMemberAddedByAnAdministratorIsReportedToBoth() {
        Api.User admin = Api.newUser();
        Api.User member = Api.newUser();
        String[] company = Api.createCompany(admin);
        Api.userId(member);
        Map<String, Map<String, Long>> written = written(send(admin, INVITE, Map.of("e", member.email(), "s", company[1],
                "r", "MEMBER")));
        Map<String, Long> position = Map.of(WrittenPositions.company(company[0]), 2L);
        assertEquals(Map.of(admin.subject(), position, member.subject(), position), written);
    }

    @Test
    void readsAndRefusedWritesReportNothing() {
        Api.User admin = Api.newUser();
        String[] company = Api.createCompany(admin);
        assertNull(send(admin, "{ me { id } }", Map.of()).header(WrittenPositions.HEADER));
        ExtractableResponse<Response> refused = send(admin, INVITE, Map.of("e", "not-an-email", "s", company[1], "r", "MEMBER"));
        assertEquals("BAD_USER_INPUT", refused.jsonPath().getString("errors[0].extensions.code"));
        assertNull(refused.header(WrittenPositions.HEADER));
        assertTrue(written(send(Api.newUser(), "{ me { id } }", Map.of())).isEmpty());
    }
}
