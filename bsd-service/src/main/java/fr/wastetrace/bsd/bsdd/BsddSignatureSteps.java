package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.action.SignatureSteps;
import fr.wastetrace.events.company.UserPermission;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The BSDD's signature steps, named after the mutations that sign them (the BSDD's API has no signature enum): who
 * signs (read from the BSDD and its transporters: the first leg, or the suite after a temporary storage), with which
 * permission, when it is signed and when it does not apply. The signing mutations and the allowed actions both read
 * them. The deprecated {@code signedByTransporter} and {@code markAsResent} are not listed (their successors are).
 */
public final class BsddSignatureSteps {
    static final String APPENDIX1_CONTAINER = "Un bordereau chapeau (annexe 1) ne se signe pas : ce sont ses bordereaux "
            + "d'annexe 1 que signent les producteurs.";
    static final String FOLLOWS_CONTAINER = "Un bordereau d'annexe 1 suit son bordereau chapeau : c'est celui-ci qui "
            + "est réceptionné et traité.";
    static final String APPENDIX1_CONTAINER_TRANSPORT = "Le transport d'un bordereau chapeau (annexe 1) ne se signe "
            + "pas : signez le transport de ses bordereaux d'annexe 1.";
    static final String NO_TRANSPORTER = "Aucun transporteur ne figure sur ce bordereau : ajoutez-en un avant de signer "
            + "l'enlèvement.";
    static final String NOT_TEMP_STORAGE = "La destination de ce bordereau n'est pas une installation d'entreposage "
            + "provisoire.";

    public static final SignatureSteps<BsddRecord, BsddEvent> STEPS = new SignatureSteps<>(
            SignatureStep.<BsddRecord, BsddEvent>of("signEmissionForm", BsddEvent.SIGN_EMISSION,
                            UserPermission.BSD_CAN_SIGN_EMISSION, BsddSignatureSteps::emissionSigners,
                            BsddSignatureSteps::emitted)
                    .unavailableWhen(f -> emitterIs(f, EmitterType.APPENDIX1) ? Optional.of(APPENDIX1_CONTAINER)
                            : Optional.empty()),
            SignatureStep.<BsddRecord, BsddEvent>of("signTransportForm", BsddEvent.SIGN_TRANSPORT,
                            UserPermission.BSD_CAN_SIGN_TRANSPORT, BsddSignatureSteps::transportSigners,
                            BsddSignatureSteps::transported)
                    .unavailableWhen(f -> emitterIs(f, EmitterType.APPENDIX1)
                            ? Optional.of(APPENDIX1_CONTAINER_TRANSPORT) : Optional.empty())
                    .unavailableWhen(f -> f.transporters.isEmpty() && !BsddLifecycle.awaitsSuiteTransport(f.status())
                            ? Optional.of(NO_TRANSPORTER) : Optional.empty()),
            SignatureStep.<BsddRecord, BsddEvent>of("markAsTempStored", BsddEvent.TEMP_STORE,
                            UserPermission.BSD_CAN_SIGN_ACCEPTATION, f -> orgIds(recipient(f.data)),
                            f -> storer(f.data).map(s -> s.receivedAt != null).orElse(false))
                    .unavailableWhen(BsddSignatureSteps::notTempStorage),
            SignatureStep.<BsddRecord, BsddEvent>of("markAsTempStorerAccepted", BsddEvent.ACCEPT_AT_TEMP_STORAGE,
                            UserPermission.BSD_CAN_SIGN_ACCEPTATION, f -> orgIds(recipient(f.data)),
                            f -> storer(f.data).map(s -> s.wasteAcceptationStatus != null).orElse(false))
                    .unavailableWhen(BsddSignatureSteps::notTempStorage),
            destinationStep("markAsReceived", BsddEvent.RECEIVE, UserPermission.BSD_CAN_SIGN_ACCEPTATION, false,
                    f -> f.data.receivedAt != null),
            destinationStep("markAsAccepted", BsddEvent.ACCEPT, UserPermission.BSD_CAN_SIGN_ACCEPTATION, false,
                    f -> f.data.wasteAcceptationStatus != null),
            destinationStep("markAsProcessed", BsddEvent.PROCESS, UserPermission.BSD_CAN_SIGN_OPERATION, true,
                    f -> f.data.processedAt != null));

    private BsddSignatureSteps() {
    }

    private static SignatureStep<BsddRecord, BsddEvent> destinationStep(String name, BsddEvent event,
                                                                        UserPermission permission, boolean processing,
                                                                        Predicate<BsddRecord> done) {
        return SignatureStep.<BsddRecord, BsddEvent>of(name, event, permission,
                        f -> orgIds(TemporaryStorageService.signingDestination(f, processing)), done)
                .unavailableWhen(f -> emitterIs(f, EmitterType.APPENDIX1_PRODUCER) ? Optional.of(FOLLOWS_CONTAINER)
                        : Optional.empty());
    }

    /** The emission's signers: the emitter or its eco-organisme; after a temporary storage, the storer (the suite). */
    static List<String> emissionSigners(BsddRecord f) {
        if (BsddLifecycle.awaitsSuiteEmission(f.status())) {
            return orgIds(recipient(f.data));
        }
        String emitter = f.data.emitter == null ? null : BsddPermissions.orgId(f.data.emitter.company);
        String eco = f.data.ecoOrganisme == null ? null : f.data.ecoOrganisme.siret;
        return Stream.of(emitter, eco).filter(Objects::nonNull).toList();
    }

    /** The next transport's signer: the suite's transporter, or the first transporter who has not taken over. */
    static List<String> transportSigners(BsddRecord f) {
        if (BsddLifecycle.awaitsSuiteTransport(f.status())) {
            TemporaryStorageDetail t = f.data.temporaryStorageDetail;
            return orgIds(t == null || t.transporter == null ? null : BsddPermissions.orgId(t.transporter.company));
        }
        return f.transporters.stream().filter(t -> t.data.takenOverAt == null).findFirst()
                .map(t -> orgIds(BsddPermissions.orgId(t.data.company))).orElse(List.of());
    }

    private static boolean emitted(BsddRecord f) {
        if (BsddLifecycle.awaitsSuiteEmission(f.status())) {
            return f.data.temporaryStorageDetail != null && f.data.temporaryStorageDetail.emittedAt != null;
        }
        return f.data.emittedAt != null;
    }

    private static boolean transported(BsddRecord f) {
        if (BsddLifecycle.awaitsSuiteTransport(f.status())) {
            return f.data.temporaryStorageDetail != null && f.data.temporaryStorageDetail.takenOverAt != null;
        }
        return !f.transporters.isEmpty()
                && f.transporters.stream().allMatch(t -> t.data.takenOverAt != null);
    }

    private static boolean emitterIs(BsddRecord f, EmitterType type) {
        return f.data.emitter != null && f.data.emitter.type == type;
    }

    private static Optional<String> notTempStorage(BsddRecord f) {
        return TemporaryStorageService.isTempStorage(f.data) ? Optional.empty() : Optional.of(NOT_TEMP_STORAGE);
    }

    private static Optional<TemporaryStorer> storer(BsddData d) {
        return Optional.ofNullable(d.temporaryStorageDetail).map(t -> t.temporaryStorer);
    }

    private static String recipient(BsddData d) {
        return d.recipient == null ? null : BsddPermissions.orgId(d.recipient.company);
    }

    private static List<String> orgIds(String orgId) {
        return orgId == null ? List.of() : List.of(orgId);
    }
}
