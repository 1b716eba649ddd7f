package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.events.company.UserPermission;

import java.util.List;

/** The signatures a BSFF holds, as steps of {@link BsffRules#STEPS}; acceptation and operation are per container. */
public final class BsffSignatures {
    private BsffSignatures() {
    }

    /**
     * Who signs each step, with which permission, and when it is signed (acceptation and operation: every container
     * has it): what {@code signBsff} and the allowed actions both read.
     */
    public static final SignatureSteps<Bsff, BsffLifecycle.Event> STEPS = new SignatureSteps<>(
            SignatureStep.of("EMISSION", BsffLifecycle.Event.EMISSION, UserPermission.BSD_CAN_SIGN_EMISSION,
                    b -> orgIds(BsffDescriptor.orgId(b.emitter == null ? null : b.emitter.company)),
                    BsffSignatures::emitted),
            SignatureStep.chainTransport(BsffLifecycle.Event.TRANSPORT, (Bsff b) -> b.transporters,
                    BsffSignatures::signed, t -> BsffDescriptor.orgId(t.company),
                    "transporters : aucun transporteur n'est renseigné sur ce BSFF."),
            SignatureStep.of("RECEPTION", BsffLifecycle.Event.RECEPTION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(destinationOrgId(b)), BsffSignatures::received),
            SignatureStep.of("ACCEPTATION", BsffLifecycle.Event.ACCEPTATION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(destinationOrgId(b)), b -> b.packagings.stream().allMatch(BsffPackaging::accepted)),
            SignatureStep.of("OPERATION", BsffLifecycle.Event.OPERATION, UserPermission.BSD_CAN_SIGN_OPERATION,
                    b -> orgIds(destinationOrgId(b)),
                    b -> b.packagings.stream().allMatch(p -> p.operated() || p.refused())));

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }

    static String destinationOrgId(Bsff doc) {
        return doc.destination == null ? null : BsffDescriptor.orgId(doc.destination.company);
    }

    public static boolean signed(BsffTransporter t) {
        return t.transport != null && t.transport.signature != null && t.transport.signature.date != null;
    }

    public static boolean emitted(Bsff b) {
        return b.emitter != null && b.emitter.emission != null && b.emitter.emission.signature != null
                && b.emitter.emission.signature.date != null;
    }

    public static boolean received(Bsff b) {
        return b.destination != null && b.destination.reception != null && b.destination.reception.signature != null
                && b.destination.reception.signature.date != null;
    }

    /** The steps signed: EMISSION, TRANSPORT_n, RECEPTION, then ACCEPTATION / OPERATION once any container has it. */
    public static List<String> signed(Bsff b) {
        List<String> steps = TransporterChain.signedSteps(emitted(b), b.transporters, BsffSignatures::signed,
                received(b));
        if (b.packagings.stream().anyMatch(BsffPackaging::accepted)) {
            steps.add("ACCEPTATION");
        }
        if (b.packagings.stream().anyMatch(BsffPackaging::operated)) {
            steps.add("OPERATION");
        }
        return steps;
    }
}
