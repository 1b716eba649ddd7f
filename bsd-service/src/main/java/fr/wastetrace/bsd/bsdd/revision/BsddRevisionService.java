package fr.wastetrace.bsd.bsdd.revision;

import fr.wastetrace.bsd.core.mutation.Patches;
import fr.wastetrace.bsd.bsdd.BsddEvent;
import fr.wastetrace.bsd.bsdd.BsddFacts;
import fr.wastetrace.bsd.bsdd.BsddLifecycle;
import fr.wastetrace.bsd.bsdd.BsddEditing;
import fr.wastetrace.bsd.bsdd.BsddValidation;
import fr.wastetrace.bsd.bsdd.GroupingService;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequest;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestApproval;
import fr.wastetrace.bsd.bsdd.model.FormRevisionRequestContent;
import fr.wastetrace.bsd.common.RevisionRequestApprovalStatus;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;
import fr.wastetrace.bsd.bsdd.persistence.TransporterRecord;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.bsdd.BsddType;
import fr.wastetrace.bsd.core.revision.RevisionRequests;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The revision-request mutations of BSDDs (spec bsdd.md §2.11). Each runs in one transaction that locks the BSDD,
 * then the request; the last approval applies the revision to the BSDD in the same transaction, through the BSDD's
 * own write path (its row, its status log, its event).
 */
@ApplicationScoped
public class BsddRevisionService {

    @Inject
    RevisionRepository revisions;
    @Inject
    CompanyDirectory directory;
    @Inject
    BsddEditing editing;
    @Inject
    BsdPipeline pipeline;
    @Inject
    BsddType bsdd;
    @Inject
    GroupingService groupings;

    private final Clock clock = Clock.systemUTC();

    /**
     * Why the caller may not ask for a revision of the BSDD now (no author company of theirs may revise, its status,
     * a pending request): the check of {@code createFormRevisionRequest} and of the allowed actions.
     */
    public Optional<String> refusal(CallerCompanies companies, BsddRecord form) {
        return RevisionRequests.refusal(companies, RevisionRules.possibleAuthors(form.data, form.transporterData()),
                "Seuls l'émetteur, la destination et l'éco-organisme du bordereau peuvent en demander la révision, "
                        + "avec un rôle de membre ou d'administrateur.",
                () -> RevisionRules.revisionRefusal(form.status()).or(() -> revisions.hasPending(form.id)
                        ? Optional.of("Une révision de ce bordereau attend déjà les réponses des entreprises "
                        + "concernées : attendez qu'elle soit traitée, ou annulez-la, avant d'en demander une autre.")
                        : Optional.empty()));
    }

