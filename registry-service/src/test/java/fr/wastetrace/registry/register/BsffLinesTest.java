package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.registry.BsffStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsffLinesTest {
    private static final BsffLines MAPPER = new BsffLines();
    private static final String ID = "FF-20260601-UNIT00001";
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant SECOND_LEG = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        Map<RegisterType, Set<String>> map = new EnumMap<>(RegisterType.class);
        lines.forEach(l -> map.computeIfAbsent(l.register(), r -> new LinkedHashSet<>()).add(l.orgId()));
        return map;
    }

    @Test
    void aDraftAnUnsignedOrAnEmitterSignedBsffIsInNoRegister() {
        assertTrue(MAPPER.lines(ID, draft(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(draft(ID), TAKEN_OVER)).isEmpty());
        assertTrue(MAPPER.lines(ID, initial(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, signedByEmitter(initial(ID), TAKEN_OVER)).isEmpty());
    }

    @Test
    void theFirstTransportPutsItInTheOutgoingRegistersOfTheEmitterAndOfTheHolders() {
        List<RegisterLine> lines = MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(EMITTER, DETENTEUR),
                RegisterType.TRANSPORTED, Set.of(TRANSPORTER),
                RegisterType.ALL, Set.of(EMITTER, DETENTEUR, TRANSPORTER, DESTINATION)), byRegister(lines));
        assertTrue(lines.stream().allMatch(l -> l.sortAt().equals(TAKEN_OVER)));
        assertTrue(lines.stream().allMatch(l -> l.documentId().equals(ID)), "one document per BSFF");
    }

    @Test
    void theSecondTransporterJoinsOnceItSigned() {
        List<RegisterLine> lines = MAPPER.lines(ID, transported(sent(initial(ID), TAKEN_OVER), 1, SECOND_LEG));
        assertEquals(Set.of(TRANSPORTER, TRANSPORTER_2), byRegister(lines).get(RegisterType.TRANSPORTED));
    }

    @Test
    void theReceptionPutsItInTheDestinationsIncomingRegisterDatedByTheReception() {
        List<RegisterLine> lines = MAPPER.lines(ID, received(sent(initial(ID), TAKEN_OVER), RECEIVED));
        List<RegisterLine> incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).toList();
        assertEquals(1, incoming.size());
        assertEquals(DESTINATION, incoming.get(0).orgId());
        assertEquals(RECEIVED, incoming.get(0).sortAt());
        assertTrue(!incoming.get(0).data().has("destinationReceptionWeight"), "no container answered yet");
    }

    @Test
    void theReceptionColumnsCombineTheContainers() {
        ObjectNode bsff = received(sent(initial(ID), TAKEN_OVER), RECEIVED);
        answered(bsff, 0, true, 2400, RECEIVED, "RECEIVED");
        answered(bsff, 1, false, 0, RECEIVED, "PARTIALLY_REFUSED");
        operated(bsff, 0, "R2", "RECYCLAGE", PROCESSED, "PROCESSED");
        ObjectNode data = MAPPER.lines(ID, bsff).get(0).data();
        assertEquals(2.4, data.get("destinationReceptionWeight").asDouble(), "accepted weights summed, in tonnes");
        assertEquals("PARTIALLY_REFUSED", data.get("destinationReceptionAcceptationStatus").asText());
        assertEquals("R2", data.get("destinationOperationCode").asText());
        assertEquals("RECYCLAGE", data.get("destinationOperationMode").asText());
        assertEquals(PROCESSED.toString(), data.get("destinationOperationDate").asText());
        assertEquals(4.5, data.get("weight").asDouble(), "the declared weight, in tonnes");
        assertEquals("BSFF", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals(DETENTEUR, MAPPER.lines(ID, bsff).stream().filter(l -> l.register() == RegisterType.OUTGOING)
                .map(RegisterLine::orgId).filter(DETENTEUR::equals).findFirst().orElseThrow());
    }

    @Test
    void aSingleAcceptedContainerGivesItsWasteDescription() {
        ObjectNode bsff = received(sent(initial(ID), TAKEN_OVER), RECEIVED);
        ((com.fasterxml.jackson.databind.node.ArrayNode) bsff.get("packagings")).remove(1);
        answered(bsff, 0, true, 2400, RECEIVED, "ACCEPTED");
        assertEquals("R404A récupéré", MAPPER.lines(ID, bsff).get(0).data().get("wasteDescription").asText());
    }

    @Test
    void followUpsAreSubTyped() {
        assertEquals("RESHIPMENT", MAPPER.lines(ID, sent(initial(ID).put("type", "REEXPEDITION"), TAKEN_OVER)).get(0)
                .data().get("bsdSubType").asText());
        assertEquals("GROUPEMENT", MAPPER.lines(ID, sent(initial(ID).put("type", "GROUPEMENT"), TAKEN_OVER)).get(0)
                .data().get("bsdSubType").asText());
    }

    @Test
    void aStateWithoutIdCannotBeMapped() {
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, initial(ID).without("id")));
    }
    @Test
    void theFinalTreatmentsOfItsContainersFillTheFinalOperationColumnsInTonnes() {
        ObjectNode bsff = received(sent(initial(ID), TAKEN_OVER), RECEIVED);
        answered(bsff, 0, true, 2400, RECEIVED, "RECEIVED");
        operated(bsff, 0, "R12", "REUTILISATION", PROCESSED, "INTERMEDIATELY_PROCESSED");
        ((ObjectNode) bsff.get("packagings").get(0)).putArray("finalOperations").addObject()
                .put("operationCode", "R2").put("quantity", 2400).put("finalBsdId", "FF-20260610-FINAL0001")
                .put("destinationCompanySiret", "55555555500555");
        ObjectNode data = MAPPER.lines(ID, bsff).stream().filter(l -> l.register() == RegisterType.OUTGOING)
                .findFirst().orElseThrow().data();
        assertEquals("[\"R2\"]", data.get("destinationFinalOperationCodes").toString());
        assertEquals("[2.4]", data.get("destinationFinalOperationWeights").toString(), "kilograms shown in tonnes");
        assertEquals("[\"55555555500555\"]", data.get("destinationFinalOperationCompanySirets").toString());
    }
}
