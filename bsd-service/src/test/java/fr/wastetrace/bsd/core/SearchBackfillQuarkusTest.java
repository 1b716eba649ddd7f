package fr.wastetrace.bsd.core;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.core.search.SearchBackfill;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSDs written before {@code bsd_search} existed (simulated by removing their rows) are put back by the backfill, with
 * the same state as the live projection wrote; a deleted BSD stays out, and a second run has nothing to do.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class SearchBackfillQuarkusTest extends ActsAsWorkflowActors {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SearchBackfill backfill;

    private String run(String file) {
        return WorkflowRunner.run(Workflow.read(WorkflowActors.DIRECTORY.resolve(file)), WorkflowActors::call,
                WorkflowActors.values()).get("id").asText();
    }

    private Optional<JsonNode> row(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select bsd_type, status, state from bsd_search where id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(EventCodec.mapper().createObjectNode().put("bsdType", rs.getString(1))
                        .put("status", rs.getString(2)).set("state", EventCodec.mapper().readTree(rs.getString(3))));
            }
        }
    }

    /** The row with its state's timestamps rounded to the microsecond, as the database keeps them (the live event has nanos). */
    private static JsonNode micros(JsonNode row) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = row.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("state");
        for (String field : new String[]{"createdAt", "updatedAt"}) {
            if (state.hasNonNull(field)) {
                state.put(field, java.time.Instant.parse(state.get(field).asText()).plusNanos(500)
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
            }
        }
        return copy;
    }

    private void forget(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from bsd_search where id = ?")) {
            delete.setString(1, id);
            assertEquals(1, delete.executeUpdate(), id + " was indexed live");
        }
    }

    @Test
    void theBsdsMissingFromTheSearchAreIndexedAgainAsTheLiveProjectionDidAndOnlyOnce() throws Exception {
        String form = run("bsdd/S01-direct-route.yaml");
        String vhu = run("bsvhu/S01-vhu-vers-broyeur.yaml");
        JsonNode formLive = row(form).orElseThrow();
        JsonNode vhuLive = row(vhu).orElseThrow();
        String draft = ok(gql("VHU", "mutation($i: BsvhuInput!) { createDraftBsvhu(input: $i) { id } }", "i",
                EventCodec.mapper().createObjectNode().set("emitter", EventCodec.mapper().createObjectNode()
                        .set("company", EventCodec.mapper().createObjectNode()
                                .put("siret", WorkflowActors.values().get("VHU.siret").asText())))))
                .at("/createDraftBsvhu/id").asText();
        ok(gql("VHU", "mutation($id: ID!) { deleteBsvhu(id: $id) { id } }", "id", draft));
        assertTrue(row(draft).isEmpty(), "a deleted BSD has no row");

        forget(form);
        forget(vhu);
        assertTrue(backfill.run() >= 2);
        assertEquals(micros(formLive), micros(row(form).orElseThrow()), "the BSDD as the live projection wrote it");
        assertEquals(micros(vhuLive), micros(row(vhu).orElseThrow()), "the BSVHU as the live projection wrote it");
        assertTrue(row(draft).isEmpty(), "the deleted draft stays out");
        assertEquals(0, backfill.run(), "nothing left to do");
    }
}
