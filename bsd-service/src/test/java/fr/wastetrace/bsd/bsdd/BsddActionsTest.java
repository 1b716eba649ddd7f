package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.events.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.wastetrace.bsd.core.action.ActionFixtures.caller;
import static fr.wastetrace.bsd.core.action.ActionFixtures.fill;
import static fr.wastetrace.bsd.core.action.ActionFixtures.signatures;
import static fr.wastetrace.events.company.UserRole.DRIVER;
import static fr.wastetrace.events.company.UserRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDD's signature actions, named after its mutations: emission, transport, reception, temporary storage. */
class BsddActionsTest {
    private static final BsddActions ACTIONS = new BsddActions();

    private static BsddRecord form(String status, String extra, boolean takenOver) {
        BsddRecord form = fill(new BsddRecord(), "{'emitter': {'company': {'siret': 'E'}}, "
                + "'recipient': {'company': {'siret': 'R'}}" + extra + "}", BsddData.class, status);
        TransporterRecord t = new TransporterRecord();
        t.number = 1;
        t.data = EventCodec.mapper().convertValue(Map.of("company", Map.of("siret", "T")), Transporter.class);
        t.data.takenOverAt = takenOver ? Instant.parse("2026-12-01T10:00:00Z") : null;
        form.transporters.add(t);
        return form;
    }

    @Test
    void theEmitterOrItsEcoOrganismeSignsASealedBsddAndThenTheTransporter() {
        BsddRecord sealed = form("SEALED", ", 'ecoOrganisme': {'siret': 'ECO'}", false);
        assertEquals("allowed", signatures(ACTIONS, sealed, caller("E", MEMBER)).get("signEmissionForm"));
        assertEquals("allowed", signatures(ACTIONS, sealed, caller("ECO", MEMBER)).get("signEmissionForm"));
        Map<String, String> transporter = signatures(ACTIONS, sealed, caller("T", DRIVER));
        assertTrue(transporter.get("signTransportForm").startsWith("Le statut du bordereau (SEALED)"),
                transporter.toString());
        BsddRecord signed = form("SIGNED_BY_PRODUCER", ", 'emittedAt': '2026-12-01T09:00:00Z'", false);
        assertEquals("allowed", signatures(ACTIONS, signed, caller("T", DRIVER)).get("signTransportForm"));
        assertEquals("Cette signature a déjà été apposée.",
                signatures(ACTIONS, signed, caller("E", MEMBER)).get("signEmissionForm"));
    }

    @Test
    void theRecipientReceivesWhatWasSentAndATemporaryStorageStepNeedsOne() {
        Map<String, String> recipient = signatures(ACTIONS,
                form("SENT", ", 'emittedAt': '2026-12-01T09:00:00Z'", true), caller("R", MEMBER));
        assertEquals("allowed", recipient.get("markAsReceived"));
        assertTrue(recipient.get("markAsProcessed").startsWith("Le statut du bordereau (SENT)"));
        assertTrue(recipient.get("markAsTempStored").contains("entreposage provisoire"), recipient.toString());
        assertEquals(List.of("signEmissionForm", "signTransportForm", "markAsTempStored",
                "markAsTempStorerAccepted", "markAsReceived", "markAsAccepted", "markAsProcessed"),
                List.copyOf(recipient.keySet()));
    }
}
