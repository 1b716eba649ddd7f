package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.wastetrace.bsd.core.action.ActionFixtures.caller;
import static fr.wastetrace.bsd.core.action.ActionFixtures.published;
import static fr.wastetrace.bsd.core.action.ActionFixtures.signatures;
import static fr.wastetrace.events.company.UserRole.DRIVER;
import static fr.wastetrace.events.company.UserRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSPAOH's signature actions: the transporter's hand-over, which keeps the status. */
class BspaohActionsTest {
    private static final BspaohActions ACTIONS = new BspaohActions();
    private static final String SIGNED = "'signature': {'author': 'X', 'date': '2026-12-01T10:00:00Z'}";

    private static BsdRecord<Bspaoh> paoh(String status, boolean transported) {
        return published("{'emitter': {'company': {'siret': 'E'}, 'emission': {" + SIGNED + "}}, "
                + "'transporter': {'company': {'siret': 'T'}" + (transported ? ", 'transport': {" + SIGNED + "}" : "")
                + "}, 'destination': {'company': {'siret': 'D'}}}", Bspaoh.class, status);
    }

    @Test
    void theTransporterHandsOverOnceItTookTheWasteOver() {
        Map<String, String> before = signatures(ACTIONS, paoh("SIGNED_BY_PRODUCER", false), caller("T", DRIVER));
        assertEquals("allowed", before.get("TRANSPORT"));
        assertTrue(before.get("DELIVERY").startsWith("Le statut du bordereau"), before.toString());
        Map<String, String> sent = signatures(ACTIONS, paoh("SENT", true), caller("T", DRIVER));
        assertEquals("allowed", sent.get("DELIVERY"));
        assertEquals("Cette signature a déjà été apposée.", sent.get("TRANSPORT"));
        assertEquals("allowed", signatures(ACTIONS, paoh("SENT", true), caller("D", MEMBER)).get("RECEPTION"));
    }
}
