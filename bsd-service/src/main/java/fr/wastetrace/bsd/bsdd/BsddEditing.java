package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdd.graphql.PackagingInfoInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterInput;
import fr.wastetrace.bsd.bsdd.graphql.UpdateFormInput;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.lifecycle.JsonDiff;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * BSDD creation and edition: {@code createForm}, {@code updateForm}, {@code markAsSealed}, the transporters
 * ({@code createFormTransporter}…, {@code updateTransporterFields}) and the write path of an approved revision.
 */
@ApplicationScoped
public class BsddEditing {
    @Inject
    BsddWrites writes;
    @Inject
    GroupingService groupings;
    @Inject
    CompanyDirectory directory;
    @Inject
    BsddRepository forms;
    private final Clock clock = Clock.systemUTC();


    @Transactional
    public Form create(CallerIdentity caller, UpdateFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        Instant now = clock.instant();
        BsddWrites.Loaded created = writes.start(caller, companies, now);
        BsddRecord form = created.form();
        applyContent(form.data, input);
        TemporaryStorageService.applyInput(form.data, input);
        List<TransporterRecord> transporters = transportersFromInput(form, List.of(), input, now);
        Map<String, CompanyView> known = writes.known(form.data, transporters);
        recipify(form.data, transporters, known);
        BsddPermissions.checkCanCreate(companies, form.data, BsddWrites.data(transporters));
        groupings.applyInput(form, input);
        form.draftAccessOrgIds = Visibility.draftAccess(companies,
                BsddPermissions.contributors(form.data, BsddWrites.data(transporters)));
        BsddValidation.draft(form.data, BsddWrites.data(transporters), known).throwIfAny(null);
        form.transporters = transporters;
        return writes.save(created, BsddWrites.patch(input));
    }

    @Transactional
    public Form update(CallerIdentity caller, UpdateFormInput input) {
        BsddWrites.Loaded loaded = writes.open(caller, input.id);
        loaded.mutation().require(Verb.UPDATE);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        loaded.mutation().type().updateRefusal(form).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        JsonNode before = snapshot(form.data, loaded.transporters());
        BsddData previous = BsddWrites.copy(form.data);
        List<Transporter> previousTransporters = loaded.transporters().stream().map(t -> BsddWrites.copy(t.data, Transporter.class)).toList();
        Instant now = clock.instant();
        applyContent(form.data, input);
        TemporaryStorageService.applyInput(form.data, input);
        Set<String> ungrouped = groupings.applyInput(form, input);
        List<TransporterRecord> transporters = transportersFromInput(form, loaded.transporters(), input, now);
        Map<String, CompanyView> known = writes.known(form.data, transporters);
        recipify(form.data, transporters, known);
        Set<String> changed = JsonDiff.changedPaths(before, snapshot(form.data, transporters));
        groupings.checkEmitterKept(form, previous);
        String emissionSigner = Boolean.TRUE.equals(previous.emittedByEcoOrganisme) && previous.ecoOrganisme != null
                ? previous.ecoOrganisme.siret
                : previous.emitter == null ? null : BsddPermissions.orgId(previous.emitter.company);
        BsddLocks.checkUnlocked(form.status(), previous, previousTransporters, changed, companies.isMemberOf(emissionSigner));
        checkSignedTransportersStay(previousTransporters, transporters);
        BsddPermissions.checkStillOnForm(companies, form.data, BsddWrites.data(transporters));
        if (BsddLifecycle.isDraft(form.status())) {
            form.draftAccessOrgIds.addAll(BsddPermissions.contributors(form.data, BsddWrites.data(transporters)).stream()
                    .filter(companies::isMemberOf).toList());
            BsddValidation.draft(form.data, BsddWrites.data(transporters), known).throwIfAny(null);
        } else {
            BsddValidation.sealed(form.data, BsddWrites.data(transporters), known).throwIfAny(SEAL_INTRO);
        }
        writes.detachRemoved(loaded.transporters(), transporters);
        transporters.forEach(t -> writes.saveTransporter(t, loaded.transporters().stream().noneMatch(o -> o.id().equals(t.id()))));
        form.transporters = transporters;
        Form saved = writes.save(loaded);
        groupings.recompute(ungrouped);
        return saved;
    }

    private static final String SEAL_INTRO = "Le bordereau ne peut pas être validé car des informations obligatoires "
            + "manquent ou sont erronées :";

