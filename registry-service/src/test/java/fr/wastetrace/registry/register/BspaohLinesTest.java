package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.wastetrace.registry.BspaohStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSPAOH's register lines (reference bspaoh/registry.ts in the parent of commit 8d6182bc00). */
class BspaohLinesTest {
    private static final BspaohLines MAPPER = new BspaohLines();
    private static final String ID = "PAOH-20260601-UNIT00001";
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant HANDED_OVER = Instant.parse("2026-06-02T15:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-03T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-04T11:00:00Z");

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RegisterLine::register,
                Collectors.mapping(RegisterLine::orgId, Collectors.toSet())));
    }

    @Test
    void aDraftADeletedAndAnUnsentBspaohAreInNoRegister() {
        assertTrue(MAPPER.lines(ID, initial(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, processed(received(sent(initial(ID), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED)
                .put("isDraft", true)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER).put("isDeleted", true)).isEmpty());
    }

    @Test
    void theTransportSignatureAfterTheProducersPutsItInTheOutgoingTransportedAndExhaustiveRegisters() {
        List<RegisterLine> lines = MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(PRODUCER),
                RegisterType.TRANSPORTED, Set.of(CARRIER),
                RegisterType.ALL, Set.of(PRODUCER, CARRIER, CREMATORIUM)), byRegister(lines));
        assertTrue(lines.stream().allMatch(line -> line.sortAt().equals(TAKEN_OVER)), "dated by the taking over");
    }

    @Test
    void theSignedReceptionPutsItInTheCrematoriumsIncomingRegisterEvenRefused() {
        List<RegisterLine> lines = MAPPER.lines(ID, received(sent(initial(ID), TAKEN_OVER), "REFUSED", RECEIVED));
        List<RegisterLine> incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).toList();
        assertEquals(1, incoming.size());
        assertEquals(CREMATORIUM, incoming.get(0).orgId());
        assertEquals(RECEIVED, incoming.get(0).sortAt());
        assertTrue(lines.stream().noneMatch(l -> l.register() == RegisterType.MANAGED), "no trader, broker nor intermediary");
    }

    @Test
    void theLineCarriesTheReferenceColumns() {
        ObjectNode state = processed(received(delivered(sent(initial(ID), TAKEN_OVER), HANDED_OVER), "ACCEPTED",
                RECEIVED), PROCESSED);
        ObjectNode data = MAPPER.lines(ID, state).get(0).data();
        assertEquals("BSPAOH", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals("PROCESSED", data.get("status").asText());
        assertEquals("18 01 02", data.get("wasteCode").asText());
        assertEquals("Pièces anatomiques d'origine humaine", data.get("wasteDescription").asText());
        assertEquals("non soumis", data.get("wasteAdr").asText());
        assertTrue(data.get("wasteIsDangerous").asBoolean());
        assertEquals(0.0125, data.get("weight").asDouble(), 1e-9, "12.5 kg in tonnes");
        assertEquals(0.0128, data.get("destinationReceptionWeight").asDouble(), 1e-9);
        assertEquals("ACCEPTED", data.get("destinationReceptionAcceptationStatus").asText());
        assertEquals("R 1", data.get("destinationOperationCode").asText());
        assertEquals("R 1", data.get("destinationPlannedOperationCode").asText());
        assertEquals("ELIMINATION", data.get("destinationOperationMode").asText());
        assertEquals(HANDED_OVER.toString(), data.get("transporterHandedOverSignatureDate").asText());
        assertEquals(TAKEN_OVER.toString(), data.get("transporterTakenOverAt").asText());
        assertEquals(List.of("PA-123-OH"), List.of(data.get("transporterNumberPlates").get(0).asText()));
        assertEquals(1, data.get("transporterNumberPlates").size(), "blank plates dropped");
        assertEquals("REC-T-2026", data.get("transporterRecepisseNumber").asText());
        assertEquals("Bloc B", data.get("emitterPickupsiteName").asText());
        assertEquals("69008", data.get("emitterPickupsitePostalCode").asText());
        assertEquals("FR", data.get("emitterPickupsiteCountry").asText());
        assertEquals("Villeurbanne", data.get("destinationCompanyCity").asText());
        assertEquals(PRODUCER, data.get("emitterCompanySiret").asText());
    }

    @Test
    void foetusesAreDescribedAsSuch() {
        ObjectNode state = sent(initial(ID), TAKEN_OVER);
        ((ObjectNode) state.get("waste")).put("type", "FOETUS");
        assertEquals("Foetus", MAPPER.lines(ID, state).get(0).data().get("wasteDescription").asText());
    }

    @Test
    void aStateWithoutIdCannotGiveLines() {
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.objectNode()));
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.textNode("x")));
    }
}
