package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.bsdd.TemporaryStorageService;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestTemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestTemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.subgraph.ApiException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of BSDD revision requests (spec bsdd.md §2.11): who may ask, who must approve, when a BSDD may be revised
 * or cancelled, and what a revision may change. Each rule throws the contract's error; the checks of the values
 * themselves are collected, so that the client learns all it has to fix at once.
 */
final class RevisionRules {
    /** A cancellation is possible only before the destination receives the waste. */
    static final Set<FormStatus> CANCELLABLE = EnumSet.of(FormStatus.SIGNED_BY_PRODUCER, FormStatus.SENT,
            FormStatus.TEMP_STORED, FormStatus.TEMP_STORER_ACCEPTED, FormStatus.RESEALED,
            FormStatus.SIGNED_BY_TEMP_STORER, FormStatus.RESENT);
    /** What an appendix-1 item's revision may change. */
    static final Set<String> ITEM_FIELDS = Set.of("wasteDetails.sampleNumber", "wasteDetails.packagingInfos",
            "wasteDetails.quantity");
    /** Waste fields only an appendix-1 item's revision may change. */
    private static final Set<String> ITEM_ONLY_FIELDS = Set.of("wasteDetails.sampleNumber", "wasteDetails.quantity");
    /** Used oils, the only wastes that carry a sample number. */
    static final Set<String> SAMPLE_NUMBER_WASTE_CODES = Set.of("13 01 10*", "13 01 11*", "13 01 12*", "13 01 13*",
            "13 02 05*", "13 02 06*", "13 02 07*", "13 02 08*");
    private static final List<String> APPENDIX1_WASTE_CHAPTERS = List.of("13 02 ", "13 05 ", "16 02 ", "16 07 ", "20 01 ");
    private static final Set<String> APPENDIX1_WASTE_CODES = Set.of("13 01 10*", "13 01 11*", "13 01 12*", "13 01 13*",
            "15 01 10*", "15 02 02*", "16 06 01*", "19 08 10*");
    static final double ROAD_LIMIT_TONNES = 40;
    static final double ABSOLUTE_LIMIT_TONNES = 50_000;

    private RevisionRules() {
    }

    /**
     * The companies that may ask for a revision: emitter, destination (the temporary storer when there is one),
     * eco-organisme, the final destination after a temporary storage; transporters of a picked-up item.
     */
    static Set<String> possibleAuthors(BsddData f, List<Transporter> transporters) {
        Set<String> orgIds = new LinkedHashSet<>();
        orgIds.add(emitter(f));
        orgIds.add(f.recipient == null ? null : orgId(f.recipient.company));
        orgIds.add(ecoOrganisme(f));
        orgIds.add(suiteDestination(f));
        if (isItem(f) && f.takenOverAt != null) {
            transporters.forEach(t -> orgIds.add(orgId(t.company)));
        }
        orgIds.remove(null);
        return orgIds;
    }

    /**
     * The companies that must approve a revision: the emitter and the eco-organisme (neither when the author is one of
     * them), and the destination (for an appendix-1 item, the transporter that holds the waste); the final destination
     * after a temporary storage when the revision changes the temporary storage; never the author.
     */
    static List<String> approvers(BsddData f, String authorOrgId, FormRevisionRequestContent content) {
        Set<String> orgIds = new LinkedHashSet<>();
        String emitter = emitter(f);
        String eco = ecoOrganisme(f);
        if (!authorOrgId.equals(emitter) && !authorOrgId.equals(eco)) {
            orgIds.add(emitter);
            orgIds.add(eco);
        }
        orgIds.add(isItem(f) ? blankToNull(f.currentTransporterSiret) : f.recipient == null ? null : orgId(f.recipient.company));
        if (content != null && RevisionContents.revisedFields(content).stream()
                .anyMatch(RevisionRules::isTemporaryStorageField)) {
            orgIds.add(suiteDestination(f));
        }
        orgIds.remove(null);
        orgIds.remove(authorOrgId);
        return new ArrayList<>(orgIds);
    }

