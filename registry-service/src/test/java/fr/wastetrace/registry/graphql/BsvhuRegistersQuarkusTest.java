package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsddStates;
import fr.wastetrace.registry.BsvhuStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.registry.projection.RegisterRebuild;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.wastetrace.registry.BsvhuStates.*;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSVHUs through the real topic, database and GraphQL contract: {@code bsvhu.*} events published as bsd-service
 * would, read back from the five registers and their CSV/XLSX files; deletion, rebuild, and BSDDs beside them.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsvhuRegistersQuarkusTest {
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant SECOND_LEG = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");
    private static final String NODE = "id bsdType bsdSubType status wasteCode wasteDescription weight emitterCompanySiret "
            + "transporterCompanySiret transporter2CompanySiret destinationCompanySiret destinationReceptionWeight "
            + "destinationReceptionAcceptationStatus";

    @Inject
    RegistryFixture fixture;
    @Inject
    RegisterRebuild rebuild;

    /** The fixture's organisations, each replaced by one of this test's own, all readable by {@code user}. */
    private record Parties(String user, Map<String, String> ids) {
        String of(String fixtureId) {
            return ids.get(fixtureId);
        }
    }

    @Test
    void aBsvhuTakenToItsOperationIsInEveryRegisterWithTheReferenceColumns() {
        Parties parties = parties();
        String id = "VHU-" + UUID.randomUUID();
        ObjectNode bsvhu = initial(id, parties);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(upserted(bsvhu, 1, Instant.now()));
        events.add(upserted(signedByProducer(bsvhu, TAKEN_OVER.minusSeconds(600)), 2, Instant.now()));
        events.add(upserted(transported(bsvhu, 0, TAKEN_OVER), 3, Instant.now()));
        events.add(upserted(transported(bsvhu, 1, SECOND_LEG), 4, Instant.now()));
        events.add(upserted(received(bsvhu, "ACCEPTED", RECEIVED), 5, Instant.now()));
        events.forEach(fixture::publish);
        fixture.awaitApplied(id, 5);
        assertEquals(0, registerCount(parties, "incomingWastes", DESTINATION), "a reception alone is not in the incoming register");

        fixture.publish(upserted(processed(bsvhu, PROCESSED), 6, Instant.now()));
        fixture.awaitApplied(id, 6);

        node(parties, "incomingWastes", DESTINATION, "destinationReceptionDate destinationOperationDate destinationOperationCode")
                .body("data.incomingWastes.edges[0].node.id", is(id))
                .body("data.incomingWastes.edges[0].node.bsdType", is("BSVHU"))
                .body("data.incomingWastes.edges[0].node.bsdSubType", is("INITIAL"))
                .body("data.incomingWastes.edges[0].node.status", is("PROCESSED"))
                .body("data.incomingWastes.edges[0].node.wasteCode", is("16 01 06"))
                .body("data.incomingWastes.edges[0].node.weight", is(2.4f))
                .body("data.incomingWastes.edges[0].node.emitterCompanySiret", is(parties.of(EMITTER)))
                .body("data.incomingWastes.edges[0].node.destinationReceptionWeight", is(2.35f))
                .body("data.incomingWastes.edges[0].node.destinationReceptionAcceptationStatus", is("ACCEPTED"))
                .body("data.incomingWastes.edges[0].node.destinationOperationCode", is("R 4"))
                .body("data.incomingWastes.edges[0].node.destinationReceptionDate", is(RECEIVED.toString()))
                .body("data.incomingWastes.edges[0].node.destinationOperationDate", is(PROCESSED.toString()));
        for (String outgoing : List.of(EMITTER, ECO_ORGANISME)) {
            node(parties, "outgoingWastes", outgoing, "transporterTakenOverAt destinationPlannedOperationCode")
                    .body("data.outgoingWastes.edges[0].node.id", is(id))
                    .body("data.outgoingWastes.edges[0].node.transporterTakenOverAt", is(TAKEN_OVER.toString()))
                    .body("data.outgoingWastes.edges[0].node.destinationPlannedOperationCode", is("R 4"))
                    .body("data.outgoingWastes.edges[0].node.transporterCompanySiret", is(parties.of(TRANSPORTER)));
        }
        for (String transporter : List.of(TRANSPORTER, TRANSPORTER_2)) {
            node(parties, "transportedWastes", transporter, "transporterNumberPlates transporter2TransportMode")
                    .body("data.transportedWastes.edges[0].node.id", is(id))
                    .body("data.transportedWastes.edges[0].node.transporterNumberPlates", is(List.of("AB-123-CD", "EF-456-GH")))
                    .body("data.transportedWastes.edges[0].node.transporter2CompanySiret", is(parties.of(TRANSPORTER_2)))
                    .body("data.transportedWastes.edges[0].node.transporter2TransportMode", is("RAIL"));
        }
        for (String manager : List.of(TRADER, BROKER, INTERMEDIARY)) {
            node(parties, "managedWastes", manager, "traderCompanySiret brokerCompanySiret")
                    .body("data.managedWastes.edges[0].node.id", is(id))
                    .body("data.managedWastes.edges[0].node.brokerCompanySiret", is(parties.of(BROKER)));
        }
        for (String anyone : parties.ids().keySet()) {
            node(parties, "allWastes", anyone, "intermediary1CompanySiret containsElectricOrHybridVehicles ecoOrganismeSiren")
                    .body("data.allWastes.edges[0].node.id", is(id))
                    .body("data.allWastes.edges[0].node.intermediary1CompanySiret", is(parties.of(INTERMEDIARY)))
                    .body("data.allWastes.edges[0].node.containsElectricOrHybridVehicles", is(true))
                    .body("data.allWastes.edges[0].node.ecoOrganismeSiren", is(parties.of(ECO_ORGANISME).substring(0, 9)));
        }
        assertEquals(0, registerCount(parties, "outgoingWastes", DESTINATION));
        assertEquals(0, registerCount(parties, "incomingWastes", EMITTER));
    }

    @Test
    void theCsvAndXlsxFilesCarryTheBsvhuLines() throws Exception {
        Parties parties = parties();
        String id = "VHU-" + UUID.randomUUID();
        ObjectNode bsvhu = processed(received(sent(initial(id, parties), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED);
        fixture.publish(upserted(bsvhu, 1, Instant.now()));
        fixture.awaitApplied(id, 1);

        String[] csv = new String(download(parties, "wastesRegistryCsv", "INCOMING", DESTINATION), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, csv.length, "a header and the BSVHU");
        List<String> header = List.of(csv[0].substring(1).split(";", -1));
        List<String> line = List.of(csv[1].split(";", -1));
        assertEquals(header.size(), line.size());
        assertEquals(id, line.get(header.indexOf("N° de bordereau")));
        assertEquals("BSVHU", line.get(header.indexOf("Type de bordereau")));
        assertEquals("16 01 06", line.get(header.indexOf("Code du déchet")));
        assertEquals("Véhicules hors d'usage ne contenant ni liquides ni autres composants dangereux",
                line.get(header.indexOf("Dénomination usuelle du déchet")));
        assertEquals("Broyage Rhône SAS", line.get(header.indexOf("Destination : raison sociale")), "accents kept");
        assertEquals("Lyon", line.get(header.indexOf("Destination : commune")));
        assertEquals("R 4", line.get(header.indexOf("Code de l'opération réalisée")));

        byte[] xlsx = download(parties, "wastesRegistryXls", "ALL", TRANSPORTER);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum(), "a header and the BSVHU");
            Map<String, String> row = new LinkedHashMap<>();
            Row titles = sheet.getRow(0);
            for (int c = 0; c < titles.getLastCellNum(); c++) {
                var cell = sheet.getRow(1).getCell(c);
                row.put(titles.getCell(c).getStringCellValue(), cell == null ? "" : cell.toString());
            }
            assertEquals(id, row.get("N° de bordereau"));
            assertEquals("BSVHU", row.get("Type de bordereau"));
            assertEquals(parties.of(TRANSPORTER_2), row.get("Transporteur n°2 : SIRET ou n° de TVA"));
            assertEquals(parties.of(INTERMEDIARY), row.get("Intermédiaire n°1 : SIRET"));
        }
    }

    @Test
    void anUpsertThenADeletionRemovesTheLines() {
        Parties parties = parties();
        String id = "VHU-" + UUID.randomUUID();
        ObjectNode bsvhu = sent(initial(id, parties), TAKEN_OVER);
        fixture.publish(upserted(bsvhu, 1, Instant.now()));
        fixture.awaitApplied(id, 1);
        assertEquals(1, registerCount(parties, "outgoingWastes", EMITTER));
        assertEquals(13, fixture.snapshot(id).size(), "2 outgoing, 3 managed, 1 transported, 7 exhaustive");

        fixture.publish(deleted(bsvhu, 2, Instant.now()));
        fixture.awaitApplied(id, 2);
        assertEquals(List.of(), fixture.snapshot(id));
        assertEquals(0, registerCount(parties, "outgoingWastes", EMITTER));
        assertEquals(0, registerCount(parties, "allWastes", DESTINATION));
        assertEquals(13, fixture.longValue("select count(*) from register_change where bsd_id = ? and operation = 'DELETE'", id));
    }

    @Test
    void draftsAndUnknownBsvhuEventTypesGiveNoLineAndARebuildKeepsTheBsvhuLines() throws Exception {
        Parties parties = parties();
        String draft = "VHU-" + UUID.randomUUID();
        ObjectNode draftState = processed(received(sent(initial(draft, parties).put("isDraft", true), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED);
        fixture.publish(upserted(draftState, 1, Instant.now()));
        String unknownType = "VHU-" + UUID.randomUUID();
        fixture.publish(new EventEnvelope(UUID.randomUUID(), "bsvhu.archived", "bsvhu", unknownType, 1, Instant.now(), 1,
                sent(initial(unknownType, parties), TAKEN_OVER)));
        String sentId = "VHU-" + UUID.randomUUID();
        fixture.publish(upserted(sent(initial(sentId, parties), TAKEN_OVER), 1, Instant.now()));
        fixture.awaitApplied(draft, 1);
        fixture.awaitApplied(unknownType, 1);
        fixture.awaitApplied(sentId, 1);
        assertEquals(List.of(), fixture.snapshot(draft));
        assertEquals(List.of(), fixture.snapshot(unknownType));
        List<String> lines = fixture.snapshot(sentId);
        assertEquals(13, lines.size());

        rebuild.run();

        assertEquals(lines, fixture.snapshot(sentId));
        assertEquals(List.of(), fixture.snapshot(draft));
    }

    @Test
    void aBsddAndABsvhuOfOneEmitterShareItsRegisterEachWithItsOwnMapping() {
        Parties parties = parties();
        String vhu = "VHU-" + UUID.randomUUID();
        fixture.publish(upserted(sent(initial(vhu, parties), TAKEN_OVER), 1, Instant.now()));
        String bsddId = "bsdd-" + UUID.randomUUID();
        ObjectNode form = BsddStates.sealed(bsddId, "BSD-20260602-" + bsddId.substring(5, 14).toUpperCase(), TAKEN_OVER);
        ((ObjectNode) form.get("emitter")).set("company", BsddStates.company(parties.of(EMITTER), "Casse Auto du Nord", "1 rue A 59000 Lille"));
        fixture.publish(BsddStates.upserted(BsddStates.sent(form, TAKEN_OVER.plusSeconds(60)), 1, Instant.now()));
        fixture.awaitApplied(vhu, 1);
        fixture.awaitApplied(bsddId, 1);

        String query = "query($s: [String!]!, $w: WasteRegistryWhere) { outgoingWastes(sirets: $s, where: $w) { totalCount "
                + "edges { node { bsdType wasteCode transporterCompanySiret } } } }";
        graphql(parties.user(), query, Map.of("s", List.of(parties.of(EMITTER))))
                .body("errors", nullValue())
                .body("data.outgoingWastes.totalCount", is(2))
                .body("data.outgoingWastes.edges.node.bsdType", is(List.of("BSVHU", "BSDD")))
                .body("data.outgoingWastes.edges.node.wasteCode", is(List.of("16 01 06", "06 05 02*")))
                .body("data.outgoingWastes.edges[1].node.transporterCompanySiret", is(BsddStates.TRANSPORTER));
        graphql(parties.user(), query, Map.of("s", List.of(parties.of(EMITTER)), "w", Map.of("bsdType", Map.of("_eq", "BSVHU"))))
                .body("data.outgoingWastes.totalCount", is(1))
                .body("data.outgoingWastes.edges[0].node.bsdType", is("BSVHU"));
    }

    /** The fixture with this test's own organisations in place of the fixture's. */
    private static ObjectNode initial(String id, Parties parties) {
        String json = BsvhuStates.initial(id).toString();
        for (Map.Entry<String, String> party : parties.ids().entrySet()) {
            json = json.replace(party.getKey(), party.getValue());
        }
        try {
            return (ObjectNode) EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh identifiers for the fixture's organisations, and one user allowed to read all their registers. */
    private Parties parties() {
        String user = "u-vhu-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String fixtureId : List.of(EMITTER, TRANSPORTER, TRANSPORTER_2, DESTINATION, TRADER, ECO_ORGANISME, BROKER, INTERMEDIARY)) {
            String digits = String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            String orgId = fixtureId.startsWith("BE") ? "BE" + digits.substring(3) : "9" + digits;
            ids.put(fixtureId, orgId);
            fixture.company("company-" + orgId, orgId, 1, Map.of(user, UserRole.ADMIN));
        }
        return new Parties(user, ids);
    }

    private static ValidatableResponse node(Parties parties, String register, String fixtureOrg, String extraFields) {
        return graphql(parties.user(), "query($s: [String!]!) { " + register + "(sirets: $s) { totalCount edges { node { "
                + NODE + " " + extraFields + " } } } }", Map.of("s", List.of(parties.of(fixtureOrg))))
                .body("errors", nullValue())
                .body("data." + register + ".totalCount", is(1));
    }

    private static int registerCount(Parties parties, String register, String fixtureOrg) {
        return graphql(parties.user(), "query($s: [String!]!) { " + register + "(sirets: $s) { totalCount } }",
                Map.of("s", List.of(parties.of(fixtureOrg))))
                .body("errors", nullValue()).extract().path("data." + register + ".totalCount");
    }

    private static byte[] download(Parties parties, String query, String registryType, String fixtureOrg) {
        String token = graphql(parties.user(), "query($s: [String!]!) { " + query + "(registryType: " + registryType
                + ", sirets: $s) { token } }", Map.of("s", List.of(parties.of(fixtureOrg))))
                .body("errors", nullValue()).extract().path("data." + query + ".token");
        byte[] file = given().header(TestIdentity.HEADER, TestIdentity.anonymous()).get("/download?token=" + token)
                .then().statusCode(200).extract().asByteArray();
        assertTrue(file.length > 0);
        return file;
    }
}
