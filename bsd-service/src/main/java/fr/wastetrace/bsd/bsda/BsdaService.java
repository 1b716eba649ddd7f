package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaInput;
import fr.wastetrace.bsd.bsda.graphql.BsdaInputs.BsdaSignatureInput;
import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaEmission;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaOperation;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaRecepisse;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaReception;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransport;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaWork;
import fr.wastetrace.bsd.bsda.model.BsdaSignatureType;
import fr.wastetrace.bsd.bsda.model.BsdaStatus;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.signature.MultimodalTransporters;
import fr.wastetrace.bsd.core.signature.TransporterMutations;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.signature.Signatures;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserPermission;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The BSDA mutations: each is the core's pipeline ({@link BsdPipeline}: lock, companies, read check, permission
 * verb, transition table, status log, save, outbox event) plus the BSDA's own rules: its edition rules, its five
 * signatures, its transporters, and its grouping and forwarding (the BSDAs they hold change with them).
 */
@ApplicationScoped
public class BsdaService {
    static final BsdaDescriptor TYPE = BsdaDescriptor.INSTANCE;
    static final String SIGN_INTRO = "Le bordereau ne peut pas être signé car des informations obligatoires manquent :";
    /** The date part of a BSDA number: BSDA-yyyyMMdd-XXXXXXXXX. */
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Clock clock = Clock.systemUTC();
    @Inject
    Signatures signatures;
    @Inject
    BsdPipeline pipeline;
    @Inject
    TransporterMutations transporters;
    @Inject
    CompanyDirectory directory;
    @Inject
    DocumentStore store;

    // ---------------------------------------------------------------- create, update, publish

