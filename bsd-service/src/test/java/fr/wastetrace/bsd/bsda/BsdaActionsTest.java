package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.wastetrace.bsd.core.action.ActionFixtures.caller;
import static fr.wastetrace.bsd.core.action.ActionFixtures.published;
import static fr.wastetrace.bsd.core.action.ActionFixtures.signatures;
import static fr.wastetrace.events.company.UserRole.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSDA's signature actions: the worker's step, and the steps a type of BSDA does not have. */
class BsdaActionsTest {
    private static final BsdaActions ACTIONS = new BsdaActions();

    private static BsdRecord<Bsda> bsda(String type, String status, boolean emitted) {
        return published("{'type': '" + type + "', 'emitter': {'company': {'siret': 'E'}"
                + (emitted ? ", 'emission': {'signature': {'author': 'X', 'date': '2026-12-01T10:00:00Z'}}" : "")
                + "}, 'worker': {'company': {'siret': 'W'}}, 'transporters': [{'company': {'siret': 'T'}}], "
                + "'destination': {'company': {'siret': 'D'}}}", Bsda.class, status);
    }

    @Test
    void theWorkerSignsAfterTheEmitter() {
        assertEquals("allowed", signatures(ACTIONS, bsda("OTHER_COLLECTIONS", "INITIAL", false), caller("E", MEMBER))
                .get("EMISSION"));
        Map<String, String> workerBefore = signatures(ACTIONS, bsda("OTHER_COLLECTIONS", "INITIAL", false),
                caller("W", MEMBER));
        assertTrue(workerBefore.get("WORK").startsWith("Le statut du bordereau (INITIAL)"), workerBefore.toString());
        assertEquals("allowed", signatures(ACTIONS, bsda("OTHER_COLLECTIONS", "SIGNED_BY_PRODUCER", true),
                caller("W", MEMBER)).get("WORK"));
        assertEquals("Cette signature a déjà été apposée.", signatures(ACTIONS,
                bsda("OTHER_COLLECTIONS", "SIGNED_BY_PRODUCER", true), caller("E", MEMBER)).get("EMISSION"));
    }

    @Test
    void aStepTheTypeOfBsdaDoesNotHaveSaysWhy() {
        Map<String, String> collection = signatures(ACTIONS, bsda("COLLECTION_2710", "INITIAL", false),
                caller("E", MEMBER));
        assertTrue(collection.get("EMISSION").contains("COLLECTION_2710"), collection.toString());
        assertTrue(collection.get("TRANSPORT").contains("COLLECTION_2710"), collection.toString());
        assertTrue(signatures(ACTIONS, bsda("GATHERING", "INITIAL", false), caller("W", MEMBER)).get("WORK")
                .contains("groupement ou de réexpédition"));
    }
}
