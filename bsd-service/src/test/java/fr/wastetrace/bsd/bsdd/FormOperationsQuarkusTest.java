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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDD operations the documented workflows do not walk through. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class FormOperationsQuarkusTest extends ActsAsWorkflowActors {
    private static final String CREATE = "mutation($input: CreateFormInput!) { createForm(createFormInput: $input) "
            + "{ id readableId status customId transporter { id } transporters { id numberPlate } wasteDetails { code name } } }";


    private static ObjectNode form() {
        return (ObjectNode) WorkflowActors.directRouteForm();
    }

    @Test
    void transportersAreCreatedAttachedUpdatedAndDeleted() {
        String t1 = ok(gql("P", "mutation($i: TransporterInput!) { createFormTransporter(input: $i) { id receipt } }",
                "i", form().get("transporter"))).at("/createFormTransporter/id").asText();
        ObjectNode second = form().get("transporter").deepCopy();
        ((ObjectNode) second).put("mode", "RAIL");
        String t2 = ok(gql("P", "mutation($i: TransporterInput!) { createFormTransporter(input: $i) { id } }", "i", second))
                .at("/createFormTransporter/id").asText();
        ObjectNode input = form();
        input.remove("transporter");
        input.putArray("transporters").add(t1).add(t2);
        JsonNode created = ok(gql("P", CREATE, "input", input)).get("createForm");
        assertEquals(t1, created.at("/transporter/id").asText());
        assertEquals(t2, created.at("/transporters/1/id").asText());

        JsonNode updated = ok(gql("P", "mutation($id: ID!, $i: TransporterInput!) { updateFormTransporter(id: $id, input: $i) "
                + "{ numberPlate } }", "id", t2, "i", EventCodec.mapper().createObjectNode().put("numberPlate", "TRAIN-12")));
        assertEquals("TRAIN-12", updated.at("/updateFormTransporter/numberPlate").asText());
        assertEquals(t2, ok(gql("P", "mutation($id: ID!) { deleteFormTransporter(id: $id) }", "id", t2))
                .at("/deleteFormTransporter").asText());
        JsonNode after = ok(gql("P", "query($id: ID!) { form(id: $id) { transporters { id } } }", "id",
                created.get("id").asText()));
        assertEquals(1, after.at("/form/transporters").size());

        ObjectNode both = form();
        both.putArray("transporters").add(t1);
        assertEquals("BAD_USER_INPUT", code(gql("P", CREATE, "input", both)));
    }

    @Test
    void updatingADraftChangesOnlyTheGivenFields() {
        String id = ok(gql("P", CREATE, "input", form())).at("/createForm/id").asText();
        ObjectNode change = EventCodec.mapper().createObjectNode().put("id", id);
        change.putObject("wasteDetails").put("code", "06 05 03");
        JsonNode updated = ok(gql("P", "mutation($u: UpdateFormInput!) { updateForm(updateFormInput: $u) "
                + "{ wasteDetails { code name isDangerous } emitter { company { siret } } } }", "u", change)).get("updateForm");
        assertEquals("06 05 03", updated.at("/wasteDetails/code").asText());
        assertEquals("Boues", updated.at("/wasteDetails/name").asText());
        assertEquals("10000000000040", updated.at("/emitter/company/siret").asText());
    }

    @Test
    void duplicateStartsANewDraftWithoutSignaturesNorQuantity() {
        JsonNode source = ok(gql("P", CREATE, "input", form())).get("createForm");
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", source.get("id").asText()));
        JsonNode copy = ok(gql("P", "mutation($id: ID!) { duplicateForm(id: $id) { id status isDuplicateOf "
                + "wasteDetails { quantity code } transporters { id numberPlate } } }", "id", source.get("id").asText()))
                .get("duplicateForm");
        assertEquals("DRAFT", copy.get("status").asText());
        assertEquals(source.get("readableId").asText(), copy.get("isDuplicateOf").asText());
        assertEquals(0.0, copy.at("/wasteDetails/quantity").asDouble());
        assertEquals("06 05 02*", copy.at("/wasteDetails/code").asText());
        assertEquals(1, copy.get("transporters").size());
        assertTrue(copy.at("/transporters/0/numberPlate").isNull());
    }

    @Test
    void theFirstTransporterSetsItsPlateBeforeTakingTheWasteOver() {
        String id = ok(gql("P", CREATE, "input", form())).at("/createForm/id").asText();
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));
        String query = "mutation($id: ID!, $p: String) { updateTransporterFields(id: $id, transporterNumberPlate: $p) "
                + "{ transporter { numberPlate } stateSummary { transporterNumberPlate } } }";
        assertEquals("FORBIDDEN", code(gql("P", query, "id", id, "p", "AB-123-CD")));
        JsonNode updated = ok(gql("T1driver", query, "id", id, "p", "AB-123-CD")).get("updateTransporterFields");
        assertEquals("AB-123-CD", updated.at("/transporter/numberPlate").asText());
        assertEquals("AB-123-CD", updated.at("/stateSummary/transporterNumberPlate").asText());
    }

    @Test
    void deprecatedSaveFormAndSignedByTransporterStillWork() {
        ObjectNode input = form();
        String id = ok(gql("P", "mutation($f: FormInput!) { saveForm(formInput: $f) { id status } }", "f", input))
                .at("/saveForm/id").asText();
        ObjectNode update = EventCodec.mapper().createObjectNode().put("id", id).put("customId", "SAVED-1");
        assertEquals("SAVED-1", ok(gql("P", "mutation($f: FormInput!) { saveForm(formInput: $f) { customId } }", "f", update))
                .at("/saveForm/customId").asText());
        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", id));
        ObjectNode signing = EventCodec.mapper().createObjectNode().put("signedByTransporter", true).put("securityCode", 4321)
                .put("sentAt", Instant.now().toString()).put("sentBy", "Thomas").put("signedByProducer", true).put("quantity", 1);
        JsonNode sent = ok(gql("T1", "mutation($id: ID!, $s: TransporterSignatureFormInput!) { signedByTransporter(id: $id, "
                + "signingInfo: $s) { status emittedAt takenOverAt signedByTransporter } }", "id", id, "s", signing))
                .get("signedByTransporter");
        assertEquals("SENT", sent.get("status").asText());
        assertTrue(sent.get("signedByTransporter").asBoolean());
    }

    @Test
    void formsFiltersAndPages() {
        String customId = "PAGE-" + UUID.randomUUID();
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ObjectNode input = form().put("customId", customId);
            ids[i] = ok(gql("P", CREATE, "input", input)).at("/createForm/id").asText();
        }
        String list = "query($s: String, $c: String, $first: Int, $after: ID) { forms(siret: $s, customId: $c, first: $first, "
                + "cursorAfter: $after) { id } }";
        JsonNode firstPage = ok(gql("P", list, "s", "10000000000040", "c", customId, "first", 2)).get("forms");
        assertEquals(ids[2], firstPage.get(0).get("id").asText(), "newest first");
        assertEquals(ids[1], firstPage.get(1).get("id").asText());
        JsonNode next = ok(gql("P", list, "s", "10000000000040", "c", customId, "first", 2, "after", ids[1])).get("forms");
        assertEquals(1, next.size());
        assertEquals(ids[0], next.get(0).get("id").asText());
        assertEquals("BAD_USER_INPUT", code(gql("P", list, "s", "10000000000040", "c", customId, "first", 0)));
        assertEquals("BAD_USER_INPUT", code(gql("P", "{ forms(first: 1, last: 1) { id } }")));

        ok(gql("P", "mutation($id: ID!) { markAsSealed(id: $id) { status } }", "id", ids[0]));
        String byStatus = "query($c: String) { forms(siret: \"10000000000040\", customId: $c, status: [SEALED]) { id } }";
        JsonNode sealed = ok(gql("P", byStatus, "c", customId)).get("forms");
        assertEquals(1, sealed.size());
        String nextStep = "query($c: String) { forms(siret: \"20000000000030\", customId: $c, hasNextStep: true) { id } }";
        assertEquals(0, ok(gql("T1", nextStep, "c", customId)).get("forms").size(), "nothing for T1 before the emission");
        String asTransporter = "query($c: String) { forms(siret: \"20000000000030\", customId: $c, roles: [TRANSPORTER]) { id } }";
        assertEquals(1, ok(gql("T1", asTransporter, "c", customId)).get("forms").size(), "drafts stay hidden from T1");
    }
}