    /** Copies the client's fields into the document (only those given) and applies the automatic corrections. */
    static void applyContent(BsddData data, UpdateFormInput input) {
        ObjectNode patch = Patches.of(input);
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
            BsddWrites.MERGE.readerForUpdating(data).readValue(patch);
        } catch (IOException e) {
            throw new ApiException.BadUserInput("Les données du bordereau ne peuvent pas être lues : vérifiez leurs types.");
        }
        normalize(data);
    }

    static void normalize(BsddData data) {
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

    private static void setOrgIds(BsddData data) {
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
    List<TransporterRecord> transportersFromInput(BsddRecord form, List<TransporterRecord> current,
                                                          UpdateFormInput input, Instant now) {
        if (input.transporter != null && input.transporters != null) {
            throw new ApiException.BadUserInput("Indiquez soit transporter, soit transporters, mais pas les deux "
                    + "(transporter, transporters).");
        }
        List<TransporterRecord> result = new ArrayList<>();
        current.forEach(t -> result.add(BsddWrites.copy(t)));
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
                TransporterRecord t = current.stream().filter(c -> c.id().equals(id)).findFirst().map(BsddWrites::copy)
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
        ObjectNode patch = Patches.of(input);
        patch.remove(List.of("receipt", "department", "validityLimit"));
        try {
            BsddWrites.MERGE.readerForUpdating(target).readValue(patch);
        } catch (IOException e) {
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

    /** Receipts are copied from the companies' profiles, whatever the client sent. */
    static void recipify(BsddData data, List<TransporterRecord> transporters, Map<String, CompanyView> known) {
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

    @Transactional
    public Form seal(CallerIdentity caller, String id) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        BsddRecord form = loaded.form();
        List<Transporter> transporters = loaded.transporterData();
        BsddPermissions.checkCanSeal(loaded.companies(), form, transporters);
        FormStatus sealed = BsddWrites.transition(form, BsddEvent.SEAL, BsddWrites.facts(form));
        BsddValidation.sealed(form.data, transporters, writes.known(form.data, loaded.transporters())).throwIfAny(SEAL_INTRO);
        Instant now = clock.instant();
        form.setStatus(sealed);
        writes.log(loaded, null);
        Emitter emitter = form.data.emitter;
        BsddFacts facts = BsddWrites.facts(form);
        Optional<FormStatus> autoSigned = BsddLifecycle.next(form.status(), BsddEvent.AUTO_SIGN_EMISSION, facts);
        if (autoSigned.isPresent()) {
            form.data.emittedAt = now;
            form.data.emittedBy = Boolean.TRUE.equals(emitter.isForeignShip) ? BsddSigning.AUTO_SIGNATURE_SHIP : BsddSigning.AUTO_SIGNATURE_INDIVIDUAL;
            form.setStatus(autoSigned.get());
        }
        return writes.save(loaded);
    }

    @Transactional
    public Form updateTransporterFields(CallerIdentity caller, String id, String numberPlate, String customInfo) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        if (!BsddLifecycle.awaitsPickUp(form.status())) {
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
        return writes.save(loaded);
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
        BsddData empty = new BsddData();
        recipify(empty, List.of(t), writes.known(empty, List.of(t)));
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
            BsddData empty = new BsddData();
            recipify(empty, List.of(t), writes.known(empty, List.of(t)));
            BsddValidation.draft(empty, List.of(t.data), Map.of()).throwIfAny(null);
            forms.updateTransporter(t);
            return t.data;
        }
        BsddWrites.Loaded loaded = writes.open(caller, t.formId);
        loaded.mutation().require(Verb.UPDATE);
        TransporterRecord attached = loaded.transporters().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
        mergeTransporter(attached.data, input);
        Map<String, CompanyView> known = writes.known(loaded.form().data, loaded.transporters());
        recipify(loaded.form().data, loaded.transporters(), known);
        BsddPermissions.checkStillOnForm(companies, loaded.form().data, loaded.transporterData());
        (BsddLifecycle.isDraft(loaded.form().status())
                ? BsddValidation.draft(loaded.form().data, loaded.transporterData(), known)
                : BsddValidation.sealed(loaded.form().data, loaded.transporterData(), known)).throwIfAny(null);
        forms.updateTransporter(attached);
        writes.save(loaded);
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
        BsddWrites.Loaded loaded = writes.open(caller, t.formId);
        loaded.mutation().require(Verb.UPDATE);
        List<TransporterRecord> remaining = new ArrayList<>(loaded.transporters().stream().filter(o -> !o.id().equals(id)).toList());
        for (int i = 0; i < remaining.size(); i++) {
            remaining.get(i).number = i + 1;
        }
        BsddPermissions.checkStillOnForm(companies, loaded.form().data, BsddWrites.data(remaining));
        forms.deleteTransporter(id);
        remaining.forEach(forms::updateTransporter);
        loaded.form().transporters = remaining;
        writes.save(loaded);
        return id;
    }

    private static ApiException transporterNotFound(String id) {
        return new ApiException.BadUserInput("Le transporteur « " + id + " » est introuvable.");
    }

    /**
     * Gives a document revised by a revision request the automatic corrections of any change (normalisation, trader
     * and broker receipts from their profiles); returns the BSDD's registered companies by org id, for its validation.
     */
    public Map<String, CompanyView> correctRevised(BsddData data, List<TransporterRecord> transporters) {
        normalize(data);
        Map<String, CompanyView> known = writes.known(data, transporters);
        recipify(data, List.of(), known);
        return known;
    }

    /** Saves a BSDD changed by an approved revision request: its row, a status log if its status changed, its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Form saveRevised(Mutation<BsddData> revised, JsonNode updatedFields) {
        return writes.save(new BsddWrites.Loaded(revised), updatedFields);
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

    static JsonNode snapshot(BsddData data, List<TransporterRecord> transporters) {
        ObjectNode node = EventCodec.mapper().valueToTree(data);
        ArrayNode list = node.putArray("transporters");
        transporters.forEach(t -> list.add(EventCodec.mapper().valueToTree(t.data)));
        return node;
    }
}
