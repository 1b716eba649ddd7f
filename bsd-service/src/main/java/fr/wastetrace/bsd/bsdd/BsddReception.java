package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.graphql.AcceptedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ProcessedFormInput;
import fr.wastetrace.bsd.bsdd.graphql.ReceivedFormInput;
import fr.wastetrace.bsd.bsdd.model.Form;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormStatus;
import fr.wastetrace.bsd.bsdd.model.NextDestination;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.QuantityType;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * BSDD reception and processing: {@code markAsReceived}, {@code markAsAccepted}, {@code markAsProcessed}.
 */
@ApplicationScoped
public class BsddReception {
    @Inject
    BsddWrites writes;
    private final Clock clock = Clock.systemUTC();

    @Transactional
    public Form receive(CallerIdentity caller, String id, ReceivedFormInput input) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddPermissions.checkCanReceive(companies, form, loaded.transporterData());
        if (form.data.recipient != null && Boolean.TRUE.equals(form.data.recipient.isTempStorage)
                && BsddLifecycle.allows(form.status(), BsddEvent.TEMP_STORE)) {
            throw new ApiException.BadUserInput("La destination de ce bordereau est une installation d'entreposage "
                    + "provisoire : utilisez markAsTempStored.");
        }
        FormStatus next = BsddWrites.transition(form, BsddEvent.RECEIVE, BsddWrites.facts(form).withAcceptation(input.wasteAcceptationStatus));
        BsddValidation.reception(input.receivedBy, input.wasteAcceptationStatus, input.wasteRefusalReason,
                input.quantityReceived, input.quantityRefused, false, loaded.transporterData()).throwIfAny(null);
        BsddData d = form.data;
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
        loaded.mutation().signed("markAsReceived", input.receivedAt, input.receivedBy,
                TemporaryStorageService.signingDestination(form, false));
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        return writes.save(loaded);
    }

    @Transactional
    public Form accept(CallerIdentity caller, String id, AcceptedFormInput input) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddPermissions.checkCanReceive(companies, form, loaded.transporterData());
        FormStatus next = BsddWrites.transition(form, BsddEvent.ACCEPT, BsddWrites.facts(form).withAcceptation(input.wasteAcceptationStatus));
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
        BsddData d = form.data;
        d.wasteAcceptationStatus = input.wasteAcceptationStatus;
        d.wasteRefusalReason = input.wasteRefusalReason;
        d.signedAt = input.signedAt;
        d.quantityReceived = input.quantityReceived;
        d.quantityReceivedType = QuantityType.REAL;
        d.quantityRefused = input.quantityRefused;
        d.hasCiterneBeenWashedOut = input.hasCiterneBeenWashedOut;
        d.citerneNotWashedOutReason = input.citerneNotWashedOutReason;
        d.emptyReturnADR = input.emptyReturnADR;
        loaded.mutation().signed("markAsAccepted", input.signedAt, input.signedBy,
                TemporaryStorageService.signingDestination(form, false));
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        return writes.save(loaded);
    }

    @Transactional
    public Form process(CallerIdentity caller, String id, ProcessedFormInput input) {
        BsddWrites.Loaded loaded = writes.open(caller, id);
        CallerCompanies companies = loaded.companies();
        BsddRecord form = loaded.form();
        BsddPermissions.checkCanProcess(companies, form, loaded.transporterData());
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(input.processingOperationDone);
        boolean noTraceability = Boolean.TRUE.equals(input.noTraceability);
        FormCompany nextCompany = nextCompany(input);
        BsddFacts facts = BsddWrites.facts(form).withOperation(noTraceability,
                operation.map(ProcessingOperation::grouping).orElse(false), BsddValidation.isForeign(nextCompany));
        FormStatus next = BsddWrites.transition(form, BsddEvent.PROCESS, facts);
        BsddValidation.processing(form.data, input.processingOperationDone, input.destinationOperationMode,
                input.processedBy, noTraceability, nextCompany,
                input.nextDestination == null ? null : input.nextDestination.processingOperation,
                input.nextDestination == null ? null : input.nextDestination.notificationNumber).throwIfAny(null);
        if (BsddLifecycle.acceptedAtTemporaryStorage(form.status())) {
            TemporaryStorageService.dropSuiteForAnticipatedProcessing(form.data);
        }
        applyProcessing(form.data, input);
        loaded.mutation().signed("markAsProcessed", input.processedAt, input.processedBy,
                TemporaryStorageService.signingDestination(form, true));
        form.setStatus(next);
        writes.log(loaded, BsddWrites.patch(input));
        return writes.save(loaded);
    }

    static FormCompany nextCompany(ProcessedFormInput input) {
        return input.nextDestination == null || input.nextDestination.company == null ? null
                : EventCodec.mapper().convertValue(input.nextDestination.company, FormCompany.class);
    }

    /** Writes the processing BsddWrites.data (frame 12), the operation's description defaulting to its label. */
    static void applyProcessing(BsddData d, ProcessedFormInput input) {
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
}