    /** The other one of the emitter and the eco-organisme, whose approval goes with {@code approverOrgId}'s. */
    static Optional<String> producerPartner(BsddData f, String approverOrgId) {
        String emitter = emitter(f);
        String eco = ecoOrganisme(f);
        if (emitter == null || eco == null || emitter.equals(eco)) {
            return Optional.empty();
        }
        return approverOrgId.equals(emitter) ? Optional.of(eco) : approverOrgId.equals(eco) ? Optional.of(emitter)
                : Optional.empty();
    }

    /** A BSDD can be revised once signed, unless it was refused or cancelled: why not, in its status. */
    static Optional<String> revisionRefusal(FormStatus status) {
        return switch (status) {
            case DRAFT, SEALED -> Optional.of("Aucune signature n'a encore été apposée sur ce bordereau : modifiez-le "
                    + "directement avec updateForm au lieu de demander une révision.");
            case REFUSED -> Optional.of("Ce bordereau a été refusé : il ne peut plus être révisé.");
            case CANCELED -> Optional.of("Ce bordereau a été annulé : il ne peut plus être révisé.");
            default -> Optional.empty();
        };
    }

    /** What the content may change on this BSDD, in its current status: cancellation or fields, and which ones. */
    static void checkContent(FormStatus status, BsddData f, List<Transporter> transporters,
                             FormRevisionRequestContent content) {
        Set<String> revised = RevisionContents.revisedFields(content);
        boolean cancel = RevisionContents.isCancellation(content);
        if (!cancel && revised.isEmpty()) {
            throw new ApiException.BadUserInput("La révision ne change rien : indiquez dans content les champs à "
                    + "réviser, ou isCanceled à true pour annuler le bordereau.");
        }
        if (cancel && !revised.isEmpty()) {
            throw new ApiException.BadUserInput("Une révision ne peut pas à la fois annuler et modifier un bordereau : "
                    + "retirez isCanceled ou les champs à modifier (" + String.join(", ", revised) + ").");
        }
        if (revised.stream().anyMatch(RevisionRules::isTemporaryStorageField)) {
            if (!isTempStorage(f)) {
                throw new ApiException.BadUserInput("Ce bordereau ne passe pas par un entreposage provisoire : retirez "
                        + "temporaryStorageDetail du contenu de la révision.");
            }
            boolean storerQuantities = revised.stream().anyMatch(p -> p.startsWith("temporaryStorageDetail.temporaryStorer"));
            if (storerQuantities && (f.temporaryStorageDetail.temporaryStorer == null
                    || f.temporaryStorageDetail.temporaryStorer.receivedAt == null)) {
                throw new ApiException.Forbidden("Le déchet n'a pas encore été réceptionné par l'installation "
                        + "d'entreposage provisoire : les quantités qu'elle a reçues ou refusées ne peuvent pas être "
                        + "révisées (temporaryStorageDetail.temporaryStorer).");
            }
        }
        EmitterType type = f.emitter == null ? null : f.emitter.type;
        if (cancel) {
            if (type == EmitterType.APPENDIX1 || type == EmitterType.APPENDIX1_PRODUCER) {
                throw new ApiException.Forbidden("Un bordereau de tournée dédiée (annexe 1), chapeau ou annexe, ne peut "
                        + "pas être annulé.");
            }
            if (!CANCELLABLE.contains(status)) {
                throw new ApiException.Forbidden("Le déchet a déjà été réceptionné par l'installation de destination "
                        + "(statut " + status + ") : le bordereau ne peut plus être annulé.");
            }
            return;
        }
        if ((content.quantityReceived != null || content.quantityRefused != null) && f.receivedAt == null) {
            throw new ApiException.Forbidden("Le déchet n'a pas encore été réceptionné : la quantité reçue ou refusée ne "
                    + "peut pas être révisée (quantityReceived, quantityRefused).");
        }
        if (content.quantityReceived != null && content.quantityReceived > ROAD_LIMIT_TONNES
                && transporters.size() == 1 && transporters.get(0).mode == TransportMode.ROAD) {
            throw new ApiException.Forbidden("Le transport s'est fait par la route : la quantité reçue ne peut pas "
                    + "dépasser 40 tonnes (quantityReceived).");
        }
        Set<String> notRevisable = new TreeSet<>(revised);
        if (type == EmitterType.APPENDIX1_PRODUCER) {
            notRevisable.removeAll(ITEM_FIELDS);
        } else {
            notRevisable.retainAll(ITEM_ONLY_FIELDS);
        }
        if (!notRevisable.isEmpty()) {
            throw new ApiException.BadUserInput("Révision impossible : ces champs ne sont pas révisables sur ce "
                    + "bordereau : " + String.join(", ", notRevisable) + ".");
        }
        String code = f.wasteDetails == null ? null : f.wasteDetails.code;
        if (content.wasteDetails != null && content.wasteDetails.sampleNumber != null
                && !SAMPLE_NUMBER_WASTE_CODES.contains(code)) {
            throw new ApiException.Forbidden("Le code déchet " + code + " ne comporte pas de numéro d'échantillon : "
                    + "retirez wasteDetails.sampleNumber.");
        }
        String newCode = content.wasteDetails == null ? null : content.wasteDetails.code;
        if (type == EmitterType.APPENDIX1 && newCode != null && !isAppendix1WasteCode(newCode)) {
            throw new ApiException.Forbidden("Le code déchet " + newCode + " ne peut pas figurer sur un bordereau de "
                    + "tournée dédiée (annexe 1) (wasteDetails.code).");
        }
    }

