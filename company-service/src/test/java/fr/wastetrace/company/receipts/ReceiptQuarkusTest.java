package fr.wastetrace.company.receipts;

import fr.wastetrace.company.Api;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.wastetrace.company.Api.errorCode;
import static fr.wastetrace.company.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(BackingServices.class)
class ReceiptQuarkusTest {

    @Test
    void eachKindIsCreatedLinkedUpdatedAndDeleted() {
        Api.User admin = Api.newUser();
        String id = Api.createCompany(admin)[0];
        for (String kind : new String[]{"Transporter", "Trader", "Broker"}) {
            String receiptId = ok(admin, "mutation { create" + kind + "Receipt(input: {receiptNumber: \"N-1\", validityLimit: \"2030-06-30T00:00:00Z\", department: \"2A\"}) { id receiptNumber department validityLimit } }",
                    Map.of()).getString("create" + kind + "Receipt.id");
            String field = kind.toLowerCase() + "Receipt";
            String type = kind.equals("Transporter") ? "TRANSPORTER" : kind.toUpperCase();
            JsonPath linked = ok(admin, "mutation($id: String!, $r: String!) { updateCompany(id: $id, companyTypes: [" + type + "], " + field + "Id: $r) { " + field + " { id receiptNumber } } }",
                    Map.of("id", id, "r", receiptId));
            assertEquals("N-1", linked.getString("updateCompany." + field + ".receiptNumber"));
            assertEquals("N-2", ok(admin, "mutation($r: ID!) { update" + kind + "Receipt(input: {id: $r, receiptNumber: \"N-2\"}) { receiptNumber } }",
                    Map.of("r", receiptId)).getString("update" + kind + "Receipt.receiptNumber"));
            ok(admin, "mutation($r: ID!) { delete" + kind + "Receipt(input: {id: $r}) { id } }", Map.of("r", receiptId));
            assertNull(ok(admin, "{ myCompanies { edges { node { " + field + " { id } } } } }", Map.of())
                    .get("myCompanies.edges[0].node." + field));
        }
    }

    @Test
    void anUnlinkedReceiptBelongsToItsAuthor() {
        Api.User author = Api.newUser();
        String receiptId = ok(author, "mutation { createTransporterReceipt(input: {receiptNumber: \"A-1\", validityLimit: \"2030-06-30T00:00:00Z\", department: \"69\"}) { id } }",
                Map.of()).getString("createTransporterReceipt.id");
        assertEquals("FORBIDDEN", errorCode(Api.newUser(), "mutation($r: ID!) { updateTransporterReceipt(input: {id: $r, department: \"13\"}) { id } }", Map.of("r", receiptId)));
        assertEquals("BAD_USER_INPUT", errorCode(author, "mutation($r: ID!) { updateTraderReceipt(input: {id: $r, department: \"13\"}) { id } }", Map.of("r", receiptId)));
        assertEquals("BAD_USER_INPUT", errorCode(author, "mutation($r: ID!) { updateTransporterReceipt(input: {id: $r, department: \"Rhône\"}) { id } }", Map.of("r", receiptId)));
        String id = Api.createCompany(author)[0];
        assertEquals("BAD_USER_INPUT", errorCode(author, "mutation($id: String!, $r: String!) { updateCompany(id: $id, traderReceiptId: $r) { id } }",
                Map.of("id", id, "r", receiptId)));
    }

    @Test
    void vhuAgreementsAndWorkerCertifications() {
        Api.User admin = Api.newUser();
        String id = Api.createCompany(admin)[0];
        String agrement = ok(admin, "mutation { createVhuAgrement(input: {agrementNumber: \"PR 69 000001 D\", department: \"69\"}) { id } }", Map.of())
                .getString("createVhuAgrement.id");
        String certification = ok(admin, "mutation { createWorkerCertification(input: {hasSubSectionFour: true, hasSubSectionThree: false}) { id } }", Map.of())
                .getString("createWorkerCertification.id");
        JsonPath linked = ok(admin, "mutation($id: String!, $a: String!, $c: String!) { updateCompany(id: $id, companyTypes: [WASTE_VEHICLES, WORKER], wasteVehiclesTypes: [DEMOLISSEUR], vhuAgrementDemolisseurId: $a, workerCertificationId: $c) { vhuAgrementDemolisseur { agrementNumber } workerCertification { hasSubSectionFour } } }",
                Map.of("id", id, "a", agrement, "c", certification));
        assertEquals("PR 69 000001 D", linked.getString("updateCompany.vhuAgrementDemolisseur.agrementNumber"));
        assertEquals(true, linked.getBoolean("updateCompany.workerCertification.hasSubSectionFour"));
        assertEquals("69", ok(admin, "mutation($a: ID!) { updateVhuAgrement(input: {id: $a, department: \"69\"}) { department } }", Map.of("a", agrement))
                .getString("updateVhuAgrement.department"));
        assertEquals("BAD_USER_INPUT", errorCode(admin, "mutation($c: ID!) { updateWorkerCertification(input: {id: $c, hasSubSectionThree: true}) { id } }", Map.of("c", certification)));
        ok(admin, "mutation($c: ID!) { deleteWorkerCertification(input: {id: $c}) { id } }", Map.of("c", certification));
        ok(admin, "mutation($a: ID!) { deleteVhuAgrement(input: {id: $a}) { id } }", Map.of("a", agrement));
        JsonPath after = ok(admin, "{ myCompanies { edges { node { vhuAgrementDemolisseur { id } workerCertification { id } } } } }", Map.of());
        assertNull(after.get("myCompanies.edges[0].node.vhuAgrementDemolisseur"));
        assertNull(after.get("myCompanies.edges[0].node.workerCertification"));
    }
}
