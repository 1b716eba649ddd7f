package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsda.graphql.BsdaRevisionInputs.BsdaRevisionRequestWhere;
import fr.wastetrace.bsd.bsda.graphql.BsdaRevisionInputs.CreateBsdaRevisionRequestInput;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaDestination;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaOperation;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaReception;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWaste;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequest;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequestApproval;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequestConnection;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequestContent;
import fr.wastetrace.bsd.bsda.model.BsdaRevisionParts.BsdaRevisionRequestEdge;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.RevisionRequestStatus;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.JsonMerge;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.revision.RevisionPage;
import fr.wastetrace.bsd.core.revision.RevisionRequest;
import fr.wastetrace.bsd.core.revision.RevisionRequests;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The BSDA revision requests (reference resolvers/mutations/revisionRequest and repository/revisionRequest) on the
 * core's {@link RevisionRequests}: the emitter, the worker, the destination or the eco-organisme asks for a change
 * (pickup site, waste, packagings, broker, CAP, reception weights, operation) or for the cancellation of a signed BSDA
 * not yet received; the others of them approve. An accepted request is applied: a cancellation moves the BSDA to
 * CANCELED through the lifecycle table and releases what it grouped or forwarded; a new operation code moves
 * PROCESSED and AWAITING_CHILD into each other.
 */
@ApplicationScoped
public class BsdaRevisions {
    static final String BSD_TYPE = "bsda";
    private static final Set<BsdaStatus> CANCELLABLE = Set.of(BsdaStatus.SIGNED_BY_PRODUCER,
            BsdaStatus.SIGNED_BY_WORKER, BsdaStatus.SENT);

    @Inject
    BsdPipeline pipeline;
    @Inject
    RevisionRequests revisions;
    @Inject
    BsdaService operations;

    @Transactional
    public BsdaRevisionRequest create(CallerIdentity caller, CreateBsdaRevisionRequestInput input) {
        Mutation<Bsda> m = pipeline.open(BsdaDescriptor.INSTANCE, caller, input.bsdaId);
        Bsda doc = BsdaService.view(m.record());
        List<String> actors = actors(doc);
        if (!actors.contains(input.authoringCompanySiret)) {
            throw new ApiException.BadUserInput("authoringCompanySiret : l'établissement "
                    + input.authoringCompanySiret + " n'est ni le maître d'ouvrage, ni l'entreprise de travaux, ni la "
                    + "destination, ni l'éco-organisme de ce BSDA ; il ne peut pas en demander la révision.");
        }
        if (!m.companies().can(UserPermission.BSD_CAN_REVISE, input.authoringCompanySiret)) {
            throw new ApiException.BadUserInput("authoringCompanySiret : vous n'avez pas le droit de demander une "
                    + "révision au nom de l'établissement " + input.authoringCompanySiret + ".");
        }
        statusRefusal(m.record()).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        ObjectNode content = Patches.of(input.content);
        boolean cancel = Boolean.TRUE.equals(input.content.isCanceled);
        content.remove("isCanceled");
        if (!cancel && content.isEmpty()) {
            throw new ApiException.BadUserInput("content : la demande de révision ne contient aucune modification.");
        }
        if (cancel && !content.isEmpty()) {
            throw new ApiException.BadUserInput("content.isCanceled : une demande d'annulation ne peut pas modifier "
                    + "d'autres champs du BSDA.");
        }
        if (cancel && !CANCELLABLE.contains(doc.status)) {
            throw new ApiException.Forbidden("content.isCanceled : seul un BSDA signé mais pas encore réceptionné "
                    + "(SIGNED_BY_PRODUCER, SIGNED_BY_WORKER ou SENT) peut être annulé.");
        }
        checkContent(input);
        if (cancel) {
            content.put("isCanceled", true);
        }
        JsonNode author = EventCodec.mapper().valueToTree(companyOf(doc, input.authoringCompanySiret));
        RevisionRequest r = revisions.create(BSD_TYPE, doc.id, input.authoringCompanySiret, author,
                approvers(doc, input, cancel), content, input.comment, caller.subject());
        if (r.status() == RevisionRequestStatus.ACCEPTED) {
            apply(m, r);
        }
        return view(r);
    }

