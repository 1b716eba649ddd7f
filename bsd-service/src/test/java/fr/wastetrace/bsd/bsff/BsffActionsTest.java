package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import org.junit.jupiter.api.Test;

import static fr.wastetrace.bsd.core.action.ActionFixtures.caller;
import static fr.wastetrace.bsd.core.action.ActionFixtures.published;
import static fr.wastetrace.bsd.core.action.ActionFixtures.signatures;
import static fr.wastetrace.events.company.UserRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSFF's signature actions: the next transporter of the chain, the containers' acceptation. */
class BsffActionsTest {
    private static final BsffActions ACTIONS = new BsffActions();
    private static final String SIGNED = "'signature': {'author': 'X', 'date': '2026-12-01T10:00:00Z'}";

    private static BsdRecord<Bsff> bsff(String status, String packagings) {
        return published("{'emitter': {'company': {'siret': 'E'}, 'emission': {" + SIGNED + "}}, "
                + "'transporters': [{'company': {'siret': 'T1'}, 'transport': {" + SIGNED + "}}, "
                + "{'company': {'siret': 'T2'}}], 'destination': {'company': {'siret': 'D'}}, "
                + "'packagings': [" + packagings + "]}", Bsff.class, status);
    }

    @Test
    void theSecondTransporterSignsOnceTheFirstHas() {
        BsdRecord<Bsff> sent = bsff("SENT", "");
        assertEquals("allowed", signatures(ACTIONS, sent, caller("T2", MEMBER)).get("TRANSPORT"));
        assertTrue(signatures(ACTIONS, sent, caller("T1", MEMBER)).get("TRANSPORT")
                .contains("elle revient à l'établissement T2"));
    }

    @Test
    void theAcceptationIsSignedWhenEveryContainerHasIt() {
        String accepted = "{'id': 'P1', 'acceptation': {'status': 'ACCEPTED', " + SIGNED + "}}";
        assertEquals("allowed", signatures(ACTIONS, bsff("RECEIVED", accepted + ", {'id': 'P2'}"),
                caller("D", MEMBER)).get("ACCEPTATION"));
        assertEquals("Cette signature a déjà été apposée.", signatures(ACTIONS, bsff("ACCEPTED", accepted),
                caller("D", MEMBER)).get("ACCEPTATION"));
    }
}
