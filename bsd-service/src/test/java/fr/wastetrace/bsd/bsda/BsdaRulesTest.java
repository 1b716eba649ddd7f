package fr.wastetrace.bsd.bsda;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaDestination;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWaste;
import fr.wastetrace.bsd.bsda.model.BsdaPackagingType;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDA's edition rules (reference validation/rules.ts) and the checks that hold at every step. */
class BsdaRulesTest {

    private static Bsda empty(BsdaType type) {
        Bsda b = new Bsda();
        b.type = type;
        b.status = BsdaStatus.INITIAL;
        BsdaDocuments.normalize(b);
        return b;
    }

    private static List<String> missing(Bsda b, String step) {
        JsonNode state = EventCodec.mapper().valueToTree(b);
        return BsdaRules.RULES.missing(new BsdaRules.Context(b), state, step).stream()
                .map(EditionRules.Missing::path).toList();
    }

    @Test
    void withAWorkerTheWasteDetailsAreRequiredByTheWorkSignature() {
        Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
        List<String> emission = missing(b, "EMISSION");
        assertTrue(emission.containsAll(List.of("emitter.company.name", "emitter.company.siret",
                "destination.company.siret", "destination.cap", "waste.code", "worker.company.siret")),
                emission.toString());
        assertFalse(emission.contains("packagings"), "the worker gives the packagings");
        assertTrue(missing(b, "WORK").containsAll(List.of("packagings", "weight.value", "waste.familyCode")));
    }

    @Test
    void withoutAWorkerTheEmissionRequiresTheWasteDetailsAndNoWorker() {
        Bsda b = empty(BsdaType.GATHERING);
        List<String> emission = missing(b, "EMISSION");
        assertTrue(emission.containsAll(List.of("packagings", "weight.value", "waste.materialName")),
                emission.toString());
        assertFalse(emission.contains("worker.company.siret"));
    }

    @Test
    void aPrivateIndividualNeedsNoSiretNorContact() {
        Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
        b.emitter.isPrivateIndividual = true;
        List<String> emission = missing(b, "EMISSION");
        assertFalse(emission.contains("emitter.company.siret"));
        assertFalse(emission.contains("emitter.company.contact"));
        assertTrue(emission.contains("emitter.company.name"));
    }

    @Test
    void theCollectionCentreNeedsNoCap() {
        assertFalse(missing(empty(BsdaType.COLLECTION_2710), "EMISSION").contains("destination.cap"));
    }

    @Test
    void aSealedFieldCannotChangeAndTheErrorNamesIt() {
        Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
        BsdaRules.Context notEmitter = new BsdaRules.Context(b, false, false);
        ApiException e = assertThrows(ApiException.class, () -> BsdaRules.RULES.checkNotSealed(notEmitter,
                List.of("EMISSION"), Set.of("waste.code"), ""));
        assertTrue(e.getMessage().contains("Le code déchet"), e.getMessage());
        BsdaRules.RULES.checkNotSealed(new BsdaRules.Context(b, true, false), List.of("EMISSION"),
                Set.of("waste.code"), "");
        BsdaRules.RULES.checkNotSealed(notEmitter, List.of("EMISSION"), Set.of("packagings"), "");
        assertThrows(ApiException.class, () -> BsdaRules.RULES.checkNotSealed(notEmitter, List.of("EMISSION", "WORK"),
                Set.of("packagings"), ""));
    }

    @Test
    void sealedPathsGrowWithTheSignatures() {
        Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
        BsdaRules.Context c = new BsdaRules.Context(b);
        List<String> afterEmission = BsdaRules.RULES.sealedPaths(c, List.of("EMISSION"));
        assertTrue(afterEmission.contains("waste.code"));
        assertFalse(afterEmission.contains("packagings"));
        assertTrue(BsdaRules.RULES.sealedPaths(c, List.of("EMISSION", "WORK")).contains("packagings"));
    }

    @Test
    void aTransporterNeedsItsReceiptUnlessForeignOrExempted() {
        BsdaTransporter t = new BsdaTransporter();
        t.company = new FormCompany();
        t.company.siret = "12345678901234";
        assertTrue(missing(t).containsAll(List.of("recepisse.number", "transport.mode", "company.name")));
        t.company.siret = null;
        t.company.vatNumber = "BE0541696005";
        assertFalse(missing(t).contains("recepisse.number"), "a foreign transporter has no French receipt");
        assertFalse(missing(t).contains("company.siret"), "identified by its VAT number");
        t.company.vatNumber = "FR12345678901";
        t.transport = new fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransport();
        t.transport.mode = TransportMode.RAIL;
        assertFalse(missing(t).contains("recepisse.number"), "not by road");
        t.transport.mode = TransportMode.ROAD;
        assertTrue(missing(t).containsAll(List.of("recepisse.number", "transport.plates")), "French, by road");
    }

    private static List<String> missing(BsdaTransporter t) {
        return BsdaRules.TRANSPORTER_RULES.missing(t, EventCodec.mapper().valueToTree(t), "TRANSPORT").stream()
                .map(EditionRules.Missing::path).toList();
    }

    @Test
    void formatsListEveryFailureTogether() {
        Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
        b.waste = new BsdaWaste();
        b.waste.code = "18 01 03*";
        BsdaPackaging p = new BsdaPackaging();
        p.type = BsdaPackagingType.OTHER;
        p.quantity = 0;
        b.packagings = List.of(p);
        b.emitter.isPrivateIndividual = true;
        b.emitter.company = new FormCompany();
        b.emitter.company.siret = "12345678901234";
        List<String> messages = BsdaRules.formats(b).messages();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("waste.code"), messages.get(0));
    }

    @Test
    void theBsdaAcceptsExactlyTheWasteAndOperationCodesServedForIt() {
        Set<String> servedCodes = ReferenceData.wasteCodeSet(BsdType.BSDA);
        assertEquals(26, servedCodes.size());
        for (ReferenceData.WasteCode w : ReferenceData.wasteCodes(null)) {
            Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
            b.waste = new BsdaWaste();
            b.waste.code = w.code();
            boolean refused = BsdaRules.formats(b).messages().stream().anyMatch(m -> m.startsWith("waste.code"));
            assertEquals(!servedCodes.contains(w.code()), refused, w.code());
        }
        List<String> servedOperations = ReferenceData.operationCodes(BsdType.BSDA).stream()
                .map(ReferenceData.OperationCode::code).toList();
        assertEquals(List.of("R 5", "R 13", "D 5", "D 9 F", "D 15"), servedOperations);
        for (ReferenceData.OperationCode o : ReferenceData.operationCodes(BsdType.BSDD)) {
            for (String code : List.of(o.code(), o.code().replace(" ", ""))) {
                Bsda b = empty(BsdaType.OTHER_COLLECTIONS);
                b.destination = new BsdaDestination();
                b.destination.plannedOperationCode = code;
                boolean refused = BsdaRules.formats(b).messages().stream()
                        .anyMatch(m -> m.startsWith("destination.plannedOperationCode"));
                assertEquals(!servedOperations.contains(code), refused, code);
            }
        }
    }
}
