package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.registry.BsddStates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static fr.wastetrace.registry.BsddStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsddLinesTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-03-03T10:00:00Z");

    @Test
    void aDraftOrASealedFormIsInNoRegister() {
        ObjectNode form = sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED);
        assertTrue(BsddLines.of("b1", form).isEmpty());
        form.put("status", "DRAFT");
        assertTrue(BsddLines.of("b1", form).isEmpty());
    }

    @Test
    void aSentFormIsInTheOutgoingManagedTransportedAndExhaustiveRegisters() {
        ObjectNode form = sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT);
        Map<RegisterType, Set<String>> registers = byRegister(BsddLines.of("b1", form));
        assertEquals(Map.of(
                RegisterType.OUTGOING, Set.of(EMITTER),
                RegisterType.MANAGED, Set.of(TRADER),
                RegisterType.TRANSPORTED, Set.of(TRANSPORTER),
                RegisterType.ALL, Set.of(EMITTER, TRADER, TRANSPORTER, DESTINATION)), registers);
    }

    @Test
    void receptionAddsTheDestinationsIncomingRegisterKeyedOnTheReceptionDate() {
        ObjectNode form = received(sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT), RECEIVED);
        List<RegisterLine> lines = BsddLines.of("b1", form);
        RegisterLine incoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING).findFirst().orElseThrow();
        assertEquals(DESTINATION, incoming.orgId());
        assertEquals(RECEIVED, incoming.sortAt());
        RegisterLine outgoing = lines.stream().filter(l -> l.register() == RegisterType.OUTGOING).findFirst().orElseThrow();
        assertEquals(SENT, outgoing.sortAt());
    }

    @Test
    void fieldsFollowTheContractNames() {
        ObjectNode form = processed(received(sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT), RECEIVED), RECEIVED);
        ObjectNode data = BsddLines.of("b1", form).get(0).data();
        assertEquals("BSD-20260301-AAAAAAAAA", data.get("id").asText());
        assertEquals("BSDD", data.get("bsdType").asText());
        assertEquals("INITIAL", data.get("bsdSubType").asText());
        assertEquals("06 05 02*", data.get("wasteCode").asText());
        assertTrue(data.get("wasteIsDangerous").asBoolean(), "a code with * is dangerous");
        assertEquals("UN 3077", data.get("wasteAdr").asText());
        assertEquals(1.5, data.get("weight").asDouble());
        assertEquals("75002", data.get("emitterCompanyPostalCode").asText());
        assertEquals("Paris", data.get("emitterCompanyCity").asText());
        assertEquals("69001", data.get("destinationCompanyPostalCode").asText());
        assertEquals("Lyon", data.get("destinationCompanyCity").asText());
        assertEquals("[\"AB-123-CD\",\"EF-456-GH\"]", data.get("transporterNumberPlates").toString());
        assertEquals(SENT.toString(), data.get("transporterTakenOverAt").asText());
        assertEquals("REC-TRADER", data.get("traderRecepisseNumber").asText());
        assertEquals(1.4, data.get("destinationReceptionWeight").asDouble());
        assertEquals("ACCEPTED", data.get("destinationReceptionAcceptationStatus").asText());
        assertEquals("R 1", data.get("destinationOperationCode").asText());
        assertEquals("VALORISATION_ENERGETIQUE", data.get("destinationOperationMode").asText());
        assertEquals("R 1", data.get("destinationPlannedOperationCode").asText());
        TreeSet<String> unknown = new TreeSet<>();
        data.fieldNames().forEachRemaining(name -> {
            if (!Columns.LABELS.containsKey(name)) {
                unknown.add(name);
            }
        });
        assertEquals(Set.of(), unknown, "every field the mapping writes is a column of AllWaste");
    }

    @Test
    void anEcoOrganismeAndIntermediariesGetTheirRegisters() {
        ObjectNode form = sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT);
        ObjectNode eco = form.putObject("ecoOrganisme");
        eco.put("name", "Eco SA");
        eco.put("siret", ECO_ORGANISME);
        form.withArray("intermediaries").add(company(INTERMEDIARY, "Bureau d'études", "9 rue Haute 31000 Toulouse"));
        Map<RegisterType, Set<String>> registers = byRegister(BsddLines.of("b1", form));
        assertEquals(Set.of(EMITTER, ECO_ORGANISME), registers.get(RegisterType.OUTGOING));
        assertEquals(Set.of(TRADER, INTERMEDIARY), registers.get(RegisterType.MANAGED));
        ObjectNode data = BsddLines.of("b1", form).get(0).data();
        assertEquals("666666666", data.get("ecoOrganismeSiren").asText());
        assertEquals(INTERMEDIARY, data.get("intermediary1CompanySiret").asText());
    }

    @Test
    void onlyTransportersThatSignedHaveItInTheirTransportedRegister() {
        ObjectNode form = sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT);
        form.withArray("transporters").add(transporter(TRANSPORTER_2, null));
        assertEquals(Set.of(TRANSPORTER), byRegister(BsddLines.of("b1", form)).get(RegisterType.TRANSPORTED));
        ((ObjectNode) form.get("transporters").get(1)).put("takenOverAt", RECEIVED.toString());
        List<RegisterLine> lines = BsddLines.of("b1", form);
        assertEquals(Set.of(TRANSPORTER, TRANSPORTER_2), byRegister(lines).get(RegisterType.TRANSPORTED));
        assertEquals(TRANSPORTER_2, lines.get(0).data().get("transporter2CompanySiret").asText());
        assertEquals(RECEIVED.toString(), lines.get(0).data().get("transporter2HandedOverSignatureDate").asText());
    }

    @Test
    void aDeletedFormLeavesEveryRegister() {
        ObjectNode form = received(sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT), RECEIVED);
        form.put("isDeleted", true);
        assertTrue(BsddLines.of("b1", form).isEmpty());
    }

    @Test
    void aTemporaryStorageGivesTheFormAndItsSuite() {
        ObjectNode form = received(sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT), RECEIVED);
        ((ObjectNode) form.get("recipient")).put("isTempStorage", true);
        ObjectNode storage = form.putObject("temporaryStorageDetail");
        ObjectNode storer = storage.putObject("temporaryStorer");
        storer.put("receivedAt", SENT.plusSeconds(3600).toString());
        storer.put("quantityReceived", 1.5);
        storage.putObject("destination").set("company", company("88888888800088", "Centre final", "1 rue Fin 44000 Nantes"));
        ObjectNode suiteTransporter = transporter(TRANSPORTER_2, "ZZ-999-ZZ");
        suiteTransporter.put("takenOverAt", SENT.plusSeconds(7200).toString());
        storage.set("transporter", suiteTransporter);
        storage.put("takenOverAt", SENT.plusSeconds(7200).toString());
        List<RegisterLine> lines = BsddLines.of("b1", form);
        Set<String> documents = lines.stream().map(RegisterLine::documentId).collect(Collectors.toSet());
        assertEquals(Set.of("BSD-20260301-AAAAAAAAA", "BSD-20260301-AAAAAAAAA-suite"), documents);
        RegisterLine storerIncoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING
                && l.documentId().equals("BSD-20260301-AAAAAAAAA")).findFirst().orElseThrow();
        assertEquals(DESTINATION, storerIncoming.orgId(), "the temporary storer receives the initial form");
        assertEquals("Centre final", storerIncoming.data().get("postTempStorageDestinationName").asText());
        RegisterLine finalIncoming = lines.stream().filter(l -> l.register() == RegisterType.INCOMING
                && l.documentId().endsWith("-suite")).findFirst().orElseThrow();
        assertEquals("88888888800088", finalIncoming.orgId());
        RegisterLine suiteOutgoing = lines.stream().filter(l -> l.register() == RegisterType.OUTGOING
                && l.documentId().endsWith("-suite")).findFirst().orElseThrow();
        assertEquals(DESTINATION, suiteOutgoing.orgId(), "the temporary storer sends the suite");
        assertEquals(EMITTER, suiteOutgoing.data().get("initialEmitterCompanySiret").asText());
        assertTrue(lines.stream().allMatch(l -> l.data().get("bsdSubType").asText().equals("TEMP_STORED")));
    }

    @Test
    void aStateWithoutReadableIdOrWithBadDatesCannotBeMapped() {
        assertThrows(UnmappableStateException.class, () -> BsddLines.of("b1", JsonNodeFactory.instance.objectNode()));
        assertThrows(UnmappableStateException.class, () -> BsddLines.of("b1", JsonNodeFactory.instance.textNode("x")));
        ObjectNode form = sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT);
        form.put("sentAt", "yesterday");
        assertThrows(UnmappableStateException.class, () -> BsddLines.of("b1", form));
    }

    @Test
    void aPrivateIndividualEmitterHasNoOutgoingRegister() {
        ObjectNode form = sent(sealed("b1", "BSD-20260301-AAAAAAAAA", CREATED), SENT);
        ObjectNode company = ((ObjectNode) form.get("emitter")).putObject("company");
        company.put("name", "Jean Dupont");
        assertFalse(byRegister(BsddLines.of("b1", form)).containsKey(RegisterType.OUTGOING));
    }

    private static Map<RegisterType, Set<String>> byRegister(List<RegisterLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(RegisterLine::register,
                Collectors.mapping(RegisterLine::orgId, Collectors.toSet())));
    }
}