    /**
     * Why no revision of the BSDA may be asked for now, whoever asks (its status, a pending request): the check of
     * {@code createBsdaRevisionRequest} and of the allowed actions.
     */
    Optional<String> statusRefusal(BsdRecord<Bsda> record) {
        BsdaStatus status = BsdaStatus.valueOf(record.status);
        if (record.isDraft || status == BsdaStatus.INITIAL) {
            return Optional.of("Ce BSDA n'a encore aucune signature : modifiez-le directement (updateBsda) plutôt que "
                    + "d'en demander la révision.");
        }
        if (status == BsdaStatus.REFUSED) {
            return Optional.of("Ce BSDA a été refusé : il ne peut plus être révisé.");
        }
        if (status == BsdaStatus.CANCELED) {
            return Optional.of("Ce BSDA a été annulé : il ne peut plus être révisé.");
        }
        if (revisions.hasPending(BSD_TYPE, record.id)) {
            return Optional.of("Une demande de révision de ce BSDA attend déjà des approbations : attendez qu'elle "
                    + "soit traitée avant d'en créer une autre.");
        }
        return Optional.empty();
    }

    /** Why the caller may not ask for a revision now: no actor company of theirs may revise, or the status. */
    Optional<String> refusal(CallerCompanies companies, BsdRecord<Bsda> record) {
        return RevisionRequests.refusal(companies, actors(record.data), "Aucun de vos établissements n'est, avec le "
                + "droit de réviser, maître d'ouvrage, entreprise de travaux, destination ou éco-organisme de ce BSDA.",
                () -> statusRefusal(record));
    }

    private static void checkContent(CreateBsdaRevisionRequestInput input) {
        Problems problems = new Problems();
        var c = input.content;
        if (c.waste != null && c.waste.code != null && !BsdaRules.WASTE_CODES.contains(c.waste.code)) {
            problems.add("content.waste.code : le code déchet « " + c.waste.code + " » n'est pas accepté sur un BSDA.");
        }
        var operation = c.destination == null ? null : c.destination.operation;
        if (operation != null && operation.code != null && !BsdaRules.OPERATION_CODES.contains(operation.code)) {
            problems.add("content.destination.operation.code : le code « " + operation.code + " » n'est pas possible "
                    + "sur un BSDA (R 5, D 5, D 9 F, R 13 ou D 15).");
        }
        var reception = c.destination == null ? null : c.destination.reception;
        if (reception != null && reception.weight != null && reception.weight < 0) {
            problems.add("content.destination.reception.weight : le poids reçu ne peut pas être négatif.");
        }
        problems.throwIfAny(null);
    }

    @Transactional
    public BsdaRevisionRequest submitApproval(CallerIdentity caller, String id, boolean approved, String comment) {
        RevisionRequest r = revisions.findForUpdate(BSD_TYPE, id).orElseThrow(() -> notFound(id));
        CallerCompanies companies = pipeline.companiesOf(caller);
        String approver = r.approvals().stream().map(RevisionRequest.Approval::approverSiret)
                .filter(o -> r.awaits(o) && companies.can(UserPermission.BSD_CAN_REVISE, o)).findFirst()
                .orElseThrow(() -> new ApiException.Forbidden("Cette demande de révision n'attend pas l'approbation "
                        + "de vos établissements."));
        RevisionRequest decided = revisions.decide(r, approver, approved, comment);
        if (decided.status() == RevisionRequestStatus.ACCEPTED) {
            apply(pipeline.openLinked(BsdaDescriptor.INSTANCE, caller, r.bsdId()), decided);
        }
        return view(decided);
    }

    @Transactional
    public boolean cancel(CallerIdentity caller, String id) {
        RevisionRequest r = revisions.findForUpdate(BSD_TYPE, id).orElseThrow(() -> notFound(id));
        if (!pipeline.companiesOf(caller).can(UserPermission.BSD_CAN_REVISE, r.authoringOrgId())) {
            throw new ApiException.Forbidden("Seul l'auteur d'une demande de révision peut l'annuler.");
        }
        revisions.cancel(r);
        return true;
    }

