package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BspaohStates;
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

import static fr.wastetrace.registry.BspaohStates.*;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BSPAOHs through the real topic, database and GraphQL contract: {@code bspaoh.*} events published as bsd-service
 * would, read back from the registers of the producer, the transporter and the crematorium; then deleted.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BspaohRegistersQuarkusTest {
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-03T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-04T11:00:00Z");

    @Inject
    RegistryFixture fixture;

    @Test
    void aCrematedBspaohIsInTheRegistersOfItsThreeCompaniesThenLeavesThemWhenDeleted() throws Exception {
        String user = "u-paoh-" + UUID.randomUUID().toString().substring(0, 8);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String producer = "91" + String.format("%012d", Long.parseLong(suffix));
        String carrier = "92" + String.format("%012d", Long.parseLong(suffix));
        String crematorium = "93" + String.format("%012d", Long.parseLong(suffix));
        for (String orgId : List.of(producer, carrier, crematorium)) {
            fixture.company("company-" + orgId, orgId, 1, Map.of(user, UserRole.ADMIN));
        }
        String id = "PAOH-" + UUID.randomUUID();
        String json = BspaohStates.initial(id).toString().replace(PRODUCER, producer).replace(CARRIER, carrier)
                .replace(CREMATORIUM, crematorium);
        ObjectNode bspaoh = (ObjectNode) EventCodec.mapper().readTree(json);
        fixture.publish(upserted(bspaoh, 1, Instant.now()));
        fixture.publish(upserted(sent(bspaoh, TAKEN_OVER), 2, Instant.now()));
        fixture.publish(upserted(processed(received(bspaoh, "ACCEPTED", RECEIVED), PROCESSED), 3, Instant.now()));
        fixture.awaitApplied(id, 3);

        graphql(user, "query($s: [String!]!) { incomingWastes(sirets: $s) { totalCount edges { node { id bsdType "
                + "wasteCode weight destinationReceptionWeight destinationOperationCode destinationOperationMode "
                + "emitterCompanySiret transporterCompanySiret destinationReceptionDate } } } }",
                Map.of("s", List.of(crematorium)))
                .body("errors", nullValue())
                .body("data.incomingWastes.totalCount", is(1))
                .body("data.incomingWastes.edges[0].node.id", is(id))
                .body("data.incomingWastes.edges[0].node.bsdType", is("BSPAOH"))
                .body("data.incomingWastes.edges[0].node.wasteCode", is("18 01 02"))
                .body("data.incomingWastes.edges[0].node.destinationReceptionWeight", is(0.0128f))
                .body("data.incomingWastes.edges[0].node.destinationOperationCode", is("R 1"))
                .body("data.incomingWastes.edges[0].node.destinationOperationMode", is("ELIMINATION"))
                .body("data.incomingWastes.edges[0].node.emitterCompanySiret", is(producer))
                .body("data.incomingWastes.edges[0].node.destinationReceptionDate", is(RECEIVED.toString()));
        graphql(user, "query($s: [String!]!) { outgoingWastes(sirets: $s) { totalCount edges { node { id weight "
                + "transporterTakenOverAt } } } }", Map.of("s", List.of(producer)))
                .body("data.outgoingWastes.totalCount", is(1))
                .body("data.outgoingWastes.edges[0].node.weight", is(0.0125f))
                .body("data.outgoingWastes.edges[0].node.transporterTakenOverAt", is(TAKEN_OVER.toString()));
        graphql(user, "query($s: [String!]!) { transportedWastes(sirets: $s) { totalCount edges { node { id "
                + "transporterNumberPlates } } } }", Map.of("s", List.of(carrier)))
                .body("data.transportedWastes.totalCount", is(1))
                .body("data.transportedWastes.edges[0].node.transporterNumberPlates", is(List.of("PA-123-OH")));
        graphql(user, "query($s: [String!]!) { allWastes(sirets: $s) { totalCount } }",
                Map.of("s", List.of(crematorium)))
                .body("data.allWastes.totalCount", is(1));
        assertEquals(6, fixture.snapshot(id).size(), "1 outgoing, 1 transported, 3 exhaustive, 1 incoming");

        fixture.publish(deleted(bspaoh, 4, Instant.now()));
        fixture.awaitApplied(id, 4);
        assertEquals(List.of(), fixture.snapshot(id));
    }
}