    @Transactional
    public Bsda create(CallerIdentity caller, BsdaInput input, boolean draft) {
        Bsda doc = new Bsda();
        doc.status = BsdaStatus.INITIAL;
        doc.type = BsdaType.OTHER_COLLECTIONS;
        doc = BsdaDocuments.apply(doc, input, ids -> attach(ids, null));
        String id = newId();
        doc.id = id;
        Mutation<Bsda> m = pipeline.create(TYPE, caller, id, doc, BsdaStatus.INITIAL.name(), draft,
                BsdaDescriptor.creators(doc), "Vous ne pouvez pas créer un bordereau sur lequel votre entreprise "
                        + "n'apparait pas");
        link(m, input.grouping, input.forwarding, List.of(), null);
        Problems problems = BsdaRules.formats(doc);
        if (!draft) {
            required(m, "EMISSION", problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsda update(CallerIdentity caller, String id, BsdaInput input) {
        Mutation<Bsda> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        BsdRecord<Bsda> record = m.record();
        Bsda before = BsdPipeline.copy(record.data, Bsda.class);
        TYPE.updateRefusal(record).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        List<String> signed = BsdaSignatures.signed(before);
        record.data = BsdaDocuments.apply(record.data, input, ids -> attach(ids, id));
        record.data.id = id;
        if (input.grouping != null || input.forwarding != null) {
            if (!signed.isEmpty()) {
                throw new ApiException.BadUserInput("Des champs ont été verrouillés via signature et ne peuvent plus "
                        + "être modifiés : " + (input.grouping != null ? "Les BSDA regroupés" : "Le BSDA réexpédié"));
            }
            link(m, input.grouping, input.forwarding, before.grouping.stream().map(i -> i.id).toList(),
                    before.forwarding == null ? null : before.forwarding.id);
        }
        checkStillOnIt(m);
        Set<String> changed = m.changedPaths(BsdPipeline.state(record));
        BsdaRules.RULES.checkNotSealed(context(m, before), signed, changed, "");
        checkSignedTransportersUnchanged(before, record.data, changed);
        if (record.isDraft) {
            record.draftAccessOrgIds.addAll(Visibility.draftAccess(m.companies(),
                    BsdaDescriptor.contributors(record.data)));
        }
        Problems problems = BsdaRules.formats(record.data);
        if (!record.isDraft) {
            required(m, signed.isEmpty() ? "EMISSION" : signed.get(signed.size() - 1), problems);
        }
        problems.throwIfAny(null);
        if (!BsdaDocuments.same(BsdaDocuments.forwardedDestination(before),
                BsdaDocuments.forwardedDestination(record.data))) {
            followDestination(m);
        }
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsda publish(CallerIdentity caller, String id) {
        Mutation<Bsda> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        if (!m.record().isDraft) {
            throw new ApiException.Forbidden("Impossible de publier un bordereau qui n'est pas un brouillon");
        }
        m.record().isDraft = false;
        Problems problems = BsdaRules.formats(m.document());
        required(m, "EMISSION", problems).throwIfAny(null);
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- grouping and forwarding

    /**
     * Links the BSDAs a GATHERING BSDA groups or a RESHIPMENT BSDA forwards (and releases those no longer held): they
     * must await a next BSDA (AWAITING_CHILD, partial operation code), not be held elsewhere, be destined to this
     * BSDA's emitter, and, to be grouped, share the waste code.
     */
    private void link(Mutation<Bsda> m, List<String> grouping, String forwarding, List<String> previousGrouping,
                      String previousForwarding) {
        Bsda parent = m.document();
        if (grouping == null && forwarding == null) {
            return;
        }
        if (grouping != null && parent.type != BsdaType.GATHERING) {
            throw new ApiException.BadUserInput("grouping : seul un BSDA de groupement (type GATHERING) peut "
                    + "regrouper d'autres BSDA.");
        }
        if (forwarding != null && parent.type != BsdaType.RESHIPMENT) {
            throw new ApiException.BadUserInput("forwarding : seul un BSDA de réexpédition (type RESHIPMENT) peut "
                    + "réexpédier un BSDA.");
        }
        List<String> ids = grouping != null ? List.copyOf(new LinkedHashSet<>(grouping)) : List.of(forwarding);
        List<String> previous = grouping != null ? previousGrouping
                : previousForwarding == null ? List.of() : List.of(previousForwarding);
        String holderOrgId = parent.emitter == null ? null : BsdaDescriptor.orgId(parent.emitter.company);
        Problems problems = new Problems();
        List<Mutation<Bsda>> children = new ArrayList<>();
        String wasteCode = null;
        for (String childId : ids) {
            Optional<BsdRecord<Bsda>> found = store.find(TYPE.table(), childId);
            if (found.isEmpty() || found.get().isDeleted) {
                problems.add((grouping != null ? "grouping" : "forwarding") + " : le BSDA " + childId
                        + " n'existe pas.");
                continue;
            }
            Mutation<Bsda> c = pipeline.openLinked(TYPE, m.caller(), childId);
            Bsda child = view(c.record());
            String field = grouping != null ? "grouping" : "forwarding";
            String heldBy = child.groupedInId != null ? child.groupedInId : child.forwardedInId;
            String code = child.destination == null || child.destination.operation == null ? null
                    : child.destination.operation.code;
            if (child.status != BsdaStatus.AWAITING_CHILD || code == null
                    || !BsdaLifecycle.PARTIAL_OPERATIONS.contains(code)) {
                problems.add(field + " : le BSDA " + childId + " doit être en attente d'un bordereau suivant "
                        + "(statut AWAITING_CHILD, opération R 13 ou D 15).");
            } else if (heldBy != null && !heldBy.equals(parent.id)) {
                problems.add(field + " : le BSDA " + childId + " est déjà regroupé ou réexpédié par le BSDA "
                        + heldBy + ".");
            } else if (!Objects.equals(holderOrgId, child.destination == null ? null
                    : BsdaDescriptor.orgId(child.destination.company))) {
                problems.add(field + " : le BSDA " + childId + " n'a pas pour destination le maître d'ouvrage de ce "
                        + "BSDA (emitter.company.siret).");
            } else {
                String childCode = child.waste == null ? null : child.waste.code;
                if (grouping != null && wasteCode != null && !Objects.equals(wasteCode, childCode)) {
                    problems.add("grouping : les BSDA regroupés doivent avoir le même code déchet (" + wasteCode
                            + " et " + childCode + ").");
                }
                wasteCode = wasteCode == null ? childCode : wasteCode;
                children.add(c);
            }
        }
        problems.throwIfAny(null);
        for (String old : previous) {
            if (!ids.contains(old)) {
                Mutation<Bsda> c = pipeline.openLinked(TYPE, m.caller(), old);
                BsdaDocuments.release(c.document());
                pipeline.commit(c, null);
            }
        }
        for (Mutation<Bsda> c : children) {
            if (grouping != null) {
                c.document().groupedInId = parent.id;
            } else {
                BsdaDocuments.forwardedBy(c.document(), parent);
            }
            pipeline.commit(c, null);
        }
        if (grouping != null) {
            parent.grouping = new ArrayList<>(children.stream().map(c -> BsdaDocuments.initial(view(c.record())))
                    .toList());
        } else {
            parent.forwarding = BsdaDocuments.initial(view(children.get(0).record()));
        }
    }

    /**
     * After a change of a RESHIPMENT BSDA's destination company: the BSDA it forwards carries it for its register lines
     * (postTempStorageDestination*), so it is saved and published again in the same transaction.
     */
    private void followDestination(Mutation<Bsda> m) {
        Bsda parent = m.document();
        if (parent.forwarding == null) {
            return;
        }
        FormCompany destination = BsdaDocuments.forwardedDestination(parent);
        pipeline.openLinkedIfPresent(TYPE, m.caller(), parent.forwarding.id)
                .filter(c -> parent.id.equals(c.document().forwardedInId)
                        && !BsdaDocuments.same(c.document().forwardedInDestinationCompany, destination))
                .ifPresent(c -> {
                    c.document().forwardedInDestinationCompany = destination;
                    pipeline.commit(c, null);
                });
    }

    /**
     * After a signature that ends the BSDA: a processed BSDA processes what it grouped or forwarded (and so on up the
     * chain); a refused grouping BSDA releases the BSDAs it grouped.
     */
    private void cascade(Mutation<Bsda> m) {
        Bsda parent = m.document();
        BsdaStatus status = BsdaStatus.valueOf(m.record().status);
        List<String> held = BsdaDocuments.heldIds(parent);
        if (status == BsdaStatus.PROCESSED) {
            FinalOperation done = finalOperation(parent);
            if (done != null) {
                FinalOperation.record(parent.finalOperations, done);
            }
            processAncestors(m.caller(), parent, done);
        } else if (status == BsdaStatus.REFUSED && parent.type == BsdaType.GATHERING) {
            for (String id : held) {
                Mutation<Bsda> c = pipeline.openLinked(TYPE, m.caller(), id);
                c.document().groupedInId = null;
                pipeline.commit(c, null);
            }
            parent.grouping = new ArrayList<>();
        }
    }

    /**
     * After an approved revision changed the operation code of a treated BSDA (reference operationHook, run again):
     * a final code is recorded along the chain in place of the one it replaces, and the BSDAs held are processed; a
     * code that is no longer final (the BSDA now awaits a child) is removed from the BSDA and the ones it held.
     */
    void operationRevised(Mutation<Bsda> m) {
        Bsda doc = m.document();
        if (finalOperation(doc) != null && BsdaStatus.PROCESSED.name().equals(m.record().status)) {
            cascade(m);
        } else {
            FinalOperation.forget(doc.finalOperations, doc.id);
            forgetUpstream(m.caller(), doc, doc.id);
        }
    }

    private void forgetUpstream(CallerIdentity caller, Bsda from, String finalBsdId) {
        for (String id : BsdaDocuments.heldIds(from)) {
            Mutation<Bsda> c = pipeline.openLinked(TYPE, caller, id);
            if (FinalOperation.forget(c.document().finalOperations, finalBsdId)) {
                pipeline.commit(c, null);
            }
            forgetUpstream(caller, c.document(), finalBsdId);
        }
    }

    /**
     * Marks the BSDAs {@code from} grouped or forwarded PROCESSED, and up the chain their own; each records the final
     * treatment {@code done} (when there is one): a forwarded BSDA for the quantity of the BSDA that forwarded it, a
     * grouped one for its own received weight (reference operationHook).
     */
    private void processAncestors(CallerIdentity caller, Bsda from, FinalOperation done) {
        for (String id : BsdaDocuments.heldIds(from)) {
            Mutation<Bsda> c = pipeline.openLinked(TYPE, caller, id);
            Bsda child = c.document();
            boolean changed = !BsdaStatus.PROCESSED.name().equals(c.record().status);
            c.record().status = BsdaStatus.PROCESSED.name();
            FinalOperation reached = null;
            if (done != null) {
                boolean forwarded = from.forwarding != null && id.equals(from.forwarding.id);
                reached = done.withQuantity(forwarded ? done.quantity : receivedWeight(child));
                changed |= FinalOperation.record(child.finalOperations, reached);
            }
            if (changed) {
                pipeline.commit(c, null);
            }
            processAncestors(caller, child, reached);
        }
    }

    /** The final treatment a BSDA just carried out, or null when its operation code is not final. */
    private static FinalOperation finalOperation(Bsda doc) {
        String code = doc.destination == null || doc.destination.operation == null ? null
                : doc.destination.operation.code;
        if (!FinalOperation.isFinal(code)) {
            return null;
        }
        return new FinalOperation(code, receivedWeight(doc), doc.id, BsdaDescriptor.orgId(doc.destination.company));
    }

    private static Double receivedWeight(Bsda doc) {
        return doc.destination == null || doc.destination.reception == null ? null : doc.destination.reception.weight;
    }

    // ---------------------------------------------------------------- signatures

    @Transactional
    public Bsda sign(CallerIdentity caller, String id, BsdaSignatureInput input) {
        Mutation<Bsda> m = pipeline.open(TYPE, caller, id);
        BsdRecord<Bsda> record = m.record();
        Bsda doc = record.data;
        if (record.isDraft) {
            throw new ApiException.BadUserInput("Impossible de signer le bordereau, il est en brouillon. Publiez-le "
                    + "d'abord (publishBsda).");
        }
        Instant date = input.date == null ? clock.instant() : input.date;
        SignatureStep<Bsda, BsdaLifecycle.Event> signing = BsdaSignatures.STEPS.open(input.type.name(), doc,
                "Le bordereau a déjà été signé");
        int transporterRank = input.type == BsdaSignatureType.TRANSPORT
                ? TransporterChain.nextToSign(doc.transporters, BsdaSignatures::signed).orElseThrow() : 0;
        String step = transporterRank > 0 ? TransporterChain.step(transporterRank) : input.type.name();
        String signedFor = signatures.checkCanSignFor(caller, m.companies(), signing.signersOf(doc),
                signing.permission(), input.securityCode);
        if (transporterRank > 0) {
            completeReceipt(doc.transporters.get(transporterRank - 1));
        }
        BsdaLifecycle.Event event = signing.event();
        BsdaStatus from = BsdaStatus.valueOf(record.status);
        if (!canMove(from, event, doc)) {
            throw new ApiException.BadUserInput(refusal(from, input.type));
        }
        required(m, step, BsdaRules.formats(doc)).throwIfAny(SIGN_INTRO);
        m.transition(BsdaLifecycle.TABLE, BsdaStatus.class, event, facts(doc), refusal(from, input.type));
        Signature signature = new Signature(input.author, date);
        switch (input.type) {
            case EMISSION -> {
                doc.emitter.emission = new BsdaEmission();
                doc.emitter.emission.signature = signature;
            }
            case WORK -> {
                if (doc.worker.work == null) {
                    doc.worker.work = new BsdaWork();
                }
                doc.worker.work.signature = signature;
            }
            case TRANSPORT -> {
                BsdaTransporter t = doc.transporters.get(transporterRank - 1);
                if (t.transport == null) {
                    t.transport = new BsdaTransport();
                }
                t.transport.signature = signature;
                if (t.transport.takenOverAt == null) {
                    t.transport.takenOverAt = date;
                }
            }
            case RECEPTION -> doc.destination.reception.signature = signature;
            default -> {
                if (doc.destination.operation == null) {
                    doc.destination.operation = new BsdaOperation();
                }
                doc.destination.operation.signature = signature;
                if (doc.destination.reception == null) {
                    doc.destination.reception = new BsdaReception();
                }
            }
        }
        List<BsdaTransporter> dropped = new ArrayList<>();
        if (input.type == BsdaSignatureType.RECEPTION || input.type == BsdaSignatureType.OPERATION) {
            List<BsdaTransporter> kept = TransporterChain.withoutTrailingUnsigned(doc.transporters,
                    BsdaSignatures::signed);
            dropped.addAll(doc.transporters.subList(kept.size(), doc.transporters.size()));
            doc.transporters = new ArrayList<>(kept);
        }
        BsdaDocuments.normalize(doc);
        m.signed(input.type.name(), date, input.author, signedFor);
        cascade(m);
        Bsda result = view(pipeline.commit(m, Patches.of(Map.of("type", input.type,
                "author", input.author))));
        dropped.forEach(t -> store.deleteTransporter(TYPE.table().bsdType(), t.id));
        return result;
    }

    static BsdaLifecycle.Facts facts(Bsda doc) {
        return new BsdaLifecycle.Facts(doc.type, doc.emitter != null
                && Boolean.TRUE.equals(doc.emitter.isPrivateIndividual), doc.worker != null && doc.worker.isDisabled,
                doc.worker != null && doc.worker.work != null
                        && Boolean.TRUE.equals(doc.worker.work.hasEmitterPaperSignature),
                doc.destination == null || doc.destination.reception == null ? null
                        : doc.destination.reception.acceptationStatus,
                doc.destination == null || doc.destination.operation == null ? null
                        : doc.destination.operation.code);
    }

    private static String refusal(BsdaStatus from, BsdaSignatureType type) {
        return "Vous ne pouvez pas apposer la signature " + type + " sur ce BSDA au statut " + from + ".";
    }

    /**
     * Whether the table moves the BSDA for {@code event} before the step's fields are checked: the guards of
     * EMISSION, WORK and TRANSPORT read no field a step requires, so they are evaluated (the caller is told "not in
     * this status", not the missing fields); those of RECEPTION and OPERATION read the acceptation and the operation
     * code the step also requires, so only the table's row is asked for.
     */
    static boolean canMove(BsdaStatus from, BsdaLifecycle.Event event, Bsda doc) {
        boolean guardOnData = event == BsdaLifecycle.Event.RECEPTION || event == BsdaLifecycle.Event.OPERATION;
        return BsdaLifecycle.TABLE.allows(from, event)
                && (guardOnData || BsdaLifecycle.TABLE.next(from, event, facts(doc)).isPresent());
    }

    /** A transporter that signs shows the receipt of its company's profile, unless it declared itself exempted. */
    private void completeReceipt(BsdaTransporter t) {
        boolean exempted = t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted);
        CompanyState.Receipt profile = exempted ? null : directory.byOrgId(BsdaDescriptor.orgId(t.company))
                .map(CompanyView::transporterReceipt).orElse(null);
        if (profile != null) {
            BsdaRecepisse r = t.recepisse == null ? new BsdaRecepisse() : t.recepisse;
            r.isExempted = false;
            r.number = profile.receiptNumber();
            r.department = profile.department();
            r.validityLimit = profile.validityLimit();
            t.recepisse = r;
        }
    }

    // ---------------------------------------------------------------- delete, duplicate

    @Transactional
    public Bsda delete(CallerIdentity caller, String id) {
        Mutation<Bsda> m = pipeline.open(TYPE, caller, id).require(Verb.DELETE);
        Bsda doc = m.document();
        for (String child : BsdaDocuments.heldIds(doc)) {
            Mutation<Bsda> c = pipeline.openLinked(TYPE, caller, child);
            BsdaDocuments.release(c.document());
            pipeline.commit(c, null);
        }
        return view(pipeline.delete(m));
    }

    @Transactional
    public Bsda duplicate(CallerIdentity caller, String id) {
        Mutation<Bsda> source = pipeline.open(TYPE, caller, id).require(Verb.DUPLICATE);
        Bsda doc = BsdPipeline.copy(source.document(), Bsda.class);
        doc.isDuplicateOf = id;
        doc.status = BsdaStatus.INITIAL;
        BsdaDocuments.release(doc);
        doc.grouping = new ArrayList<>();
        doc.forwarding = null;
        doc.emitter.emission = null;
        if (doc.worker != null) {
            doc.worker.work = null;
        }
        if (doc.destination != null) {
            doc.destination.reception = null;
            doc.destination.operation = null;
        }
        if (doc.waste != null) {
            doc.waste.sealNumbers = null;
        }
        doc.weight = null;
        doc.finalOperations = new ArrayList<>();
        doc.transporters = MultimodalTransporters.duplicates(doc.transporters, BsdaTransporter.class);
        String newId = newId();
        doc.id = newId;
        BsdaDocuments.normalize(doc);
        Mutation<Bsda> m = pipeline.create(TYPE, caller, newId, doc, BsdaStatus.INITIAL.name(), true,
                BsdaDescriptor.contributors(doc), TYPE.refusal(Verb.DUPLICATE, source.record()));
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- transporters

    /** The BSDA's transporters for the core's transporter mutations. */
    public static final TransporterMutations.Side<Bsda, BsdaTransporter> TRANSPORTERS = new TransporterMutations.Side<>(
            TYPE, "BSDA", BsdaTransporter.class, b -> b.transporters, t -> t.id, BsdaSignatures::signed,
            (m, edited) -> {
                BsdaDocuments.normalize(m.document());
                checkStillOnIt(m);
                if (edited) {
                    BsdaRules.formats(m.document()).throwIfAny(null);
                }
            });

    private List<BsdaTransporter> attach(List<String> ids, String bsdaId) {
        return transporters.attach(TRANSPORTERS, ids, bsdaId);
    }

    // ---------------------------------------------------------------- checks

    private static BsdaRules.Context context(Mutation<Bsda> m, Bsda before) {
        Bsda after = m.document();
        boolean callerIsEmitter = before.emitter != null
                && m.companies().isMemberOf(BsdaDescriptor.orgId(before.emitter.company));
        boolean changing = nextDestinationSiret(before) == null != (nextDestinationSiret(after) == null);
        return new BsdaRules.Context(before, callerIsEmitter, changing);
    }

    private static String nextDestinationSiret(Bsda b) {
        return b.destination == null || b.destination.operation == null
                || b.destination.operation.nextDestination == null
                || b.destination.operation.nextDestination.company == null ? null
                : b.destination.operation.nextDestination.company.siret;
    }

    /** After a change, the caller must still be on the BSDA through a company it may update with. */
    private static void checkStillOnIt(Mutation<Bsda> m) {
        Set<String> after = m.record().isDraft ? m.record().draftAccessOrgIds
                : BsdaDescriptor.contributors(m.document());
        if (!m.record().isDraft && !m.companies().can(UserPermission.BSD_CAN_UPDATE, after)) {
            throw new ApiException.Forbidden("Vous ne pouvez pas enlever votre établissement du bordereau");
        }
    }

    private static void checkSignedTransportersUnchanged(Bsda before, Bsda after, Set<String> changed) {
        for (int i = 0; i < before.transporters.size(); i++) {
            String prefix = "transporters[" + i + "]";
            if (BsdaSignatures.signed(before.transporters.get(i))
                    && changed.stream().anyMatch(p -> p.startsWith(prefix))) {
                throw new ApiException.BadUserInput("Des champs ont été verrouillés via signature et ne peuvent plus "
                        + "être modifiés : le transporteur n°" + (i + 1));
            }
        }
    }

    /**
     * The fields required for {@code step}: the BSDA's, and for a transport step those of the transporter who signs
     * it. Each message names the field's path.
     */
    private Problems required(Mutation<Bsda> m, String step, Problems problems) {
        Bsda doc = m.document();
        ObjectNode state = BsdPipeline.state(m.record());
        BsdaRules.RULES.missing(new BsdaRules.Context(doc), state, step)
                .forEach(x -> problems.add(x.path() + " : " + x.message()));
        for (int i = 0; i < doc.transporters.size(); i++) {
            if (TransporterChain.step(i + 1).equals(step)) {
                BsdaTransporter t = doc.transporters.get(i);
                int rank = i;
                BsdaRules.TRANSPORTER_RULES.missing(t, EventCodec.mapper().valueToTree(t), "TRANSPORT")
                        .forEach(x -> problems.add("transporters[" + rank + "]." + x.path() + " : " + x.message()));
            }
        }
        return problems;
    }

    String newId() {
        return "BSDA-" + ID_DATE.format(clock.instant()) + "-" + Ids.base32(9);
    }

    /** The record's state as the API shows it. */
    static Bsda view(BsdRecord<Bsda> record) {
        Bsda b = record.data;
        b.id = record.id;
        b.status = BsdaStatus.valueOf(record.status);
        b.isDraft = record.isDraft;
        b.createdAt = record.createdAt;
        b.updatedAt = record.updatedAt;
        b.version = record.version;
        b.isDeleted = record.isDeleted;
        BsdaDocuments.normalize(b);
        return b;
    }
}
