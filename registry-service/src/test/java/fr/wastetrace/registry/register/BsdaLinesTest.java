package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.wastetrace.registry.BsdaStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDA's register lines (reference bsda/registry.ts in the parent of commit 8d6182bc00). */
class BsdaLinesTest {
    private static final BsdaLines MAPPER = new BsdaLines();
    private static final String ID = "BSDA-20260601-UNIT00001";
    private static final Instant TAKEN_OVER = Instant.parse("2026-09-14T07:30:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-09-15T13:45:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-09-16T08:10:00Z");

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RegisterLine::register,
                Collectors.mapping(RegisterLine::orgId, Collectors.toSet())));
    }

    @Test
    void aDraftADeletedAndAnUntransportedBsdaAreInNoRegister() {
        assertTrue(MAPPER.lines(ID, initial(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER).put("isDraft", true)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER).put("isDeleted", true)).isEmpty());
    }

    @Test
    void theFirstTransportPutsItInTheOutgoingRegistersOfEmitterAndWorkerAndEachSignedTransporterInItsOwn() {
        List<RegisterLine> lines = MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(EMITTER, WORKER),
                RegisterType.TRANSPORTED, Set.of(CARRIER, CARRIER2),
                RegisterType.ALL, Set.of(EMITTER, WORKER, CARRIER, CARRIER2, DESTINATION)), byRegister(lines));
        assertTrue(lines.stream().allMatch(line -> line.sortAt().equals(TAKEN_OVER)), "dated by the taking over");
    }

    @Test
    void theSignedOperationPutsItInTheIncomingRegisterDatedByTheReceptionWithTheColumnsOfABsda() {
        List<RegisterLine> lines = MAPPER.lines(ID, processed(sent(initial(ID), TAKEN_OVER), RECEIVED, PROCESSED));
        RegisterLine incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).findFirst()
                .orElseThrow();
        assertEquals(DESTINATION, incoming.orgId());
        assertEquals(RECEIVED, incoming.sortAt());
        ObjectNode data = incoming.data();
        assertEquals("BSDA", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals("Plaques fibres-ciment", data.get("wasteDescription").asText());
        assertEquals("UN 2590", data.get("wasteAdr").asText());
        assertEquals(1.8, data.get("weight").asDouble());
        assertEquals(1.5, data.get("destinationReceptionAcceptedWeight").asDouble(), 1e-9);
        assertEquals(0.25, data.get("destinationReceptionRefusedWeight").asDouble());
        assertEquals(WORKER, data.get("workerCompanySiret").asText());
        assertEquals("44300", data.get("workerCompanyPostalCode").asText());
        assertEquals("Chantier école", data.get("emitterPickupsiteName").asText());
        assertEquals(CARRIER2, data.get("transporter2CompanySiret").asText());
        assertEquals("CAP-1", data.get("destinationCap").asText());
        assertEquals("D 5", data.get("destinationOperationCode").asText());
    }

    @Test
    void aCollectionCentreBsdaWithoutTransporterIsOnlyInTheIncomingRegister() {
        ObjectNode b = initial(ID).put("type", "COLLECTION_2710");
        b.putArray("transporters");
        b.remove("transporter");
        List<RegisterLine> lines = MAPPER.lines(ID, processed(b, RECEIVED, PROCESSED));
        assertEquals(Map.of(RegisterType.INCOMING, Set.of(DESTINATION)), byRegister(lines));
        assertEquals("COLLECTION_2710", lines.get(0).data().get("bsdSubType").asText());
    }

    @Test
    void aWasteDeclaredNotSubjectToAdrSaysSo() {
        ObjectNode b = sent(initial(ID), TAKEN_OVER);
        ((ObjectNode) b.get("waste")).put("isSubjectToADR", false);
        assertEquals("Déclaré non soumis à l'ADR", MAPPER.lines(ID, b).get(0).data().get("wasteAdr").asText());
    }
    @Test
    void aForwardedBsdaShowsTheDestinationOfItsReshipmentAfterTemporaryStorage() {
        ObjectNode state = processed(sent(initial(ID), TAKEN_OVER), RECEIVED, PROCESSED);
        state.put("status", "AWAITING_CHILD");
        ((ObjectNode) state.at("/destination/operation")).put("code", "R 13");
        state.put("forwardedInId", "BSDA-20260601-RESHIP001");
        state.putObject("forwardedInDestinationCompany").put("name", "Stockage final").put("siret", "12345678900011")
                .put("orgId", "12345678900011").put("address", "Route des Carrières 49100 Angers");
        List<RegisterLine> lines = MAPPER.lines(ID, state);
        for (RegisterLine line : lines) {
            ObjectNode data = line.data();
            assertEquals("Stockage final", data.get("postTempStorageDestinationName").asText(), line.toString());
            assertEquals("12345678900011", data.get("postTempStorageDestinationSiret").asText());
            assertEquals("Route des Carrières 49100 Angers", data.get("postTempStorageDestinationAddress").asText());
            assertEquals("49100", data.get("postTempStorageDestinationPostalCode").asText());
            assertEquals("Angers", data.get("postTempStorageDestinationCity").asText());
            assertEquals("FR", data.get("postTempStorageDestinationCountry").asText());
        }
        assertTrue(lines.stream().anyMatch(l -> l.register() == RegisterType.OUTGOING && l.orgId().equals(EMITTER)));
        assertTrue(lines.stream().anyMatch(l -> l.register() == RegisterType.ALL && l.orgId().equals(DESTINATION)));
        assertTrue(Columns.of(RegisterType.OUTGOING).contains("postTempStorageDestinationSiret"));
        assertTrue(Columns.of(RegisterType.ALL).contains("postTempStorageDestinationSiret"));
        assertFalse(Columns.of(RegisterType.INCOMING).contains("postTempStorageDestinationSiret"),
                "the reference fills them in the outgoing and exhaustive registers only");
    }

    @Test
    void aBsdaForwardedByAReshipmentWithoutDestinationYetShowsOnlyTheCountry() {
        ObjectNode state = sent(initial(ID), TAKEN_OVER).put("forwardedInId", "BSDA-20260601-RESHIP001");
        state.putNull("forwardedInDestinationCompany");
        ObjectNode data = MAPPER.lines(ID, state).get(0).data();
        assertEquals("FR", data.get("postTempStorageDestinationCountry").asText());
        for (String field : List.of("Name", "Siret", "Address", "PostalCode", "City")) {
            assertFalse(data.has("postTempStorageDestination" + field), field);
        }
    }

    @Test
    void aBsdaNobodyForwardsHasNoPostTemporaryStorageDestination() {
        ObjectNode state = sent(initial(ID), TAKEN_OVER);
        state.putNull("forwardedInId");
        state.putObject("forwardedInDestinationCompany").put("siret", "12345678900011");
        List<RegisterLine> lines = MAPPER.lines(ID, state);
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().noneMatch(l -> l.data().has("postTempStorageDestinationSiret")
                || l.data().has("postTempStorageDestinationCountry")), "a released BSDA shows no reshipment destination");
    }

    @Test
    void theFinalTreatmentsReachedDownstreamFillTheFinalOperationColumns() {
        ObjectNode state = processed(sent(initial(ID), TAKEN_OVER), RECEIVED, PROCESSED);
        state.putArray("finalOperations").addObject().put("operationCode", "D 5").put("quantity", 1.75)
                .put("finalBsdId", "BSDA-20260601-FINAL0001").put("destinationCompanySiret", DESTINATION);
        RegisterLine outgoing = MAPPER.lines(ID, state).stream().filter(l -> l.register() == RegisterType.OUTGOING)
                .findFirst().orElseThrow();
        assertEquals("[\"D 5\"]", outgoing.data().get("destinationFinalOperationCodes").toString());
        assertEquals("[1.75]", outgoing.data().get("destinationFinalOperationWeights").toString());
        assertEquals("[\"" + DESTINATION + "\"]",
                outgoing.data().get("destinationFinalOperationCompanySirets").toString());
        ObjectNode none = processed(sent(initial(ID), TAKEN_OVER), RECEIVED, PROCESSED);
        assertTrue(MAPPER.lines(ID, none).stream().noneMatch(l -> l.data().has("destinationFinalOperationCodes")));
    }
}
