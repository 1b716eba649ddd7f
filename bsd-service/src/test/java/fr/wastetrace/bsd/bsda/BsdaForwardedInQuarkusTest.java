package fr.wastetrace.bsd.bsda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A forwarded BSDA carries the destination company of the RESHIPMENT BSDA that forwards it (for its register lines'
 * postTempStorageDestination* columns), and follows it: set when the reshipment links it (BSDA8 up to that step),
 * refreshed, in a new version of the forwarded BSDA, when the reshipment's destination company changes (and only
 * then), cleared when the reshipment is deleted. Read back from the table the events are published from.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsdaForwardedInQuarkusTest extends ActsAsWorkflowActors {
    private static final String UPDATE = "mutation($id: ID!, $input: BsdaInput!) { updateBsda(id: $id, input: $input) "
            + "{ id } }";

    @Inject
    AgroalDataSource dataSource;

    /** The stored state of a BSDA (the payload of its events but version and isDeleted), with its version. */
    private JsonNode stored(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select version, data from bsda where id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), id);
                return ((ObjectNode) EventCodec.mapper().readTree(rs.getString(2)))
                        .put("version", rs.getLong(1));
            }
        }
    }

    @Test
    void theForwardedBsdaFollowsTheDestinationCompanyOfItsReshipment() throws Exception {
        Map<String, JsonNode> actors = WorkflowActors.values();
        Map<String, JsonNode> saved = WorkflowRunner.run(Workflow.read(WorkflowActors.DIRECTORY
                .resolve("bsda/S08-reexpedition.yaml")).untilSaved("r"), WorkflowActors::call, actors);
        String initial = saved.get("a1").asText();
        String reshipment = saved.get("r").asText();

        JsonNode linked = stored(initial);
        assertEquals(reshipment, linked.get("forwardedInId").asText());
        JsonNode company = linked.get("forwardedInDestinationCompany");
        assertEquals(actors.get("BSDA_D.siret").asText(), company.get("siret").asText(), company::toString);
        assertEquals("Lieu-dit La Lande 44800 Saint-Herblain", company.get("address").asText());
        assertTrue(company.get("contact").isNull() && company.get("mail").isNull(), "no contact details copied");

        String otherSiret = actors.get("BSDA_DEC.siret").asText();
        ok(gql("BSDA_TTR", UPDATE, "id", reshipment, "input", Map.of("destination", Map.of("company", Map.of(
                "siret", otherSiret, "name", actors.get("BSDA_DEC.name").asText(),
                "address", "Rue de la Déchèterie 44300 Nantes")))));
        JsonNode followed = stored(initial);
        assertEquals(otherSiret, followed.at("/forwardedInDestinationCompany/siret").asText(), followed::toString);
        assertEquals("Rue de la Déchèterie 44300 Nantes", followed.at("/forwardedInDestinationCompany/address").asText());
        assertEquals(linked.get("version").asLong() + 1, followed.get("version").asLong(), "published again");

        ok(gql("BSDA_TTR", UPDATE, "id", reshipment, "input", Map.of("destination", Map.of("cap", "CAP-AUTRE"))));
        assertEquals(followed.get("version").asLong(), stored(initial).get("version").asLong(),
                "another change of the reshipment leaves the forwarded BSDA alone");

        ok(gql("BSDA_TTR", "mutation($id: ID!) { deleteBsda(id: $id) { id } }", "id", reshipment));
        JsonNode released = stored(initial);
        assertTrue(released.get("forwardedInId").isNull(), released::toString);
        assertTrue(released.get("forwardedInDestinationCompany").isNull(), released::toString);
    }
}
