package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deprecated segment mutations work on the same transporter rows as the transporters list. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SegmentsQuarkusTest extends ActsAsWorkflowActors {
    private static final String SEGMENT = "{ id segmentNumber readyToTakeOver mode takenOverBy "
            + "transporter { company { siret } numberPlate receipt } }";


    private static JsonNode gql(String user, String query, Map<String, Object> variables) {
        return WorkflowActors.call(user, query, EventCodec.mapper().valueToTree(variables));
    }

    /** A BSDD taken over by T1, ready for a second leg. */
    private static String sentForm() {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String id = ok(gql("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                Map.of("i", WorkflowActors.directRouteForm()))).at("/createForm/id").asText();
        ok(gql("P", "mutation($id: ID!, $e: SignEmissionFormInput!) { markAsSealed(id: $id) { status } "
                        + "signEmissionForm(id: $id, input: $e) { status } }",
                Map.of("id", id, "e", Map.of("quantity", 1, "emittedAt", now, "emittedBy", "Isabelle G."))));
        ok(gql("T1", "mutation($id: ID!, $t: SignTransportFormInput!) { signTransportForm(id: $id, input: $t) { status } }",
                Map.of("id", id, "t", Map.of("takenOverAt", now, "takenOverBy", "Thomas",
                        "transporterNumberPlate", "AA-123-BB", "transporterTransportMode", "ROAD"))));
        return id;
    }

    private static Map<String, Object> t2() {
        return Map.of("siret", WorkflowActors.values().get("T2.siret").asText(), "name", "Transporteur T2",
                "address", "4 rue des Routiers 69007 Lyon", "contact", "Théo", "phone", "0478000000",
                "mail", "t2@wastetrace.test");
    }

    @Test
    void aSegmentIsPreparedEditedAndTakenOverAsTheSecondTransporter() {
        String id = sentForm();
        String t1Siret = WorkflowActors.values().get("T1.siret").asText();
        String prepare = "mutation($id: ID!, $siret: String!, $n: NextSegmentInfoInput!) { prepareSegment(id: $id, "
                + "siret: $siret, nextSegmentInfo: $n) " + SEGMENT + " }";
        Map<String, Object> next = Map.of("transporter", Map.of("company", t2()), "mode", "ROAD");

        assertEquals("FORBIDDEN", code(gql("X", prepare, Map.of("id", id, "siret",
                WorkflowActors.values().get("X.siret").asText(), "n", next))), "X is not on the BSDD");
        assertEquals("FORBIDDEN", code(gql("D", prepare, Map.of("id", id, "siret",
                WorkflowActors.values().get("D.siret").asText(), "n", next))), "only the transporter in charge prepares");

        JsonNode prepared = ok(gql("T1", prepare, Map.of("id", id, "siret", t1Siret, "n", next))).get("prepareSegment");
        String segment = prepared.get("id").asText();
        assertEquals(1, prepared.get("segmentNumber").asInt());
        assertTrue(prepared.get("readyToTakeOver").asBoolean(), "T1 has the waste: the segment can be taken over");
        assertEquals("REC-T2-2026", prepared.at("/transporter/receipt").asText());

        JsonNode edited = ok(gql("T1", "mutation($id: ID!, $siret: String!, $n: NextSegmentInfoInput!) { editSegment("
                + "id: $id, siret: $siret, nextSegmentInfo: $n) " + SEGMENT + " }", Map.of("id", segment, "siret", t1Siret,
                "n", Map.of("transporter", Map.of("numberPlate", "EF-789-GH"), "mode", "ROAD")))).get("editSegment");
        assertEquals("EF-789-GH", edited.at("/transporter/numberPlate").asText());

        assertTrue(ok(gql("T1", "mutation($id: ID!) { markSegmentAsReadyToTakeOver(id: $id) " + SEGMENT + " }",
                Map.of("id", segment))).at("/markSegmentAsReadyToTakeOver/readyToTakeOver").asBoolean());

        String takeOver = "mutation($id: ID!, $t: TakeOverInput!) { takeOverSegment(id: $id, takeOverInfo: $t) "
                + SEGMENT + " }";
        Map<String, Object> info = Map.of("takenOverAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "takenOverBy", "Théo");
        assertEquals("FORBIDDEN", code(gql("T1", takeOver, Map.of("id", segment, "t", info))));
        assertEquals("Théo", ok(gql("T2", takeOver, Map.of("id", segment, "t", info))).at("/takeOverSegment/takenOverBy")
                .asText());
        assertEquals("BAD_USER_INPUT", code(gql("T2", takeOver, Map.of("id", segment, "t", info))));

        JsonNode form = ok(gql("T2", "query($id: ID!) { form(id: $id) { status currentTransporterSiret "
                + "transporters { id takenOverBy } transportSegments { id takenOverBy } } }", Map.of("id", id))).get("form");
        assertEquals("SENT", form.get("status").asText());
        assertEquals(WorkflowActors.values().get("T2.siret").asText(), form.get("currentTransporterSiret").asText());
        assertEquals(segment, form.at("/transporters/1/id").asText());
        assertEquals("Théo", form.at("/transportSegments/0/takenOverBy").asText());
    }
}