    public BsdaRevisionRequestConnection list(CallerIdentity caller, String siret, BsdaRevisionRequestWhere where,
                                              String after, Integer first) {
        if (!pipeline.companiesOf(caller).isMemberOf(siret)) {
            throw new ApiException.Forbidden("siret : vous n'êtes pas membre de l'établissement " + siret + ".");
        }
        String bsdId = where == null || where.bsdaId == null ? null : where.bsdaId._eq;
        RevisionPage page = RevisionPage.of(revisions, BSD_TYPE, siret, bsdId, where == null ? null : where.status,
                after, first);
        BsdaRevisionRequestConnection connection = new BsdaRevisionRequestConnection();
        connection.totalCount = page.totalCount();
        connection.pageInfo = page.pageInfo();
        connection.edges = page.requests().stream().map(r -> {
            BsdaRevisionRequestEdge edge = new BsdaRevisionRequestEdge();
            edge.cursor = r.id();
            edge.node = view(r);
            return edge;
        }).toList();
        return connection;
    }

    /** The BSDA's latest revision request, for its metadata. */
    public BsdaRevisionRequest latest(String bsdaId) {
        return bsdaId == null ? null : revisions.latest(BSD_TYPE, bsdaId).map(BsdaRevisions::view).orElse(null);
    }

    /** The accepted content written into the BSDA, then its status moved as the reference's accept.ts does. */
    private void apply(Mutation<Bsda> m, RevisionRequest r) {
        Bsda doc = m.document();
        BsdaRevisionRequestContent c = EventCodec.mapper().convertValue(r.content(), BsdaRevisionRequestContent.class);
        if (Boolean.TRUE.equals(c.isCanceled)) {
            m.transition(BsdaLifecycle.TABLE, BsdaStatus.class, BsdaLifecycle.Event.CANCELLATION,
                    BsdaService.facts(doc), "content.isCanceled : seul un BSDA signé mais pas encore réceptionné "
                            + "peut être annulé.");
            release(m, doc);
        }
        ObjectNode node = EventCodec.mapper().valueToTree(doc);
        ObjectNode patch = ((ObjectNode) r.content()).deepCopy();
        patch.remove(List.of("isCanceled", "packagings", "destination"));
        JsonMerge.merge(node, patch);
        Bsda merged = EventCodec.mapper().convertValue(node, Bsda.class);
        doc.emitter = merged.emitter;
        doc.waste = merged.waste == null ? new BsdaWaste() : merged.waste;
        doc.broker = merged.broker;
        if (c.packagings != null) {
            doc.packagings = c.packagings;
        }
        var d = c.destination;
        if (d != null) {
            if (doc.destination == null) {
                doc.destination = new BsdaDestination();
            }
            if (d.cap != null) {
                doc.destination.cap = d.cap;
            }
            if (d.reception != null) {
                if (doc.destination.reception == null) {
                    doc.destination.reception = new BsdaReception();
                }
                if (d.reception.weight != null) {
                    doc.destination.reception.weight = d.reception.weight;
                }
                if (d.reception.refusedWeight != null) {
                    doc.destination.reception.refusedWeight = d.reception.refusedWeight;
                }
            }
            if (d.operation != null) {
                if (doc.destination.operation == null) {
                    doc.destination.operation = new BsdaOperation();
                }
                if (d.operation.description != null) {
                    doc.destination.operation.description = d.operation.description;
                }
                if (d.operation.mode != null) {
                    doc.destination.operation.mode = d.operation.mode;
                }
                if (d.operation.code != null) {
                    doc.destination.operation.code = d.operation.code;
                    boolean partial = BsdaLifecycle.PARTIAL_OPERATIONS.contains(d.operation.code);
                    BsdaStatus status = BsdaStatus.valueOf(m.record().status);
                    if (status == BsdaStatus.PROCESSED && partial) {
                        m.record().status = BsdaStatus.AWAITING_CHILD.name();
                    } else if (status == BsdaStatus.AWAITING_CHILD && !partial) {
                        m.record().status = BsdaStatus.PROCESSED.name();
                    }
                    operations.operationRevised(m);
                }
            }
        }
        BsdaDocuments.normalize(doc);
        pipeline.commit(m, r.content());
    }

