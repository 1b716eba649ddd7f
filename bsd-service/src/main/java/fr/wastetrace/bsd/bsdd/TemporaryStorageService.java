package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.bsd.bsdd.BsddWrites.Loaded;
import fr.wastetrace.bsd.bsdd.graphql.DestinationInput;
import fr.wastetrace.bsd.bsdd.graphql.ResealedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ResentFormInput;
import fr.wastetrace.bsd.bsdd.graphql.SignEmissionFormInput;
import fr.wastetrace.bsd.bsdd.graphql.SignTransportFormInput;
import fr.wastetrace.bsd.bsdd.graphql.TempStoredFormInput;
import fr.wastetrace.bsd.bsdd.graphql.TempStorerAcceptedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterSignatureFormInput;
import fr.wastetrace.bsd.bsdd.graphql.UpdateFormInput;
import fr.wastetrace.bsd.bsdd.graphql.WasteDetailsRepackagingInput;
import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.StateSummary;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorer;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Temporary storage (spec bsdd.md §1.9, §2.2, S5): the temporary storer's reception and acceptance, the suite
 * (frames 14 to 19: final destination, repackaging, onward transporter) it completes and signs, the onward transport,
 * and the anticipated processing that ends the journey at the temporary storer. The suite is stored on the BSDD
 * itself ({@code temporaryStorageDetail}), so it is never listed or found on its own and changes with it in one
 * transaction.
 */
@ApplicationScoped
public class TemporaryStorageService {
    /** Statuses in which the waste is on its way to, or at, the final destination: views show the suite. */
    private static final Set<FormStatus> AFTER_RESEALING = EnumSet.of(FormStatus.RESEALED,
            FormStatus.SIGNED_BY_TEMP_STORER, FormStatus.RESENT, FormStatus.RECEIVED, FormStatus.ACCEPTED,
            FormStatus.REFUSED, FormStatus.PROCESSED, FormStatus.NO_TRACEABILITY, FormStatus.AWAITING_GROUP,
            FormStatus.GROUPED, FormStatus.FOLLOWED_WITH_PNTTD);
    private static final Set<FormStatus> AT_TEMP_STORER = EnumSet.of(FormStatus.TEMP_STORED,
            FormStatus.TEMP_STORER_ACCEPTED, FormStatus.RESEALED, FormStatus.SIGNED_BY_TEMP_STORER);

    @Inject
    BsddWrites writes;

    // ---------------------------------------------------------------- what other steps ask of the suite

    public static boolean isTempStorage(BsddData d) {
        return d.recipient != null && Boolean.TRUE.equals(d.recipient.isTempStorage);
    }

    /** create/update: the suite exists exactly when the recipient is a temporary storage facility. */
    static void applyInput(BsddData data, UpdateFormInput input) {
        if (input.temporaryStorageDetail != null) {
            if (!isTempStorage(data)) {
                throw new ApiException.BadUserInput("Une destination après entreposage provisoire ne peut être indiquée "
                        + "que si la destination est une installation d'entreposage provisoire : mettez "
                        + "recipient.isTempStorage à true (temporaryStorageDetail).");
            }
            TemporaryStorageDetail detail = Optional.ofNullable(data.temporaryStorageDetail)
                    .orElseGet(TemporaryStorageDetail::new);
            if (input.temporaryStorageDetail.destination != null) {
                detail.destination = mergeDestination(detail.destination, input.temporaryStorageDetail.destination);
            }
            data.temporaryStorageDetail = detail;
        } else if (input.temporaryStorageDetailCleared) {
            // Sent as null: the suite is removed (the flag stays; a later update without the field starts an empty one).
            data.temporaryStorageDetail = null;
        } else if (isTempStorage(data) && data.temporaryStorageDetail == null) {
            data.temporaryStorageDetail = new TemporaryStorageDetail();
        }
        if (!isTempStorage(data)) {
            data.temporaryStorageDetail = null;
        }
    }

    /** duplicateForm: the copy keeps the planned final destination, nothing of what happened since. */
    static TemporaryStorageDetail duplicateSuite(BsddData source) {
        if (!isTempStorage(source)) {
            return null;
        }
        TemporaryStorageDetail copy = new TemporaryStorageDetail();
        if (source.temporaryStorageDetail != null) {
            copy.destination = BsddWrites.copy(source.temporaryStorageDetail.destination, Destination.class);
        }
        return copy;
    }

