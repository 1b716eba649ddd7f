package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.events.company.UserPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The signatures a BSDA holds, as steps of {@link BsdaRules#STEPS}. */
public final class BsdaSignatures {
    private BsdaSignatures() {
    }

    /**
     * Who signs each step, with which permission, when it is signed and when it does not apply to a BSDA: what
     * {@code signBsda} and the allowed actions both read.
     */
    public static final SignatureSteps<Bsda, BsdaLifecycle.Event> STEPS = new SignatureSteps<>(
            SignatureStep.<Bsda, BsdaLifecycle.Event>of("EMISSION", BsdaLifecycle.Event.EMISSION,
                            UserPermission.BSD_CAN_SIGN_EMISSION,
                            b -> orgIds(b.emitter == null ? null : BsdaDescriptor.orgId(b.emitter.company)),
                            BsdaSignatures::emitted)
                    .unavailableWhen(BsdaSignatures::collection2710)
                    .unavailableWhen(b -> b.emitter != null && Boolean.TRUE.equals(b.emitter.isPrivateIndividual)
                            ? Optional.of("Le maître d'ouvrage est un particulier : il ne signe pas le BSDA "
                            + "(emitter.isPrivateIndividual).") : Optional.empty()),
            SignatureStep.<Bsda, BsdaLifecycle.Event>of("WORK", BsdaLifecycle.Event.WORK,
                            UserPermission.BSD_CAN_SIGN_WORK,
                            b -> orgIds(b.worker == null ? null : BsdaDescriptor.orgId(b.worker.company)),
                            BsdaSignatures::worked)
                    .unavailableWhen(BsdaSignatures::collection2710)
                    .unavailableWhen(b -> type(b) == BsdaType.GATHERING || type(b) == BsdaType.RESHIPMENT
                            ? Optional.of("Un BSDA de groupement ou de réexpédition n'a pas d'entreprise de travaux : "
                            + "il ne reçoit pas de signature WORK.") : Optional.empty())
                    .unavailableWhen(b -> b.worker == null || b.worker.isDisabled
                            ? Optional.of("Ce BSDA n'a pas d'entreprise de travaux (worker.isDisabled) : il ne reçoit "
                            + "pas de signature WORK.") : Optional.empty()),
            SignatureStep.chainTransport(BsdaLifecycle.Event.TRANSPORT, (Bsda b) -> b.transporters,
                            BsdaSignatures::signed, t -> BsdaDescriptor.orgId(t.company),
                            "Aucun transporteur n'est renseigné sur ce BSDA (transporters).")
                    .firstUnavailableWhen(BsdaSignatures::collection2710),
            SignatureStep.of("RECEPTION", BsdaLifecycle.Event.RECEPTION, UserPermission.BSD_CAN_SIGN_ACCEPTATION,
                    b -> orgIds(destinationOrgId(b)), BsdaSignatures::received),
            SignatureStep.of("OPERATION", BsdaLifecycle.Event.OPERATION, UserPermission.BSD_CAN_SIGN_OPERATION,
                    b -> orgIds(destinationOrgId(b)), BsdaSignatures::operated));

    static BsdaType type(Bsda b) {
        return b.type == null ? BsdaType.OTHER_COLLECTIONS : b.type;
    }

    private static Optional<String> collection2710(Bsda b) {
        return type(b) == BsdaType.COLLECTION_2710 ? Optional.of("Un BSDA de collecte en déchèterie (COLLECTION_2710) "
                + "n'est signé que par l'installation de collecte, à la réception et à l'opération.") : Optional.empty();
    }

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }

    static String destinationOrgId(Bsda doc) {
        return doc.destination == null ? null : BsdaDescriptor.orgId(doc.destination.company);
    }

    static boolean signed(Signature s) {
        return s != null && s.date != null;
    }

    public static boolean signed(BsdaTransporter t) {
        return t.transport != null && signed(t.transport.signature);
    }

    public static boolean emitted(Bsda b) {
        return b.emitter != null && b.emitter.emission != null && signed(b.emitter.emission.signature);
    }

    public static boolean worked(Bsda b) {
        return b.worker != null && b.worker.work != null && signed(b.worker.work.signature);
    }

    public static boolean received(Bsda b) {
        return b.destination != null && b.destination.reception != null && signed(b.destination.reception.signature);
    }

    public static boolean operated(Bsda b) {
        return b.destination != null && b.destination.operation != null && signed(b.destination.operation.signature);
    }

    public static List<String> signed(Bsda b) {
        List<String> steps = new ArrayList<>();
        if (emitted(b)) {
            steps.add("EMISSION");
        }
        if (worked(b)) {
            steps.add("WORK");
        }
        int rank = 0;
        for (BsdaTransporter t : b.transporters) {
            rank++;
            if (signed(t)) {
                steps.add(TransporterChain.step(rank));
            }
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
