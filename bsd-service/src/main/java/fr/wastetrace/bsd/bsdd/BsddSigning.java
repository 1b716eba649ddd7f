package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.graphql.SignEmissionFormInput;
import fr.wastetrace.bsd.bsdd.graphql.SignTransportFormInput;
import fr.wastetrace.bsd.bsdd.graphql.TransporterSignatureFormInput;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.BsddRepository;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.common.SignatureAuthor;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * BSDD signatures: emission and transport ({@code signEmissionForm}, {@code signTransportForm}, the deprecated
 * {@code signedByTransporter}); the temporary storage's suite signatures are delegated to {@link TemporaryStorageService}.
 */
@ApplicationScoped
public class BsddSigning {
    @Inject
    BsddWrites writes;
    @Inject
    TemporaryStorageService temporaryStorage;
    @Inject
    CompanyDirectory directory;
    @Inject
    BsddRepository forms;
    private final Clock clock = Clock.systemUTC();

    static final String AUTO_SIGNATURE_INDIVIDUAL = "Signature automatique (particulier)";

    static final String AUTO_SIGNATURE_SHIP = "Signature automatique (navire étranger)";

    /** emittedBy of an appendix-1 item its transporter took over without the producer's signature (spec §2.8). */
    static final String AUTO_SIGNATURE_APPENDIX1 = "Signature automatique Trackdéchets";

    @Transactional
    public Form signEmission(CallerIdentity caller, String id, SignEmissionFormInput input, Integer securityCode) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddWrites.refuseIfCanceled(form);
        BsddSignatureSteps.STEPS.applicable("signEmissionForm", form);
        if (BsddLifecycle.awaitsSuiteEmission(form.status())) {
            return temporaryStorage.signSuiteEmission(caller, companies, loaded, input, securityCode);
        }
        Optional<FormStatus> next = BsddLifecycle.next(form.status(), BsddEvent.SIGN_EMISSION, BsddWrites.facts(form));
        if (next.isEmpty()) {
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
        writes.checkSigner(caller, companies, signer, securityCode, BsddPermissions.canSignEmissionDirectly(companies, signer));
        WasteDetails w = form.data.wasteDetails == null ? new WasteDetails() : form.data.wasteDetails;
        form.data.wasteDetails = w;
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
        if (input.transporterNumberPlate != null && !loaded.transporters().isEmpty()) {
            loaded.transporters().get(0).data.numberPlate = input.transporterNumberPlate;
        }
        form.data.emittedAt = input.emittedAt;
        form.data.emittedBy = input.emittedBy;
        form.data.emittedByEcoOrganisme = byEco;
        BsddEditing.normalize(form.data);
        BsddValidation.emission(form.data, loaded.transporterData(), writes.known(form.data, loaded.transporters()), input.emittedBy)
                .throwIfAny(null);
        form.setStatus(BsddLifecycle.next(form.status(), BsddEvent.SIGN_EMISSION, BsddWrites.facts(form)).orElseThrow());
        if (BsddLifecycle.towardsFirstDestination(form.status())) {
            form.data.takenOverAt = input.emittedAt;
            form.data.takenOverBy = input.emittedBy;
            form.data.sentAt = input.emittedAt;
            form.data.sentBy = input.emittedBy;
        }
        loaded.transporters().forEach(forms::updateTransporter);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("signEmissionForm", input.emittedAt, input.emittedBy, signer);
        return writes.save(loaded);
    }

