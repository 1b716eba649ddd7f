package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.core.mutation.Patches;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriRevisionInputs.BsdasriRevisionRequestWhere;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriRevisionInputs.CreateBsdasriRevisionRequestInput;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriOperation;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriOperationWeight;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriReception;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequest;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequestConnection;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequestContent;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts.BsdasriRevisionRequestEdge;
import fr.wastetrace.bsd.bsdasri.model.BsdasriRevisionParts;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.PickupSite;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.revision.RevisionRequest;
import fr.wastetrace.bsd.core.revision.RevisionRequests;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.graphql.PageInfo;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The BSDASRI revision requests (reference resolvers/mutations/revisionRequest) on the core's
 * {@link RevisionRequests}: the emitter, the destination or the eco-organisme asks for a change of the waste code,
 * the reception packagings, the operation or the pickup site, or for the cancellation of a SENT BSDASRI; the others
 * of them approve. An accepted request is applied to the BSDASRI (a cancellation moves it to CANCELED through the
 * lifecycle table; a new operation code moves PROCESSED and AWAITING_GROUP into each other).
 */
@ApplicationScoped
public class BsdasriRevisions {
    static final String BSD_TYPE = "bsdasri";
    static final int DEFAULT_PAGE = 50;

    @Inject
    BsdPipeline pipeline;
    @Inject
    RevisionRequests revisions;

    @Transactional
    public BsdasriRevisionRequest create(CallerIdentity caller, CreateBsdasriRevisionRequestInput input) {
        Mutation<Bsdasri> m = pipeline.open(BsdasriDescriptor.INSTANCE, caller, input.bsdasriId);
        Bsdasri doc = BsdasriService.view(m.record());
        List<String> requesters = requesters(doc);
        if (!requesters.contains(input.authoringCompanySiret)) {
            throw new ApiException.BadUserInput("Le SIRET \"" + input.authoringCompanySiret + "\" ne peut pas être "
                    + "auteur de la révision. Il n'apparait pas avec un rôle lui donnant ce droit sur le bordereau.");
        }
        if (!m.companies().can(UserPermission.BSD_CAN_REVISE, input.authoringCompanySiret)) {
            throw new ApiException.BadUserInput("Vous n'avez pas les droits suffisants pour déclarer le SIRET \""
                    + input.authoringCompanySiret + "\" comme auteur de la révision.");
        }
        statusRefusal(doc, m.record().isDraft).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        ObjectNode content = Patches.of(input.content);
        boolean cancel = Boolean.TRUE.equals(input.content.isCanceled);
        content.remove("isCanceled");
        if (!cancel && content.isEmpty()) {
            throw new ApiException.BadUserInput("Impossible de créer une révision sans modifications.");
        }
        if (cancel && !content.isEmpty()) {
            throw new ApiException.BadUserInput("Impossible d'annuler et de modifier un bordereau.");
        }
        if (cancel && doc.status != BsdasriStatus.SENT) {
            throw new ApiException.Forbidden("Impossible d'annuler un bordereau qui a été réceptionné sur "
                    + "l'installation de destination.");
        }
        Problems problems = new Problems();
        var c = input.content;
        if (c.waste != null && c.waste.code != null && !BsdasriRules.WASTE_CODES.contains(c.waste.code)) {
            problems.add("Le code déchet n'est pas autorisé pour un DASRI : seuls 18 01 03* et 18 02 02* le sont.");
        }
        if (c.destination != null && c.destination.operation != null && c.destination.operation.code != null
                && !BsdasriRules.OPERATION_CODES.contains(c.destination.operation.code)) {
            problems.add("Le code de l'opération réalisée doit être l'un de : D9F, D10, R1, D13, R12.");
        }
        problems.throwIfAny(null);
        if (cancel) {
            content.put("isCanceled", true);
        }
        JsonNode author = EventCodec.mapper().valueToTree(companyOf(doc, input.authoringCompanySiret));
        List<String> approvers = requesters.stream().filter(o -> !o.equals(input.authoringCompanySiret)).toList();
        RevisionRequest r = revisions.create(BSD_TYPE, doc.id, input.authoringCompanySiret, author, approvers, content,
                input.comment, caller.subject());
        if (r.status() == RevisionRequestStatus.ACCEPTED) {
            apply(m, r);
        }
        return view(r);
    }