    @Transactional
    public FormRevisionRequest create(CallerIdentity caller, String formId, String authoringOrgId, String comment,
                                      FormRevisionRequestContent content) {
        Mutation<BsddData> opened = pipeline.open(bsdd, caller, formId);
        CallerCompanies companies = opened.companies();
        BsddRecord form = BsddType.form(opened.record());
        List<TransporterRecord> transporters = form.transporters;
        List<Transporter> transporterData = form.transporterData();
        Set<String> authors = RevisionRules.possibleAuthors(form.data, transporterData);
        refusal(companies, form).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        if (!authors.contains(authoringOrgId)) {
            throw new ApiException.BadUserInput("L'établissement " + authoringOrgId + " ne peut pas être l'auteur de "
                    + "cette révision : indiquez l'émetteur, la destination ou l'éco-organisme du bordereau "
                    + "(authoringCompanySiret).");
        }
        if (!companies.can(UserPermission.BSD_CAN_REVISE, authoringOrgId)) {
            throw new ApiException.Forbidden("Votre rôle dans l'établissement " + authoringOrgId + " ne permet pas de "
                    + "demander une révision en son nom (authoringCompanySiret).");
        }
        RevisionRules.checkContent(form.status(), form.data, transporterData, content);
        if (!RevisionContents.isCancellation(content)) {
            BsddData revised = RevisionContents.copy(form.data, BsddData.class);
            RevisionContents.applyTo(revised, content);
            Map<String, CompanyView> known = editing.correctRevised(revised, transporters);
            Problems problems = RevisionRules.values(form.data, content);
            List<String> before = BsddValidation.sealed(form.data, transporterData, known).messages();
            BsddValidation.sealed(revised, transporterData, known).messages().stream()
                    .filter(message -> !before.contains(message)).forEach(problems::add);
            problems.throwIfAny("La révision ne peut pas être demandée, corrigez son contenu :");
            content.trader = content.trader == null ? null : revised.trader;
            content.broker = content.broker == null ? null : revised.broker;
        }
        Instant now = clock.instant();
        RevisionRecord r = new RevisionRecord();
        r.id = Ids.newId();
        r.formId = form.id;
        r.authoringOrgId = authoringOrgId;
        r.authoringCompany = authoringCompany(form.data, authoringOrgId, transporterData);
        r.comment = comment;
        r.content = content;
        r.initialForm = RevisionContents.copy(form.data, BsddData.class);
        r.createdAt = now;
        r.updatedAt = now;
        for (String approver : RevisionRules.approvers(form.data, authoringOrgId, content)) {
            FormRevisionRequestApproval a = new FormRevisionRequestApproval();
            a.approverSiret = approver;
            a.status = RevisionRequestApprovalStatus.PENDING;
            r.approvals.add(a);
        }
        r.status = r.approvals.isEmpty() ? RevisionRequestStatus.ACCEPTED : RevisionRequestStatus.PENDING;
        revisions.insert(r);
        if (r.status == RevisionRequestStatus.ACCEPTED) {
            apply(opened, r);
        }
        return RevisionViews.of(r, form, transporters);
    }

    /**
     * The caller answers for one of its companies whose approval is awaited. The emitter's and the eco-organisme's
     * approvals go together; one refusal refuses the request; the last approval applies it.
     */
    @Transactional
    public FormRevisionRequest answer(CallerIdentity caller, String id, boolean approved, String comment) {
        CallerCompanies companies = directory.companiesOf(caller);
        RevisionRecord found = revisions.find(id).orElseThrow(() -> notFound(id));
        Mutation<BsddData> opened = pipeline.openLinked(bsdd, caller, found.formId);
        BsddRecord form = BsddType.form(opened.record());
        RevisionRecord r = revisions.findForUpdate(id).orElseThrow(() -> notFound(id));
        FormRevisionRequestApproval approval = r.status != RevisionRequestStatus.PENDING ? null : r.pending().stream()
                .filter(a -> companies.can(UserPermission.BSD_CAN_REVISE, a.approverSiret)).findFirst().orElse(null);
        if (approval == null) {
            throw new ApiException.Forbidden("Aucune de vos entreprises n'a à répondre à cette révision, ou elle a déjà "
                    + "été traitée (statut " + r.status + ").");
        }
        approval.comment = comment;
        if (approved) {
            approval.status = RevisionRequestApprovalStatus.ACCEPTED;
            RevisionRules.producerPartner(form.data, approval.approverSiret).ifPresent(partner -> r.pending().stream()
                    .filter(a -> a.approverSiret.equals(partner)).forEach(a -> {
                        a.status = RevisionRequestApprovalStatus.ACCEPTED;
                        a.comment = "Approuvée avec la réponse de " + approval.approverSiret + ".";
                    }));
            if (r.pending().isEmpty()) {
                r.status = RevisionRequestStatus.ACCEPTED;
            }
        } else {
            approval.status = RevisionRequestApprovalStatus.REFUSED;
            r.pending().forEach(a -> a.status = RevisionRequestApprovalStatus.CANCELED);
            r.status = RevisionRequestStatus.REFUSED;
        }
        r.updatedAt = clock.instant();
        revisions.update(r);
        List<TransporterRecord> transporters = form.transporters;
        if (r.status == RevisionRequestStatus.ACCEPTED) {
            apply(opened, r);
        }
        return RevisionViews.of(r, form, transporters);
    }

