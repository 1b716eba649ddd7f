package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.action.AllowedActions;
import fr.wastetrace.bsd.core.action.WastetraceAllowedActions;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.wastetrace.bsd.core.action.ActionFixtures.caller;
import static fr.wastetrace.bsd.core.action.ActionFixtures.published;
import static fr.wastetrace.bsd.core.action.ActionFixtures.signatures;
import static fr.wastetrace.events.company.UserRole.DRIVER;
import static fr.wastetrace.events.company.UserRole.MEMBER;
import static fr.wastetrace.events.company.UserRole.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BSVHU's allowed actions, status by status and role by role, from its steps and its table. */
class BsvhuActionsTest {
    private static final String EMITTER = "11111111111111";
    private static final String TRANSPORTER = "22222222222222";
    private static final String DESTINATION = "33333333333333";
    private static final String SIGNED = "{'author': 'X', 'date': '2026-12-01T10:00:00Z'}";

    /** The BSVHU's actions, its table's guards read with a registered emitter in a regular situation. */
    private static final BsvhuActions ACTIONS = new BsvhuActions() {
        @Override
        public boolean canMove(BsdRecord<Bsvhu> record, SignatureTypeInput event) {
            return BsvhuLifecycle.TABLE.next(BsvhuStatus.valueOf(record.status), event,
                    new BsvhuFacts(false, false, false)).isPresent();
        }
    };

    private static BsdRecord<Bsvhu> bsvhu(String status, boolean emitted, boolean transported) {
        return published("{'emitter': {'company': {'siret': '" + EMITTER + "'}"
                + (emitted ? ", 'emission': {'signature': " + SIGNED + "}" : "") + "},"
                + "'transporters': [{'company': {'siret': '" + TRANSPORTER + "'}"
                + (transported ? ", 'transport': {'signature': " + SIGNED + "}" : "") + "}],"
                + "'destination': {'company': {'siret': '" + DESTINATION + "'}}}", Bsvhu.class, status);
    }

    @Test
    void beforeTheEmissionOnlyTheEmitterSigns() {
        BsdRecord<Bsvhu> initial = bsvhu("INITIAL", false, false);
        Map<String, String> emitter = signatures(ACTIONS, initial, caller(EMITTER, MEMBER));
        assertEquals("allowed", emitter.get("EMISSION"));
        assertTrue(emitter.get("TRANSPORT").startsWith("Le statut du bordereau (INITIAL)"), emitter.toString());
        Map<String, String> transporter = signatures(ACTIONS, initial, caller(TRANSPORTER, MEMBER));
        assertTrue(transporter.get("EMISSION").contains("elle revient à l'établissement " + EMITTER),
                transporter.toString());
        assertTrue(transporter.get("TRANSPORT").startsWith("Le statut du bordereau"), transporter.toString());
        assertTrue(signatures(ACTIONS, initial, caller(EMITTER, READER)).get("EMISSION")
                .startsWith("Votre rôle dans l'établissement " + EMITTER));
        assertEquals(Map.of("EMISSION", "allowed", "TRANSPORT", "allowed", "RECEPTION", "allowed", "OPERATION",
                "allowed").keySet(), emitter.keySet(), "the four steps, in the API's names");
    }

    @Test
    void afterTheEmissionTheTransporterSignsAndTheEmissionIsDone() {
        BsdRecord<Bsvhu> signed = bsvhu("SIGNED_BY_PRODUCER", true, false);
        assertEquals("allowed", signatures(ACTIONS, signed, caller(TRANSPORTER, DRIVER)).get("TRANSPORT"));
        assertEquals("Cette signature a déjà été apposée.",
                signatures(ACTIONS, signed, caller(EMITTER, MEMBER)).get("EMISSION"));
        Map<String, String> destination = signatures(ACTIONS, signed, caller(DESTINATION, MEMBER));
        assertTrue(destination.get("RECEPTION").startsWith("Le statut du bordereau (SIGNED_BY_PRODUCER)"));
        BsdRecord<Bsvhu> sent = bsvhu("SENT", true, true);
        assertEquals("allowed", signatures(ACTIONS, sent, caller(DESTINATION, MEMBER)).get("RECEPTION"));
        assertEquals("Cette signature a déjà été apposée.",
                signatures(ACTIONS, sent, caller(TRANSPORTER, MEMBER)).get("TRANSPORT"));
    }

    @Test
    void aDraftIsSignedByNobodyAndWithoutTransporterThereIsNoTransport() {
        BsdRecord<Bsvhu> draft = bsvhu("INITIAL", false, false);
        draft.isDraft = true;
        signatures(ACTIONS, draft, caller(EMITTER, MEMBER)).values()
                .forEach(reason -> assertTrue(reason.contains("brouillon"), reason));
        BsdRecord<Bsvhu> none = published("{'emitter': {'company': {'siret': '" + EMITTER + "'}}, 'transporters': []}",
                Bsvhu.class, "INITIAL");
        assertEquals("Aucun transporteur n'est renseigné sur ce BSVHU.",
                signatures(ACTIONS, none, caller(TRANSPORTER, MEMBER)).get("TRANSPORT"));
        assertTrue(signatures(ACTIONS, none, caller(EMITTER, MEMBER)).get("RECEPTION").contains("statut"));
    }

    @Test
    void updateDeleteAndDuplicateFollowThePermissionVerbs() {
        WastetraceAllowedActions initial = AllowedActions.of(ACTIONS, bsvhu("INITIAL", false, false),
                caller(TRANSPORTER, MEMBER));
        assertTrue(initial.update.allowed);
        assertTrue(initial.delete.allowed, "nobody signed: any company on it");
        assertTrue(initial.duplicate.allowed);
        assertNull(initial.revisionRequest, "the BSVHU has no revisions");
        WastetraceAllowedActions signed = AllowedActions.of(ACTIONS, bsvhu("SIGNED_BY_PRODUCER", true, false),
                caller(TRANSPORTER, MEMBER));
        assertFalse(signed.delete.allowed);
        assertTrue(AllowedActions.of(ACTIONS, bsvhu("SIGNED_BY_PRODUCER", true, false), caller(EMITTER, MEMBER))
                .delete.allowed, "the first signer alone");
        WastetraceAllowedActions reader = AllowedActions.of(ACTIONS, bsvhu("INITIAL", false, false),
                caller(EMITTER, READER));
        assertFalse(reader.update.allowed);
        assertEquals("Votre établissement doit être visé sur le bordereau", reader.update.reason);
        WastetraceAllowedActions stranger = AllowedActions.of(ACTIONS, bsvhu("INITIAL", false, false),
                caller("99999999999999", MEMBER));
        assertFalse(stranger.duplicate.allowed);
    }
}