    /** The suite's destination and transporter: they are on the BSDD too (permissions, listings). */
    static Set<String> suiteOrgIds(BsddData d) {
        Set<String> orgIds = new LinkedHashSet<>();
        TemporaryStorageDetail t = d.temporaryStorageDetail;
        if (t != null && t.destination != null) {
            orgIds.add(BsddPermissions.orgId(t.destination.company));
        }
        if (t != null && t.transporter != null) {
            orgIds.add(BsddPermissions.orgId(t.transporter.company));
        }
        orgIds.remove(null);
        return orgIds;
    }

    /**
     * The company that signs reception (and processing) of the BSDD: the final destination when the waste goes through
     * temporary storage, except the anticipated processing that the temporary storer signs itself.
     */
    static String signingDestination(BsddRecord form, boolean processing) {
        BsddData d = form.data;
        String recipient = d.recipient == null ? null : BsddPermissions.orgId(d.recipient.company);
        if (!isTempStorage(d) || processing && BsddLifecycle.acceptedAtTemporaryStorage(form.status())) {
            return recipient;
        }
        TemporaryStorageDetail t = d.temporaryStorageDetail;
        return t == null || t.destination == null ? null : BsddPermissions.orgId(t.destination.company);
    }

    /** Anticipated processing: the temporary storer's reception becomes the BSDD's and the suite goes away. */
    static void dropSuiteForAnticipatedProcessing(BsddData d) {
        TemporaryStorer storer = d.temporaryStorageDetail == null ? null : d.temporaryStorageDetail.temporaryStorer;
        if (storer != null) {
            d.receivedAt = storer.receivedAt;
            d.receivedBy = storer.receivedBy;
            d.signedAt = storer.signedAt;
            d.wasteAcceptationStatus = storer.wasteAcceptationStatus;
            d.wasteRefusalReason = storer.wasteRefusalReason;
            d.quantityReceived = storer.quantityReceived;
            d.quantityReceivedType = storer.quantityType;
            d.quantityRefused = storer.quantityRefused;
        }
        d.recipient.isTempStorage = false;
        d.temporaryStorageDetail = null;
    }

    /** The API view: deprecated mirrors, and a state summary that follows the waste once the suite is resealed. */
    static void completeView(Form form, BsddRecord record) {
        TemporaryStorageDetail t = form.temporaryStorageDetail;
        if (t == null) {
            return;
        }
        t.signedAt = t.emittedAt;
        t.signedBy = t.emittedBy;
        if (t.destination != null) {
            t.destination.isFilledByEmitter = false;
        }
        StateSummary s = form.stateSummary;
        if (AT_TEMP_STORER.contains(record.status()) && t.temporaryStorer != null) {
            s.lastActionOn = t.temporaryStorer.receivedAt;
        }
        if (!AFTER_RESEALING.contains(record.status())) {
            return;
        }
        s.emitter = form.recipient == null ? null : form.recipient.company;
        s.recipient = t.destination == null ? null : t.destination.company;
        WasteDetails w = t.wasteDetails;
        if (w != null) {
            s.quantity = form.quantityReceived != null ? form.quantityReceived : w.quantity;
            s.quantityType = form.quantityReceived != null ? form.quantityReceivedType : w.quantityType;
            s.packagingInfos = w.packagingInfos == null ? new ArrayList<>() : new ArrayList<>(w.packagingInfos);
            s.packagings = s.packagingInfos.stream().map(p -> p.type).distinct().toList();
            s.onuCode = w.onuCode;
            s.nonRoadRegulationMention = w.nonRoadRegulationMention;
            s.isSubjectToADR = w.isSubjectToADR;
        }
        if (t.transporter != null) {
            s.transporter = t.transporter.company;
            s.transporterNumberPlate = t.transporter.numberPlate;
            s.transporterCustomInfo = t.transporter.customInfo;
        }
        if (BsddLifecycle.sentOnFromTemporaryStorage(record.status())) {
            s.lastActionOn = t.takenOverAt;
        }
    }

    // ---------------------------------------------------------------- mutations

