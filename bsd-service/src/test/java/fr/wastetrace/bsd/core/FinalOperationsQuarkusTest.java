package fr.wastetrace.bsd.core;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.workflow.ActsAsWorkflowActors;
import fr.wastetrace.bsd.workflow.WorkflowActors;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.workflow.Workflow;
import fr.wastetrace.testing.workflow.WorkflowRunner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The final treatment reached downstream is recorded on every BSD of the chain that led to it (reference
 * operationHook), in the stored state the events carry to the registers: after the grouping and reshipment workflows
 * of the BSDA (BSDA3, BSDA8), after a revised operation code (BSDA6) and the grouping of the BSFF (FF3), read
 * back from the tables.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class FinalOperationsQuarkusTest extends ActsAsWorkflowActors {
    @Inject
    AgroalDataSource dataSource;

    private Map<String, JsonNode> run(String file) {
        return WorkflowRunner.run(Workflow.read(WorkflowActors.DIRECTORY.resolve(file)), WorkflowActors::call,
                WorkflowActors.values());
    }

    private JsonNode data(String table, String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select data from " + table + " where id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), table + " " + id);
                return EventCodec.mapper().readTree(rs.getString(1));
            }
        }
    }

    @Test
    void aGroupedBsdaRecordsTheTreatmentOfItsGroupingForItsOwnWeight() throws Exception {
        Map<String, JsonNode> saved = run("bsda/S03-groupement.yaml");
        String grouping = saved.get("g").asText();
        String destination = WorkflowActors.values().get("BSDA_D.siret").asText();
        JsonNode own = data("bsda", grouping).get("finalOperations");
        assertEquals(1, own.size(), own.toString());
        assertEquals("D 5", own.get(0).get("operationCode").asText());
        assertEquals(1.1, own.get(0).get("quantity").asDouble(), "the grouping's received weight");
        assertEquals(grouping, own.get(0).get("finalBsdId").asText());
        assertEquals(destination, own.get(0).get("destinationCompanySiret").asText());
        for (String initial : new String[]{saved.get("a1").asText(), saved.get("a2").asText()}) {
            JsonNode state = data("bsda", initial);
            JsonNode finals = state.get("finalOperations");
            assertEquals(1, finals.size(), initial + " " + finals);
            assertEquals("D 5", finals.get(0).get("operationCode").asText());
            assertEquals(grouping, finals.get(0).get("finalBsdId").asText());
            assertEquals(destination, finals.get(0).get("destinationCompanySiret").asText());
            assertEquals(state.at("/destination/reception/weight").asDouble(),
                    finals.get(0).get("quantity").asDouble(), "a grouped BSDA counts its own received weight");
        }
    }

    @Test
    void aForwardedBsdaRecordsTheTreatmentOfItsReshipmentForTheWeightTheReshipmentReceived() throws Exception {
        Map<String, JsonNode> saved = run("bsda/S08-reexpedition.yaml");
        String reshipment = saved.get("r").asText();
        JsonNode initial = data("bsda", saved.get("a1").asText());
        JsonNode finals = initial.get("finalOperations");
        assertEquals(1, finals.size(), finals.toString());
        assertEquals("D 5", finals.get(0).get("operationCode").asText());
        assertEquals(reshipment, finals.get(0).get("finalBsdId").asText());
        assertEquals(0.5, finals.get(0).get("quantity").asDouble(), "the reshipment's received weight, not the 0.55 "
                + "the transit site received");
    }

    @Test
    void aTreatmentRevisedToACodeThatIsNotFinalIsNoLongerRecorded() throws Exception {
        Map<String, JsonNode> saved = run("bsda/S06-revision.yaml");
        JsonNode revised = data("bsda", saved.get("b").asText());
        assertEquals("AWAITING_CHILD", revised.get("status").asText());
        assertEquals("R 13", revised.at("/destination/operation/code").asText());
        assertEquals(0, revised.get("finalOperations").size(), "the D 5 recorded at the operation signature was "
                + "revised into R 13, which is not a final treatment: " + revised.get("finalOperations"));
    }

    @Test
    void theContainersOfAnInitialBsffRecordTheFinalTreatmentOfTheGroupingThatTookThemOver() throws Exception {
        Map<String, JsonNode> saved = run("bsff/S03-groupement.yaml");
        String grouping = saved.get("id2").asText();
        JsonNode initial = data("bsff", saved.get("id").asText());
        assertEquals("PROCESSED", initial.get("status").asText());
        for (JsonNode p : initial.get("packagings")) {
            JsonNode finals = p.get("finalOperations");
            assertEquals(1, finals.size(), p.toString());
            assertEquals("R2", finals.get(0).get("operationCode").asText());
            assertEquals(grouping, finals.get(0).get("finalBsdId").asText());
            assertEquals(WorkflowActors.values().get("BSFF_D.siret").asText(),
                    finals.get(0).get("destinationCompanySiret").asText());
            assertEquals(p.at("/acceptation/weight").asDouble(), finals.get(0).get("quantity").asDouble());
        }
        JsonNode own = data("bsff", grouping).at("/packagings/0/finalOperations");
        assertEquals(grouping, own.get(0).get("finalBsdId").asText(), "the grouping's own containers too");
    }
}
