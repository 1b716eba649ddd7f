package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.BsddWrites.Loaded;
import fr.wastetrace.bsd.bsdd.graphql.ImportPaperFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ProcessedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ReceivedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.UpdateFormInput;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code importPaperForm} (spec bsdd.md §2.9, S9): the destination of a BSDD that travelled on paper copies it into
 * the platform, already processed, either over the sealed BSDD that was prepared for it or as a new BSDD. Every step's
 * data is checked at once, as if each signature had been made.
 */
@ApplicationScoped
public class PaperImportService {
    @Inject
    BsddEditing editing;
    @Inject
    BsddWrites writes;
    @Inject
    CompanyDirectory directory;

    @Transactional
    public Form importPaperForm(CallerIdentity caller, ImportPaperFormInput input) {
        CallerCompanies companies = directory.companiesOf(caller);
        UpdateFormInput content = EventCodec.mapper().convertValue(input, UpdateFormInput.class);
        Instant now = Instant.now();
        Loaded loaded;
        BsddRecord form;
        List<TransporterRecord> current;
        boolean existing = input.id != null;
        if (existing) {
            loaded = writes.openLinked(caller, input.id);
            form = loaded.form();
            current = loaded.transporters();
            String recipient = form.data.recipient == null ? null : BsddPermissions.orgId(form.data.recipient.company);
            if (!companies.can(UserPermission.BSD_CAN_CREATE, recipient)) {
                throw new ApiException.Forbidden("Seule l'installation de destination du bordereau (cadre 2) peut y "
                        + "importer le bordereau papier.");
            }
            if (!BsddLifecycle.allows(form.status(), BsddEvent.IMPORT_PAPER)) {
                throw new ApiException.BadUserInput("Seul un BSDD finalisé (statut SEALED) peut être complété à partir "
                        + "d'un bordereau papier ; celui-ci est au statut " + form.status + ".");
            }
        } else {
            loaded = writes.start(caller, companies, now);
            form = loaded.form();
            form.setStatus(FormStatus.SEALED);
            current = List.of();
        }
        List<String> sirets = sirets(form.data, current);
        BsddEditing.applyContent(form.data, content);
        if (form.data.wasteDetails != null && form.data.wasteDetails.pop == null) {
            form.data.wasteDetails.pop = false;
        }
        List<TransporterRecord> transporters = editing.transportersFromInput(form, current, content, now);
        if (existing && !sirets.equals(sirets(form.data, transporters))) {
            throw new ApiException.BadUserInput("Les SIRET des établissements du bordereau (émetteur, destination, "
                    + "transporteur, négociant, courtier) ne peuvent pas être modifiés par l'import du bordereau papier.");
        }
        String recipient = form.data.recipient == null ? null : BsddPermissions.orgId(form.data.recipient.company);
        if (!existing && !companies.can(UserPermission.BSD_CAN_CREATE, recipient)) {
            throw new ApiException.Forbidden("Pour importer un bordereau papier, votre établissement doit en être la "
                    + "destination (recipient.company.siret).");
        }
        Map<String, CompanyView> known = writes.known(form.data, transporters);
        BsddEditing.recipify(form.data, transporters, known);
        ProcessedFormInput processed = input.processedInfo;
        ReceivedFormInput received = input.receivedInfo;
        FormCompany nextCompany = BsddReception.nextCompany(processed);
        Problems problems = BsddValidation.sealed(form.data, BsddWrites.data(transporters), known);
        problems.require(input.signingInfo.sentBy != null && !input.signingInfo.sentBy.isBlank(),
                "Signature : le nom de la personne qui a remis le déchet est obligatoire (signingInfo.sentBy).");
        BsddValidation.reception(received.receivedBy, received.wasteAcceptationStatus, received.wasteRefusalReason,
                received.quantityReceived, received.quantityRefused, true, BsddWrites.data(transporters))
                .messages().forEach(problems::add);
        BsddValidation.processing(form.data, processed.processingOperationDone, processed.destinationOperationMode,
                processed.processedBy, Boolean.TRUE.equals(processed.noTraceability), nextCompany,
                processed.nextDestination == null ? null : processed.nextDestination.processingOperation,
                processed.nextDestination == null ? null : processed.nextDestination.notificationNumber)
                .messages().forEach(problems::add);
        problems.throwIfAny("Le bordereau papier ne peut pas être importé car des informations manquent ou sont "
                + "erronées :");
        boolean grouping = BsddReferenceData.operation(processed.processingOperationDone)
                .map(ProcessingOperation::grouping).orElse(false);
        BsddFacts facts = BsddFacts.none()
                .withOperation(Boolean.TRUE.equals(processed.noTraceability), grouping, BsddValidation.isForeign(nextCompany))
                .withAppendix1Item(form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1_PRODUCER);
        FormStatus next = BsddWrites.transition(form, BsddEvent.IMPORT_PAPER, facts);
        writeSignatures(form.data, transporters, input, received);
        BsddReception.applyProcessing(form.data, processed);
        form.setStatus(next);
        if (existing) {
            transporters.forEach(t -> writes.saveTransporter(t, current.stream().noneMatch(o -> o.id().equals(t.id()))));
        }
        form.transporters = transporters;
        return writes.save(loaded, BsddWrites.patch(input));
    }

    /** The paper form was signed at each step: emission and pick-up when handed over, then reception. */
    private static void writeSignatures(BsddData d, List<TransporterRecord> transporters, ImportPaperFormInput input,
                                        ReceivedFormInput received) {
        Instant sentAt = input.signingInfo.sentAt;
        String sentBy = input.signingInfo.sentBy;
        d.isImportedFromPaper = true;
        d.emittedAt = sentAt;
        d.emittedBy = sentBy;
        d.takenOverAt = sentAt;
        d.takenOverBy = sentBy;
        d.sentAt = sentAt;
        d.sentBy = sentBy;
        d.signedByTransporter = true;
        if (!transporters.isEmpty()) {
            transporters.get(0).data.takenOverAt = sentAt;
            transporters.get(0).data.takenOverBy = sentBy;
        }
        d.receivedBy = received.receivedBy;
        d.receivedAt = received.receivedAt;
        d.wasteAcceptationStatus = received.wasteAcceptationStatus;
        d.wasteRefusalReason = received.wasteRefusalReason;
        d.signedAt = received.signedAt != null ? received.signedAt : received.receivedAt;
        d.quantityReceived = received.quantityReceived;
        d.quantityReceivedType = QuantityType.REAL;
        d.quantityRefused = received.quantityRefused;
        d.currentTransporterSiret = "";
    }

    /** The org ids of the companies a paper import may not change. */
    private static List<String> sirets(BsddData d, List<TransporterRecord> transporters) {
        return Stream.of(
                d.emitter == null ? null : BsddPermissions.orgId(d.emitter.company),
                d.recipient == null ? null : BsddPermissions.orgId(d.recipient.company),
                transporters.isEmpty() ? null : BsddPermissions.orgId(transporters.get(0).data.company),
                Optional.ofNullable(d.trader).map(t -> BsddPermissions.orgId(t.company)).orElse(null),
                Optional.ofNullable(d.broker).map(b -> BsddPermissions.orgId(b.company)).orElse(null))
                .map(o -> Objects.toString(o, "")).toList();
    }
}