    @Transactional
    public BsdasriRevisionRequest submitApproval(CallerIdentity caller, String id, boolean approved, String comment) {
        RevisionRequest r = revisions.findForUpdate(BSD_TYPE, id).orElseThrow(() -> notFound(id));
        CallerCompanies companies = pipeline.companiesOf(caller);
        String approver = r.approvals().stream().map(RevisionRequest.Approval::approverSiret)
                .filter(o -> r.awaits(o) && companies.can(UserPermission.BSD_CAN_REVISE, o)).findFirst()
                .orElseThrow(() -> new ApiException.Forbidden("Vous n'êtes pas destinataire de cette révision, ou "
                        + "celle-ci n'est plus en attente."));
        RevisionRequest decided = revisions.decide(r, approver, approved, comment);
        if (decided.status() == RevisionRequestStatus.ACCEPTED) {
            apply(pipeline.openLinked(BsdasriDescriptor.INSTANCE, caller, r.bsdId()), decided);
        }
        return view(decided);
    }

    @Transactional
    public boolean cancel(CallerIdentity caller, String id) {
        RevisionRequest r = revisions.findForUpdate(BSD_TYPE, id).orElseThrow(() -> notFound(id));
        if (!pipeline.companiesOf(caller).can(UserPermission.BSD_CAN_REVISE, r.authoringOrgId())) {
            throw new ApiException.Forbidden("Vous n'êtes pas l'auteur de cette révision.");
        }
        revisions.cancel(r);
        return true;
    }

    public BsdasriRevisionRequestConnection list(CallerIdentity caller, String siret, BsdasriRevisionRequestWhere where,
                                                 String after, Integer first) {
        if (!pipeline.companiesOf(caller).isMemberOf(siret)) {
            throw new ApiException.Forbidden("Vous n'êtes pas membre de l'entreprise portant le siret \"" + siret
                    + "\".");
        }
        int size = first == null ? DEFAULT_PAGE : Math.max(1, Math.min(first, 500));
        String bsdId = where == null || where.bsdasriId == null ? null : where.bsdasriId._eq;
        RevisionRequestStatus status = where == null ? null : where.status;
        List<RevisionRequest> rows = revisions.list(BSD_TYPE, siret, bsdId, status, after, size + 1);
        BsdasriRevisionRequestConnection page = new BsdasriRevisionRequestConnection();
        page.totalCount = revisions.count(BSD_TYPE, siret, bsdId, status);
        page.edges = new ArrayList<>();
        for (RevisionRequest r : rows.subList(0, Math.min(size, rows.size()))) {
            BsdasriRevisionRequestEdge edge = new BsdasriRevisionRequestEdge();
            edge.cursor = r.id();
            edge.node = view(r);
            page.edges.add(edge);
        }
        page.pageInfo = new PageInfo();
        page.pageInfo.hasNextPage = rows.size() > size;
        page.pageInfo.hasPreviousPage = after != null;
        page.pageInfo.startCursor = page.edges.isEmpty() ? null : page.edges.get(0).cursor;
        page.pageInfo.endCursor = page.edges.isEmpty() ? null : page.edges.get(page.edges.size() - 1).cursor;
        return page;
    }

    /** The BSDASRI's latest revision request, for its metadata. */
    public BsdasriRevisionRequest latest(String bsdasriId) {
        return revisions.latest(BSD_TYPE, bsdasriId).map(BsdasriRevisions::view).orElse(null);
    }

    /** The accepted content written into the BSDASRI, then its status moved as the reference's accept.ts does. */
    private void apply(Mutation<Bsdasri> m, RevisionRequest r) {
        Bsdasri doc = m.document();
        BsdasriRevisionRequestContent c = EventCodec.mapper().convertValue(r.content(),
                BsdasriRevisionRequestContent.class);
        if (Boolean.TRUE.equals(c.isCanceled)) {
            m.transition(BsdasriLifecycle.TABLE, BsdasriStatus.class, BsdasriLifecycle.Event.CANCELLATION,
                    new BsdasriLifecycle.Facts(false, false, null, null, false),
                    "Impossible d'annuler un bordereau qui a été réceptionné sur l'installation de destination.");
        }
        if (c.waste != null && c.waste.code != null) {
            doc.waste.code = c.waste.code;
        }
        if (c.emitter != null && c.emitter.pickupSite != null) {
            ObjectNode site = EventCodec.mapper().valueToTree(doc.emitter.pickupSite == null ? new PickupSite()
                    : doc.emitter.pickupSite);
            JsonMerge.merge(site, Patches.of(c.emitter.pickupSite));
            doc.emitter.pickupSite = EventCodec.mapper().convertValue(site, PickupSite.class);
        }
        if (c.destination != null && c.destination.reception != null && c.destination.reception.packagings != null) {
            if (doc.destination.reception == null) {
                doc.destination.reception = new BsdasriReception();
            }
            doc.destination.reception.packagings = c.destination.reception.packagings;
        }
        var o = c.destination == null ? null : c.destination.operation;
        if (o != null) {
            if (doc.destination.operation == null) {
                doc.destination.operation = new BsdasriOperation();
            }
            if (o.code != null) {
                doc.destination.operation.code = o.code;
                boolean grouping = BsdasriRules.isGroupingCode(o.code);
                BsdasriStatus status = BsdasriStatus.valueOf(m.record().status);
                if (status == BsdasriStatus.PROCESSED && grouping) {
                    m.record().status = BsdasriStatus.AWAITING_GROUP.name();
                } else if (status == BsdasriStatus.AWAITING_GROUP && !grouping) {
                    m.record().status = BsdasriStatus.PROCESSED.name();
                }
            }
            if (o.mode != null) {
                doc.destination.operation.mode = o.mode;
            }
            if (o.weight != null) {
                doc.destination.operation.weight = new BsdasriOperationWeight();
                doc.destination.operation.weight.value = o.weight;
            }
        }
        BsdasriDocuments.normalize(doc);
        pipeline.commit(m, r.content());
    }

