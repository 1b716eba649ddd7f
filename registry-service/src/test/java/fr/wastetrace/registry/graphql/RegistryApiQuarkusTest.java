package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsddStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.subgraph.DownloadTokens;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KeycloakTokens;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static fr.wastetrace.registry.BsddStates.sealed;
import static fr.wastetrace.registry.BsddStates.sent;
import static fr.wastetrace.registry.BsddStates.upserted;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registers through the GraphQL contract: permissions, pagination, filters and files. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class RegistryApiQuarkusTest {
    private static final int BSDS = 60;
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final String OUTGOING_PAGE = "query($s: [String!]!, $first: Int, $after: ID, $last: Int, $before: ID, $where: WasteRegistryWhere) {"
            + " outgoingWastes(sirets: $s, first: $first, after: $after, last: $last, before: $before, where: $where) {"
            + " totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage }"
            + " edges { cursor node { id emitterCompanySiret transporterTakenOverAt wasteCode weight bsdType bsdSubType } } } }";
    private static String siret;
    private static List<String> expectedOrder;

    @Inject
    RegistryFixture fixture;

    @BeforeEach
    void sixtySentBsdsOfOneEmitter() {
        if (siret != null) {
            return;
        }
        String candidate = "9" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        fixture.company("company-" + candidate, candidate, 1, Map.of("u-admin", UserRole.ADMIN, "u-driver", UserRole.DRIVER));
        List<String[]> order = new ArrayList<>();
        for (int i = 0; i < BSDS; i++) {
            String id = "api-" + candidate + "-" + i;
            String readableId = "BSD-20260501-" + candidate.substring(5) + String.format("%02d", BSDS - i);
            ObjectNode form = sealed(id, readableId, T0);
            ((ObjectNode) form.get("emitter")).set("company", BsddStates.company(candidate, "Émetteur paginé", "1 rue A 75001 Paris"));
            Instant takenOver = T0.plusSeconds(3600L * (i / 3));
            fixture.publish(upserted(sent(form, takenOver), 2, Instant.now()));
            order.add(new String[]{takenOver.toString(), readableId});
        }
        for (int i = 0; i < BSDS; i++) {
            fixture.awaitApplied("api-" + candidate + "-" + i, 2);
        }
        order.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        expectedOrder = order.stream().map(o -> o[1]).toList();
        siret = candidate;
    }

    @Test
    void forwardPaginationReturnsEveryBsdExactlyOnceInDateThenIdOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>(Map.of("s", List.of(siret), "first", 25));
            variables.put("after", after);
            Response response = graphql("u-admin", OUTGOING_PAGE, variables).body("errors", nullValue())
                    .body("data.outgoingWastes.totalCount", is(BSDS)).extract().response();
            List<String> ids = response.path("data.outgoingWastes.edges.node.id");
            seen.addAll(ids);
            hasNext = response.path("data.outgoingWastes.pageInfo.hasNextPage");
            after = response.path("data.outgoingWastes.pageInfo.endCursor");
            assertEquals(ids.get(ids.size() - 1), after);
            assertTrue(seen.size() <= BSDS, "no page repeats lines");
        }
        assertEquals(expectedOrder, seen);
        assertEquals(BSDS, new LinkedHashSet<>(seen).size());
    }

    @Test
    void backwardPaginationWalksTheSameLinesNewestFirst() {
        List<String> seen = new ArrayList<>();
        String before = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("s", List.of(siret), "last", 40));
            variables.put("before", before);
            Response response = graphql("u-admin", OUTGOING_PAGE, variables).body("errors", nullValue()).extract().response();
            List<String> ids = response.path("data.outgoingWastes.edges.node.id");
            seen.addAll(ids);
            before = response.path("data.outgoingWastes.pageInfo.hasPreviousPage") ? ids.get(ids.size() - 1) : null;
        } while (before != null);
        List<String> reversed = new ArrayList<>(expectedOrder);
        Collections.reverse(reversed);
        assertEquals(reversed, seen);
    }

    @Test
    void nodesCarryTheContractFields() {
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "first", 1))
                .body("data.outgoingWastes.edges[0].node.emitterCompanySiret", is(siret))
                .body("data.outgoingWastes.edges[0].node.bsdType", is("BSDD"))
                .body("data.outgoingWastes.edges[0].node.bsdSubType", is("INITIAL"))
                .body("data.outgoingWastes.edges[0].node.wasteCode", is("06 05 02*"))
                .body("data.outgoingWastes.edges[0].node.weight", is(1.5f))
                .body("data.outgoingWastes.edges[0].node.transporterTakenOverAt", startsWith("2026-05-01T08:00"))
                .body("data.outgoingWastes.pageInfo.hasPreviousPage", is(false));
        graphql("u-admin", "query($s: [String!]!) { allWastes(sirets: $s, first: 1) { edges { node { transporterNumberPlates "
                + "destinationCompanyPostalCode destinationCompanyCity traderRecepisseNumber } } } }", Map.of("s", List.of(siret)))
                .body("errors", nullValue())
                .body("data.allWastes.edges[0].node.transporterNumberPlates", is(List.of("AB-123-CD", "EF-456-GH")))
                .body("data.allWastes.edges[0].node.destinationCompanyPostalCode", is("69001"))
                .body("data.allWastes.edges[0].node.destinationCompanyCity", is("Lyon"))
                .body("data.allWastes.edges[0].node.traderRecepisseNumber", is("REC-TRADER"));
    }

    @Test
    void filtersNarrowTheRegister() {
        Map<String, Object> where = Map.of("transporterTakenOverAt", Map.of("_gte", T0.plusSeconds(3600L * 10).toString()),
                "wasteCode", Map.of("_in", List.of("06 05 02*", "01 01 01")));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "where", where))
                .body("errors", nullValue())
                .body("data.outgoingWastes.totalCount", is(BSDS - 30));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "where", Map.of("id", Map.of("_eq", expectedOrder.get(7)))))
                .body("data.outgoingWastes.totalCount", is(1))
                .body("data.outgoingWastes.edges[0].node.id", is(expectedOrder.get(7)));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "where", Map.of("wasteCode", Map.of())))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void everyAskedSiretNeedsTheRegistryPermission() {
        graphql(null, OUTGOING_PAGE, Map.of("s", List.of(siret)))
                .body("errors[0].extensions.code", is("UNAUTHENTICATED"));
        graphql("u-driver", OUTGOING_PAGE, Map.of("s", List.of(siret)))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString(siret));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret, "12345678900011")))
                .body("errors[0].extensions.code", is("FORBIDDEN"))
                .body("errors[0].message", containsString("12345678900011"));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of()))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "first", 101))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
        graphql("u-admin", OUTGOING_PAGE, Map.of("s", List.of(siret), "after", "BSD-UNKNOWN"))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"));
    }

    @Test
    void theCsvLinkServesTheFileOnceThroughTheDownloadEndpoint() {
        String link = graphql("u-admin", "query($s: [String!]!) { wastesRegistryCsv(registryType: OUTGOING, sirets: $s) { downloadLink token } }",
                Map.of("s", List.of(siret)))
                .body("errors", nullValue())
                .body("data.wastesRegistryCsv.token", startsWith("registry."))
                .extract().path("data.wastesRegistryCsv.downloadLink");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertTrue(link.startsWith("http://127.0.0.1:8080/download?token=registry."), link);
        Response file = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=" + token);
        assertEquals(200, file.statusCode());
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString().replace("-", "");
        assertEquals("attachment; filename=\"TD-Registre-" + today + "-Sortant-" + siret + ".csv\"", file.header("Content-Disposition"));
        String[] lines = new String(file.asByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(BSDS + 1, lines.length);
        assertTrue(lines[0].startsWith("\uFEFFN° de bordereau;Type de bordereau;"), lines[0]);
        assertTrue(lines[1].startsWith(expectedOrder.get(0) + ";BSDD;INITIAL;"), lines[1]);
        assertTrue(lines[1].contains(";Émetteur paginé;"), "accents survive the stored bytes: " + lines[1]);
        given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=" + token).then().statusCode(403)
                .contentType(containsString("text/plain")).body(equalTo(DownloadTokens.EXPIRED));
        given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=registry.forged").then().statusCode(403);
        given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download").then().statusCode(400)
                .body(equalTo(DownloadTokens.MISSING));
        given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=").then().statusCode(400);
        given().get("/download?token=" + token).then().statusCode(401);
    }

    @Test
    void theXlsxFileHasAHeaderAndOneRowPerLine() throws Exception {
        String token = graphql("u-admin", "query($s: [String!]!) { wastesRegistryXls(registryType: ALL, sirets: $s) { token } }",
                Map.of("s", List.of(siret)))
                .body("errors", nullValue()).extract().path("data.wastesRegistryXls.token");
        byte[] bytes = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=" + token)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(BSDS, sheet.getLastRowNum());
            assertEquals("N° de bordereau", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(expectedOrder.get(0), sheet.getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void anEmptyPeriodHasNothingToExport() {
        graphql("u-admin", "query($s: [String!]!, $w: WasteRegistryWhere) { wastesRegistryCsv(registryType: INCOMING, sirets: $s, where: $w) { downloadLink } }",
                Map.of("s", List.of(siret), "w", Map.of("createdAt", Map.of("_lt", "2000-01-01T00:00:00Z"))))
                .body("errors[0].extensions.code", is("BAD_USER_INPUT"))
                .body("errors[0].message", is("Aucune donnée à exporter sur la période sélectionnée"));
    }

    @Test
    void theNationalRegistryFeedResumesFromItsCursor() {
        String feedToken = KeycloakTokens.nationalRegistry();
        List<Long> seqs = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        int ours = 0;
        while (more) {
            Response page = given().auth().oauth2(feedToken)
                    .queryParam("limit", 100).queryParam("after", cursor == null ? "" : cursor)
                    .get("/internal/registry-feed").then().statusCode(200).extract().response();
            List<Number> pageSeqs = page.path("changes.seq");
            pageSeqs.forEach(n -> seqs.add(n.longValue()));
            List<String> orgs = page.path("changes.orgId");
            ours += (int) orgs.stream().filter(siret::equals).count();
            cursor = page.path("nextCursor");
            more = page.path("hasMore");
        }
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "strictly increasing");
        }
        assertEquals(2 * BSDS, ours, "outgoing and exhaustive lines of the emitter");
        given().auth().oauth2(feedToken).queryParam("after", cursor)
                .get("/internal/registry-feed").then().statusCode(200)
                .body("changes.size()", is(0)).body("nextCursor", is(cursor));
        given().auth().oauth2(feedToken).queryParam("after", "abc")
                .get("/internal/registry-feed").then().statusCode(400);
        // Only the national registry's client reads the feed: not a caller without a token, not a gateway identity
        // (anonymous or a user's), not a user's Keycloak token, not a forged or tampered token.
        given().get("/internal/registry-feed").then().statusCode(401);
        given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/internal/registry-feed").then().statusCode(401);
        given().header(TestIdentity.HEADER, TestIdentity.user("feed-user", "feed@example.test", "Feed"))
                .get("/internal/registry-feed").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.passwordGrant("producteur@wastetrace.local", "Demo-Producteur-1"))
                .get("/internal/registry-feed").then().statusCode(401);
        given().auth().oauth2(feedToken.substring(0, feedToken.length() - 4) + "AAAA")
                .get("/internal/registry-feed").then().statusCode(401);
    }

    @Test
    void servesTheContractSchemaAndReportsReadiness() {
        graphql(null, "{ _service { sdl } }", Map.of())
                .body("data._service.sdl", containsString("type IncomingWaste"))
                .body("data._service.sdl", containsString("enum WasteRegistryType"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("registry-projection", "Database connections health check"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("wastetrace_registry_projection_lag_seconds"));
    }
}