    /** The author withdraws a request nobody has settled yet; the request is deleted. */
    @Transactional
    public boolean cancel(CallerIdentity caller, String id) {
        CallerCompanies companies = directory.companiesOf(caller);
        RevisionRecord found = revisions.find(id).orElseThrow(() -> notFound(id));
        pipeline.openLinked(bsdd, caller, found.formId);
        RevisionRecord r = revisions.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!companies.can(UserPermission.BSD_CAN_REVISE, r.authoringOrgId)) {
            throw new ApiException.Forbidden("Vous n'êtes pas l'auteur de cette révision : seule l'entreprise qui l'a "
                    + "demandée (" + r.authoringOrgId + ") peut l'annuler.");
        }
        if (r.status != RevisionRequestStatus.PENDING) {
            throw new ApiException.Forbidden("Cette révision a déjà été traitée (statut " + r.status + ") : elle ne peut "
                    + "plus être annulée.");
        }
        revisions.delete(r.id);
        return true;
    }

    /**
     * Applies an accepted revision to the BSDD: a cancellation moves it to CANCELED (a cancelled grouping BSDD releases
     * the BSDDs it grouped); a new operation code moves a processed BSDD between PROCESSED and AWAITING_GROUP (and out
     * of NO_TRACEABILITY), other statuses stay. What follows on other BSDDs (grouped BSDDs, an item's container, a
     * container's items) is done in the same transaction by {@link GroupingService#afterRevision}.
     */
    private void apply(Mutation<BsddData> opened, RevisionRecord r) {
        BsddRecord form = BsddType.form(opened.record());
        FormRevisionRequestContent content = r.content;
        if (RevisionContents.isCancellation(content)) {
            form.setStatus(BsddLifecycle.next(form.status(), BsddEvent.CANCEL, BsddFacts.none()).orElseThrow(() ->
                    new ApiException.Forbidden("Le déchet a été réceptionné par l'installation de destination depuis la "
                            + "demande (statut " + form.status + ") : le bordereau ne peut plus être annulé ; refusez la "
                            + "révision.")));
        } else {
            RevisionContents.applyTo(form.data, content);
            if (content.processingOperationDone != null) {
                boolean grouping = BsddReferenceData.operation(content.processingOperationDone)
                        .map(ProcessingOperation::grouping).orElse(false);
                boolean item = form.data.emitter != null && form.data.emitter.type == EmitterType.APPENDIX1_PRODUCER;
                BsddFacts facts = BsddFacts.none().withOperation(false, grouping, false).withAppendix1Item(item);
                form.setStatus(BsddLifecycle.next(form.status(), BsddEvent.REVISE_OPERATION, facts).orElse(form.status()));
            }
        }
        Set<String> released = groupings.releaseIfCanceled(form);
        editing.correctRevised(form.data, form.transporters);
        editing.saveRevised(opened, Patches.of(content));
        groupings.afterRevision(form, released, RevisionContents.isCancellation(content) ? null : content.wasteDetails);
    }

    /** The authoring company as written on the BSDD (the eco-organisme has only a name and a SIRET there). */
    private static FormCompany authoringCompany(BsddData f, String orgId, List<Transporter> transporters) {
        if (f.emitter != null && f.emitter.company != null && orgId.equals(f.emitter.company.identifier())) {
            return f.emitter.company;
        }
        if (f.recipient != null && f.recipient.company != null && orgId.equals(f.recipient.company.identifier())) {
            return f.recipient.company;
        }
        return transporters.stream().map(t -> t.company)
                .filter(c -> c != null && orgId.equals(c.identifier())).findFirst()
                .orElseGet(() -> {
                    FormCompany eco = new FormCompany();
                    eco.siret = orgId;
                    eco.orgId = orgId;
                    eco.name = f.ecoOrganisme == null ? null : f.ecoOrganisme.name;
                    return eco;
                });
    }

    private static ApiException notFound(String id) {
        return new ApiException.BadUserInput("La révision « " + id + " » est introuvable : vérifiez son identifiant.");
    }
}
