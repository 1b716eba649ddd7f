package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriSignature;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.events.company.UserPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The signatures a BSDASRI holds, as steps of {@link BsdasriRules#STEPS}. */
public final class BsdasriSignatures {
    private BsdasriSignatures() {
    }

    /**
     * Who signs each step (the emission: the emitter, or for a simple BSDASRI its eco-organisme), with which
     * permission, when it is signed and when it does not apply: what {@code signBsdasri} and the allowed actions both
     * read. A second signature of a step is refused by the table.
     */
    public static final SignatureSteps<Bsdasri, BsdasriLifecycle.Event> STEPS = new SignatureSteps<>(
            SignatureStep.<Bsdasri, BsdasriLifecycle.Event>of("EMISSION", BsdasriLifecycle.Event.EMISSION,
                            UserPermission.BSD_CAN_SIGN_EMISSION, BsdasriSignatures::emissionSigners,
                            BsdasriSignatures::emitted)
                    .unavailableWhen(b -> b.type == BsdasriType.SYNTHESIS
                            ? Optional.of("Un bordereau de synthèse ne se signe pas à l'émission : sa première "
                            + "signature est celle du transporteur.") : Optional.empty()),
            SignatureStep.of("TRANSPORT", BsdasriLifecycle.Event.TRANSPORT, UserPermission.BSD_CAN_SIGN_TRANSPORT,
                    b -> orgIds(b.transporter == null ? null : BsdasriDescriptor.orgId(b.transporter.company)),
                    BsdasriSignatures::transported),
            SignatureStep.of("RECEPTION", BsdasriLifecycle.Event.RECEPTION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(destinationOrgId(b)), BsdasriSignatures::received),
            SignatureStep.of("OPERATION", BsdasriLifecycle.Event.OPERATION, UserPermission.BSD_CAN_SIGN_OPERATION,
                    b -> orgIds(destinationOrgId(b)), BsdasriSignatures::operated));

    private static List<String> emissionSigners(Bsdasri b) {
        String emitter = b.emitter == null ? null : BsdasriDescriptor.orgId(b.emitter.company);
        String eco = b.type == BsdasriType.SIMPLE && b.ecoOrganisme != null ? b.ecoOrganisme.siret : null;
        return Stream.of(emitter, eco).filter(Objects::nonNull).toList();
    }

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }

    static String destinationOrgId(Bsdasri doc) {
        return doc.destination == null ? null : BsdasriDescriptor.orgId(doc.destination.company);
    }

    private static boolean done(BsdasriSignature s) {
        return s != null && s.date != null;
    }

    public static boolean emitted(Bsdasri b) {
        return b.emitter != null && b.emitter.emission != null && done(b.emitter.emission.signature);
    }

    public static boolean transported(Bsdasri b) {
        return b.transporter != null && b.transporter.transport != null && done(b.transporter.transport.signature);
    }

    public static boolean received(Bsdasri b) {
        return b.destination != null && b.destination.reception != null && done(b.destination.reception.signature);
    }

    public static boolean operated(Bsdasri b) {
        return b.destination != null && b.destination.operation != null && done(b.destination.operation.signature);
    }

    public static List<String> signed(Bsdasri b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (transported(b)) {
            steps.add("TRANSPORT");
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
