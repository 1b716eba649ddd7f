package fr.wastetrace.e2e;

import fr.wastetrace.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Through the gateway: a user's INSEE notice is a request that changes nothing until a platform administrator accepts
 * it, and never rewrites an establishment of the official directory.
 */
class AnonymousCompanyIT {
    private static final String CREATE = "mutation($s: String!, $p: String!) { createAnonymousCompanyFromPDF(input: {siret: $s, pdf: $p}) }";
    private static final String INFOS = "query($s: String!) { companyInfos(siret: $s) { name address statutDiffusionEtablissement } }";

    @Test
    void aNoticeWaitsForAnAdministratorAndNeverRewritesTheDirectory() throws Exception {
        String user = signUp();
        String admin = signUp();
        ok(admin, "{ me { id } }");
        promoteToAdmin(admin);

        // An establishment the directory does not know: pending, then shown once an administrator accepts it.
        String siret = Suite.unregisteredSiret();
        assertEquals(Boolean.TRUE, ok(user, CREATE, Map.of("s", siret, "p", notice(siret))).get("createAnonymousCompanyFromPDF"));
        Suite.graphql(Suite.gateway(user), INFOS, Map.of("s", siret)).statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        Suite.graphql(Suite.gateway(user), "{ wastetraceAnonymousCompanyRequests { id } }", Map.of()).statusCode(200)
                .body("errors[0].extensions.code", is("FORBIDDEN"));
        JsonPath pending = ok(admin, "{ wastetraceAnonymousCompanyRequests(first: 500) { id siret name } }");
        String id = pending.getString("wastetraceAnonymousCompanyRequests.find { it.siret == '" + siret + "' }.id");
        assertNotNull(id, pending::prettify);
        ok(admin, "mutation($id: ID!) { wastetraceAcceptAnonymousCompanyRequest(id: $id) { status } }", Map.of("id", id));
        assertEquals("DECHETS DISCRETS SARL", ok(user, INFOS, Map.of("s", siret)).getString("companyInfos.name"));

        // A public establishment of the official directory: the notice is refused and nothing changes.
        String official = Suite.unregisteredSiret();
        insertOfficial(official);
        Suite.graphql(Suite.gateway(user), CREATE, Map.of("s", official, "p", notice(official))).statusCode(200)
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        JsonPath infos = ok(user, INFOS, Map.of("s", official));
        assertEquals("ENTREPRISE OFFICIELLE E2E", infos.getString("companyInfos.name"));
        assertEquals("1 RUE DU REPERTOIRE 75001 PARIS", infos.getString("companyInfos.address"));
        assertEquals(List.of("ENTREPRISE OFFICIELLE E2E", "O"), officialRow(official));
    }

    private static String signUp() {
        String email = "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@wastetrace.test";
        String password = "Notice-" + UUID.randomUUID();
        Suite.graphql(Suite.gateway(), "mutation($u: SignupInput!) { signup(userInfos: $u) }",
                        Map.of("u", Map.of("email", email, "password", password, "name", "Avis", "phone", "0601020304")))
                .statusCode(200).body("errors", nullValue());
        return KeycloakTokens.passwordGrant(email, password);
    }

    private static JsonPath ok(String token, String query) {
        return ok(token, query, Map.of());
    }

    private static JsonPath ok(String token, String query, Map<String, ?> variables) {
        return Suite.graphql(Suite.gateway(token), query, variables).statusCode(200).body("errors", nullValue())
                .extract().jsonPath().setRootPath("data");
    }

    /** Platform administrators are flagged by the operator in company-service's database (docs/operations.md). */
    private static void promoteToAdmin(String token) throws SQLException {
        String email = ok(token, "{ me { email } }").getString("me.email");
        execute("update user_account set is_admin = true where lower(email) = lower(?)", email);
    }

    private static void insertOfficial(String siret) throws SQLException {
        execute("insert into sirene_establishment (siret, siren, name, address, address_postal_code, naf, "
                + "etat_administratif, statut_diffusion) values (?, substr(?, 1, 9), 'ENTREPRISE OFFICIELLE E2E', "
                + "'1 RUE DU REPERTOIRE 75001 PARIS', '75001', '38.12Z', 'A', 'O')", siret, siret);
    }

    private static List<String> officialRow(String siret) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "select name, statut_diffusion from sirene_establishment where siret = ?")) {
            select.setString(1, siret);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return List.of(row.getString(1), row.getString(2));
            }
        }
    }

    private static void execute(String sql, String... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(Suite.jdbcUrl("company"), Suite.env().get("DB_USER"), Suite.env().get("DB_PASSWORD"));
    }

    /** A PDF laid out like INSEE's « avis de situation au répertoire Sirene », dated three days ago. */
    private static String notice(String siret) throws IOException {
        String date = LocalDate.now().minusDays(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<String> lines = List.of("Avis de situation au répertoire Sirene", "À la date du " + date,
                "Description de l'entreprise", "Entreprise active depuis le 01/02/2003",
                "Identifiant SIREN " + siret.substring(0, 9), "Identifiant SIRET du siège " + siret,
                "Dénomination DECHETS DISCRETS SARL",
                "Activité Principale Exercée (APE) 38.12Z - Collecte des déchets dangereux",
                "Description de l'établissement", "Établissement actif depuis le 01/02/2003",
                "Identifiant SIRET " + siret.substring(0, 9) + " " + siret.substring(9), "Adresse 4 BOULEVARD PASTEUR",
                "44100 NANTES", "Activité Principale Exercée (APE) 38.12Z - Collecte des déchets dangereux");
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Avis de situation au répertoire Sirene");
            info.setAuthor("Institut National de la Statistique et des Etudes Economiques");
            document.setDocumentInformation(info);
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(14);
                content.newLineAtOffset(50, 740);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }
    }
}
