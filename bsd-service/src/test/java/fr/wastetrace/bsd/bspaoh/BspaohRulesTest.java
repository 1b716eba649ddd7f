package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohConsistence;
import fr.wastetrace.bsd.bspaoh.model.BspaohDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackaging;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohReception;
import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import fr.wastetrace.bsd.bspaoh.model.BspaohWasteAcceptation;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSPAOH's edition rules and checks (reference validation/rules.ts, schema.ts, dynamicRefinements.ts). */
class BspaohRulesTest {

    private static Bspaoh empty() {
        Bspaoh b = new Bspaoh();
        BspaohInputs.normalize(b);
        return b;
    }

    private static List<String> missing(Bspaoh b, String step) {
        return BspaohRules.RULES.missing(new BspaohRules.Context(b, false), EventCodec.mapper().valueToTree(b), step)
                .stream().map(EditionRules.Missing::path).toList();
    }

    @Test
    void theEmissionNeedsTheProducerTheWasteTheCrematoriumAndTheTransporterSiret() {
        List<String> paths = missing(empty(), "EMISSION");
        assertTrue(paths.containsAll(List.of("waste.code", "waste.packagings", "emitter.company.siret",
                "emitter.company.mail", "destination.company.siret", "transporter.company.siret",
                "emitter.emission.detail.quantity")), paths.toString());
        assertFalse(paths.contains("transporter.transport.mode"));
        assertFalse(paths.contains("waste.type"), "the type defaults to PAOH");
    }

    @Test
    void theTransportNeedsItsModeDateAndReceiptStatus() {
        List<String> paths = missing(empty(), "TRANSPORT");
        assertTrue(paths.containsAll(List.of("transporter.transport.mode", "transporter.transport.takenOverAt",
                "transporter.recepisse.isExempted", "transporter.company.name")), paths.toString());
    }

    @Test
    void aRefusalNeedsItsReason() {
        Bspaoh b = empty();
        b.destination = new BspaohDestination();
        b.destination.reception = new BspaohReception();
        b.destination.reception.acceptation = new BspaohWasteAcceptation();
        b.destination.reception.acceptation.status = WasteAcceptationStatus.PARTIALLY_REFUSED;
        assertTrue(missing(b, "RECEPTION").contains("destination.reception.acceptation.refusalReason"));
        b.destination.reception.acceptation.status = WasteAcceptationStatus.ACCEPTED;
        assertFalse(missing(b, "RECEPTION").contains("destination.reception.acceptation.refusalReason"));
    }

    @Test
    void theEmissionSealsTheWasteButTheProducerMayChangeTheCrematoriumUntilTheTransport() {
        BspaohRules.Context producer = new BspaohRules.Context(empty(), true);
        BspaohRules.Context other = new BspaohRules.Context(empty(), false);
        List<String> signed = List.of("EMISSION");
        assertThrows(ApiException.class, () -> BspaohRules.RULES.checkNotSealed(producer, signed,
                Set.of("waste.packagings[0].volume"), ""));
        BspaohRules.RULES.checkNotSealed(producer, signed, Set.of("destination.company.siret"), "");
        assertThrows(ApiException.class, () -> BspaohRules.RULES.checkNotSealed(other, signed,
                Set.of("destination.company.siret"), ""));
        assertThrows(ApiException.class, () -> BspaohRules.RULES.checkNotSealed(producer, List.of("EMISSION",
                "TRANSPORT"), Set.of("destination.company.siret"), ""));
    }

    @Test
    void foetusesAreNeverLiquidAndEachPackagingCountsOne() {
        Bspaoh b = empty();
        b.waste.type = BspaohType.FOETUS;
        BspaohPackaging p = new BspaohPackaging();
        p.consistence = BspaohConsistence.LIQUIDE;
        p.quantity = 2;
        b.waste.packagings = List.of(p);
        List<String> messages = BspaohRules.formats(b, Instant.now()).messages();
        assertEquals(2, messages.size(), messages.toString());
    }

    @Test
    void theReceptionAgreesWithTheAnswerForEachPackaging() {
        Bspaoh b = empty();
        BspaohPackaging accepted = new BspaohPackaging();
        accepted.acceptation = BspaohPackagingAcceptationStatus.ACCEPTED;
        BspaohPackaging refused = new BspaohPackaging();
        refused.acceptation = BspaohPackagingAcceptationStatus.REFUSED;
        b.waste.packagings = List.of(accepted, refused);
        b.destination = new BspaohDestination();
        b.destination.reception = new BspaohReception();
        b.destination.reception.acceptation = new BspaohWasteAcceptation();
        b.destination.reception.acceptation.status = WasteAcceptationStatus.ACCEPTED;
        assertFalse(BspaohRules.receptionChecks(b, new Problems()).isEmpty());
        b.destination.reception.acceptation.status = WasteAcceptationStatus.PARTIALLY_REFUSED;
        assertTrue(BspaohRules.receptionChecks(b, new Problems()).isEmpty());
        refused.acceptation = BspaohPackagingAcceptationStatus.PENDING;
        assertEquals(List.of("Le statut d'acceptation de tous les packagings doit être précisé"),
                BspaohRules.receptionChecks(b, new Problems()).messages());
    }
}
