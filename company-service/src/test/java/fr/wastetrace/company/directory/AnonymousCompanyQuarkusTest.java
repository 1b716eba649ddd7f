package fr.wastetrace.company.directory;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A notice is a request: verified by the official directory or by a platform administrator, never a rewrite of it. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class AnonymousCompanyQuarkusTest {
    private static final String CREATE = "mutation($s: String!, $p: String!) { createAnonymousCompanyFromPDF(input: {siret: $s, pdf: $p}) }";
    private static final String INFOS = "query($s: String!) { companyInfos(siret: $s) { name address naf isRegistered statutDiffusionEtablissement } }";
    private static final String PENDING = "{ wastetraceAnonymousCompanyRequests(first: 500) { id siret name address naf noticeDate status verifiedBy requestedBy } }";
    private static final String ACCEPT = "mutation($id: ID!) { wastetraceAcceptAnonymousCompanyRequest(id: $id) { id status verifiedBy } }";
    private static final String REJECT = "mutation($id: ID!, $r: String) { wastetraceRejectAnonymousCompanyRequest(id: $id, reason: $r) { id status decisionReason } }";

    @Inject
    AgroalDataSource dataSource;

    private static String base64(byte[] pdf) {
        return Base64.getEncoder().encodeToString(pdf);
    }

    @Test
    void aNoticeTheDirectoryDoesNotKnowWaitsForAnAdministrator() throws Exception {
        Api.User user = Api.newUser();
        Api.User admin = newAdmin();
        String siret = Api.newSiret();
        assertTrue(ok(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))).getBoolean("createAnonymousCompanyFromPDF"));
        // Pending: nothing is shown yet, and the directory has no row for it.
        assertEquals("BAD_USER_INPUT", errorCode(user, INFOS, Map.of("s", siret)));
        assertEquals(0, directoryRows(siret));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))),
                "a second pending request of the same user");
        // Only platform administrators review requests.
        assertEquals("FORBIDDEN", errorCode(user, PENDING, Map.of()));
        String id = pendingRequest(admin, siret);
        assertEquals("FORBIDDEN", errorCode(user, ACCEPT, Map.of("id", id)));
        JsonPath listed = ok(admin, PENDING, Map.of());
        Map<String, Object> request = listed.getMap("wastetraceAnonymousCompanyRequests.find { it.id == '" + id + "' }");
        assertEquals("DECHETS DISCRETS SARL", request.get("name"));
        assertEquals("38.12Z", request.get("naf"));
        assertEquals(user.email(), request.get("requestedBy"));
        assertEquals(LocalDate.now().minusDays(3).toString(), request.get("noticeDate"));

        JsonPath accepted = ok(admin, ACCEPT, Map.of("id", id));
        assertEquals("ACCEPTED", accepted.getString("wastetraceAcceptAnonymousCompanyRequest.status"));
        assertEquals("ADMIN", accepted.getString("wastetraceAcceptAnonymousCompanyRequest.verifiedBy"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, ACCEPT, Map.of("id", id)), "decided once");
        JsonPath infos = ok(user, INFOS, Map.of("s", siret));
        assertEquals("DECHETS DISCRETS SARL", infos.getString("companyInfos.name"));
        assertEquals("4 BOULEVARD PASTEUR 44100 NANTES", infos.getString("companyInfos.address"));
        assertEquals("38.12Z", infos.getString("companyInfos.naf"));
        assertEquals(false, infos.getBoolean("companyInfos.isRegistered"));
        assertEquals(0, directoryRows(siret), "the official directory is not written to");
        assertEquals("BAD_USER_INPUT", errorCode(Api.newUser(), CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))),
                "already known");
    }

    @Test
    void aRejectedNoticeShowsNothing() throws Exception {
        Api.User user = Api.newUser();
        Api.User admin = newAdmin();
        String siret = Api.newSiret();
        ok(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret))));
        String id = pendingRequest(admin, siret);
        JsonPath rejected = ok(admin, REJECT, Map.of("id", id, "r", "Avis retouché"));
        assertEquals("REJECTED", rejected.getString("wastetraceRejectAnonymousCompanyRequest.status"));
        assertEquals("Avis retouché", rejected.getString("wastetraceRejectAnonymousCompanyRequest.decisionReason"));
        assertEquals("BAD_USER_INPUT", errorCode(user, INFOS, Map.of("s", siret)));
        assertEquals("BAD_USER_INPUT", errorCode(admin, ACCEPT, Map.of("id", id)));
    }

    @Test
    void aPublicEstablishmentCannotBeRewritten() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        insertOfficial(siret, "ENTREPRISE OFFICIELLE", "1 RUE DU REPERTOIRE 75001 PARIS", "75001", "46.90Z", "A", "O");
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))));
        JsonPath infos = ok(user, INFOS, Map.of("s", siret));
        assertEquals("ENTREPRISE OFFICIELLE", infos.getString("companyInfos.name"));
        assertEquals("1 RUE DU REPERTOIRE 75001 PARIS", infos.getString("companyInfos.address"));
        assertEquals("46.90Z", infos.getString("companyInfos.naf"));
        assertEquals(List.of("ENTREPRISE OFFICIELLE", "1 RUE DU REPERTOIRE 75001 PARIS", "46.90Z", "A", "O"), officialRow(siret));
    }

    @Test
    void aHiddenEstablishmentStaysHiddenUntilANoticeIsVerified() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        // The directory knows it under another name: the notice cannot be confirmed, and changes nothing.
        insertOfficial(siret, "VRAI NOM SAS", "9 RUE CACHEE 69001 LYON", "69001", "38.12Z", "A", "P");
        assertTrue(ok(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))).getBoolean("createAnonymousCompanyFromPDF"));
        JsonPath infos = ok(user, INFOS, Map.of("s", siret));
        assertEquals("P", infos.getString("companyInfos.statutDiffusionEtablissement"));
        assertNull(infos.getString("companyInfos.name"));
        assertNull(infos.getString("companyInfos.address"));
        assertEquals(List.of("VRAI NOM SAS", "9 RUE CACHEE 69001 LYON", "38.12Z", "A", "P"), officialRow(siret));
        assertEquals("PENDING", pendingRequestStatus(siret));
    }

    @Test
    void aNoticeTheDirectoryConfirmsIsAcceptedAtOnce() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        insertOfficial(siret, "Déchets discrets SARL", "4 BD PASTEUR 44100 NANTES", "44100", "3812Z", "A", "P");
        assertTrue(ok(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))).getBoolean("createAnonymousCompanyFromPDF"));
        assertEquals("ACCEPTED", pendingRequestStatus(siret));
        JsonPath infos = ok(user, INFOS, Map.of("s", siret));
        assertEquals("DECHETS DISCRETS SARL", infos.getString("companyInfos.name"));
        assertEquals("4 BOULEVARD PASTEUR 44100 NANTES", infos.getString("companyInfos.address"));
        assertEquals(List.of("Déchets discrets SARL", "4 BD PASTEUR 44100 NANTES", "3812Z", "A", "P"), officialRow(siret),
                "the official row keeps its values");
    }

    @Test
    void noticesArePerUserRateLimited() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        for (int i = 0; i < 10; i++) {
            assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", "pas du base64 !")), "call " + (i + 1));
        }
        call(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret))))
                .body("errors[0].extensions.code", is("TOO_MANY_REQUESTS"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("réessayez dans"));
        assertEquals("BAD_USER_INPUT", errorCode(user, INFOS, Map.of("s", siret)), "the refused call recorded nothing");
        // Another user is not affected.
        assertTrue(ok(Api.newUser(), CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret)))).getBoolean("createAnonymousCompanyFromPDF"));
    }

    @Test
    void badNoticesAreRefused() throws Exception {
        Api.User user = Api.newUser();
        String siret = Api.newSiret();
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", "pas du base64 !")));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(Api.newSiret())))));
        byte[] old = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines(siret, LocalDate.now().minusMonths(4), "Établissement actif depuis le 01/02/2003"));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(old))));
        byte[] closed = NoticePdf.build(SireneNotice.TITLE, SireneNotice.AUTHOR,
                NoticePdf.lines(siret, LocalDate.now(), "Établissement fermé depuis le 31/12/2024"));
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", siret, "p", base64(closed))));
        String registered = Api.createCompany(user)[1];
        assertEquals("BAD_USER_INPUT", errorCode(user, CREATE, Map.of("s", registered, "p", base64(NoticePdf.valid(registered)))));
        String closedOfficially = Api.newSiret();
        insertOfficial(closedOfficially, "FERMEE SARL", "1 RUE CLOSE 44100 NANTES", "44100", "38.12Z", "F", "P");
        assertEquals("BAD_USER_INPUT", errorCode(Api.newUser(), CREATE, Map.of("s", closedOfficially, "p", base64(NoticePdf.valid(closedOfficially)))));
        call(TestIdentity.anonymous(), CREATE, Map.of("s", siret, "p", base64(NoticePdf.valid(siret))))
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        call(TestIdentity.anonymous(), "query($s: String!) { companyInfos(siret: $s) { name } }", Map.of("s", siret))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        assertEquals(0, directoryRows(siret));
    }

    /** A user whose profile is flagged as a platform administrator (an operator's action in the database). */
    private Api.User newAdmin() throws SQLException {
        Api.User admin = Api.newUser();
        ok(admin, "{ me { id } }", Map.of());
        update("update user_account set is_admin = true where subject = ?", admin.subject());
        return admin;
    }

    private String pendingRequest(Api.User admin, String siret) {
        JsonPath listed = ok(admin, PENDING, Map.of());
        String id = listed.getString("wastetraceAnonymousCompanyRequests.find { it.siret == '" + siret + "' }.id");
        assertTrue(id != null, () -> "no pending request for " + siret + ": " + listed.prettify());
        return id;
    }

    private String pendingRequestStatus(String siret) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select status from anonymous_company_request where siret = ?")) {
            select.setString(1, siret);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void insertOfficial(String siret, String name, String address, String postalCode, String naf, String etat,
                                String statut) throws SQLException {
        update("insert into sirene_establishment (siret, siren, name, address, address_postal_code, naf, "
                + "etat_administratif, statut_diffusion) values (?, ?, ?, ?, ?, ?, ?, ?)",
                siret, siret.substring(0, 9), name, address, postalCode, naf, etat, statut);
    }

    private List<String> officialRow(String siret) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select name, address, naf, etat_administratif, "
                     + "statut_diffusion from sirene_establishment where siret = ?")) {
            select.setString(1, siret);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
            }
        }
    }

    private int directoryRows(String siret) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from sirene_establishment where siret = ?")) {
            select.setString(1, siret);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
