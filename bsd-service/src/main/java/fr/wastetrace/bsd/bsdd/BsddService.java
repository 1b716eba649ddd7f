package fr.wastetrace.bsd.bsdd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdd.graphql.AcceptedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.PackagingInfoInput;
import fr.wastetrace.bsd.bsdd.graphql.ProcessedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ReceivedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.SignEmissionFormInput;
import fr.wastetrace.bsd.bsdd.graphql.SignTransportFormInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterSignatureFormInput;
import fr.wastetrace.bsd.bsdd.graphql.UpdateFormInput;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.FormData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.NextDestination;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.FormRecord;
import fr.wastetrace.bsd.bsdd.persistence.FormRepository;
import fr.wastetrace.bsd.bsdd.persistence.GroupingRepository;
import fr.wastetrace.bsd.bsdd.persistence.StatusLogRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.bsd.common.TransportMode;
import fr.wastetrace.bsd.common.WasteAcceptationStatus;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.core.signature.SecurityCodeGuard;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.bsd.BsddEvents;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The BSDD mutations. Each runs in one transaction: the BSDD row is locked, permissions and the lifecycle table are
 * checked, the step's validation runs, then the change, its status log and its event (outbox) are written together;
 * any error leaves the BSDD as it was.
 */
@ApplicationScoped
public class BsddService {
    static final String AUTO_SIGNATURE_INDIVIDUAL = "Signature automatique (particulier)";
    static final String AUTO_SIGNATURE_SHIP = "Signature automatique (navire étranger)";
    /** emittedBy of an appendix-1 item its transporter took over without the producer's signature (spec §2.8). */
    static final String AUTO_SIGNATURE_APPENDIX1 = "Signature automatique Trackdéchets";
    private static final Set<FormStatus> EDITABLE = EnumSet.of(FormStatus.DRAFT, FormStatus.SEALED,
            FormStatus.SIGNED_BY_PRODUCER, FormStatus.SENT, FormStatus.RECEIVED, FormStatus.ACCEPTED,
            FormStatus.TEMP_STORED, FormStatus.TEMP_STORER_ACCEPTED, FormStatus.RESEALED,
            FormStatus.SIGNED_BY_TEMP_STORER, FormStatus.RESENT);
    private static final DateTimeFormatter READABLE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    /** Merges a client's partial input into a stored document: nested objects merge, lists are replaced. */
    static final ObjectMapper MERGE = EventCodec.mapper().copy().setDefaultMergeable(true);
    static final ObjectMapper PATCH = EventCodec.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        MERGE.configOverride(List.class).setMergeable(false);
        MERGE.configOverride(ArrayList.class).setMergeable(false);
    }

    @Inject
    FormRepository forms;
    @Inject
    CompanyDirectory directory;
    @Inject
    Outbox outbox;
    @Inject
    SecurityCodeGuard securityCodes;
    @Inject
    TemporaryStorageService temporaryStorage;
    @Inject
    GroupingService groupings;
    @Inject
    GroupingRepository groupingRepository;

    private final Clock clock = Clock.systemUTC();

    /** A BSDD loaded for a change, with its transporters. */
    record Loaded(FormRecord form, List<TransporterRecord> transporters) {
        List<Transporter> transporterData() {
            return data(transporters);
        }
    }

    // ---------------------------------------------------------------- create / update

    @Transactional
    public Form create(CallerIdentity caller, UpdateFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Instant now = clock.instant();
        FormRecord form = new FormRecord();
        form.id = Ids.newId();
        form.readableId = newReadableId(now);
        form.status = FormStatus.DRAFT;
        form.version = 0;
        form.ownerSubject = caller.subject();
        form.createdAt = now;
        form.updatedAt = now;
        applyContent(form.data, input);
        TemporaryStorageService.applyInput(form.data, input);
        List<TransporterRecord> transporters = transportersFromInput(form, List.of(), input, now);
        Map<String, CompanyView> known = known(form.data, transporters);
        recipify(form.data, transporters, known);
        BsddPermissions.checkCanCreate(companies, form.data, data(transporters));
        groupings.applyInput(form, input);
        form.draftAccessOrgIds = new LinkedHashSet<>(BsddPermissions.contributors(form.data, data(transporters)));
        form.draftAccessOrgIds.retainAll(companies.orgIds());
        BsddValidation.draft(form.data, data(transporters), known).throwIfAny(null);
        form.version = 1;
        forms.insert(form, transporters);
        transporters.forEach(t -> saveTransporter(t, true));
        log(form, caller, patch(input));
        return publish(form, transporters);
    }

    @Transactional
    public Form update(CallerIdentity caller, UpdateFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(input.id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanUpdate(companies, form, loaded.transporterData());
        if (!EDITABLE.contains(form.status)) {
            throw new ApiException.Forbidden("Ce bordereau est au statut " + form.status + " : il ne peut plus être modifié.");
        }
        JsonNode before = snapshot(form.data, loaded.transporters());
        FormData previous = copy(form.data);
        List<Transporter> previousTransporters = loaded.transporters().stream().map(t -> copy(t.data, Transporter.class)).toList();
        Instant now = clock.instant();
        applyContent(form.data, input);
        TemporaryStorageService.applyInput(form.data, input);
        Set<String> ungrouped = groupings.applyInput(form, input);
        List<TransporterRecord> transporters = transportersFromInput(form, loaded.transporters(), input, now);
        Map<String, CompanyView> known = known(form.data, transporters);
        recipify(form.data, transporters, known);
        Set<String> changed = JsonDiff.changedPaths(before, snapshot(form.data, transporters));
        groupings.checkEmitterKept(form, previous);
        String emissionSigner = Boolean.TRUE.equals(previous.emittedByEcoOrganisme) && previous.ecoOrganisme != null
                ? previous.ecoOrganisme.siret
                : previous.emitter == null ? null : BsddPermissions.orgId(previous.emitter.company);
        BsddLocks.checkUnlocked(form.status, previous, previousTransporters, changed, companies.isMemberOf(emissionSigner));
        checkSignedTransportersStay(previousTransporters, transporters);
        BsddPermissions.checkStillOnForm(companies, form.data, data(transporters));
        if (form.status == FormStatus.DRAFT) {
            form.draftAccessOrgIds.addAll(BsddPermissions.contributors(form.data, data(transporters)).stream()
                    .filter(companies::isMemberOf).toList());
            BsddValidation.draft(form.data, data(transporters), known).throwIfAny(null);
        } else {
            BsddValidation.sealed(form.data, data(transporters), known).throwIfAny(SEAL_INTRO);
        }
        detachRemoved(loaded.transporters(), transporters);
        transporters.forEach(t -> saveTransporter(t, loaded.transporters().stream().noneMatch(o -> o.id().equals(t.id()))));
        Form saved = save(form, transporters, now);
        groupings.recompute(ungrouped);
        return saved;
    }

    private static final String SEAL_INTRO = "Le bordereau ne peut pas être validé car des informations obligatoires "
            + "manquent ou sont erronées :";

    /** Copies the client's fields into the document (only those given) and applies the automatic corrections. */
    static void applyContent(FormData data, UpdateFormInput input) {
        ObjectNode patch = PATCH.valueToTree(input);
        for (String ignored : List.of("id", "transporter", "transporters", "appendix2Forms", "grouping",
                "temporaryStorageDetail")) {
            patch.remove(ignored);
        }
        for (String receipted : List.of("trader", "broker")) {
            if (patch.get(receipted) instanceof ObjectNode node) {
                node.remove(List.of("receipt", "department", "validityLimit"));
            }
        }
        if (patch.get("wasteDetails") instanceof ObjectNode waste && waste.get("packagingInfos") instanceof ArrayNode infos) {
            infos.forEach(info -> ((ObjectNode) info).remove(List.of("numero", "weight")));
        }
        try {
            MERGE.readerForUpdating(data).readValue(patch);
        } catch (java.io.IOException e) {
            throw new ApiException.BadUserInput("Les données du bordereau ne peuvent pas être lues : vérifiez leurs types.");
        }
        normalize(data);
    }

    static void normalize(FormData data) {
        WasteDetails w = data.wasteDetails;
        if (w != null) {
            if (w.isDangerous == null && w.code != null) {
                w.isDangerous = BsddReferenceData.isDangerousWasteCode(w.code);
            }
            if (w.packagingInfos != null && w.packagingInfos.stream().anyMatch(p -> p.type == Packagings.PIPELINE)) {
                data.isDirectSupply = true;
                w.packagingInfos = new ArrayList<>(w.packagingInfos.stream().filter(p -> p.type != Packagings.PIPELINE).toList());
            }
            if (w.packagingInfos != null) {
                w.packagings = w.packagingInfos.stream().map(p -> p.type).distinct().toList();
                w.numberOfPackages = w.packagingInfos.stream().mapToInt(p -> p.quantity).sum();
            }
        }
        if (data.recipient != null && data.recipient.processingOperation != null) {
            data.recipient.processingOperation = BsddReferenceData.operation(data.recipient.processingOperation)
                    .map(ProcessingOperation::code).orElse(data.recipient.processingOperation);
        }
        setOrgIds(data);
    }

    private static void setOrgIds(FormData data) {
        List<FormCompany> companies = new ArrayList<>(data.intermediaries);
        if (data.emitter != null) {
            companies.add(data.emitter.company);
        }
        if (data.recipient != null) {
            companies.add(data.recipient.company);
        }
        if (data.trader != null) {
            companies.add(data.trader.company);
        }
        if (data.broker != null) {
            companies.add(data.broker.company);
        }
        companies.stream().filter(Objects::nonNull).forEach(c -> c.orgId = c.identifier());
    }

    /** The transporter list after the input: {@code transporter} edits number 1, {@code transporters} sets the list. */
    List<TransporterRecord> transportersFromInput(FormRecord form, List<TransporterRecord> current,
                                                          UpdateFormInput input, Instant now) {
        if (input.transporter != null && input.transporters != null) {
            throw new ApiException.BadUserInput("Indiquez soit transporter, soit transporters, mais pas les deux "
                    + "(transporter, transporters).");
        }
        List<TransporterRecord> result = new ArrayList<>();
        current.forEach(t -> result.add(copy(t)));
        if (input.transporter != null) {
            if (result.isEmpty()) {
                TransporterRecord created = new TransporterRecord();
                created.data.id = Ids.newId();
                created.createdAt = now;
                result.add(created);
            }
            mergeTransporter(result.get(0).data, input.transporter);
        }
        if (input.transporters != null) {
            if (input.transporters.size() > BsddValidation.MAX_TRANSPORTERS) {
                throw new ApiException.BadUserInput("Un bordereau compte au plus 5 transporteurs (transporters).");
            }
            if (new HashSet<>(input.transporters).size() != input.transporters.size()) {
                throw new ApiException.BadUserInput("Un même transporteur ne peut figurer qu'une fois (transporters).");
            }
            result.clear();
            for (String id : input.transporters) {
                TransporterRecord t = current.stream().filter(c -> c.id().equals(id)).findFirst().map(BsddService::copy)
                        .orElseGet(() -> forms.findTransporterForUpdate(id)
                                .filter(found -> found.formId == null)
                                .orElseThrow(() -> new ApiException.BadUserInput("Le transporteur « " + id
                                        + " » est introuvable ou déjà rattaché à un autre bordereau (transporters).")));
                result.add(t);
            }
        }
        for (int i = 0; i < result.size(); i++) {
            result.get(i).formId = form.id;
            result.get(i).number = i + 1;
        }
        return result;
    }

    static void mergeTransporter(Transporter target, TransporterInput input) {
        ObjectNode patch = PATCH.valueToTree(input);
        patch.remove(List.of("receipt", "department", "validityLimit"));
        try {
            MERGE.readerForUpdating(target).readValue(patch);
        } catch (java.io.IOException e) {
            throw new ApiException.BadUserInput("Les données du transporteur ne peuvent pas être lues : vérifiez leurs types.");
        }
        if (target.company != null) {
            target.company.orgId = target.company.identifier();
        }
    }

    private static void checkSignedTransportersStay(List<Transporter> before, List<TransporterRecord> after) {
        for (int i = 0; i < before.size(); i++) {
            Transporter signed = before.get(i);
            if (signed.takenOverAt != null && (i >= after.size() || !after.get(i).id().equals(signed.id))) {
                throw new ApiException.Forbidden("Ces champs ont été verrouillés par une signature et ne peuvent plus "
                        + "être modifiés : transporters[" + i + "] (un transporteur qui a signé ne peut être ni retiré ni "
                        + "déplacé)");
            }
        }
    }

    private void detachRemoved(List<TransporterRecord> before, List<TransporterRecord> after) {
        for (TransporterRecord old : before) {
            if (after.stream().noneMatch(t -> t.id().equals(old.id()))) {
                forms.deleteTransporter(old.id());
            }
        }
    }

    void saveTransporter(TransporterRecord t, boolean isNew) {
        if (isNew && forms.findTransporterForUpdate(t.id()).isEmpty()) {
            forms.insertTransporter(t);
        } else {
            forms.updateTransporter(t);
        }
    }

    /** Receipts are copied from the companies' profiles, whatever the client sent. */
    static void recipify(FormData data, List<TransporterRecord> transporters, Map<String, CompanyView> known) {
        for (TransporterRecord t : transporters) {
            if (t.data.takenOverAt != null) {
                continue;
            }
            CompanyState.Receipt receipt = Optional.ofNullable(t.data.company).map(FormCompany::identifier)
                    .map(known::get).map(CompanyView::transporterReceipt).orElse(null);
            t.data.receipt = receipt == null ? null : receipt.receiptNumber();
            t.data.department = receipt == null ? null : receipt.department();
            t.data.validityLimit = receipt == null ? null : receipt.validityLimit();
        }
        if (data.trader != null) {
            CompanyState.Receipt r = Optional.ofNullable(data.trader.company).map(FormCompany::identifier).map(known::get)
                    .map(CompanyView::traderReceipt).orElse(null);
            data.trader.receipt = r == null ? null : r.receiptNumber();
            data.trader.department = r == null ? null : r.department();
            data.trader.validityLimit = r == null ? null : r.validityLimit();
        }
        if (data.broker != null) {
            CompanyState.Receipt r = Optional.ofNullable(data.broker.company).map(FormCompany::identifier).map(known::get)
                    .map(CompanyView::brokerReceipt).orElse(null);
            data.broker.receipt = r == null ? null : r.receiptNumber();
            data.broker.department = r == null ? null : r.department();
            data.broker.validityLimit = r == null ? null : r.validityLimit();
        }
    }

    // ---------------------------------------------------------------- seal and signatures

    @Transactional
    public Form seal(CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        List<Transporter> transporters = loaded.transporterData();
        BsddPermissions.checkCanSeal(companies, form, transporters);
        FormStatus sealed = transition(form, BsddEvent.SEAL, facts(form, loaded));
        BsddValidation.sealed(form.data, transporters, known(form.data, loaded.transporters())).throwIfAny(SEAL_INTRO);
        Instant now = clock.instant();
        form.status = sealed;
        log(form, caller, null);
        Emitter emitter = form.data.emitter;
        BsddFacts facts = facts(form, loaded);
        Optional<FormStatus> autoSigned = BsddLifecycle.next(form.status, BsddEvent.AUTO_SIGN_EMISSION, facts);
        if (autoSigned.isPresent()) {
            form.data.emittedAt = now;
            form.data.emittedBy = Boolean.TRUE.equals(emitter.isForeignShip) ? AUTO_SIGNATURE_SHIP : AUTO_SIGNATURE_INDIVIDUAL;
            form.status = autoSigned.get();
            log(form, caller, null);
        }
        return save(form, loaded.transporters(), now);
    }

    @Transactional
    public Form signEmission(CallerIdentity caller, String id, SignEmissionFormInput input, Integer securityCode) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanRead(companies, form, loaded.transporterData());
        refuseIfCanceled(form);
        if (form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1) {
            throw new ApiException.BadUserInput("Un bordereau chapeau (annexe 1) ne se signe pas : ce sont ses bordereaux "
                    + "d'annexe 1 que signent les producteurs.");
        }
        if (form.status == FormStatus.RESEALED) {
            return temporaryStorage.signSuiteEmission(caller, companies, loaded, input, securityCode);
        }
        Optional<FormStatus> next = BsddLifecycle.next(form.status, BsddEvent.SIGN_EMISSION, facts(form, loaded));
        if (next.isEmpty() || form.status != FormStatus.SEALED) {
            throw new ApiException.BadUserInput("Ce bordereau n'attend pas la signature de l'émetteur (statut "
                    + form.status + ").");
        }
        boolean byEco = Boolean.TRUE.equals(input.emittedByEcoOrganisme);
        String signer;
        if (byEco) {
            if (form.data.ecoOrganisme == null) {
                throw new ApiException.BadUserInput("Aucun éco-organisme ne figure sur ce bordereau : il ne peut pas signer "
                        + "à la place de l'émetteur (emittedByEcoOrganisme).");
            }
            signer = form.data.ecoOrganisme.siret;
        } else {
            signer = form.data.emitter == null ? null : BsddPermissions.orgId(form.data.emitter.company);
        }
        checkSigner(caller, companies, signer, securityCode, BsddPermissions.canSignEmissionDirectly(companies, signer));
        WasteDetails w = form.data.wasteDetails == null ? new WasteDetails() : form.data.wasteDetails;
        form.data.wasteDetails = w;
        if (input.packagingInfos != null) {
            w.packagingInfos = packagingInfos(input.packagingInfos);
        }
        w.quantity = input.quantity;
        if (input.onuCode != null) {
            w.onuCode = input.onuCode;
        }
        if (input.nonRoadRegulationMention != null) {
            w.nonRoadRegulationMention = input.nonRoadRegulationMention;
        }
        if (input.transporterNumberPlate != null && !loaded.transporters().isEmpty()) {
            loaded.transporters().get(0).data.numberPlate = input.transporterNumberPlate;
        }
        form.data.emittedAt = input.emittedAt;
        form.data.emittedBy = input.emittedBy;
        form.data.emittedByEcoOrganisme = byEco;
        normalize(form.data);
        BsddValidation.emission(form.data, loaded.transporterData(), known(form.data, loaded.transporters()), input.emittedBy)
                .throwIfAny(null);
        form.status = BsddLifecycle.next(form.status, BsddEvent.SIGN_EMISSION, facts(form, loaded)).orElseThrow();
        if (form.status == FormStatus.SENT) {
            form.data.takenOverAt = input.emittedAt;
            form.data.takenOverBy = input.emittedBy;
            form.data.sentAt = input.emittedAt;
            form.data.sentBy = input.emittedBy;
        }
        loaded.transporters().forEach(forms::updateTransporter);
        log(form, caller, patch(input));
        return save(form, loaded.transporters(), clock.instant());
    }

    @Transactional
    public Form signTransport(CallerIdentity caller, String id, SignTransportFormInput input, Integer securityCode) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanRead(companies, form, loaded.transporterData());
        refuseIfCanceled(form);
        if (form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1) {
            throw new ApiException.Forbidden("Le transport d'un bordereau chapeau (annexe 1) ne se signe pas : "
                    + "signez le transport de ses bordereaux d'annexe 1.");
        }
        if (form.status == FormStatus.SIGNED_BY_TEMP_STORER) {
            return temporaryStorage.signSuiteTransport(caller, companies, loaded, input, securityCode);
        }
        if (loaded.transporters().isEmpty()) {
            throw new ApiException.BadUserInput("Aucun transporteur ne figure sur ce bordereau : ajoutez-en un avant de "
                    + "signer l'enlèvement.");
        }
        TransporterRecord signing = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null).findFirst()
                .orElseThrow(() -> new ApiException.BadUserInput("Tous les transporteurs du bordereau ont déjà signé "
                        + "l'enlèvement."));
        String signer = BsddPermissions.orgId(signing.data.company);
        boolean producerSignatureSkipped = form.status == FormStatus.SEALED
                && appendix1ProducerSignatureSkippable(form.data, signer);
        if (form.status == FormStatus.SEALED && !producerSignatureSkipped && isAppendix1Item(form.data)) {
            throw new ApiException.BadUserInput("Le producteur n'a pas encore signé cette annexe 1 : il doit signer "
                    + "l'émission (signEmissionForm) avant l'enlèvement, à moins qu'un éco-organisme ne figure sur la "
                    + "tournée (producteur ni installation de traitement ni collecteur) ou qu'il ne vous ait accordé la "
                    + "signature automatique de ses annexes 1 (addSignatureAutomation).");
        }
        BsddFacts transportFacts = facts(form, loaded);
        if (producerSignatureSkipped) {
            transportFacts = transportFacts.withEmissionSignatureSkippable(true);
        }
        FormStatus next = transition(form, BsddEvent.SIGN_TRANSPORT, transportFacts);
        checkSigner(caller, companies, signer, securityCode, BsddPermissions.canSignTransportDirectly(companies, signer));
        Transporter t = signing.data;
        if (input.transporterNumberPlate != null) {
            t.numberPlate = input.transporterNumberPlate;
        }
        if (input.transporterTransportMode != null) {
            t.mode = input.transporterTransportMode;
        }
        if (t.company != null) {
            t.company.contact = Optional.ofNullable(input.transporterCompanyContact).orElse(t.company.contact);
            t.company.mail = Optional.ofNullable(input.transporterCompanyMail).orElse(t.company.mail);
            t.company.phone = Optional.ofNullable(input.transporterCompanyPhone).orElse(t.company.phone);
        }
        recipify(form.data, List.of(signing), known(form.data, loaded.transporters()));
        BsddValidation.transport(form.data, loaded.transporterData(), t, input.takenOverBy, true).throwIfAny(null);
        t.takenOverAt = input.takenOverAt;
        t.takenOverBy = input.takenOverBy;
        if (producerSignatureSkipped) {
            form.data.emittedAt = input.takenOverAt;
            form.data.emittedBy = AUTO_SIGNATURE_APPENDIX1;
            form.data.emittedByEcoOrganisme = false;
        }
        if (signing.number == 1) {
            form.data.takenOverAt = input.takenOverAt;
            form.data.takenOverBy = input.takenOverBy;
            form.data.sentAt = input.takenOverAt;
            form.data.sentBy = input.takenOverBy;
            form.data.signedByTransporter = true;
        }
        form.data.currentTransporterSiret = signer;
        form.data.nextTransporterSiret = loaded.transporters().stream().filter(o -> o.data.takenOverAt == null)
                .findFirst().map(o -> BsddPermissions.orgId(o.data.company)).orElse(null);
        forms.updateTransporter(signing);
        boolean statusChanged = next != form.status;
        form.status = next;
        if (statusChanged) {
            log(form, caller, patch(input));
        }
        return save(form, loaded.transporters(), clock.instant());
    }

    /** Deprecated signedByTransporter: the transporter signs emission and transport at once with the emitter's code. */
    @Transactional
    public Form signedByTransporter(CallerIdentity caller, String id, TransporterSignatureFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanRead(companies, form, loaded.transporterData());
        refuseIfCanceled(form);
        if (form.data.emitter != null && (form.data.emitter.type == EmitterType.APPENDIX1
                || form.data.emitter.type == EmitterType.APPENDIX1_PRODUCER)) {
            throw new ApiException.BadUserInput("Les bordereaux d'annexe 1 se signent avec signEmissionForm et "
                    + "signTransportForm.");
        }
        if (!Boolean.TRUE.equals(input.signedByTransporter) || !Boolean.TRUE.equals(input.signedByProducer)) {
            throw new ApiException.BadUserInput("Le transporteur et le producteur doivent tous deux signer "
                    + "(signedByTransporter, signedByProducer).");
        }
        if (form.status == FormStatus.RESEALED) {
            return temporaryStorage.signedBySuiteTransporter(caller, companies, loaded, input);
        }
        FormStatus next = transition(form, BsddEvent.SIGN_BY_TRANSPORTER, facts(form, loaded));
        TransporterRecord first = loaded.transporters().isEmpty() ? null : loaded.transporters().get(0);
        if (first == null || !companies.can(UserPermission.BSD_CAN_SIGN_TRANSPORT, BsddPermissions.orgId(first.data.company))) {
            throw new ApiException.Forbidden("Seul le transporteur du bordereau peut signer l'enlèvement.");
        }
        boolean byEco = input.signatureAuthor == fr.wastetrace.bsd.bsdd.model.SignatureAuthor.ECO_ORGANISME;
        String signer = byEco ? (form.data.ecoOrganisme == null ? null : form.data.ecoOrganisme.siret)
                : BsddPermissions.orgId(form.data.emitter == null ? null : form.data.emitter.company);
        checkSigner(caller, companies, signer, input.securityCode, false);
        WasteDetails w = form.data.wasteDetails;
        if (input.packagingInfos != null) {
            w.packagingInfos = packagingInfos(input.packagingInfos);
        }
        w.quantity = input.quantity;
        if (input.onuCode != null) {
            w.onuCode = input.onuCode;
        }
        normalize(form.data);
        if (form.data.emittedAt == null) {
            form.data.emittedAt = input.sentAt;
            form.data.emittedBy = input.sentBy;
            form.data.emittedByEcoOrganisme = byEco;
        }
        if (first.data.mode == null) {
            first.data.mode = TransportMode.ROAD; // the deprecated input has no mode: road, as it always was
        }
        BsddValidation.transport(form.data, loaded.transporterData(), first.data, input.sentBy, false).throwIfAny(null);
        first.data.takenOverAt = input.sentAt;
        first.data.takenOverBy = input.sentBy;
        form.data.takenOverAt = input.sentAt;
        form.data.takenOverBy = input.sentBy;
        form.data.sentAt = input.sentAt;
        form.data.sentBy = input.sentBy;
        form.data.signedByTransporter = true;
        form.data.currentTransporterSiret = BsddPermissions.orgId(first.data.company);
        forms.updateTransporter(first);
        form.status = next;
        log(form, caller, patch(input));
        return save(form, loaded.transporters(), clock.instant());
    }

    void checkSigner(CallerIdentity caller, CallerCompanies companies, String signerOrgId, Integer securityCode,
                             boolean allowedDirectly) {
        if (allowedDirectly) {
            return;
        }
        if (securityCode == null || signerOrgId == null) {
            throw new ApiException.Forbidden("Vous n'êtes pas habilité à signer pour cet acteur : signez depuis un compte "
                    + "de l'entreprise concernée ou saisissez son code de signature.");
        }
        Integer expected = directory.byOrgId(signerOrgId).map(CompanyView::securityCode).orElse(null);
        securityCodes.check(caller.subject(), signerOrgId, expected, securityCode);
    }

    static void refuseIfCanceled(FormRecord form) {
        if (form.status == FormStatus.CANCELED) {
            throw new ApiException.Forbidden("Ce bordereau a été annulé : plus aucune action n'est possible.");
        }
    }

    // ---------------------------------------------------------------- destination

    @Transactional
    public Form receive(CallerIdentity caller, String id, ReceivedFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanReceive(companies, form, loaded.transporterData());
        if (form.data.recipient != null && Boolean.TRUE.equals(form.data.recipient.isTempStorage)
                && form.status == FormStatus.SENT) {
            throw new ApiException.BadUserInput("La destination de ce bordereau est une installation d'entreposage "
                    + "provisoire : utilisez markAsTempStored.");
        }
        FormStatus next = transition(form, BsddEvent.RECEIVE, facts(form, loaded).withAcceptation(input.wasteAcceptationStatus));
        BsddValidation.reception(input.receivedBy, input.wasteAcceptationStatus, input.wasteRefusalReason,
                input.quantityReceived, input.quantityRefused, false, loaded.transporterData()).throwIfAny(null);
        FormData d = form.data;
        d.receivedBy = input.receivedBy;
        d.receivedAt = input.receivedAt;
        d.quantityReceived = input.quantityReceived;
        d.quantityReceivedType = input.quantityReceived == null ? null : QuantityType.REAL;
        if (input.wasteAcceptationStatus != null) {
            d.wasteAcceptationStatus = input.wasteAcceptationStatus;
            d.wasteRefusalReason = input.wasteRefusalReason;
            d.quantityRefused = input.quantityRefused;
            d.signedAt = input.signedAt != null ? input.signedAt : input.receivedAt;
        }
        d.currentTransporterSiret = "";
        form.status = next;
        log(form, caller, patch(input));
        return save(form, loaded.transporters(), clock.instant());
    }

    @Transactional
    public Form accept(CallerIdentity caller, String id, AcceptedFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanReceive(companies, form, loaded.transporterData());
        FormStatus next = transition(form, BsddEvent.ACCEPT, facts(form, loaded).withAcceptation(input.wasteAcceptationStatus));
        Problems problems = BsddValidation.reception(form.data.receivedBy, input.wasteAcceptationStatus,
                input.wasteRefusalReason, input.quantityReceived, input.quantityRefused, true, loaded.transporterData());
        List<PackagingInfo> packagings = form.data.wasteDetails == null ? null : form.data.wasteDetails.packagingInfos;
        boolean citerne = packagings != null && packagings.stream().anyMatch(p -> p.type == Packagings.CITERNE);
        boolean fullyAccepted = input.wasteAcceptationStatus == WasteAcceptationStatus.ACCEPTED;
        if (input.hasCiterneBeenWashedOut != null) {
            problems.require(citerne && fullyAccepted, "Acceptation : le rinçage de citerne ne se renseigne que pour une "
                    + "citerne acceptée en totalité (hasCiterneBeenWashedOut).");
            problems.require(input.hasCiterneBeenWashedOut || input.citerneNotWashedOutReason != null,
                    "Acceptation : indiquez pourquoi la citerne n'a pas été rincée (citerneNotWashedOutReason).");
        }
        problems.require(input.citerneNotWashedOutReason == null || Boolean.FALSE.equals(input.hasCiterneBeenWashedOut),
                "Acceptation : un motif de non-rinçage n'a de sens que si la citerne n'a pas été rincée "
                        + "(citerneNotWashedOutReason).");
        problems.require(input.emptyReturnADR == null || fullyAccepted, "Acceptation : le retour à vide ne se renseigne "
                + "que pour un déchet accepté en totalité (emptyReturnADR).");
        problems.throwIfAny(null);
        FormData d = form.data;
        d.wasteAcceptationStatus = input.wasteAcceptationStatus;
        d.wasteRefusalReason = input.wasteRefusalReason;
        d.signedAt = input.signedAt;
        d.quantityReceived = input.quantityReceived;
        d.quantityReceivedType = QuantityType.REAL;
        d.quantityRefused = input.quantityRefused;
        d.hasCiterneBeenWashedOut = input.hasCiterneBeenWashedOut;
        d.citerneNotWashedOutReason = input.citerneNotWashedOutReason;
        d.emptyReturnADR = input.emptyReturnADR;
        form.status = next;
        log(form, caller, patch(input));
        return save(form, loaded.transporters(), clock.instant());
    }

    @Transactional
    public Form process(CallerIdentity caller, String id, ProcessedFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanProcess(companies, form, loaded.transporterData());
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(input.processingOperationDone);
        boolean noTraceability = Boolean.TRUE.equals(input.noTraceability);
        FormCompany nextCompany = nextCompany(input);
        BsddFacts facts = facts(form, loaded).withOperation(noTraceability,
                operation.map(ProcessingOperation::grouping).orElse(false), BsddValidation.isForeign(nextCompany));
        FormStatus next = transition(form, BsddEvent.PROCESS, facts);
        BsddValidation.processing(form.data, input.processingOperationDone, input.destinationOperationMode,
                input.processedBy, noTraceability, nextCompany,
                input.nextDestination == null ? null : input.nextDestination.processingOperation,
                input.nextDestination == null ? null : input.nextDestination.notificationNumber).throwIfAny(null);
        if (form.status == FormStatus.TEMP_STORER_ACCEPTED) {
            TemporaryStorageService.dropSuiteForAnticipatedProcessing(form.data);
        }
        applyProcessing(form.data, input);
        form.status = next;
        log(form, caller, patch(input));
        return save(form, loaded.transporters(), clock.instant());
    }

    static FormCompany nextCompany(ProcessedFormInput input) {
        return input.nextDestination == null || input.nextDestination.company == null ? null
                : EventCodec.mapper().convertValue(input.nextDestination.company, FormCompany.class);
    }

    /** Writes the processing data (frame 12), the operation's description defaulting to its label. */
    static void applyProcessing(FormData d, ProcessedFormInput input) {
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(input.processingOperationDone);
        FormCompany nextCompany = nextCompany(input);
        d.processingOperationDone = operation.map(ProcessingOperation::code).orElseThrow();
        d.destinationOperationMode = input.destinationOperationMode;
        d.processingOperationDescription = input.processingOperationDescription != null
                ? input.processingOperationDescription : operation.get().label();
        d.processedBy = input.processedBy;
        d.processedAt = input.processedAt;
        d.noTraceability = Boolean.TRUE.equals(input.noTraceability);
        d.isUpcycled = input.isUpcycled;
        if (input.nextDestination != null) {
            NextDestination nd = new NextDestination();
            nd.processingOperation = BsddReferenceData.operation(input.nextDestination.processingOperation)
                    .map(ProcessingOperation::code).orElse(input.nextDestination.processingOperation);
            nd.notificationNumber = input.nextDestination.notificationNumber;
            nd.company = nextCompany;
            if (nextCompany != null) {
                nextCompany.orgId = nextCompany.identifier();
                if (nextCompany.country == null && nextCompany.siret != null) {
                    nextCompany.country = "FR";
                } else if (nextCompany.country == null && nextCompany.vatNumber != null && nextCompany.vatNumber.length() >= 2) {
                    nextCompany.country = nextCompany.vatNumber.substring(0, 2).toUpperCase();
                }
            }
            d.nextDestination = nd;
        }
        if (d.recipient != null) {
            d.recipient.parcelInseeCodes = input.destinationParcelInseeCodes;
            d.recipient.parcelNumbers = input.destinationParcelNumbers;
            d.recipient.parcelCoordinates = input.destinationParcelCoordinates;
        }
    }

    // ---------------------------------------------------------------- delete, duplicate, transporters

    @Transactional
    public Form delete(CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanDelete(companies, form, loaded.transporterData());
        Form view = softDelete(form, loaded.transporters());
        groupings.afterDelete(form);
        return view;
    }

    /** Marks the BSDD deleted and publishes its deletion. */
    Form softDelete(FormRecord form, List<TransporterRecord> transporters) {
        form.isDeleted = true;
        form.version++;
        form.updatedAt = clock.instant();
        forms.update(form, transporters);
        Form view = FormViews.of(form, transporters);
        outbox.publish(BsddEvents.DELETED, BsddEvents.AGGREGATE_TYPE, form.id, form.version, BsddEvents.SCHEMA_VERSION,
                FormViews.payload(view));
        return view;
    }

    @Transactional
    public Form duplicate(CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord source = loaded.form();
        BsddPermissions.checkCanDuplicate(companies, source, loaded.transporterData());
        if (source.data.emitter != null && source.data.emitter.type == EmitterType.APPENDIX1_PRODUCER) {
            throw new ApiException.BadUserInput("Un bordereau d'annexe 1 ne peut pas être dupliqué.");
        }
        Instant now = clock.instant();
        FormRecord copy = new FormRecord();
        copy.id = Ids.newId();
        copy.readableId = newReadableId(now);
        copy.status = FormStatus.DRAFT;
        copy.version = 1;
        copy.ownerSubject = caller.subject();
        copy.createdAt = now;
        copy.updatedAt = now;
        FormData s = copy(source.data);
        FormData d = copy.data;
        d.emitter = s.emitter;
        d.recipient = s.recipient;
        if (d.recipient != null) {
            d.recipient.parcelInseeCodes = null;
            d.recipient.parcelNumbers = null;
            d.recipient.parcelCoordinates = null;
        }
        d.wasteDetails = s.wasteDetails;
        if (d.wasteDetails != null) {
            d.wasteDetails.quantity = 0.0;
            if (Boolean.TRUE.equals(d.wasteDetails.isDangerous) || Boolean.TRUE.equals(d.wasteDetails.pop)) {
                d.wasteDetails.isSubjectToADR = true;
            }
        }
        d.trader = s.trader;
        d.broker = s.broker;
        d.ecoOrganisme = s.ecoOrganisme;
        d.intermediaries = s.intermediaries;
        d.isDirectSupply = s.isDirectSupply;
        d.temporaryStorageDetail = TemporaryStorageService.duplicateSuite(s);
        d.isDuplicateOf = source.readableId;
        List<TransporterRecord> transporters = new ArrayList<>();
        if (!loaded.transporters().isEmpty()) {
            TransporterRecord first = new TransporterRecord();
            Transporter original = loaded.transporters().get(0).data;
            first.data.id = Ids.newId();
            first.data.company = copy(original.company, FormCompany.class);
            first.data.isExemptedOfReceipt = original.isExemptedOfReceipt;
            first.data.mode = original.mode;
            first.data.customInfo = original.customInfo;
            first.formId = copy.id;
            first.number = 1;
            first.createdAt = now;
            transporters.add(first);
        }
        recipify(d, transporters, known(d, transporters));
        copy.draftAccessOrgIds = new LinkedHashSet<>(BsddPermissions.contributors(d, data(transporters)));
        copy.draftAccessOrgIds.retainAll(companies.orgIds());
        forms.insert(copy, transporters);
        transporters.forEach(forms::insertTransporter);
        log(copy, caller, null);
        return publish(copy, transporters);
    }

    @Transactional
    public Form updateTransporterFields(CallerIdentity caller, String id, String numberPlate, String customInfo) {
        CallerCompanies companies = directory.companiesOf(caller);
        Loaded loaded = lock(id);
        FormRecord form = loaded.form();
        BsddPermissions.checkCanRead(companies, form, loaded.transporterData());
        if (!EnumSet.of(FormStatus.SEALED, FormStatus.RESEALED, FormStatus.SIGNED_BY_PRODUCER).contains(form.status)) {
            throw new ApiException.BadUserInput("La plaque et les informations libres du transporteur ne se modifient "
                    + "ainsi qu'avant l'enlèvement (statut " + form.status + ").");
        }
        TransporterRecord first = loaded.transporters().isEmpty() ? null : loaded.transporters().get(0);
        if (first == null || !companies.can(UserPermission.BSD_CAN_UPDATE, BsddPermissions.orgId(first.data.company))) {
            throw new ApiException.Forbidden("Seul le premier transporteur du bordereau peut modifier ces champs.");
        }
        if (numberPlate != null) {
            first.data.numberPlate = numberPlate;
        }
        if (customInfo != null) {
            first.data.customInfo = customInfo;
        }
        BsddValidation.numberPlate(first.data.numberPlate, "transporterNumberPlate").throwIfAny(null);
        forms.updateTransporter(first);
        return save(form, loaded.transporters(), clock.instant());
    }

    @Transactional
    public Transporter createTransporter(CallerIdentity caller, TransporterInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        if (companies.orgIdsWith(UserPermission.BSD_CAN_CREATE).isEmpty()
                && companies.orgIdsWith(UserPermission.BSD_CAN_UPDATE).isEmpty()) {
            throw new ApiException.Forbidden("Votre rôle dans vos entreprises ne permet pas de créer de transporteur.");
        }
        TransporterRecord t = new TransporterRecord();
        t.data.id = Ids.newId();
        t.createdAt = clock.instant();
        mergeTransporter(t.data, input);
        FormData empty = new FormData();
        recipify(empty, List.of(t), known(empty, List.of(t)));
        BsddValidation.draft(empty, List.of(t.data), Map.of()).throwIfAny(null);
        forms.insertTransporter(t);
        return t.data;
    }

    @Transactional
    public Transporter updateTransporter(CallerIdentity caller, String id, TransporterInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        TransporterRecord t = forms.findTransporterForUpdate(id).orElseThrow(() -> transporterNotFound(id));
        if (t.data.takenOverAt != null) {
            throw new ApiException.BadUserInput("Ce transporteur a déjà signé l'enlèvement : il ne peut plus être modifié.");
        }
        if (t.formId == null) {
            if (companies.orgIdsWith(UserPermission.BSD_CAN_UPDATE).isEmpty()) {
                throw new ApiException.Forbidden("Votre rôle dans vos entreprises ne permet pas de modifier de transporteur.");
            }
            mergeTransporter(t.data, input);
            FormData empty = new FormData();
            recipify(empty, List.of(t), known(empty, List.of(t)));
            BsddValidation.draft(empty, List.of(t.data), Map.of()).throwIfAny(null);
            forms.updateTransporter(t);
            return t.data;
        }
        Loaded loaded = lock(t.formId);
        BsddPermissions.checkCanUpdate(companies, loaded.form(), loaded.transporterData());
        TransporterRecord attached = loaded.transporters().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
        mergeTransporter(attached.data, input);
        Map<String, CompanyView> known = known(loaded.form().data, loaded.transporters());
        recipify(loaded.form().data, loaded.transporters(), known);
        BsddPermissions.checkStillOnForm(companies, loaded.form().data, loaded.transporterData());
        (loaded.form().status == FormStatus.DRAFT
                ? BsddValidation.draft(loaded.form().data, loaded.transporterData(), known)
                : BsddValidation.sealed(loaded.form().data, loaded.transporterData(), known)).throwIfAny(null);
        forms.updateTransporter(attached);
        save(loaded.form(), loaded.transporters(), clock.instant());
        return attached.data;
    }

    @Transactional
    public String deleteTransporter(CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        TransporterRecord t = forms.findTransporterForUpdate(id).orElseThrow(() -> transporterNotFound(id));
        if (t.data.takenOverAt != null) {
            throw new ApiException.BadUserInput("Ce transporteur a déjà signé l'enlèvement : il ne peut plus être supprimé.");
        }
        if (t.formId == null) {
            if (companies.orgIdsWith(UserPermission.BSD_CAN_UPDATE).isEmpty()) {
                throw new ApiException.Forbidden("Votre rôle dans vos entreprises ne permet pas de supprimer de transporteur.");
            }
            forms.deleteTransporter(id);
            return id;
        }
        Loaded loaded = lock(t.formId);
        BsddPermissions.checkCanUpdate(companies, loaded.form(), loaded.transporterData());
        List<TransporterRecord> remaining = new ArrayList<>(loaded.transporters().stream().filter(o -> !o.id().equals(id)).toList());
        for (int i = 0; i < remaining.size(); i++) {
            remaining.get(i).number = i + 1;
        }
        BsddPermissions.checkStillOnForm(companies, loaded.form().data, data(remaining));
        forms.deleteTransporter(id);
        remaining.forEach(forms::updateTransporter);
        save(loaded.form(), remaining, clock.instant());
        return id;
    }

    private static ApiException transporterNotFound(String id) {
        return new ApiException.BadUserInput("Le transporteur « " + id + " » est introuvable.");
    }

    // ---------------------------------------------------------------- revisions (fr.wastetrace.bsd.bsdd.revision)

    /**
     * Gives a document revised by a revision request the automatic corrections of any change (normalisation, trader
     * and broker receipts from their profiles); returns the BSDD's registered companies by org id, for its validation.
     */
    public Map<String, CompanyView> correctRevised(FormData data, List<TransporterRecord> transporters) {
        normalize(data);
        Map<String, CompanyView> known = known(data, transporters);
        recipify(data, List.of(), known);
        return known;
    }

    /** Saves a BSDD changed by an approved revision request: its row, a status log if its status changed, its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Form saveRevised(CallerIdentity caller, FormRecord form, List<TransporterRecord> transporters,
                            FormStatus previousStatus, JsonNode updatedFields) {
        if (form.status != previousStatus) {
            log(form, caller, updatedFields);
        }
        return save(form, transporters, clock.instant());
    }

    // ---------------------------------------------------------------- plumbing

    /** Locks a BSDD for a change, after the container of its dedicated round if it is an appendix-1 item. */
    Loaded lock(String id) {
        groupingRepository.lockContainerOf(id);
        FormRecord form = forms.findForUpdate(id).orElseThrow(() -> BsddPermissions.notFound(id));
        return new Loaded(form, forms.transporters(form.id));
    }

    static FormStatus transition(FormRecord form, BsddEvent event, BsddFacts facts) {
        refuseIfCanceled(form);
        return BsddLifecycle.next(form.status, event, facts).orElseThrow(() -> new ApiException.BadUserInput(
                "Cette action n'est pas possible sur un bordereau au statut " + form.status + "."));
    }

    /** Whether {@code transporterOrgId} may take the appendix-1 item over without its producer's signature. */
    boolean appendix1ProducerSignatureSkippable(FormData data, String transporterOrgId) {
        String producer = isAppendix1Item(data) ? BsddPermissions.orgId(data.emitter.company) : null;
        return producer != null && appendix1ProducerSignatureSkippable(data, directory.byOrgId(producer).orElse(null),
                transporterOrgId);
    }

    /**
     * Spec §2.8: the transporter may take an appendix-1 item over without its producer's signature (a) when an
     * eco-organisme is on the item and the producer is not registered, or is neither a waste processor nor a
     * collector; or (b) when the producer allows appendix-1 signature automation and granted one to this transporter.
     *
     * @param producer the producer's registration; null when it is not registered
     */
    static boolean appendix1ProducerSignatureSkippable(FormData data, CompanyView producer, String transporterOrgId) {
        Emitter emitter = data.emitter;
        if (!isAppendix1Item(data) || emitter.company == null || BsddPermissions.orgId(emitter.company) == null) {
            return false;
        }
        boolean ecoOrganismeOnItem = data.ecoOrganisme != null && data.ecoOrganisme.siret != null
                && !data.ecoOrganisme.siret.isBlank();
        if (ecoOrganismeOnItem && (producer == null
                || (!producer.hasType("WASTEPROCESSOR") && !producer.hasType("COLLECTOR")))) {
            return true;
        }
        return producer != null && producer.automatesAppendix1SignatureFor(transporterOrgId);
    }

    static boolean isAppendix1Item(FormData data) {
        return data.emitter != null && data.emitter.type == EmitterType.APPENDIX1_PRODUCER;
    }

    static BsddFacts facts(FormRecord form, Loaded loaded) {
        Emitter e = form.data.emitter;
        boolean autoSign = e != null && (Boolean.TRUE.equals(e.isPrivateIndividual) || Boolean.TRUE.equals(e.isForeignShip));
        long left = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null).count();
        return BsddFacts.none()
                .withDirectSupply(Boolean.TRUE.equals(form.data.isDirectSupply))
                .withEmitterSigningAutomatically(autoSign)
                .withEmissionSignatureSkippable(autoSign)
                .withAppendix1Item(e != null && e.type == EmitterType.APPENDIX1_PRODUCER)
                .withTransportersLeftToSign((int) left);
    }

    Map<String, CompanyView> known(FormData data, List<TransporterRecord> transporters) {
        Set<String> orgIds = new HashSet<>(BsddPermissions.contributors(data, data(transporters)));
        Map<String, CompanyView> known = new HashMap<>();
        if (!orgIds.isEmpty()) {
            directory.byOrgIds(orgIds).forEach(c -> known.put(c.orgId(), c));
        }
        return known;
    }

    String newReadableId(Instant now) {
        String prefix = "BSD-" + READABLE_DAY.format(now) + "-";
        String candidate;
        do {
            candidate = prefix + Ids.base32(9);
        } while (forms.readableIdExists(candidate));
        return candidate;
    }

    Form save(FormRecord form, List<TransporterRecord> transporters, Instant now) {
        form.version++;
        form.updatedAt = now;
        forms.update(form, transporters);
        return publish(form, transporters);
    }

    Form publish(FormRecord form, List<TransporterRecord> transporters) {
        Form view = FormViews.of(form, transporters);
        outbox.publish(BsddEvents.UPSERTED, BsddEvents.AGGREGATE_TYPE, form.id, form.version, BsddEvents.SCHEMA_VERSION,
                FormViews.payload(view));
        groupings.afterWrite(form);
        return view;
    }

    void log(FormRecord form, CallerIdentity caller, JsonNode updatedFields) {
        forms.insertStatusLog(new StatusLogRecord(Ids.newId(), form.id, form.readableId, form.status, clock.instant(),
                updatedFields == null ? EventCodec.mapper().createObjectNode() : updatedFields, caller.subject(),
                caller.email()));
    }

    static JsonNode patch(Object input) {
        return PATCH.valueToTree(input);
    }

    public static List<PackagingInfo> packagingInfos(List<PackagingInfoInput> inputs) {
        List<PackagingInfo> result = new ArrayList<>();
        for (PackagingInfoInput in : inputs) {
            PackagingInfo p = new PackagingInfo();
            p.type = in.type;
            p.other = in.other;
            p.quantity = in.quantity == null ? 1 : in.quantity;
            p.volume = in.volume;
            p.identificationNumbers = in.identificationNumbers == null ? new ArrayList<>() : new ArrayList<>(in.identificationNumbers);
            result.add(p);
        }
        return result;
    }

    private static JsonNode snapshot(FormData data, List<TransporterRecord> transporters) {
        ObjectNode node = EventCodec.mapper().valueToTree(data);
        ArrayNode list = node.putArray("transporters");
        transporters.forEach(t -> list.add(EventCodec.mapper().valueToTree(t.data)));
        return node;
    }

    static List<Transporter> data(List<TransporterRecord> transporters) {
        return transporters.stream().map(t -> t.data).toList();
    }

    private static FormData copy(FormData data) {
        return copy(data, FormData.class);
    }

    static <T> T copy(T value, Class<T> type) {
        return value == null ? null : EventCodec.mapper().convertValue(EventCodec.mapper().valueToTree(value), type);
    }

    private static TransporterRecord copy(TransporterRecord t) {
        TransporterRecord c = new TransporterRecord();
        c.formId = t.formId;
        c.number = t.number;
        c.createdAt = t.createdAt;
        c.data = copy(t.data, Transporter.class);
        return c;
    }
}
