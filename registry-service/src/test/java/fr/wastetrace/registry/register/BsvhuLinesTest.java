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

import static fr.wastetrace.registry.BsvhuStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsvhuLinesTest {
    private static final BsvhuLines MAPPER = new BsvhuLines();
    private static final String ID = "VHU-20260601-UNIT00001";
    private static final Instant SIGNED = Instant.parse("2026-06-02T08:00:00Z");
    private static final Instant TAKEN_OVER = Instant.parse("2026-06-02T09:00:00Z");
    private static final Instant SECOND_LEG = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-06-04T10:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-06-05T11:00:00Z");
    private static final Set<String> EVERYBODY_BUT_THE_SECOND_TRANSPORTER =
            Set.of(EMITTER, ECO_ORGANISME, TRANSPORTER, DESTINATION, TRADER, BROKER, INTERMEDIARY);

    @Test
    void aDraftIsInNoRegisterWhateverItCarries() {
        assertTrue(MAPPER.lines(ID, draft(ID)).isEmpty());
        ObjectNode signedDraft = processed(received(sent(draft(ID), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED);
        assertTrue(MAPPER.lines(ID, signedDraft).isEmpty());
    }

    @Test
    void neitherAnUnsignedNorAnEmitterSignedBsvhuIsInAnyRegister() {
        assertTrue(MAPPER.lines(ID, initial(ID)).isEmpty());
        assertTrue(MAPPER.lines(ID, signedByProducer(initial(ID), SIGNED)).isEmpty());
    }

    @Test
    void theFirstTransportSignatureAfterTheEmittersPutsItInTheOutgoingManagedTransportedAndExhaustiveRegisters() {
        List<RegisterLine> lines = MAPPER.lines(ID, sent(initial(ID), TAKEN_OVER));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(EMITTER, ECO_ORGANISME),
                RegisterType.MANAGED, Set.of(TRADER, BROKER, INTERMEDIARY),
                RegisterType.TRANSPORTED, Set.of(TRANSPORTER),
                RegisterType.ALL, EVERYBODY_BUT_THE_SECOND_TRANSPORTER), byRegister(lines));
        assertTrue(lines.stream().allMatch(line -> line.sortAt().equals(TAKEN_OVER)), "dated by the taking over");
        assertTrue(lines.stream().allMatch(line -> line.documentId().equals(ID)));
    }

    @Test
    void aTransportSignedWithoutTheEmittersSignatureIsInNoRegister() {
        ObjectNode bsvhu = initial(ID);
        ((ObjectNode) bsvhu.get("emitter")).put("irregularSituation", true).put("notOnTD", true);
        assertTrue(MAPPER.lines(ID, transported(bsvhu, 0, TAKEN_OVER)).isEmpty(),
                "the reference registers need the emission and the transport signatures");
    }

    @Test
    void eachTransporterOfAMultimodalTransportEntersTheRegistersOnceItSigned() {
        ObjectNode bsvhu = sent(initial(ID), TAKEN_OVER);
        ObjectNode data = MAPPER.lines(ID, bsvhu).get(0).data();
        assertEquals(TRANSPORTER_2, data.get("transporter2CompanySiret").asText(), "every transporter's columns, signed or not");
        assertEquals("RAIL", data.get("transporter2TransportMode").asText());
        assertTrue(data.get("transporter2RecepisseIsExempted").asBoolean());
        assertEquals("BE", data.get("transporter2CompanyCountry").asText());

        List<RegisterLine> lines = MAPPER.lines(ID, transported(bsvhu, 1, SECOND_LEG));
        assertEquals(Set.of(TRANSPORTER, TRANSPORTER_2), byRegister(lines).get(RegisterType.TRANSPORTED));
        assertTrue(byRegister(lines).get(RegisterType.ALL).contains(TRANSPORTER_2));
        assertTrue(lines.stream().allMatch(line -> line.sortAt().equals(TAKEN_OVER)), "still dated by the first taking over");
        assertEquals(TAKEN_OVER.toString(), lines.get(0).data().get("transporterTakenOverAt").asText());
    }

    @Test
    void receptionAloneDoesNotReachTheIncomingRegisterTheOperationSignatureDoesDatedByTheReception() {
        ObjectNode bsvhu = received(sent(initial(ID), TAKEN_OVER), "ACCEPTED", RECEIVED);
        assertFalse(byRegister(MAPPER.lines(ID, bsvhu)).containsKey(RegisterType.INCOMING));

        List<RegisterLine> lines = MAPPER.lines(ID, processed(bsvhu, PROCESSED));
        RegisterLine incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).findFirst().orElseThrow();
        assertEquals(DESTINATION, incoming.orgId());
        assertEquals(RECEIVED, incoming.sortAt());
        assertEquals(1, lines.stream().filter(l -> l.register() == RegisterType.INCOMING).count());
        assertEquals("PROCESSED", incoming.data().get("status").asText());
        assertEquals(EVERYBODY_BUT_THE_SECOND_TRANSPORTER, byRegister(lines).get(RegisterType.ALL));
    }

    @Test
    void aBsvhuRefusedAtReceptionNeverReachesTheIncomingRegister() {
        ObjectNode refused = received(sent(initial(ID), TAKEN_OVER), "REFUSED", RECEIVED);
        assertEquals("REFUSED", refused.get("status").asText());
        Map<RegisterType, Set<String>> registers = byRegister(MAPPER.lines(ID, refused));
        assertFalse(registers.containsKey(RegisterType.INCOMING));
        assertEquals(Set.of(EMITTER, ECO_ORGANISME), registers.get(RegisterType.OUTGOING), "it was sent all the same");
        assertEquals("REFUSED", MAPPER.lines(ID, refused).get(0).data().get("destinationReceptionAcceptationStatus").asText());
    }

    @Test
    void aBsvhuRefusedAtTheOperationSignatureIsInTheIncomingRegisterAsRefused() {
        ObjectNode bsvhu = sent(initial(ID), TAKEN_OVER);
        ObjectNode reception = ((ObjectNode) bsvhu.get("destination")).putObject("reception");
        reception.put("date", RECEIVED.toString());
        reception.put("acceptationStatus", "REFUSED");
        reception.put("refusalReason", "Véhicules non dépollués");
        processed(bsvhu, PROCESSED);
        assertEquals("REFUSED", bsvhu.get("status").asText());
        RegisterLine incoming = MAPPER.lines(ID, bsvhu).stream().filter(l -> l.register() == RegisterType.INCOMING)
                .findFirst().orElseThrow();
        assertEquals(DESTINATION, incoming.orgId());
        assertEquals("REFUSED", incoming.data().get("destinationReceptionAcceptationStatus").asText());
        assertEquals("REFUSED", incoming.data().get("status").asText());
    }

    @Test
    void aDeletedBsvhuLeavesEveryRegister() {
        ObjectNode bsvhu = processed(received(sent(initial(ID), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED);
        assertEquals(14, MAPPER.lines(ID, bsvhu).size(), "2 outgoing, 3 managed, 1 transported, 7 exhaustive, 1 incoming");
        bsvhu.put("isDeleted", true);
        assertTrue(MAPPER.lines(ID, bsvhu).isEmpty());
    }

    @Test
    void fieldsFollowTheReferenceColumns() {
        ObjectNode bsvhu = processed(received(sent(initial(ID), TAKEN_OVER), "ACCEPTED", RECEIVED), PROCESSED);
        ObjectNode data = MAPPER.lines(ID, bsvhu).get(0).data();
        assertEquals(ID, data.get("id").asText());
        assertEquals("BSVHU", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals("ref-casse-42", data.get("customId").asText());
        assertEquals("PROCESSED", data.get("status").asText());
        assertEquals("16 01 06", data.get("wasteCode").asText());
        assertEquals("Véhicules hors d'usage ne contenant ni liquides ni autres composants dangereux", data.get("wasteDescription").asText());
        assertTrue(data.get("wasteIsDangerous").asBoolean(), "the reference marks every BSVHU dangerous");
        assertFalse(data.get("pop").asBoolean());
        assertTrue(data.get("containsElectricOrHybridVehicles").asBoolean());
        assertEquals(2.4, data.get("weight").asDouble(), "tonnes, as the contract's weight.value");
        assertEquals("Casse Auto du Nord", data.get("emitterCompanyName").asText());
        assertEquals("59000", data.get("emitterCompanyPostalCode").asText());
        assertEquals("Lille", data.get("emitterCompanyCity").asText());
        assertEquals("casse@11111111100011.example", data.get("emitterCompanyMail").asText());
        assertFalse(data.get("emitterCompanyIrregularSituation").asBoolean());
        assertEquals("Eco VHU", data.get("ecoOrganismeName").asText());
        assertEquals("666666666", data.get("ecoOrganismeSiren").asText());
        assertEquals("REC-TRADER", data.get("traderRecepisseNumber").asText());
        assertEquals("courtage@77777777700077.example", data.get("brokerCompanyMail").asText());
        assertEquals(INTERMEDIARY, data.get("intermediary1CompanySiret").asText());
        assertEquals(TRANSPORTER, data.get("transporterCompanySiret").asText());
        assertEquals("REC-VHU-1", data.get("transporterRecepisseNumber").asText());
        assertEquals("ROAD", data.get("transporterTransportMode").asText());
        assertEquals("[\"AB-123-CD\",\"EF-456-GH\"]", data.get("transporterNumberPlates").toString());
        assertEquals(TAKEN_OVER.toString(), data.get("transporterTakenOverAt").asText());
        assertEquals("69001", data.get("destinationCompanyPostalCode").asText());
        assertEquals("Lyon", data.get("destinationCompanyCity").asText());
        assertEquals("R 4", data.get("destinationPlannedOperationCode").asText());
        assertEquals(RECEIVED.toString(), data.get("destinationReceptionDate").asText());
        assertEquals(2.35, data.get("destinationReceptionWeight").asDouble());
        assertEquals("ACCEPTED", data.get("destinationReceptionAcceptationStatus").asText());
        assertEquals("R 4", data.get("destinationOperationCode").asText());
        assertEquals("RECYCLAGE", data.get("destinationOperationMode").asText());
        assertEquals(PROCESSED.toString(), data.get("destinationOperationDate").asText());
        assertFalse(data.get("destinationOperationNoTraceability").asBoolean());
        assertFalse(data.has("transporterHandedOverSignatureDate"), "the reference leaves it empty for a BSVHU");
        Set<String> written = new TreeSet<>();
        data.fieldNames().forEachRemaining(written::add);
        written.removeAll(Columns.LABELS.keySet());
        assertEquals(Set.of(), written, "every field the mapping writes is a column of AllWaste");
    }

    @Test
    void theOtherWasteCodeHasItsOwnDescription() {
        ObjectNode bsvhu = sent(initial(ID), TAKEN_OVER).put("wasteCode", "16 01 04*");
        assertEquals("Véhicules hors d’usage non dépollués par un centre agréé",
                MAPPER.lines(ID, bsvhu).get(0).data().get("wasteDescription").asText());
    }

    @Test
    void aPrivateIndividualEmitterHasNoOutgoingLineButItsEcoOrganismeHas() {
        ObjectNode bsvhu = initial(ID);
        ObjectNode emitter = (ObjectNode) bsvhu.get("emitter");
        emitter.put("noSiret", true);
        emitter.putObject("company").put("name", "Jean Dupont").put("address", "1 rue Basse 59000 Lille");
        assertEquals(Set.of(ECO_ORGANISME), byRegister(MAPPER.lines(ID, sent(bsvhu, TAKEN_OVER))).get(RegisterType.OUTGOING));
    }

    @Test
    void aStateWithoutIdOrWithBadDatesCannotBeMapped() {
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.objectNode()));
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, JsonNodeFactory.instance.textNode("x")));
        ObjectNode bsvhu = sent(initial(ID), TAKEN_OVER);
        ((ObjectNode) bsvhu.get("transporters").get(0).get("transport")).put("takenOverAt", "yesterday");
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, bsvhu));
        ObjectNode badWeight = initial(ID);
        ((ObjectNode) badWeight.get("weight")).put("value", "heavy");
        assertThrows(UnmappableStateException.class, () -> MAPPER.lines(ID, badWeight));
    }

    @Test
    void theMappingAnswersForTheBsvhuEvents() {
        assertEquals(new RegisterMapper.BsdEvents("bsvhu", "bsvhu.upserted", "bsvhu.deleted"), MAPPER.events());
    }

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RegisterLine::register,
                Collectors.mapping(RegisterLine::orgId, Collectors.toSet())));
    }
}