    @Transactional
    public Form markAsTempStored(CallerIdentity caller, String id, TempStoredFormInput input) {
        Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        checkTempStorer(companies, form, loaded, UserPermission.BSD_CAN_SIGN_ACCEPTATION, "réceptionner");
        if (!isTempStorage(form.data)) {
            throw new ApiException.BadUserInput("La destination de ce bordereau n'est pas une installation d'entreposage "
                    + "provisoire : réceptionnez-le avec markAsReceived.");
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.TEMP_STORE,
                BsddWrites.facts(form).withAcceptation(input.wasteAcceptationStatus));
        BsddValidation.reception(input.receivedBy, input.wasteAcceptationStatus, input.wasteRefusalReason,
                input.quantityReceived, input.quantityRefused, false, loaded.transporterData()).throwIfAny(null);
        TemporaryStorer storer = new TemporaryStorer();
        storer.receivedBy = input.receivedBy;
        storer.receivedAt = input.receivedAt;
        storer.quantityReceived = input.quantityReceived;
        storer.quantityType = input.quantityType;
        if (input.wasteAcceptationStatus != null) {
            accept(storer, input.wasteAcceptationStatus, input.wasteRefusalReason,
                    input.signedAt != null ? input.signedAt : input.receivedAt, input.quantityRefused);
        }
        form.data.temporaryStorageDetail.temporaryStorer = storer;
        prefillSuiteWaste(form.data);
        form.data.currentTransporterSiret = "";
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("markAsTempStored", input.receivedAt, input.receivedBy, BsddPermissions.orgId(form.data.recipient.company));
        return writes.save(loaded);
    }

    @Transactional
    public Form markAsTempStorerAccepted(CallerIdentity caller, String id, TempStorerAcceptedFormInput input) {
        Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        checkTempStorer(companies, form, loaded, UserPermission.BSD_CAN_SIGN_ACCEPTATION, "accepter");
        FormStatus next = BsddWrites.transition(form, BsddEvent.ACCEPT_AT_TEMP_STORAGE,
                BsddWrites.facts(form).withAcceptation(input.wasteAcceptationStatus));
        TemporaryStorer storer = form.data.temporaryStorageDetail.temporaryStorer;
        BsddValidation.reception(storer.receivedBy, input.wasteAcceptationStatus, input.wasteRefusalReason,
                input.quantityReceived, input.quantityRefused, true, loaded.transporterData()).throwIfAny(null);
        storer.quantityReceived = input.quantityReceived;
        storer.quantityType = input.quantityType;
        accept(storer, input.wasteAcceptationStatus, input.wasteRefusalReason, input.signedAt, input.quantityRefused);
        prefillSuiteWaste(form.data);
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("markAsTempStorerAccepted", input.signedAt, input.signedBy,
                BsddPermissions.orgId(form.data.recipient.company));
        return writes.save(loaded);
    }

    @Transactional
    public Form markAsResealed(CallerIdentity caller, String id, ResealedFormInput input) {
        Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        checkTempStorer(companies, form, loaded, UserPermission.BSD_CAN_UPDATE, "compléter");
        FormStatus next = BsddWrites.transition(form, BsddEvent.RESEAL, BsddWrites.facts(form));
        reseal(form, input.destination, input.wasteDetails, input.transporter);
        boolean changed = next != form.status();
        form.setStatus(next);
        if (changed) {
            writes.log(loaded, BsddWrites.patch(input));
        }
        return writes.save(loaded);
    }

    /** Deprecated markAsResent: the suite completed and signed by the temporary storer, the waste on its way. */
    @Transactional
    public Form markAsResent(CallerIdentity caller, String id, ResentFormInput input) {
        Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        checkTempStorer(companies, form, loaded, UserPermission.BSD_CAN_SIGN_EMISSION, "réexpédier");
        FormStatus next = BsddWrites.transition(form, BsddEvent.RESEND, BsddWrites.facts(form));
        reseal(form, input.destination, input.wasteDetails, input.transporter);
        TemporaryStorageDetail t = form.data.temporaryStorageDetail;
        t.emittedAt = input.signedAt;
        t.emittedBy = input.signedBy;
        suiteEmissionProblems(t, input.signedBy).throwIfAny(null);
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("markAsResent", input.signedAt, input.signedBy, BsddPermissions.orgId(form.data.recipient.company));
        return writes.save(loaded);
    }

