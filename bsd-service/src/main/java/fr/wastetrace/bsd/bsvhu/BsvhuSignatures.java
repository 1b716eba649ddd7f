package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.events.company.UserPermission;

import java.util.List;

/** The signatures a BSVHU holds, as steps of {@link BsvhuRules#STEPS}. */
public final class BsvhuSignatures {
    private BsvhuSignatures() {
    }

    /**
     * Who signs each step, with which permission, and when it is signed: what {@code signBsvhu} and the allowed
     * actions both read.
     */
    public static final SignatureSteps<Bsvhu, SignatureTypeInput> STEPS = new SignatureSteps<>(
            SignatureStep.of("EMISSION", SignatureTypeInput.EMISSION, UserPermission.BSD_CAN_SIGN_EMISSION,
                    b -> orgIds(b.emitter == null ? null : BsvhuType.orgId(b.emitter.company)),
                    BsvhuSignatures::emitted),
            SignatureStep.chainTransport(SignatureTypeInput.TRANSPORT, (Bsvhu b) -> b.transporters,
                    BsvhuSignatures::signed, t -> BsvhuType.orgId(t.company),
                    "Aucun transporteur n'est renseigné sur ce BSVHU."),
            SignatureStep.of("RECEPTION", SignatureTypeInput.RECEPTION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(destinationOrgId(b)), BsvhuSignatures::received),
            SignatureStep.of("OPERATION", SignatureTypeInput.OPERATION, UserPermission.BSD_CAN_SIGN_OPERATION,
                    b -> orgIds(destinationOrgId(b)), BsvhuSignatures::operated));

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }

    static String destinationOrgId(Bsvhu doc) {
        return doc.destination == null ? null : BsvhuType.orgId(doc.destination.company);
    }

    public static boolean signed(BsvhuTransporter t) {
        return t.transport != null && t.transport.signature != null && t.transport.signature.date != null;
    }

    public static boolean emitted(Bsvhu b) {
        return b.emitter != null && b.emitter.emission != null && b.emitter.emission.signature != null
                && b.emitter.emission.signature.date != null;
    }

    public static boolean received(Bsvhu b) {
        return b.destination != null && b.destination.reception != null && b.destination.reception.signature != null
                && b.destination.reception.signature.date != null;
    }

    public static boolean operated(Bsvhu b) {
        return b.destination != null && b.destination.operation != null && b.destination.operation.signature != null
                && b.destination.operation.signature.date != null;
    }

    public static List<String> signed(Bsvhu b) {
        List<String> steps = TransporterChain.signedSteps(emitted(b), b.transporters, BsvhuSignatures::signed,
                received(b));
        if (operated(b)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
