package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Temporary storage beyond the workflows: the deprecated ways out (markAsResent, signedByTransporter on a resealed
 * BSDD), and removing the suite with {@code temporaryStorageDetail: null} in an update.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class DeprecatedTemporaryStorageQuarkusTest extends ActsAsWorkflowActors {
    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String VIEW = "{ status temporaryStorageDetail { emittedBy signedBy takenOverBy "
            + "transporter { company { siret } takenOverBy } } transporters { takenOverBy } }";


    private static JsonNode gql(String user, String query, Map<String, Object> variables) {
        return WorkflowActors.call(user, query, EventCodec.mapper().valueToTree(variables));
    }

    private static String value(String name) {
        return WorkflowActors.values().get(name).asText();
    }

    private static Map<String, Object> company(String actor, String contact) {
        return Map.of("siret", value(actor + ".siret"), "name", value(actor + ".name"), "address",
                "5 rue du Dépôt 69100 Villeurbanne", "contact", contact, "phone", "0472000000",
                "mail", contact.toLowerCase() + "@wastetrace.test");
    }

    /** A draft BSDD from P to the temporary storer TTR, with D as the destination after it. */
    private static String draftThroughTempStorage() {
        ObjectNode form = (ObjectNode) WorkflowActors.directRouteForm();
        JsonNode destination = form.get("recipient").deepCopy();
        ObjectNode recipient = EventCodec.mapper().valueToTree(Map.of("company", company("TTR", "Tristan"),
                "processingOperation", "D 13", "cap", "CAP-TTR-1", "isTempStorage", true));
        form.set("recipient", recipient);
        form.set("temporaryStorageDetail", EventCodec.mapper().createObjectNode().set("destination", destination));
        return ok(gql("P", "mutation($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                Map.of("i", form))).at("/createForm/id").asText();
    }

    /** A BSDD from P to the temporary storer TTR, then D, accepted at TTR. */
    private static String acceptedAtTempStorage() {
        String id = draftThroughTempStorage();
        ok(gql("P", "mutation($id: ID!, $e: SignEmissionFormInput!) { markAsSealed(id: $id) { status } "
                        + "signEmissionForm(id: $id, input: $e) { status } }",
                Map.of("id", id, "e", Map.of("quantity", 1, "emittedAt", NOW, "emittedBy", "Isabelle G."))));
        ok(gql("T1", "mutation($id: ID!, $t: SignTransportFormInput!) { signTransportForm(id: $id, input: $t) { status } }",
                Map.of("id", id, "t", Map.of("takenOverAt", NOW, "takenOverBy", "Thomas",
                        "transporterNumberPlate", "AA-123-BB", "transporterTransportMode", "ROAD"))));
        assertEquals("TEMP_STORER_ACCEPTED", ok(gql("TTR", "mutation($id: ID!, $i: TempStoredFormInput!) { "
                + "markAsTempStored(id: $id, tempStoredInfos: $i) { status } }", Map.of("id", id, "i", Map.of(
                "wasteAcceptationStatus", "ACCEPTED", "receivedBy", "Tristan", "receivedAt", NOW, "signedAt", NOW,
                "quantityReceived", 1, "quantityRefused", 0, "quantityType", "REAL")))).at("/markAsTempStored/status").asText());
        return id;
    }

    private static Map<String, Object> onwardTransporter() {
        return Map.of("company", company("T2", "Theo"), "mode", "ROAD", "numberPlate", "CC-456-DD");
    }

    @Test
    void anUpdateWithTemporaryStorageDetailNullRemovesTheSuiteAndLeavingItOutKeepsIt() {
        String id = draftThroughTempStorage();
        String view = "{ recipient { isTempStorage } temporaryStorageDetail { destination { company { siret } } } }";
        String update = "mutation($i: UpdateFormInput!) { updateForm(updateFormInput: $i) " + view + " }";
        JsonNode kept = ok(gql("P", update, Map.of("i", Map.of("id", id, "customId", "gardé")))).get("updateForm");
        assertEquals(value("D.siret"), kept.at("/temporaryStorageDetail/destination/company/siret").asText(),
                "a field left out changes nothing");

        java.util.Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("id", id);
        cleared.put("temporaryStorageDetail", null);
        JsonNode removed = ok(gql("P", update, Map.of("i", cleared))).get("updateForm");
        assertTrue(removed.get("temporaryStorageDetail").isNull(), removed.toString());
        assertTrue(removed.at("/recipient/isTempStorage").asBoolean(), "the flag stays");

        JsonNode restarted = ok(gql("P", update, Map.of("i", Map.of("id", id, "customId", "vide")))).get("updateForm");
        assertTrue(restarted.at("/temporaryStorageDetail/destination").isNull(),
                "a later update starts an empty suite, the removed destination does not come back: " + restarted);
    }

    @Test
    void markAsResentCompletesAndSignsTheSuiteAtOnce() {
        String id = acceptedAtTempStorage();
        JsonNode resent = ok(gql("TTR", "mutation($id: ID!, $i: ResentFormInput!) { markAsResent(id: $id, resentInfos: $i) "
                + VIEW + " }", Map.of("id", id, "i", Map.of("transporter", onwardTransporter(), "signedBy", "Tristan",
                "signedAt", NOW)))).get("markAsResent");
        assertEquals("RESENT", resent.get("status").asText());
        assertEquals("Tristan", resent.at("/temporaryStorageDetail/emittedBy").asText());
        assertEquals("Tristan", resent.at("/temporaryStorageDetail/signedBy").asText());
        assertEquals(value("T2.siret"), resent.at("/temporaryStorageDetail/transporter/company/siret").asText());
    }

    @Test
    void signedByTransporterOnAResealedFormSignsTheSuiteWithTheTempStorersCode() {
        String id = acceptedAtTempStorage();
        ok(gql("TTR", "mutation($id: ID!, $i: ResealedFormInput!) { markAsResealed(id: $id, resealedInfos: $i) { status } }",
                Map.of("id", id, "i", Map.of("transporter", onwardTransporter()))));
        String sign = "mutation($id: ID!, $s: TransporterSignatureFormInput!) { signedByTransporter(id: $id, "
                + "signingInfo: $s) " + VIEW + " }";
        Map<String, Object> signing = Map.of("signedByTransporter", true, "signedByProducer", true, "securityCode",
                WorkflowActors.values().get("TTR.securityCode").asInt(), "sentAt", NOW, "sentBy", "Théo", "quantity", 1);
        assertEquals("FORBIDDEN", gql("T1", sign, Map.of("id", id, "s", signing)).at("/errors/0/extensions/code").asText(),
                "the first transporter is not the onward one");
        JsonNode signed = ok(gql("T2", sign, Map.of("id", id, "s", signing))).get("signedByTransporter");
        assertEquals("RESENT", signed.get("status").asText());
        assertEquals("Théo", signed.at("/temporaryStorageDetail/takenOverBy").asText());
        assertEquals("Théo", signed.at("/temporaryStorageDetail/transporter/takenOverBy").asText());
        assertEquals("Thomas", signed.at("/transporters/0/takenOverBy").asText(), "the first leg is unchanged");
    }
}
