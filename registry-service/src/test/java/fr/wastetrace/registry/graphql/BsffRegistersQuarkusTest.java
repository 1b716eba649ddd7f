package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsffStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.wastetrace.registry.BsffStates.*;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSFFs through the real topic, database and GraphQL contract: {@code bsff.*} events published as bsd-service would,
 * read back from the registers (the holders of intervention sheets in the outgoing one, the reception columns from the
 * containers) and their CSV file; deletion.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsffRegistersQuarkusTest {
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");
    private static final String NODE = "id bsdType bsdSubType status wasteCode weight emitterCompanySiret "
            + "transporterCompanySiret destinationCompanySiret destinationReceptionWeight "
            + "destinationReceptionAcceptationStatus";

    @Inject
    RegistryFixture fixture;

    private record Parties(String user, Map<String, String> ids) {
        String of(String fixtureId) {
            return ids.get(fixtureId);
        }
    }

    @Test
    void aProcessedBsffAndItsContainersAreInTheRegisters() {
        Parties parties = parties();
        String id = "FF-" + UUID.randomUUID();
        ObjectNode bsff = initial(id, parties);
        fixture.publish(upserted(bsff, 1, Instant.now()));
        fixture.publish(upserted(sent(bsff, TAKEN_OVER), 2, Instant.now()));
        fixture.publish(upserted(received(bsff, RECEIVED), 3, Instant.now()));
        fixture.publish(upserted(answered(bsff, 0, true, 2400, RECEIVED, "RECEIVED"), 4, Instant.now()));
        fixture.publish(upserted(answered(bsff, 1, false, 0, RECEIVED, "PARTIALLY_REFUSED"), 5, Instant.now()));
        fixture.publish(upserted(operated(bsff, 0, "R2", "RECYCLAGE", PROCESSED, "PROCESSED"), 6, Instant.now()));
        fixture.awaitApplied(id, 6);

        node(parties, "incomingWastes", DESTINATION, "destinationReceptionDate destinationOperationCode "
                + "destinationOperationMode wasteAdr")
                .body("data.incomingWastes.edges[0].node.id", is(id))
                .body("data.incomingWastes.edges[0].node.bsdType", is("BSFF"))
                .body("data.incomingWastes.edges[0].node.bsdSubType", is("INITIAL"))
                .body("data.incomingWastes.edges[0].node.status", is("PROCESSED"))
                .body("data.incomingWastes.edges[0].node.wasteCode", is("14 06 01*"))
                .body("data.incomingWastes.edges[0].node.weight", is(4.5f))
                .body("data.incomingWastes.edges[0].node.destinationReceptionWeight", is(2.4f))
                .body("data.incomingWastes.edges[0].node.destinationReceptionAcceptationStatus", is("PARTIALLY_REFUSED"))
                .body("data.incomingWastes.edges[0].node.destinationOperationCode", is("R2"))
                .body("data.incomingWastes.edges[0].node.destinationReceptionDate", is(RECEIVED.toString()));
        for (String outgoing : List.of(EMITTER, DETENTEUR)) {
            node(parties, "outgoingWastes", outgoing, "transporterTakenOverAt")
                    .body("data.outgoingWastes.edges[0].node.id", is(id))
                    .body("data.outgoingWastes.edges[0].node.transporterTakenOverAt", is(TAKEN_OVER.toString()))
                    .body("data.outgoingWastes.edges[0].node.emitterCompanySiret", is(parties.of(EMITTER)));
        }
        node(parties, "transportedWastes", TRANSPORTER, "transporterNumberPlates")
                .body("data.transportedWastes.edges[0].node.transporterNumberPlates", is(List.of("FF-123-FF")));
        for (String anyone : List.of(EMITTER, DETENTEUR, TRANSPORTER, DESTINATION)) {
            node(parties, "allWastes", anyone, "").body("data.allWastes.edges[0].node.id", is(id));
        }
        assertEquals(0, registerCount(parties, "transportedWastes", TRANSPORTER_2), "the second leg was not signed");
        assertEquals(0, registerCount(parties, "managedWastes", EMITTER), "a BSFF has no manager");
        assertEquals(1, fixture.strings("select distinct document_id from register_line where bsd_id = ?", id).size(),
                "one document, whatever its containers");

        String[] csv = new String(download(parties, "wastesRegistryCsv", "INCOMING", DESTINATION),
                StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, csv.length, "a header and the BSFF");
        List<String> header = List.of(csv[0].substring(1).split(";", -1));
        List<String> line = List.of(csv[1].split(";", -1));
        assertEquals(id, line.get(header.indexOf("N° de bordereau")));
        assertEquals("BSFF", line.get(header.indexOf("Type de bordereau")));
        assertEquals("R2", line.get(header.indexOf("Code de l'opération réalisée")));
    }

    @Test
    void aDeletionRemovesTheLinesAndADraftGivesNone() {
        Parties parties = parties();
        String id = "FF-" + UUID.randomUUID();
        ObjectNode bsff = sent(initial(id, parties), TAKEN_OVER);
        fixture.publish(upserted(bsff, 1, Instant.now()));
        fixture.awaitApplied(id, 1);
        assertEquals(7, fixture.snapshot(id).size(), "2 outgoing, 1 transported, 4 exhaustive");
        fixture.publish(deleted(bsff, 2, Instant.now()));
        fixture.awaitApplied(id, 2);
        assertEquals(List.of(), fixture.snapshot(id));

        String draft = "FF-" + UUID.randomUUID();
        fixture.publish(upserted(sent(initial(draft, parties).put("isDraft", true), TAKEN_OVER), 1, Instant.now()));
        fixture.awaitApplied(draft, 1);
        assertEquals(List.of(), fixture.snapshot(draft));
    }

    private static ObjectNode initial(String id, Parties parties) {
        String json = BsffStates.initial(id).toString();
        for (Map.Entry<String, String> party : parties.ids().entrySet()) {
            json = json.replace(party.getKey(), party.getValue());
        }
        try {
            return (ObjectNode) EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Parties parties() {
        String user = "u-ff-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String fixtureId : List.of(EMITTER, DETENTEUR, TRANSPORTER, TRANSPORTER_2, DESTINATION)) {
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