    @Transactional
    public Form signTransport(CallerIdentity caller, String id, SignTransportFormInput input, Integer securityCode) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddWrites.refuseIfCanceled(form);
        if (form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1) {
            throw new ApiException.Forbidden(BsddSignatureSteps.APPENDIX1_CONTAINER_TRANSPORT);
        }
        if (BsddLifecycle.awaitsSuiteTransport(form.status())) {
            return temporaryStorage.signSuiteTransport(caller, companies, loaded, input, securityCode);
        }
        if (loaded.transporters().isEmpty()) {
            throw new ApiException.BadUserInput(BsddSignatureSteps.NO_TRANSPORTER);
        }
        TransporterRecord signing = loaded.transporters().stream().filter(t -> t.data.takenOverAt == null).findFirst()
                .orElseThrow(() -> new ApiException.BadUserInput("Tous les transporteurs du bordereau ont déjà signé "
                        + "l'enlèvement."));
        String signer = BsddPermissions.orgId(signing.data.company);
        boolean producerSignatureSkipped = BsddLifecycle.awaitsEmitterSignature(form.status())
                && appendix1ProducerSignatureSkippable(form.data, signer);
        if (BsddLifecycle.awaitsEmitterSignature(form.status()) && !producerSignatureSkipped && isAppendix1Item(form.data)) {
            throw new ApiException.BadUserInput("Le producteur n'a pas encore signé cette annexe 1 : il doit signer "
                    + "l'émission (signEmissionForm) avant l'enlèvement, à moins qu'un éco-organisme ne figure sur la "
                    + "tournée (producteur ni installation de traitement ni collecteur) ou qu'il ne vous ait accordé la "
                    + "signature automatique de ses annexes 1 (addSignatureAutomation).");
        }
        BsddFacts transportFacts = BsddWrites.facts(form);
        if (producerSignatureSkipped) {
            transportFacts = transportFacts.withEmissionSignatureSkippable(true);
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.SIGN_TRANSPORT, transportFacts);
        writes.checkSigner(caller, companies, signer, securityCode, BsddPermissions.canSignTransportDirectly(companies, signer));
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
        BsddEditing.recipify(form.data, List.of(signing), writes.known(form.data, loaded.transporters()));
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
        boolean statusChanged = next != form.status();
        form.setStatus(next);
        if (statusChanged) {
            writes.log(loaded, BsddWrites.patch(input));
        }
        loaded.mutation().signed("signTransportForm", input.takenOverAt, input.takenOverBy, signer);
        return writes.save(loaded);
    }

    /** Deprecated signedByTransporter: the transporter signs emission and transport at once with the emitter's code. */
    @Transactional
    public Form signedByTransporter(CallerIdentity caller, String id, TransporterSignatureFormInput input) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddWrites.refuseIfCanceled(form);
        if (form.data.emitter != null && (form.data.emitter.type == EmitterType.APPENDIX1
                || form.data.emitter.type == EmitterType.APPENDIX1_PRODUCER)) {
            throw new ApiException.BadUserInput("Les bordereaux d'annexe 1 se signent avec signEmissionForm et "
                    + "signTransportForm.");
        }
        if (!Boolean.TRUE.equals(input.signedByTransporter) || !Boolean.TRUE.equals(input.signedByProducer)) {
            throw new ApiException.BadUserInput("Le transporteur et le producteur doivent tous deux signer "
                    + "(signedByTransporter, signedByProducer).");
        }
        if (BsddLifecycle.awaitsSuiteEmission(form.status())) {
            return temporaryStorage.signedBySuiteTransporter(caller, companies, loaded, input);
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.SIGN_BY_TRANSPORTER, BsddWrites.facts(form));
        TransporterRecord first = loaded.transporters().isEmpty() ? null : loaded.transporters().get(0);
        if (first == null || !companies.can(UserPermission.BSD_CAN_SIGN_TRANSPORT, BsddPermissions.orgId(first.data.company))) {
            throw new ApiException.Forbidden("Seul le transporteur du bordereau peut signer l'enlèvement.");
        }
        boolean byEco = input.signatureAuthor == SignatureAuthor.ECO_ORGANISME;
        String signer = byEco ? (form.data.ecoOrganisme == null ? null : form.data.ecoOrganisme.siret)
                : BsddPermissions.orgId(form.data.emitter == null ? null : form.data.emitter.company);
        writes.checkSigner(caller, companies, signer, input.securityCode, false);
        WasteDetails w = form.data.wasteDetails;
        if (input.packagingInfos != null) {
            w.packagingInfos = BsddEditing.packagingInfos(input.packagingInfos);
        }
        w.quantity = input.quantity;
        if (input.onuCode != null) {
            w.onuCode = input.onuCode;
        }
        BsddEditing.normalize(form.data);
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
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        loaded.mutation().signed("signedByTransporter", input.sentAt, input.sentBy, signer);
        return writes.save(loaded);
    }

    /** Whether {@code transporterOrgId} may take the appendix-1 item over without its producer's signature. */
    boolean appendix1ProducerSignatureSkippable(BsddData data, String transporterOrgId) {
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
    static boolean appendix1ProducerSignatureSkippable(BsddData data, CompanyView producer, String transporterOrgId) {
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

    static boolean isAppendix1Item(BsddData data) {
        return data.emitter != null && data.emitter.type == EmitterType.APPENDIX1_PRODUCER;
    }
}