    /** A canceled BSDA no longer holds what it grouped or forwarded. */
    private void release(Mutation<Bsda> m, Bsda doc) {
        for (String id : BsdaDocuments.heldIds(doc)) {
            Mutation<Bsda> child = pipeline.openLinked(BsdaDescriptor.INSTANCE, m.caller(), id);
            BsdaDocuments.release(child.document());
            pipeline.commit(child, null);
        }
        doc.grouping = new ArrayList<>();
        doc.forwarding = null;
    }

    /** Who may ask for a revision, and approve the others': the emitter, the worker, the destination, the eco-organisme. */
    private static List<String> actors(Bsda doc) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(doc.emitter == null ? null : BsdaDescriptor.orgId(doc.emitter.company));
        ids.add(doc.worker == null ? null : BsdaDescriptor.orgId(doc.worker.company));
        ids.add(doc.destination == null ? null : BsdaDescriptor.orgId(doc.destination.company));
        ids.add(doc.ecoOrganisme == null ? null : doc.ecoOrganisme.siret);
        ids.remove(null);
        return new ArrayList<>(ids);
    }

    /**
     * The other actors; the emitter need not approve a change of seal numbers or packagings only, asked by the
     * worker or the destination of a work-site BSDA.
     */
    private static List<String> approvers(Bsda doc, CreateBsdaRevisionRequestInput input, boolean cancel) {
        List<String> approvers = new ArrayList<>(actors(doc));
        approvers.remove(input.authoringCompanySiret);
        var c = input.content;
        boolean onlySealsOrPackagings = c.emitter == null && c.broker == null && c.destination == null
                && (c.waste == null || c.waste.code == null && c.waste.pop == null && c.waste.materialName == null
                && c.waste.familyCode == null);
        String author = input.authoringCompanySiret;
        if (doc.type == BsdaType.OTHER_COLLECTIONS && !cancel && onlySealsOrPackagings
                && (Objects.equals(author, BsdaDescriptor.orgId(doc.worker == null ? null : doc.worker.company))
                || Objects.equals(author, BsdaDescriptor.orgId(doc.destination == null ? null
                : doc.destination.company)))) {
            approvers.remove(BsdaDescriptor.orgId(doc.emitter == null ? null : doc.emitter.company));
        }
        return approvers;
    }

    /** The author's company as the BSDA shows it (the eco-organisme: its SIRET and name). */
    private static FormCompany companyOf(Bsda doc, String orgId) {
        return Stream.of(doc.emitter == null ? null : doc.emitter.company,
                        doc.worker == null ? null : doc.worker.company,
                        doc.destination == null ? null : doc.destination.company)
                .filter(c -> c != null && Objects.equals(orgId, c.identifier())).findFirst().orElseGet(() -> {
                    FormCompany eco = new FormCompany();
                    eco.orgId = orgId;
                    eco.siret = orgId;
                    eco.name = doc.ecoOrganisme == null ? null : doc.ecoOrganisme.name;
                    return eco;
                });
    }

    private static ApiException notFound(String id) {
        return new ApiException.BadUserInput("La demande de révision " + id + " n'existe pas.");
    }

    static BsdaRevisionRequest view(RevisionRequest r) {
        BsdaRevisionRequest v = new BsdaRevisionRequest();
        v.id = r.id();
        v.bsdaId = r.bsdId();
        v.content = EventCodec.mapper().convertValue(r.content(), BsdaRevisionRequestContent.class);
        v.comment = r.comment();
        v.status = r.status();
        v.authoringCompany = EventCodec.mapper().convertValue(r.authoringCompany(), FormCompany.class);
        v.createdAt = r.createdAt();
        v.approvals = r.approvals().stream().map(BsdaRevisions::approval).toList();
        return v;
    }

    private static BsdaRevisionRequestApproval approval(RevisionRequest.Approval answer) {
        BsdaRevisionRequestApproval a = new BsdaRevisionRequestApproval();
        a.status = answer.status();
        a.comment = answer.comment();
        a.approverSiret = answer.approverSiret();
        return a;
    }
}