    /**
     * The checks of the revised values against the BSDD they revise, beyond those of the BSDD's own validation (which
     * the service runs on the revised BSDD: waste code, packagings, trader and broker, ...).
     */
    static Problems values(BsddData f, FormRevisionRequestContent content) {
        Problems p = new Problems();
        if (content.wasteDetails != null && content.wasteDetails.quantity != null) {
            p.require(content.wasteDetails.quantity > 0 && content.wasteDetails.quantity <= ABSOLUTE_LIMIT_TONNES,
                    "Déchet : la quantité doit être supérieure à 0 et d'au plus 50 000 tonnes (wasteDetails.quantity).");
        }
        operation(p, f, content);
        quantities(p, f, content);
        temporaryStorage(p, f, content);
        return p;
    }

    /** The temporary storer's revised quantities and the final destination's revised planned operation. */
    private static void temporaryStorage(Problems p, BsddData f, FormRevisionRequestContent content) {
        FormRevisionRequestTemporaryStorageDetail revised = content.temporaryStorageDetail;
        if (revised == null || !isTempStorage(f)) {
            return;
        }
        if (revised.destination != null && revised.destination.processingOperation != null) {
            p.require(BsddReferenceData.operation(revised.destination.processingOperation).isPresent(),
                    "Destination finale : l'opération « " + revised.destination.processingOperation + " » n'existe "
                    + "pas ; utilisez un code R 0 à R 13 ou D 1 à D 15 "
                    + "(temporaryStorageDetail.destination.processingOperation).");
        }
        FormRevisionRequestTemporaryStorer storer = revised.temporaryStorer;
        TemporaryStorer current = f.temporaryStorageDetail.temporaryStorer;
        if (storer == null || current == null || (storer.quantityReceived == null && storer.quantityRefused == null)) {
            return;
        }
        receivedQuantities(p, "Entreposage provisoire",
                storer.quantityReceived != null ? storer.quantityReceived : current.quantityReceived,
                storer.quantityRefused != null ? storer.quantityRefused : current.quantityRefused,
                current.wasteAcceptationStatus, "temporaryStorageDetail.temporaryStorer.");
    }

    private static void operation(Problems p, BsddData f, FormRevisionRequestContent content) {
        if (content.processingOperationDone == null && content.destinationOperationMode == null) {
            return;
        }
        String code = content.processingOperationDone != null ? content.processingOperationDone : f.processingOperationDone;
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(code);
        if (operation.isEmpty()) {
            p.add(content.processingOperationDone != null
                    ? "Traitement : l'opération « " + code + " » n'existe pas ; utilisez un code R 0 à R 13 ou D 1 à "
                    + "D 15 (processingOperationDone)."
                    : "Traitement : le bordereau n'a pas encore d'opération de traitement ; révisez le mode avec "
                    + "l'opération (processingOperationDone, destinationOperationMode).");
            return;
        }
        Set<OperationMode> modes = operation.get().modes();
        if (modes.isEmpty()) {
            p.require(content.destinationOperationMode == null, "Traitement : l'opération " + operation.get().code()
                    + " n'a pas de mode de traitement ; retirez-le (destinationOperationMode).");
            return;
        }
        OperationMode mode = content.destinationOperationMode != null ? content.destinationOperationMode
                : f.destinationOperationMode;
        if (mode == null) {
            p.add("Traitement : indiquez le mode de traitement de l'opération " + operation.get().code()
                    + " ; modes possibles : " + modes + " (destinationOperationMode).");
        } else {
            p.require(modes.contains(mode), "Traitement : le mode de traitement " + mode + " n'est pas compatible avec "
                    + "l'opération " + operation.get().code() + " ; indiquez l'un de ses modes : " + modes
                    + " (destinationOperationMode).");
        }
    }