    /**
     * Why no revision of the BSDASRI may be asked for now, whoever asks (grouped or synthesized, its status, a pending
     * request): the check of {@code createBsdasriRevisionRequest} and of the allowed actions.
     */
    private Optional<String> statusRefusal(Bsdasri doc, boolean draft) {
        if (doc.groupedInId != null || doc.synthesizedInId != null) {
            return Optional.of("Impossible de créer une révision sur un bordereau inclus dans une synthèse ou un "
                    + "groupement.");
        }
        if (draft || doc.status == BsdasriStatus.INITIAL) {
            return Optional.of("Impossible de créer une révision sur ce bordereau. Vous pouvez le modifier "
                    + "directement, aucune signature bloquante n'a encore été apposée.");
        }
        if (doc.status == BsdasriStatus.REFUSED) {
            return Optional.of("Impossible de créer une révision sur ce bordereau, il a été refusé ou supprimé.");
        }
        if (doc.status == BsdasriStatus.CANCELED) {
            return Optional.of("Impossible de créer une révision sur ce bordereau, il a été annulé.");
        }
        if (revisions.hasPending(BSD_TYPE, doc.id)) {
            return Optional.of("Impossible de créer une révision sur ce bordereau. Une autre révision est déjà en "
                    + "attente de validation.");
        }
        return Optional.empty();
    }

    /** Why the caller may not ask for a revision now: no requester company of theirs may revise, or the status. */
    Optional<String> refusal(CallerCompanies companies, BsdRecord<Bsdasri> record) {
        Bsdasri doc = BsdasriService.view(record);
        return RevisionRequests.refusal(companies, requesters(doc), "Aucun de vos établissements n'est, avec le droit "
                + "de réviser, émetteur, destination ou éco-organisme de ce bordereau.",
                () -> statusRefusal(doc, record.isDraft));
    }

    /** Who may ask for a revision, and approve the others': the emitter, the destination, the eco-organisme. */
    private static List<String> requesters(Bsdasri doc) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(doc.emitter == null ? null : BsdasriDescriptor.orgId(doc.emitter.company));
        ids.add(doc.destination == null ? null : BsdasriDescriptor.orgId(doc.destination.company));
        ids.add(doc.ecoOrganisme == null ? null : doc.ecoOrganisme.siret);
        ids.remove(null);
        return new ArrayList<>(ids);
    }

    private static FormCompany companyOf(Bsdasri doc, String orgId) {
        for (FormCompany c : new FormCompany[]{doc.emitter == null ? null : doc.emitter.company,
                doc.destination == null ? null : doc.destination.company}) {
            if (c != null && Objects.equals(orgId, c.identifier())) {
                return c;
            }
        }
        FormCompany eco = new FormCompany();
        eco.siret = orgId;
        eco.orgId = orgId;
        eco.name = doc.ecoOrganisme == null ? null : doc.ecoOrganisme.name;
        return eco;
    }

    private static ApiException notFound(String id) {
        return new ApiException.BadUserInput("La révision n°" + id + " n'existe pas.");
    }

    static BsdasriRevisionRequest view(RevisionRequest r) {
        BsdasriRevisionRequest v = new BsdasriRevisionRequest();
        v.id = r.id();
        v.bsdasriId = r.bsdId();
        v.content = EventCodec.mapper().convertValue(r.content(), BsdasriRevisionRequestContent.class);
        v.comment = r.comment();
        v.status = r.status();
        v.authoringCompany = EventCodec.mapper().convertValue(r.authoringCompany(), FormCompany.class);
        v.createdAt = r.createdAt();
        v.approvals = r.approvals().stream().map(a -> {
            var approval = new BsdasriRevisionParts.BsdasriRevisionRequestApproval();
            approval.approverSiret = a.approverSiret();
            approval.status = a.status();
            approval.comment = a.comment();
            return approval;
        }).toList();
        return v;
    }
}
