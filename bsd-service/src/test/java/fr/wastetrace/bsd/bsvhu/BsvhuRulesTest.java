package fr.wastetrace.bsd.bsvhu;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSVHU's required fields per signature step and the fields each signature seals (reference rules.ts). */
class BsvhuRulesTest {
    private static final String COMPLETE = """
            {"status": "INITIAL",
             "emitter": {"agrementNumber": "A1", "irregularSituation": false, "noSiret": false, "notOnTD": false,
               "company": {"siret": "75000000000000", "name": "VHU", "address": "1 rue", "contact": "Jean",
                           "phone": "01", "mail": "vhu@x.fr"}},
             "wasteCode": "16 01 06", "packaging": "UNITE",
             "identification": {"numbers": ["AB-123-CD"], "type": "NUMERO_ORDRE_REGISTRE_POLICE"},
             "quantity": 1, "weight": {"value": 1.2, "isEstimate": false},
             "destination": {"type": "BROYEUR", "plannedOperationCode": "R 4",
               "company": {"siret": "76000000000009", "name": "BR", "address": "2 rue", "contact": "Tom",
                           "phone": "04", "mail": "br@x.fr"}},
             "transporters": [{"id": "t1", "company": {"siret": "20000000000030", "name": "T1", "address": "3 rue",
                 "contact": "Thomas", "phone": "06", "mail": "t1@x.fr"},
               "recepisse": {"number": "R", "department": "75", "validityLimit": "2030-01-01T00:00:00Z"},
               "transport": {"mode": "ROAD", "plates": ["AA-123-BB"]}}]}""";

    private static Bsvhu complete() throws Exception {
        return EventCodec.mapper().readValue(COMPLETE, Bsvhu.class);
    }

    private static List<String> missing(Bsvhu b, String step) {
        JsonNode state = EventCodec.mapper().valueToTree(b);
        return BsvhuRules.RULES.missing(new BsvhuRules.Context(b, false), state, step).stream()
                .map(EditionRules.Missing::path).toList();
    }

    @Test
    void aCompleteBsvhuMeetsEmissionAndTransport() throws Exception {
        Bsvhu b = complete();
        assertEquals(List.of(), missing(b, "EMISSION"));
        assertEquals(List.of(), missing(b, "TRANSPORT"));
        BsvhuTransporter t = b.transporters.get(0);
        assertEquals(List.of(), BsvhuRules.TRANSPORTER_RULES.missing(t, EventCodec.mapper().valueToTree(t), "TRANSPORT"));
    }

    @Test
    void emissionNeedsTheWasteTheVehiclesAndTheDestination() throws Exception {
        Bsvhu b = complete();
        b.wasteCode = null;
        b.identification.type = null;
        b.destination.company.mail = null;
        assertEquals(List.of("destination.company.mail", "wasteCode", "identification.type"), missing(b, "EMISSION"));
    }

    @Test
    void anIrregularEmitterWithoutSiretNeedsNoSiretContactPhoneNorMail() throws Exception {
        Bsvhu b = complete();
        b.emitter.irregularSituation = true;
        b.emitter.noSiret = true;
        b.emitter.company.siret = null;
        b.emitter.company.contact = null;
        b.emitter.company.phone = null;
        b.emitter.company.mail = null;
        assertEquals(List.of(), missing(b, "EMISSION"));
    }

    @Test
    void receptionNeedsAcceptanceWeightDateAndAReasonForARefusal() throws Exception {
        Bsvhu b = complete();
        assertEquals(List.of("destination.reception.acceptationStatus", "destination.reception.weight",
                "destination.reception.date"), missing(b, "RECEPTION"));
        b.destination.reception = new fr.wastetrace.bsd.bsvhu.model.BsvhuReception();
        b.destination.reception.acceptationStatus = WasteAcceptationStatus.PARTIALLY_REFUSED;
        b.destination.reception.weight = 1.0;
        b.destination.reception.date = java.time.Instant.now();
        assertEquals(List.of("destination.reception.refusalReason"), missing(b, "RECEPTION"));
    }

    @Test
    void operationNeedsCodeAndDateUnlessRefused() throws Exception {
        Bsvhu b = complete();
        b.destination.reception = new fr.wastetrace.bsd.bsvhu.model.BsvhuReception();
        b.destination.reception.acceptationStatus = WasteAcceptationStatus.ACCEPTED;
        b.destination.reception.weight = 1.0;
        assertEquals(List.of("destination.operation.code", "destination.operation.date"), missing(b, "OPERATION"));
        b.destination.reception.acceptationStatus = WasteAcceptationStatus.REFUSED;
        b.destination.reception.refusalReason = "non dépollués";
        assertEquals(List.of(), missing(b, "OPERATION"));
    }

    @Test
    void aRoadTransporterNeedsItsPlatesAndReceiptUnlessExempted() throws Exception {
        BsvhuTransporter t = complete().transporters.get(0);
        t.transport.plates = null;
        t.recepisse = null;
        assertEquals(List.of("recepisse.number", "recepisse.department", "recepisse.validityLimit", "transport.plates"),
                BsvhuRules.TRANSPORTER_RULES.missing(t, EventCodec.mapper().valueToTree(t), "TRANSPORT").stream()
                        .map(EditionRules.Missing::path).toList());
        t.recepisse = new fr.wastetrace.bsd.bsvhu.model.BsvhuRecepisse();
        t.recepisse.isExempted = true;
        t.transport.plates = List.of("AA");
        assertTrue(BsvhuRules.TRANSPORTER_RULES.missing(t, EventCodec.mapper().valueToTree(t), "TRANSPORT").isEmpty());
    }

    @Test
    void emissionSealsTheEmitterFrameForOthersButNotForTheEmitterUntilTransport() throws Exception {
        Bsvhu b = complete();
        List<String> forOthers = BsvhuRules.RULES.sealedPaths(new BsvhuRules.Context(b, false), List.of("EMISSION"));
        List<String> forEmitter = BsvhuRules.RULES.sealedPaths(new BsvhuRules.Context(b, true), List.of("EMISSION"));
        assertTrue(forOthers.contains("quantity"));
        assertFalse(forEmitter.contains("quantity"));
        assertFalse(forOthers.contains("destination.company.siret"), "the destination is sealed by the transport");
        assertTrue(BsvhuRules.RULES.sealedPaths(new BsvhuRules.Context(b, true), List.of("EMISSION", "TRANSPORT"))
                .containsAll(List.of("quantity", "destination.company.siret")));
        assertThrows(ApiException.BadUserInput.class, () -> BsvhuRules.RULES.checkNotSealed(
                new BsvhuRules.Context(b, false), List.of("EMISSION"), Set.of("weight.value"), ""));
        assertDoesNotThrow(() -> BsvhuRules.RULES.checkNotSealed(new BsvhuRules.Context(b, false), List.of("EMISSION"),
                Set.of("destination.reception.weight"), ""));
        assertThrows(ApiException.BadUserInput.class, () -> BsvhuRules.RULES.checkNotSealed(
                new BsvhuRules.Context(b, false), List.of("EMISSION", "TRANSPORT", "RECEPTION"),
                Set.of("destination.reception.weight"), ""));
    }

    @Test
    void formatsRefuseAWasteCodeOutsideVehicles() throws Exception {
        Bsvhu b = complete();
        b.wasteCode = "06 05 02*";
        assertFalse(BsvhuRules.formats(b).isEmpty());
        assertTrue(BsvhuRules.formats(complete()).isEmpty());
    }
}