    /** signEmissionForm on a resealed BSDD: the temporary storer signs the suite (frame 19). */
    Form signSuiteEmission(CallerIdentity caller, CallerCompanies companies, Loaded loaded, SignEmissionFormInput input,
                           Integer securityCode) {
        BsddRecord form = loaded.form();
        String storer = BsddPermissions.orgId(form.data.recipient.company);
        writes.checkSigner(caller, companies, storer, securityCode,
                BsddPermissions.canSignEmissionDirectly(companies, storer));
        TemporaryStorageDetail t = form.data.temporaryStorageDetail;
        WasteDetails w = Optional.ofNullable(t.wasteDetails).orElseGet(WasteDetails::new);
        t.wasteDetails = w;
        if (input.packagingInfos != null) {
            w.packagingInfos = BsddEditing.packagingInfos(input.packagingInfos);
        }
        w.quantity = input.quantity;
        if (input.onuCode != null) {
            w.onuCode = input.onuCode;
        }
        if (input.nonRoadRegulationMention != null) {
            w.nonRoadRegulationMention = input.nonRoadRegulationMention;
        }
        if (input.transporterNumberPlate != null && t.transporter != null) {
            t.transporter.numberPlate = input.transporterNumberPlate;
        }
        t.emittedAt = input.emittedAt;
        t.emittedBy = input.emittedBy;
        suiteEmissionProblems(t, input.emittedBy).throwIfAny(null);
        form.setStatus(BsddWrites.transition(form, BsddEvent.SIGN_EMISSION, BsddWrites.facts(form)));
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("signEmissionForm", input.emittedAt, input.emittedBy, storer);
        return writes.save(loaded);
    }

    /** signTransportForm on a BSDD signed by the temporary storer: the suite's transporter takes the waste over. */
    Form signSuiteTransport(CallerIdentity caller, CallerCompanies companies, Loaded loaded, SignTransportFormInput input,
                            Integer securityCode) {
        BsddRecord form = loaded.form();
        TemporaryStorageDetail t = form.data.temporaryStorageDetail;
        if (t.transporter == null) {
            throw new ApiException.BadUserInput("Aucun transporteur n'est indiqué après l'entreposage provisoire : "
                    + "ajoutez-le avec markAsResealed avant de signer l'enlèvement.");
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.SIGN_TRANSPORT, BsddWrites.facts(form));
        Transporter transporter = t.transporter;
        String signer = BsddPermissions.orgId(transporter.company);
        writes.checkSigner(caller, companies, signer, securityCode,
                BsddPermissions.canSignTransportDirectly(companies, signer));
        if (input.transporterNumberPlate != null) {
            transporter.numberPlate = input.transporterNumberPlate;
        }
        if (input.transporterTransportMode != null) {
            transporter.mode = input.transporterTransportMode;
        }
        if (transporter.company != null) {
            transporter.company.contact = Optional.ofNullable(input.transporterCompanyContact).orElse(transporter.company.contact);
            transporter.company.mail = Optional.ofNullable(input.transporterCompanyMail).orElse(transporter.company.mail);
            transporter.company.phone = Optional.ofNullable(input.transporterCompanyPhone).orElse(transporter.company.phone);
        }
        recipifySuiteTransporter(form.data);
        BsddData onward = new BsddData();
        onward.wasteDetails = t.wasteDetails;
        BsddValidation.transport(onward, List.of(transporter), transporter, input.takenOverBy, true).throwIfAny(null);
        transporter.takenOverAt = input.takenOverAt;
        transporter.takenOverBy = input.takenOverBy;
        t.takenOverAt = input.takenOverAt;
        t.takenOverBy = input.takenOverBy;
        form.data.currentTransporterSiret = signer;
        form.data.nextTransporterSiret = null;
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("signTransportForm", input.takenOverAt, input.takenOverBy, signer);
        return writes.save(loaded);
    }

