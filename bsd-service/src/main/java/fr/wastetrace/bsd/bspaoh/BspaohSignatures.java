package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.events.company.UserPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The signatures a BSPAOH holds, as steps of {@link BspaohRules#STEPS}. */
public final class BspaohSignatures {
    private BspaohSignatures() {
    }

    /**
     * Who signs each step (the hand-over to the destination: the transporter), with which permission, and when it is
     * signed: what {@code signBspaoh} and the allowed actions both read.
     */
    public static final SignatureSteps<Bspaoh, BspaohEvent> STEPS = new SignatureSteps<>(
            SignatureStep.of("EMISSION", BspaohEvent.EMISSION, UserPermission.BSD_CAN_SIGN_EMISSION,
                    b -> orgIds(BspaohType.emitterOrgId(b)), BspaohSignatures::emitted),
            transporterStep("TRANSPORT", BspaohEvent.TRANSPORT, BspaohSignatures::transported),
            transporterStep("DELIVERY", BspaohEvent.DELIVERY, BspaohSignatures::delivered),
            SignatureStep.of("RECEPTION", BspaohEvent.RECEPTION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(BspaohType.destinationOrgId(b)), BspaohSignatures::received),
            SignatureStep.of("OPERATION", BspaohEvent.OPERATION, UserPermission.BSD_CAN_SIGN_OPERATION,
                    b -> orgIds(BspaohType.destinationOrgId(b)), BspaohSignatures::operated));

    private static SignatureStep<Bspaoh, BspaohEvent> transporterStep(String name, BspaohEvent event,
                                                                     Predicate<Bspaoh> signed) {
        return SignatureStep.of(name, event, UserPermission.BSD_CAN_SIGN_TRANSPORT,
                        (Bspaoh b) -> orgIds(BspaohType.transporterOrgId(b)), signed)
                .unavailableWhen(b -> b.transporter == null
                        ? Optional.of("Aucun transporteur n'est renseigné sur ce BSPAOH.") : Optional.empty());
    }

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }

    private static boolean done(Signature s) {
        return s != null && s.date != null;
    }

    public static boolean emitted(Bspaoh b) {
        return b.emitter != null && b.emitter.emission != null && done(b.emitter.emission.signature);
    }

    public static boolean transported(Bspaoh b) {
        return b.transporter != null && b.transporter.transport != null && done(b.transporter.transport.signature);
    }

    public static boolean delivered(Bspaoh b) {
        return b.destination != null && b.destination.handedOverToDestination != null
                && done(b.destination.handedOverToDestination.signature);
    }

    public static boolean received(Bspaoh b) {
        return b.destination != null && b.destination.reception != null && done(b.destination.reception.signature);
    }

    public static boolean operated(Bspaoh b) {
        return b.destination != null && b.destination.operation != null && done(b.destination.operation.signature);
    }

    public static List<String> signed(Bspaoh b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (transported(b)) {
            steps.add("TRANSPORT");
        }
        if (delivered(b)) {
            steps.add("DELIVERY");
        }
        if (received(b)) {
            steps.add("RECEPTION");
        }
        if (operated(b)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