    private static void quantities(Problems p, BsddData f, FormRevisionRequestContent content) {
        if (content.quantityReceived == null && content.quantityRefused == null) {
            return;
        }
        receivedQuantities(p, "Réception",
                content.quantityReceived != null ? content.quantityReceived : f.quantityReceived,
                content.quantityRefused != null ? content.quantityRefused : f.quantityRefused,
                f.wasteAcceptationStatus, "");
    }

    /**
     * Revised received and refused quantities (tonnes) against the acceptance already signed: within bounds, the
     * refused part within the received one, none refused when all was accepted, some but not all when partly refused.
     *
     * @param where  the frame named in the messages ({@code Réception}, {@code Entreposage provisoire})
     * @param prefix the path of the two fields in the revision's content
     */
    private static void receivedQuantities(Problems p, String where, Double received, Double refused,
                                           WasteAcceptationStatus acceptation, String prefix) {
        String receivedField = prefix + "quantityReceived";
        String refusedField = prefix + "quantityRefused";
        if (received != null) {
            p.require(received >= 0 && received <= ABSOLUTE_LIMIT_TONNES, where + " : la quantité reçue doit être "
                    + "comprise entre 0 et 50 000 tonnes (" + receivedField + ").");
        }
        if (refused == null) {
            return;
        }
        p.require(refused >= 0, where + " : la quantité refusée ne peut pas être négative (" + refusedField + ").");
        p.require(received == null || refused <= received, where + " : la quantité refusée ne peut pas dépasser la "
                + "quantité reçue (" + refusedField + ", " + receivedField + ").");
        if (acceptation == WasteAcceptationStatus.ACCEPTED) {
            p.require(refused == 0, where + " : le déchet a été accepté en totalité, la quantité refusée vaut 0 ("
                    + refusedField + ").");
        } else if (acceptation == WasteAcceptationStatus.PARTIALLY_REFUSED && received != null) {
            p.require(refused > 0 && refused < received, where + " : le déchet a été partiellement refusé, la "
                    + "quantité refusée doit être supérieure à 0 et inférieure à la quantité reçue (" + refusedField + ").");
        }
    }

    static boolean isAppendix1WasteCode(String code) {
        return BsddReferenceData.isDangerousWasteCode(code)
                && (APPENDIX1_WASTE_CODES.contains(code) || APPENDIX1_WASTE_CHAPTERS.stream().anyMatch(code::startsWith));
    }

    static boolean isTemporaryStorageField(String path) {
        return path.startsWith("temporaryStorageDetail");
    }

    private static boolean isTempStorage(BsddData f) {
        return TemporaryStorageService.isTempStorage(f) && f.temporaryStorageDetail != null;
    }

    /** The final destination after a temporary storage, if the BSDD has one. */
    private static String suiteDestination(BsddData f) {
        return isTempStorage(f) && f.temporaryStorageDetail.destination != null
                ? orgId(f.temporaryStorageDetail.destination.company) : null;
    }

    private static boolean isItem(BsddData f) {
        return f.emitter != null && f.emitter.type == EmitterType.APPENDIX1_PRODUCER;
    }

    private static String emitter(BsddData f) {
        return f.emitter == null ? null : orgId(f.emitter.company);
    }

    private static String ecoOrganisme(BsddData f) {
        return f.ecoOrganisme == null ? null : blankToNull(f.ecoOrganisme.siret);
    }

    private static String orgId(FormCompany company) {
        return company == null ? null : company.identifier();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
