package fr.wastetrace.bsd.bsdasri;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriPackaging;
import fr.wastetrace.bsd.bsdasri.model.BsdasriPackagingType;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDASRI's edition rules (reference validation/rules.ts) and the checks of every step. */
class BsdasriRulesTest {

    private static List<String> missing(Bsdasri b, String step) {
        JsonNode state = EventCodec.mapper().valueToTree(b);
        return BsdasriRules.RULES.missing(new BsdasriRules.Context(b, false), state, step).stream()
                .map(EditionRules.Missing::path).toList();
    }

    @Test
    void anEmptyBsdasriMissesWhatTheEmissionNeedsAndTheTransportAddsItsOwn() {
        Bsdasri b = new Bsdasri();
        BsdasriDocuments.normalize(b);
        List<String> emission = missing(b, "EMISSION");
        assertTrue(emission.containsAll(List.of("emitter.company.name", "emitter.company.siret",
                "emitter.emission.packagings", "waste.code", "waste.adr", "destination.company.siret")), emission.toString());
        assertFalse(emission.contains("transporter.company.name"), "the transporter is required from its signature");
        List<String> transport = missing(b, "TRANSPORT");
        assertTrue(transport.containsAll(List.of("transporter.company.name", "transporter.transport.packagings",
                "transporter.transport.volume", "transporter.transport.acceptation.status")), transport.toString());
    }

    @Test
    void aSynthesisNeedsNoEmitterPackagingsNorTransportModeAndIsSealedByTheTransport() {
        Bsdasri b = new Bsdasri();
        b.type = BsdasriType.SYNTHESIS;
        BsdasriDocuments.normalize(b);
        assertFalse(missing(b, "TRANSPORT").contains("emitter.emission.packagings"));
        assertFalse(missing(b, "TRANSPORT").contains("transporter.transport.mode"));
        BsdasriRules.Context context = new BsdasriRules.Context(b, false);
        assertFalse(BsdasriRules.RULES.sealedPaths(context, List.of("EMISSION")).contains("waste.code"));
        assertTrue(BsdasriRules.RULES.sealedPaths(context, List.of("TRANSPORT")).contains("waste.code"));
    }

    @Test
    void aSealedFieldCannotChangeAndTheErrorNamesIt() {
        Bsdasri b = new Bsdasri();
        BsdasriDocuments.normalize(b);
        ApiException e = assertThrows(ApiException.class, () -> BsdasriRules.RULES.checkNotSealed(
                new BsdasriRules.Context(b, false), List.of("EMISSION"), Set.of("waste.code"), ""));
        assertTrue(e.getMessage().contains("Le code déchet"), e.getMessage());
        BsdasriRules.RULES.checkNotSealed(new BsdasriRules.Context(b, false), List.of("EMISSION"),
                Set.of("destination.reception.date"), "");
    }

    @Test
    void formatsListEveryFailureTogether() {
        Bsdasri b = new Bsdasri();
        BsdasriDocuments.normalize(b);
        b.waste = new fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriWaste();
        b.waste.code = "18 01 04";
        BsdasriPackaging p = new BsdasriPackaging();
        p.type = BsdasriPackagingType.AUTRE;
        p.quantity = 0;
        p.volume = 0.0;
        BsdasriDocuments.emission(b).packagings = List.of(p);
        List<String> messages = BsdasriRules.formats(b).messages();
        assertEquals(4, messages.size(), messages.toString());
    }

    @Test
    void volumesAreTheSumOfThePackagings() {
        BsdasriPackaging a = new BsdasriPackaging();
        a.quantity = 2;
        a.volume = 50.0;
        BsdasriPackaging c = new BsdasriPackaging();
        c.quantity = 3;
        c.volume = 10.0;
        assertEquals(130.0, BsdasriDocuments.volume(List.of(a, c)));
        assertEquals(null, BsdasriDocuments.volume(List.of()));
        assertTrue(BsdasriRules.isGroupingCode("R12"));
        assertFalse(BsdasriRules.isGroupingCode(null));
    }
}
