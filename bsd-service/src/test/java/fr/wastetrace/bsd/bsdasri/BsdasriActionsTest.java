package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
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

/** The BSDASRI's signature actions: the eco-organisme signs the emission of a simple one, a synthesis has none. */
class BsdasriActionsTest {
    /** The table's rows, as {@code signBsdasri} checks them (the emitter's direct take-over setting aside). */
    private static final BsdasriActions ACTIONS = new BsdasriActions() {
        @Override
        public boolean canMove(BsdRecord<Bsdasri> record, BsdasriLifecycle.Event event) {
            return BsdasriLifecycle.TABLE.allows(BsdasriStatus.valueOf(record.status), event);
        }
    };

    private static BsdRecord<Bsdasri> dasri(String type, String status) {
        return published("{'type': '" + type + "', 'emitter': {'company': {'siret': 'E'}}, "
                + "'ecoOrganisme': {'siret': 'ECO'}, 'transporter': {'company': {'siret': 'T'}}, "
                + "'destination': {'company': {'siret': 'D'}}}", Bsdasri.class, status);
    }

    @Test
    void theEmitterOrItsEcoOrganismeSignsTheEmissionOfASimpleBsdasri() {
        assertEquals("allowed", signatures(ACTIONS, dasri("SIMPLE", "INITIAL"), caller("E", MEMBER)).get("EMISSION"));
        assertEquals("allowed", signatures(ACTIONS, dasri("SIMPLE", "INITIAL"), caller("ECO", MEMBER)).get("EMISSION"));
        Map<String, String> driver = signatures(ACTIONS, dasri("SIMPLE", "SIGNED_BY_PRODUCER"), caller("T", DRIVER));
        assertEquals("allowed", driver.get("TRANSPORT"));
        assertTrue(driver.get("RECEPTION").startsWith("Le statut du bordereau (SIGNED_BY_PRODUCER)"), driver.toString());
        assertTrue(signatures(ACTIONS, dasri("SIMPLE", "SENT"), caller("T", DRIVER)).get("RECEPTION")
                .contains("elle revient à l'établissement D"));
    }

    @Test
    void aSynthesisHasNoEmissionSignature() {
        assertTrue(signatures(ACTIONS, dasri("SYNTHESIS", "INITIAL"), caller("E", MEMBER)).get("EMISSION")
                .startsWith("Un bordereau de synthèse ne se signe pas à l'émission"));
    }
}
