package fr.wastetrace.registry.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.registry.BsdasriStates;
import fr.wastetrace.registry.RegistryFixture;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.wastetrace.registry.BsdasriStates.*;
import static fr.wastetrace.registry.RegistryFixture.graphql;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * BSDASRIs through the real topic, database and GraphQL contract: {@code bsdasri.*} events published as bsd-service
 * would, read back from the five registers; a synthesis beside the BSDASRIs it carries, each counted once.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class BsdasriRegistersQuarkusTest {
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");

    @Inject
    RegistryFixture fixture;

    @Test
    void aProcessedBsdasriIsInTheRegistersOfEachOfItsCompaniesWithTheReferenceColumns() {
        String user = "u-dasri-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = parties(user);
        String id = "DASRI-" + UUID.randomUUID();
        ObjectNode dasri = withParties(BsdasriStates.initial(id, "SIMPLE"), ids);
        fixture.publish(upserted(dasri, 1, Instant.now()));
        fixture.publish(upserted(sent(dasri, TAKEN_OVER), 2, Instant.now()));
        fixture.publish(upserted(received(dasri, "ACCEPTED", RECEIVED), 3, Instant.now()));
        fixture.publish(upserted(processed(dasri, "D10", PROCESSED), 4, Instant.now()));
        fixture.awaitApplied(id, 4);

        String node = "id bsdType bsdSubType status wasteCode wasteDescription weight emitterCompanySiret "
                + "transporterCompanySiret destinationCompanySiret destinationReceptionWeight destinationOperationCode";
        graphql(user, "query($s: [String!]!) { incomingWastes(sirets: $s) { totalCount edges { node { " + node
                + " destinationReceptionDate } } } }", Map.of("s", List.of(ids.get(DESTINATION))))
                .body("errors", nullValue())
                .body("data.incomingWastes.totalCount", is(1))
                .body("data.incomingWastes.edges[0].node.id", is(id))
                .body("data.incomingWastes.edges[0].node.bsdType", is("BSDASRI"))
                .body("data.incomingWastes.edges[0].node.bsdSubType", is("INITIAL"))
                .body("data.incomingWastes.edges[0].node.status", is("PROCESSED"))
                .body("data.incomingWastes.edges[0].node.wasteCode", is("18 01 03*"))
                .body("data.incomingWastes.edges[0].node.wasteDescription", is("DASRI d'origine humaine"))
                .body("data.incomingWastes.edges[0].node.weight", is(0.0125f))
                .body("data.incomingWastes.edges[0].node.destinationReceptionWeight", is(12.0f))
                .body("data.incomingWastes.edges[0].node.destinationOperationCode", is("D10"))
                .body("data.incomingWastes.edges[0].node.emitterCompanySiret", is(ids.get(EMITTER)))
                .body("data.incomingWastes.edges[0].node.destinationReceptionDate", is(RECEIVED.toString()));
        for (Map.Entry<String, List<String>> register : Map.of(
                "outgoingWastes", List.of(EMITTER, ECO_ORGANISME),
                "transportedWastes", List.of(TRANSPORTER),
                "managedWastes", List.of(TRADER, BROKER, INTERMEDIARY),
                "allWastes", List.of(EMITTER, ECO_ORGANISME, TRANSPORTER, DESTINATION, TRADER, BROKER,
                        INTERMEDIARY)).entrySet()) {
            for (String org : register.getValue()) {
                graphql(user, "query($s: [String!]!) { " + register.getKey() + "(sirets: $s) { totalCount edges { "
                        + "node { id transporterCompanySiret } } } }", Map.of("s", List.of(ids.get(org))))
                        .body("errors", nullValue())
                        .body("data." + register.getKey() + ".totalCount", is(1))
                        .body("data." + register.getKey() + ".edges[0].node.id", is(id))
                        .body("data." + register.getKey() + ".edges[0].node.transporterCompanySiret",
                                is(ids.get(TRANSPORTER)));
            }
        }
    }

    @Test
    void aSynthesisAndTheBsdasrisItCarriesAreEachOneLineOfTheDestinationsIncomingRegister() {
        String user = "u-dasri-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = parties(user);
        String child = "DASRI-" + UUID.randomUUID();
        String synthesis = "DASRI-" + UUID.randomUUID();
        ObjectNode c = received(sent(withParties(BsdasriStates.initial(child, "SIMPLE"), ids), TAKEN_OVER),
                "ACCEPTED", RECEIVED).put("synthesizedInId", synthesis);
        ObjectNode s = received(sent(withParties(BsdasriStates.initial(synthesis, "SYNTHESIS"), ids), TAKEN_OVER),
                "ACCEPTED", RECEIVED);
        fixture.publish(upserted(c, 1, Instant.now()));
        fixture.publish(upserted(s, 1, Instant.now()));
        fixture.awaitApplied(child, 1);
        fixture.awaitApplied(synthesis, 1);
        graphql(user, "query($s: [String!]!) { incomingWastes(sirets: $s) { totalCount edges { node { id bsdSubType } "
                + "} } }", Map.of("s", List.of(ids.get(DESTINATION))))
                .body("errors", nullValue())
                .body("data.incomingWastes.totalCount", is(2));
    }

    private Map<String, String> parties(String user) {
        Map<String, String> ids = new HashMap<>();
        for (String org : List.of(EMITTER, TRANSPORTER, DESTINATION, ECO_ORGANISME, TRADER, BROKER, INTERMEDIARY)) {
            String orgId = "9" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            ids.put(org, orgId);
            fixture.company("company-" + orgId, orgId, 1, Map.of(user, UserRole.ADMIN));
        }
        return ids;
    }

    private static ObjectNode withParties(ObjectNode state, Map<String, String> ids) {
        String json = state.toString();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            json = json.replace(e.getKey(), e.getValue());
        }
        try {
            return (ObjectNode) EventCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
