package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.subgraph.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-step checks, on plain documents. */
class BsddValidationTest {

    @Test
    void siretCheckDigit() {
        assertTrue(BsddValidation.luhn("10000000000040"));
        assertFalse(BsddValidation.luhn("10000000000041"));
        assertTrue(BsddValidation.luhn("35600000000015"), "La Poste's SIRETs follow their own rule");
    }

    @Test
    void aDraftNeedsNoFieldButItsFormatsMustBeRight() {
        assertTrue(BsddValidation.draft(new BsddData(), List.of(), Map.of()).isEmpty());
        BsddData f = new BsddData();
        f.emitter = new Emitter();
        f.emitter.company = new FormCompany();
        f.emitter.company.siret = "123";
        f.emitter.company.mail = "not-an-email";
        f.wasteDetails = new WasteDetails();
        f.wasteDetails.code = "99 99 99";
        List<String> messages = BsddValidation.draft(f, List.of(), Map.of()).messages();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("emitter.company.siret"));
    }

    @Test
    void sealingReportsEveryMissingFieldAtOnce() {
        List<String> messages = BsddValidation.sealed(new BsddData(), List.of(), Map.of()).messages();
        for (String field : List.of("emitter.type", "emitter.company.siret", "recipient.processingOperation",
                "recipient.company.siret", "wasteDetails.code", "wasteDetails.quantity", "wasteDetails.pop",
                "wasteDetails.consistences")) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("(" + field + ")")), field + " in " + messages);
        }
    }

    @Test
    void roadTransportIsLimitedToFortyTonnesEvenForDrafts() {
        BsddData f = new BsddData();
        f.wasteDetails = new WasteDetails();
        f.wasteDetails.quantity = 45.0;
        Transporter road = new Transporter();
        road.mode = TransportMode.ROAD;
        assertFalse(BsddValidation.draft(f, List.of(road), Map.of()).isEmpty());
        Transporter rail = new Transporter();
        rail.mode = TransportMode.RAIL;
        assertTrue(BsddValidation.draft(f, List.of(rail), Map.of()).isEmpty());
    }

    @Test
    void packagingRules() {
        BsddData f = new BsddData();
        f.wasteDetails = new WasteDetails();
        PackagingInfo citerne = packaging(Packagings.CITERNE, 3);
        PackagingInfo fut = packaging(Packagings.FUT, 1);
        PackagingInfo other = packaging(Packagings.AUTRE, 1);
        f.wasteDetails.packagingInfos = List.of(citerne, fut, other);
        List<String> messages = BsddValidation.draft(f, List.of(), Map.of()).messages();
        assertEquals(3, messages.size(), messages.toString()); // 3 tanks, tank mixed with others, "other" unexplained
    }

    @Test
    void privateIndividualHasNoContactEvenInADraft() {
        BsddData f = new BsddData();
        f.emitter = new Emitter();
        f.emitter.type = EmitterType.PRODUCER;
        f.emitter.isPrivateIndividual = true;
        f.emitter.company = new FormCompany();
        f.emitter.company.contact = "Jean";
        assertTrue(BsddValidation.draft(f, List.of(), Map.of()).messages().get(0).contains("emitter.company.contact"));
    }

    @Test
    void acceptanceQuantitiesMustBeCoherent() {
        assertTrue(BsddValidation.reception("D", WasteAcceptationStatus.ACCEPTED, null, 1.0, 0.0, true, List.of()).isEmpty());
        assertFalse(BsddValidation.reception("D", WasteAcceptationStatus.ACCEPTED, null, 1.0, 0.5, true, List.of()).isEmpty());
        assertFalse(BsddValidation.reception("D", WasteAcceptationStatus.PARTIALLY_REFUSED, "pH", 10.0, 10.0, true, List.of()).isEmpty());
        assertTrue(BsddValidation.reception("D", WasteAcceptationStatus.PARTIALLY_REFUSED, "pH", 10.0, 2.0, true, List.of()).isEmpty());
        assertFalse(BsddValidation.reception("D", WasteAcceptationStatus.REFUSED, "pH", 0.0, 0.0, true, List.of()).isEmpty());
        assertFalse(BsddValidation.reception("D", WasteAcceptationStatus.REFUSED, null, 1.0, 1.0, true, List.of()).isEmpty());
        assertTrue(BsddValidation.reception("D", null, null, null, null, false, List.of()).isEmpty());
    }

    @Test
    void processingCodeModeAndNextDestination() {
        BsddData f = new BsddData();
        assertTrue(BsddValidation.processing(f, "D10", OperationMode.ELIMINATION, "D", false, null, null, null).isEmpty());
        assertFalse(BsddValidation.processing(f, "D 10", null, "D", false, null, null, null).isEmpty(), "mode required");
        assertFalse(BsddValidation.processing(f, "R 1", OperationMode.RECYCLAGE, "D", false, null, null, null).isEmpty());
        assertFalse(BsddValidation.processing(f, "D 13", null, "D", false, null, null, null).isEmpty(), "next destination");
        assertTrue(BsddValidation.processing(f, "D 13", null, "D", true, null, null, null).isEmpty(), "traceability break");
        assertFalse(BsddValidation.processing(f, "D 10", OperationMode.ELIMINATION, "D", true, null, null, null).isEmpty());
        assertFalse(BsddValidation.processing(f, "D 6", null, "D", false, null, null, null).isEmpty(), "not allowed in France");
    }

    @Test
    void emissionLocksApplyToOthersThanTheSignerUntilTransport() {
        BsddData signed = new BsddData();
        signed.emittedAt = Instant.now();
        Set<String> code = Set.of("wasteDetails.code");
        BsddLocks.checkUnlocked(FormStatus.SIGNED_BY_PRODUCER, signed, List.of(), code, true);
        ApiException e = assertThrows(ApiException.Forbidden.class,
                () -> BsddLocks.checkUnlocked(FormStatus.SIGNED_BY_PRODUCER, signed, List.of(), code, false));
        assertTrue(e.getMessage().endsWith("wasteDetailsCode"), e.getMessage());
        assertThrows(ApiException.Forbidden.class, () -> BsddLocks.checkUnlocked(FormStatus.SIGNED_BY_PRODUCER, signed,
                List.of(), Set.of("emitter.company.siret"), true), "the emitter's identity is locked for everyone");
        BsddLocks.checkUnlocked(FormStatus.SEALED, new BsddData(), List.of(), Set.of("emitter.company.siret"), false);
    }

    @Test
    void aSignedTransporterIsLocked() {
        BsddData sent = new BsddData();
        sent.emittedAt = Instant.now();
        sent.takenOverAt = Instant.now();
        Transporter first = new Transporter();
        first.takenOverAt = Instant.now();
        Transporter second = new Transporter();
        assertThrows(ApiException.Forbidden.class, () -> BsddLocks.checkUnlocked(FormStatus.SENT, sent,
                List.of(first, second), Set.of("transporters[0].numberPlate"), false));
        BsddLocks.checkUnlocked(FormStatus.SENT, sent, List.of(first, second), Set.of("transporters[1].numberPlate"), false);
    }

    private static PackagingInfo packaging(Packagings type, int quantity) {
        PackagingInfo p = new PackagingInfo();
        p.type = type;
        p.quantity = quantity;
        return p;
    }

    // ---- destination sub-profiles (spec §2.5, markAsSealed)

    private static CompanyView destination(List<String> types, List<String> collectorTypes,
                                           List<String> wasteProcessorTypes) {
        return new CompanyView("company-d", "30000000000020", "30000000000020", null, "D", null, types, false, null,
                null, null, null, false, List.of(), collectorTypes, wasteProcessorTypes);
    }

    private static List<String> subProfileProblems(String code, Boolean pop, CompanyView d) {
        BsddData f = new BsddData();
        f.recipient = new Recipient();
        f.recipient.company = new FormCompany();
        f.recipient.company.siret = d.orgId();
        f.wasteDetails = new WasteDetails();
        f.wasteDetails.code = code;
        f.wasteDetails.pop = pop;
        return BsddValidation.sealed(f, List.of(), Map.of(d.orgId(), d)).messages().stream()
                .filter(m -> m.contains("sous-profils")).toList();
    }

    @Test
    void theDestinationsSubProfilesMustCoverTheWastesDangerousness() {
        CompanyView none = destination(List.of("WASTEPROCESSOR"), List.of(), List.of());
        CompanyView nonDangerousIncineration = destination(List.of("WASTEPROCESSOR"), List.of(),
                List.of("NON_DANGEROUS_WASTES_INCINERATION"));
        CompanyView dangerousIncineration = destination(List.of("WASTEPROCESSOR"), List.of(),
                List.of("DANGEROUS_WASTES_INCINERATION"));
        CompanyView dangerousCollector = destination(List.of("COLLECTOR"), List.of("DANGEROUS_WASTES"), List.of());
        CompanyView nonDangerousCollector = destination(List.of("COLLECTOR"), List.of("NON_DANGEROUS_WASTES"), List.of());

        assertEquals(1, subProfileProblems("06 05 02*", false, none).size());
        assertTrue(subProfileProblems("06 05 02*", false, none).get(0).contains("déchets dangereux"));
        assertEquals(1, subProfileProblems("06 05 02*", false, nonDangerousIncineration).size());
        assertEquals(1, subProfileProblems("06 05 02*", false, nonDangerousCollector).size());
        assertEquals(List.of(), subProfileProblems("06 05 02*", false, dangerousIncineration));
        assertEquals(List.of(), subProfileProblems("06 05 02*", false, dangerousCollector));

        assertEquals(1, subProfileProblems("10 05 09", true, nonDangerousIncineration).size(), "POP: dangerous");
        assertEquals(List.of(), subProfileProblems("10 05 09", false, nonDangerousIncineration));
        assertEquals(List.of(), subProfileProblems("10 05 09", false, dangerousIncineration),
                "dangerous-waste incineration also takes non-dangerous waste");
        assertEquals(1, subProfileProblems("10 05 09", false, dangerousCollector).size());
        assertTrue(subProfileProblems("10 05 09", false, dangerousCollector).get(0).contains("non dangereux"));
    }

    @Test
    void subProfilesNotKnownYetAreNotHeldAgainstTheDestination() {
        CompanyView unknown = destination(List.of("WASTEPROCESSOR"), null, null);
        assertEquals(List.of(), subProfileProblems("06 05 02*", false, unknown));
    }
}
