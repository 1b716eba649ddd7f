package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static fr.wastetrace.registry.BsdasriStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsdasriLinesTest {
    private static final BsdasriLines MAPPER = new BsdasriLines();
    private static final String ID = "DASRI-20260601-UNIT00001";
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");

    @Test
    void aDraftADeletedAndAnUntransportedBsdasriAreInNoRegister() {
        assertTrue(MAPPER.lines(ID, draft(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(draft(ID), TAKEN_OVER)).isEmpty());
        assertTrue(MAPPER.lines(ID, sent(initial(ID, "SIMPLE"), TAKEN_OVER).put("isDeleted", true)).isEmpty());
        ObjectNode emitted = initial(ID, "SIMPLE");
        ((ObjectNode) emitted.path("emitter").path("emission")).putObject("signature").put("date",
                TAKEN_OVER.toString());
        assertTrue(MAPPER.lines(ID, emitted).isEmpty(), "the emission alone enters no register");
    }

    @Test
    void theTransportSignatureEntersTheOutgoingTransportedManagedAndExhaustiveRegisters() {
        List<RegisterLine> lines = MAPPER.lines(ID, sent(initial(ID, "SIMPLE"), TAKEN_OVER));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(EMITTER, ECO_ORGANISME),
                RegisterType.TRANSPORTED, Set.of(TRANSPORTER),
                RegisterType.MANAGED, Set.of(TRADER, BROKER, INTERMEDIARY),
                RegisterType.ALL, Set.of(EMITTER, ECO_ORGANISME, TRANSPORTER, DESTINATION, TRADER, BROKER,
                        INTERMEDIARY)), byRegister(lines));
        assertTrue(lines.stream().allMatch(l -> l.sortAt().equals(TAKEN_OVER)), "dated by the taking over");
    }

    @Test
    void theReceptionSignatureEntersTheDestinationsIncomingRegisterDatedByTheReception() {
        List<RegisterLine> lines = MAPPER.lines(ID, received(sent(initial(ID, "SIMPLE"), TAKEN_OVER), "ACCEPTED",
                RECEIVED));
        List<RegisterLine> incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).toList();
        assertEquals(1, incoming.size());
        assertEquals(DESTINATION, incoming.get(0).orgId());
        assertEquals(RECEIVED, incoming.get(0).sortAt());
    }

    @Test
    void aRefusedBsdasriIsStillInTheIncomingRegisterOfItsDestination() {
        List<RegisterLine> lines = MAPPER.lines(ID, received(sent(initial(ID, "SIMPLE"), TAKEN_OVER), "REFUSED",
                RECEIVED));
        assertTrue(lines.stream().anyMatch(l -> l.register() == RegisterType.INCOMING));
        assertEquals("REFUSED", lines.get(0).data().get("destinationReceptionAcceptationStatus").asText());
    }

    @Test
    void theColumnsAreTheReferences() {
        ObjectNode state = processed(received(sent(initial(ID, "SIMPLE"), TAKEN_OVER), "ACCEPTED", RECEIVED), "D10",
                PROCESSED);
        ObjectNode data = MAPPER.lines(ID, state).get(0).data();
        assertEquals("BSDASRI", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals("DASRI d'origine humaine", data.get("wasteDescription").asText());
        assertEquals("UN3291", data.get("wasteAdr").asText());
        assertEquals(0.0125, data.get("weight").asDouble(), 1e-9, "the emitted weight, in tonnes");
        assertEquals(12.0, data.get("destinationReceptionWeight").asDouble(), 1e-9, "the treated weight, in tonnes");
        assertEquals("D10", data.get("destinationOperationCode").asText());
        assertEquals("D10", data.get("destinationPlannedOperationCode").asText());
        assertEquals("31000", data.get("emitterCompanyPostalCode").asText());
        assertEquals("Toulouse", data.get("emitterCompanyCity").asText());
        assertEquals("Bloc B", data.get("emitterPickupsiteName").asText());
        assertEquals("FR", data.get("emitterPickupsiteCountry").asText());
        assertEquals("DA-123-SR", data.get("transporterNumberPlates").get(0).asText());
        assertEquals("REC-1", data.get("transporterRecepisseNumber").asText());
        assertEquals("860000000", data.get("ecoOrganismeSiren").asText());
        assertEquals(INTERMEDIARY, data.get("intermediary1CompanySiret").asText());
        assertEquals(TAKEN_OVER.toString(), data.get("transporterTakenOverAt").asText());
    }

    @Test
    void aSynthesisAndAGroupingShowTheirSubTypeAndCountForThemselves() {
        assertEquals("SYNTHESIS", MAPPER.lines("S", sent(initial("S", "SYNTHESIS"), TAKEN_OVER)).get(0).data()
                .get("bsdSubType").asText());
        assertEquals("GATHERING", MAPPER.lines("G", sent(initial("G", "GROUPING"), TAKEN_OVER)).get(0).data()
                .get("bsdSubType").asText());
        assertTrue(MAPPER.lines("S", sent(initial("S", "SYNTHESIS"), TAKEN_OVER)).stream()
                .allMatch(l -> l.documentId().equals("S") && l.bsdId().equals("S")), "one document, its own id");
    }

    @Test
    void aStateThatIsNotABsdasriCannotBeMapped() {
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.textNode("x")));
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.objectNode()));
    }

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RegisterLine::register,
                Collectors.mapping(RegisterLine::orgId, Collectors.toCollection(TreeSet::new))));
    }
}