    /**
     * Deprecated signedByTransporter on a resealed BSDD: the onward transporter signs the suite's emission and its
     * own pick-up at once, with the temporary storer's security code.
     */
    Form signedBySuiteTransporter(CallerIdentity caller, CallerCompanies companies, Loaded loaded,
                                  TransporterSignatureFormInput input) {
        BsddRecord form = loaded.form();
        TemporaryStorageDetail t = form.data.temporaryStorageDetail;
        Transporter transporter = t.transporter;
        if (transporter == null || !companies.can(UserPermission.BSD_CAN_SIGN_TRANSPORT,
                BsddPermissions.orgId(transporter.company))) {
            throw new ApiException.Forbidden("Seul le transporteur indiqué après l'entreposage provisoire peut signer "
                    + "l'enlèvement.");
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.SIGN_BY_TRANSPORTER, BsddWrites.facts(form));
        writes.checkSigner(caller, companies, BsddPermissions.orgId(form.data.recipient.company), input.securityCode, false);
        WasteDetails w = Optional.ofNullable(t.wasteDetails).orElseGet(WasteDetails::new);
        t.wasteDetails = w;
        if (input.packagingInfos != null) {
            w.packagingInfos = BsddEditing.packagingInfos(input.packagingInfos);
        }
        w.quantity = input.quantity;
        if (input.onuCode != null) {
            w.onuCode = input.onuCode;
        }
        if (transporter.mode == null) {
            transporter.mode = TransportMode.ROAD; // the deprecated input has no mode: road, as it always was
        }
        t.emittedAt = input.sentAt;
        t.emittedBy = input.sentBy;
        suiteEmissionProblems(t, input.sentBy).throwIfAny(null);
        BsddData onward = new BsddData();
        onward.wasteDetails = w;
        BsddValidation.transport(onward, List.of(transporter), transporter, input.sentBy, false).throwIfAny(null);
        transporter.takenOverAt = input.sentAt;
        transporter.takenOverBy = input.sentBy;
        t.takenOverAt = input.sentAt;
        t.takenOverBy = input.sentBy;
        form.data.currentTransporterSiret = BsddPermissions.orgId(transporter.company);
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("signedByTransporter", input.sentAt, input.sentBy, BsddPermissions.orgId(form.data.recipient.company));
        return writes.save(loaded);
    }

    // ---------------------------------------------------------------- plumbing

    /** Only the temporary storer (the BSDD's recipient) acts on its reception and on the suite. */
    private static void checkTempStorer(CallerCompanies companies, BsddRecord form, Loaded loaded,
                                        UserPermission permission, String verb) {
        BsddWrites.refuseIfCanceled(form);
        String recipient = form.data.recipient == null ? null : BsddPermissions.orgId(form.data.recipient.company);
        if (!companies.can(permission, recipient)) {
            throw new ApiException.Forbidden("Seule l'installation d'entreposage provisoire du bordereau (sa destination) "
                    + "peut le " + verb + ".");
        }
    }

    private static void accept(TemporaryStorer storer, WasteAcceptationStatus status, String refusalReason,
                               Instant signedAt, Double refused) {
        storer.wasteAcceptationStatus = status;
        storer.wasteRefusalReason = refusalReason;
        storer.signedAt = signedAt;
        storer.quantityRefused = refused;
        storer.quantityAccepted = acceptedQuantity(storer);
    }

    /** What the temporary storer accepted, from its acceptance and its received and refused quantities. */
    public static Double acceptedQuantity(TemporaryStorer storer) {
        BsddData reception = new BsddData();
        reception.wasteAcceptationStatus = storer.wasteAcceptationStatus;
        reception.quantityReceived = storer.quantityReceived;
        reception.quantityRefused = storer.quantityRefused;
        return BsddViews.quantityAccepted(reception);
    }

    /** Once the waste is accepted, the suite's waste starts as the accepted part of the initial waste. */
    private static void prefillSuiteWaste(BsddData d) {
        TemporaryStorageDetail t = d.temporaryStorageDetail;
        TemporaryStorer storer = t.temporaryStorer;
        if (storer == null || storer.quantityAccepted == null || storer.wasteAcceptationStatus == WasteAcceptationStatus.REFUSED) {
            return;
        }
        WasteDetails w = BsddWrites.copy(d.wasteDetails, WasteDetails.class);
        if (w == null) {
            w = new WasteDetails();
        }
        w.quantity = storer.quantityAccepted;
        w.quantityType = storer.quantityType;
        t.wasteDetails = w;
    }

