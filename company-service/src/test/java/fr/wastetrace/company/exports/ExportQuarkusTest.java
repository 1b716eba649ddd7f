package fr.wastetrace.company.exports;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static fr.wastetrace.company.Api.call;
import static fr.wastetrace.company.Api.ok;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackingServices.class)
class ExportQuarkusTest {

    private static io.restassured.response.Response download(String token) {
        return given().header(TestIdentity.HEADER, TestIdentity.anonymous()).queryParam("token", token).get("/download");
    }

    @Test
    void theCsvListsTheCallersCompaniesOnceThroughASingleUseLink() {
        Api.User user = Api.newUser();
        String siret = Api.createCompany(user)[1];
        JsonPath link = ok(user, "{ myCompaniesCsv { token downloadLink } }", Map.of());
        String token = link.getString("myCompaniesCsv.token");
        assertTrue(token.startsWith("company."), token);
        assertTrue(link.getString("myCompaniesCsv.downloadLink").endsWith("/download?token=" + token));

        io.restassured.response.Response file = download(token);
        assertEquals(200, file.statusCode());
        assertTrue(file.contentType().startsWith("text/csv"));
        String csv = new String(file.asByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals("\uFEFFSIRET ou TVA;Raison sociale;Nom usuel;Adresse;Profils;Votre rôle;Contact;E-mail de contact;"
                + "Téléphone de contact;Site web", lines[0]);
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith(siret + ";Société " + siret + ";;1 rue du Test 69001 Lyon;PRODUCER;ADMIN"), lines[1]);

        assertEquals(403, download(token).statusCode(), "single use");
        assertEquals(403, download("company.forged").statusCode());
        assertEquals(400, download("").statusCode(), "no token at all");
    }

    @Test
    void theSpreadsheetIsAnXlsxFile() {
        Api.User user = Api.newUser();
        Api.createCompany(user);
        String token = ok(user, "{ myCompaniesXls { token } }", Map.of()).getString("myCompaniesXls.token");
        io.restassured.response.Response file = download(token);
        assertEquals(200, file.statusCode());
        byte[] start = new byte[2];
        System.arraycopy(file.asByteArray(), 0, start, 0, 2);
        assertArrayEquals(new byte[]{'P', 'K'}, start);
    }

    @Test
    void linksNeedAnAccountAndTheGateway() {
        call(TestIdentity.anonymous(), "{ myCompaniesCsv { token } }", Map.of())
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        given().queryParam("token", "company.x").get("/download").then().statusCode(401);
    }
}
