package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsdaStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.wastetrace.registry.BsdaStates.*;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BSDAs through the real topic, database and GraphQL contract: {@code bsda.*} events published as bsd-service would,
 * read back from the registers of the emitter, the worker, the transporters and the destination; then deleted.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsdaRegistersQuarkusTest {
    private static final Instant TAKEN_OVER = Instant.parse("2026-09-14T07:30:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-09-15T13:45:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-09-16T08:10:00Z");

    @Inject
    RegistryFixture fixture;

    @Test
    void aProcessedBsdaIsInTheRegistersOfItsCompaniesThenLeavesThemWhenDeleted() throws Exception {
        String user = "u-bsda-" + UUID.randomUUID().toString().substring(0, 8);
        long suffix = System.nanoTime() % 1_000_000_000L;
        Map<String, String> sirets = Map.of(EMITTER, "81" + String.format("%012d", suffix),
                WORKER, "82" + String.format("%012d", suffix), CARRIER, "83" + String.format("%012d", suffix),
                CARRIER2, "84" + String.format("%012d", suffix), DESTINATION, "85" + String.format("%012d", suffix));
        String id = "BSDA-" + UUID.randomUUID();
        String json = BsdaStates.initial(id).toString();
        for (Map.Entry<String, String> s : sirets.entrySet()) {
            fixture.company("company-" + s.getValue(), s.getValue(), 1, Map.of(user, UserRole.ADMIN));
            json = json.replace(s.getKey(), s.getValue());
        }
        ObjectNode bsda = (ObjectNode) EventCodec.mapper().readTree(json);
        fixture.publish(upserted(bsda, 1, Instant.now()));
        fixture.publish(upserted(sent(bsda, TAKEN_OVER), 2, Instant.now()));
        fixture.publish(upserted(processed(bsda, RECEIVED, PROCESSED), 3, Instant.now()));
        fixture.awaitApplied(id, 3);

        graphql(user, "query($s: [String!]!) { incomingWastes(sirets: $s) { totalCount edges { node { id bsdType "
                + "wasteCode wasteDescription destinationReceptionWeight destinationOperationCode emitterCompanySiret "
                + "workerCompanySiret transporterCompanySiret destinationReceptionDate } } } }",
                Map.of("s", List.of(sirets.get(DESTINATION))))
                .body("errors", nullValue())
                .body("data.incomingWastes.totalCount", is(1))
                .body("data.incomingWastes.edges[0].node.id", is(id))
                .body("data.incomingWastes.edges[0].node.bsdType", is("BSDA"))
                .body("data.incomingWastes.edges[0].node.wasteCode", is("17 06 05*"))
                .body("data.incomingWastes.edges[0].node.wasteDescription", is("Plaques fibres-ciment"))
                .body("data.incomingWastes.edges[0].node.destinationReceptionWeight", is(1.75f))
                .body("data.incomingWastes.edges[0].node.destinationOperationCode", is("D 5"))
                .body("data.incomingWastes.edges[0].node.emitterCompanySiret", is(sirets.get(EMITTER)))
                .body("data.incomingWastes.edges[0].node.transporterCompanySiret", is(sirets.get(CARRIER)))
                .body("data.incomingWastes.edges[0].node.destinationReceptionDate", is(RECEIVED.toString()));
        graphql(user, "query($s: [String!]!) { outgoingWastes(sirets: $s) { totalCount edges { node { id weight "
                + "transporterTakenOverAt } } } }", Map.of("s", List.of(sirets.get(WORKER))))
                .body("data.outgoingWastes.totalCount", is(1))
                .body("data.outgoingWastes.edges[0].node.weight", is(1.8f))
                .body("data.outgoingWastes.edges[0].node.transporterTakenOverAt", is(TAKEN_OVER.toString()));
        graphql(user, "query($s: [String!]!) { transportedWastes(sirets: $s) { totalCount edges { node { id "
                + "transporterNumberPlates } } } }", Map.of("s", List.of(sirets.get(CARRIER))))
                .body("data.transportedWastes.totalCount", is(1))
                .body("data.transportedWastes.edges[0].node.transporterNumberPlates", is(List.of("AM-123-IA")));
        graphql(user, "query($s: [String!]!) { allWastes(sirets: $s) { totalCount } }",
                Map.of("s", List.of(sirets.get(CARRIER2))))
                .body("data.allWastes.totalCount", is(1));
        assertEquals(10, fixture.snapshot(id).size(),
                "2 outgoing, 2 transported, 5 exhaustive, 1 incoming");

        fixture.publish(deleted(bsda, 4, Instant.now()));
        fixture.awaitApplied(id, 4);
        assertEquals(List.of(), fixture.snapshot(id));
    }
}