    /** markAsResealed / markAsResent: builds or updates the suite, then checks it as a whole. */
    private void reseal(BsddRecord form, DestinationInput destination, WasteDetailsRepackagingInput waste,
                        TransporterInput transporter) {
        BsddData d = form.data;
        if (!isTempStorage(d)) {
            addStorage(d);
        }
        TemporaryStorageDetail t = d.temporaryStorageDetail;
        if (t.wasteDetails == null) {
            WasteDetails w = Optional.ofNullable(BsddWrites.copy(d.wasteDetails, WasteDetails.class)).orElseGet(WasteDetails::new);
            TemporaryStorer storer = t.temporaryStorer;
            w.quantity = storer != null && storer.quantityAccepted != null ? storer.quantityAccepted : w.quantity;
            w.quantityType = QuantityType.REAL;
            t.wasteDetails = w;
        }
        if (destination != null) {
            t.destination = mergeDestination(t.destination, destination);
        }
        if (waste != null) {
            WasteDetails w = t.wasteDetails;
            w.onuCode = Optional.ofNullable(waste.onuCode).orElse(w.onuCode);
            w.nonRoadRegulationMention = Optional.ofNullable(waste.wasteDetailsNonRoadRegulationMention)
                    .orElse(w.nonRoadRegulationMention);
            if (waste.packagingInfos != null) {
                w.packagingInfos = BsddEditing.packagingInfos(waste.packagingInfos);
                w.packagings = w.packagingInfos.stream().map(p -> p.type).distinct().toList();
                w.numberOfPackages = w.packagingInfos.stream().mapToInt(p -> p.quantity).sum();
            }
            w.quantity = Optional.ofNullable(waste.quantity).orElse(w.quantity);
            w.quantityType = Optional.ofNullable(waste.quantityType).orElse(w.quantityType);
        }
        if (transporter != null) {
            Transporter onward = Optional.ofNullable(t.transporter).orElseGet(() -> {
                Transporter created = new Transporter();
                created.id = Ids.newId();
                return created;
            });
            BsddEditing.mergeTransporter(onward, transporter);
            t.transporter = onward;
        }
        recipifySuiteTransporter(d);
        BsddValidation.suite(d, writes.known(d, List.of())).throwIfAny("Les informations après entreposage provisoire "
                + "sont incomplètes ou erronées :");
    }

    /** An accepted direct BSDD whose destination decides to forward the waste: its reception moves to frame 13. */
    private static void addStorage(BsddData d) {
        TemporaryStorer storer = new TemporaryStorer();
        storer.receivedAt = d.receivedAt;
        storer.receivedBy = d.receivedBy;
        storer.signedAt = d.signedAt;
        storer.wasteAcceptationStatus = d.wasteAcceptationStatus;
        storer.wasteRefusalReason = d.wasteRefusalReason;
        storer.quantityReceived = d.quantityReceived;
        storer.quantityType = d.quantityReceivedType;
        storer.quantityRefused = d.quantityRefused;
        storer.quantityAccepted = BsddViews.quantityAccepted(d);
        d.receivedAt = null;
        d.receivedBy = null;
        d.signedAt = null;
        d.wasteAcceptationStatus = null;
        d.wasteRefusalReason = null;
        d.quantityReceived = null;
        d.quantityReceivedType = null;
        d.quantityRefused = null;
        d.recipient.isTempStorage = true;
        d.temporaryStorageDetail = new TemporaryStorageDetail();
        d.temporaryStorageDetail.temporaryStorer = storer;
    }

    private void recipifySuiteTransporter(BsddData d) {
        Transporter onward = d.temporaryStorageDetail.transporter;
        if (onward == null) {
            return;
        }
        TransporterRecord wrapper = new TransporterRecord();
        wrapper.data = onward;
        BsddEditing.recipify(new BsddData(), List.of(wrapper), writes.known(new BsddData(), List.of(wrapper)));
    }

    private static Problems suiteEmissionProblems(TemporaryStorageDetail t, String signedBy) {
        Problems p = new Problems();
        WasteDetails w = t.wasteDetails;
        p.require(w != null && w.packagingInfos != null && !w.packagingInfos.isEmpty(), "Déchet après entreposage : "
                + "indiquez au moins un conditionnement avant de signer (temporaryStorageDetail.wasteDetails.packagingInfos).");
        p.require(w != null && w.quantity != null && w.quantity > 0, "Déchet après entreposage : la quantité doit être "
                + "supérieure à 0 (temporaryStorageDetail.wasteDetails.quantity).");
        p.require(signedBy != null && !signedBy.isBlank(), "Signature : le nom du signataire est obligatoire (emittedBy).");
        return p;
    }

    private static Destination mergeDestination(Destination current, DestinationInput input) {
        Destination target = Optional.ofNullable(current).orElseGet(Destination::new);
        try {
            BsddWrites.MERGE.readerForUpdating(target).readValue((JsonNode) Patches.of(input));
        } catch (IOException e) {
            throw new ApiException.BadUserInput("La destination après entreposage provisoire ne peut pas être lue : "
                    + "vérifiez ses types (temporaryStorageDetail.destination).");
        }
        if (target.processingOperation != null) {
            target.processingOperation = BsddReferenceData.operation(target.processingOperation)
                    .map(ProcessingOperation::code).orElse(target.processingOperation);
        }
        FormCompany company = target.company;
        if (company != null) {
            company.orgId = company.identifier();
        }
        target.isFilledByEmitter = null;
        return target;
    }
}
