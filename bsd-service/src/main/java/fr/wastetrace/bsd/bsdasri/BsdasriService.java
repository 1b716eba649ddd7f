package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriSignatureInput;
import fr.wastetrace.bsd.bsdasri.graphql.BsdasriInputs.BsdasriSignatureWithSecretCodeInput;
import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriEmitter;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriOperation;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriRecepisse;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriSignature;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriTransport;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriTransporter;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts;
import fr.wastetrace.bsd.bsdasri.model.BsdasriSignatureType;
import fr.wastetrace.bsd.bsdasri.model.BsdasriStatus;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.SignatureAuthor;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.signature.SecurityCodeGuard;
import fr.wastetrace.bsd.core.signature.Signatures;
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
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * The BSDASRI mutations: each is the core's pipeline ({@link BsdPipeline}: lock, companies, read check, permission
 * verb, transition table, status log, save, outbox event) plus the BSDASRI's own rules: its edition rules, its
 * signatures (direct take-over, secret code), its groupings and syntheses (the BSDASRIs they hold change with them).
 */
@ApplicationScoped
public class BsdasriService {
    static final BsdasriDescriptor TYPE = BsdasriDescriptor.INSTANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    static final String SIGN_INTRO = "Le bordereau ne peut pas être signé car des informations obligatoires manquent :";

    @Inject
    BsdPipeline pipeline;
    @Inject
    CompanyDirectory directory;
    @Inject
    Signatures signatures;
    @Inject
    SecurityCodeGuard securityCodes;

    private final Clock clock = Clock.systemUTC();

    // ---------------------------------------------------------------- create, update, publish

    @Transactional
    public Bsdasri create(CallerIdentity caller, BsdasriInput input, boolean draft) {
        boolean grouping = input.grouping != null && !input.grouping.isEmpty();
        boolean synthesis = input.synthesizing != null && !input.synthesizing.isEmpty();
        if (grouping && synthesis) {
            throw new ApiException.BadUserInput("Un bordereau DASRI ne peut pas être à la fois de groupement et de "
                    + "synthèse.");
        }
        Bsdasri doc = new Bsdasri();
        doc.status = BsdasriStatus.INITIAL;
        doc.type = grouping ? BsdasriType.GROUPING : synthesis ? BsdasriType.SYNTHESIS : BsdasriType.SIMPLE;
        if (synthesis) {
            checkSynthesisInput(input, draft);
        }
        doc = BsdasriDocuments.apply(doc, input);
        doc.allowDirectTakeOver = directTakeOverSetting(doc);
        String id = newId();
        Set<String> creators = synthesis ? orgIdSet(doc.transporter == null ? null
                : BsdasriDescriptor.orgId(doc.transporter.company)) : BsdasriDescriptor.creators(doc);
        Mutation<Bsdasri> m = pipeline.create(TYPE, caller, id, doc, BsdasriStatus.INITIAL.name(), draft, creators,
                synthesis ? "Seul le transporteur peut créer un bordereau de synthèse."
                        : "Votre établissement doit être visé sur le bordereau");
        m.record().id = id;
        doc.id = id;
        if (grouping) {
            link(m, input.grouping, List.of());
        }
        if (synthesis) {
            link(m, input.synthesizing, List.of());
        }
        Problems problems = BsdasriRules.formats(doc);
        if (!draft) {
            required(m, "EMISSION", problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsdasri update(CallerIdentity caller, String id, BsdasriInput input) {
        Mutation<Bsdasri> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        BsdRecord<Bsdasri> record = m.record();
        Bsdasri before = BsdPipeline.copy(record.data, Bsdasri.class);
        List<String> signed = BsdasriSignatures.signed(before);
        TYPE.updateRefusal(record).ifPresent(refusal -> {
            throw new ApiException.Forbidden(refusal);
        });
        if (before.type == BsdasriType.SYNTHESIS) {
            checkSynthesisInput(input, false);
        }
        if (input.grouping != null && before.type != BsdasriType.GROUPING
                || input.synthesizing != null && before.type != BsdasriType.SYNTHESIS) {
            throw new ApiException.BadUserInput("Le type d'un bordereau DASRI ne peut pas changer après sa création.");
        }
        record.data = BsdasriDocuments.apply(record.data, input);
        record.data.id = id;
        record.data.allowDirectTakeOver = directTakeOverSetting(record.data);
        List<String> children = input.grouping != null ? input.grouping : input.synthesizing;
        if (children != null) {
            if (!signed.isEmpty()) {
                throw new ApiException.BadUserInput("Des champs ont été verrouillés via signature et ne peuvent plus "
                        + "être modifiés : les bordereaux regroupés");
            }
            List<String> previous = (before.type == BsdasriType.GROUPING ? before.grouping : before.synthesizing)
                    .stream().map(i -> i.id).toList();
            link(m, children, previous);
        }
        if (!m.companies().can(UserPermission.BSD_CAN_UPDATE, BsdasriDescriptor.contributors(record.data))) {
            throw new ApiException.Forbidden("Vous ne pouvez pas enlever votre établissement du bordereau");
        }
        Set<String> changed = m.changedPaths(BsdPipeline.state(record));
        BsdasriRules.RULES.checkNotSealed(context(m, before), signed, changed, "");
        if (record.isDraft) {
            record.draftAccessOrgIds.addAll(Visibility.draftAccess(m.companies(),
                    BsdasriDescriptor.contributors(record.data)));
        }
        Problems problems = BsdasriRules.formats(record.data);
        if (!record.isDraft) {
            required(m, signed.isEmpty() ? "EMISSION" : signed.get(signed.size() - 1), problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsdasri publish(CallerIdentity caller, String id) {
        Mutation<Bsdasri> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        if (!m.record().isDraft) {
            throw new ApiException.Forbidden("Impossible de publier un bordereau qui n'est pas un brouillon");
        }
        m.record().isDraft = false;
        Problems problems = BsdasriRules.formats(m.document());
        required(m, "EMISSION", problems).throwIfAny(null);
        return view(pipeline.commit(m, null));
    }

    /** A synthesis takes its emitter from its transporter and its packagings from the BSDASRIs it holds. */
    private static void checkSynthesisInput(BsdasriInput input, boolean draft) {
        Problems p = new Problems();
        if (draft) {
            p.add("Un bordereau de synthèse ne peut pas être créé en brouillon.");
        }
        if (input.emitter != null) {
            p.add("Le cadre émetteur d'un bordereau de synthèse est repris du transporteur : il ne peut pas être "
                    + "renseigné.");
        }
        if (input.ecoOrganisme != null) {
            p.add("Un bordereau de synthèse ne peut pas viser d'éco-organisme.");
        }
        if (input.transporter != null && input.transporter.transport != null
                && input.transporter.transport.packagings != null) {
            p.add("Le conditionnement d'un bordereau de synthèse est calculé à partir des bordereaux associés.");
        }
        p.throwIfAny(null);
    }

    // ---------------------------------------------------------------- grouping and synthesis

    /**
     * Links the BSDASRIs {@code ids} to the grouping or synthesis of {@code m} (and releases those of
     * {@code previous} no longer in it): which ones may be held (reference validation), then each child records its
     * parent and the parent its {@code InitialBsdasri} list (a synthesis also its emitter and packagings).
     */
    private void link(Mutation<Bsdasri> m, List<String> ids, List<String> previous) {
        Bsdasri parent = m.document();
        boolean grouping = parent.type == BsdasriType.GROUPING;
        if (ids.isEmpty()) {
            throw new ApiException.BadUserInput(grouping ? "Un bordereau de groupement doit regrouper au moins un "
                    + "bordereau." : "Un bordereau de synthèse doit associer au moins un bordereau.");
        }
        String holderOrgId = grouping ? BsdasriDescriptor.orgId(parent.emitter.company)
                : parent.transporter == null ? null : BsdasriDescriptor.orgId(parent.transporter.company);
        Problems problems = new Problems();
        List<Mutation<Bsdasri>> toMark = new ArrayList<>();
        List<Bsdasri> all = new ArrayList<>();
        for (String childId : new LinkedHashSet<>(ids)) {
            Mutation<Bsdasri> c = pipeline.openLinked(TYPE, m.caller(), childId);
            Bsdasri child = view(c.record());
            if (child.type != BsdasriType.SIMPLE) {
                problems.add("Le bordereau " + childId + " n'est pas un bordereau DASRI simple.");
            } else if (c.record().isDraft) {
                problems.add("Le bordereau " + childId + " est un brouillon.");
            } else if (child.groupedInId != null && !child.groupedInId.equals(parent.id)
                    || child.synthesizedInId != null && !child.synthesizedInId.equals(parent.id)) {
                problems.add("Le bordereau " + childId + " est déjà regroupé ou associé à une synthèse.");
            } else if (grouping && (child.status != BsdasriStatus.AWAITING_GROUP || !Objects.equals(holderOrgId,
                    child.destination == null ? null : BsdasriDescriptor.orgId(child.destination.company)))) {
                problems.add("Le bordereau " + childId + " ne peut pas être regroupé : il doit être en attente de "
                        + "groupement (AWAITING_GROUP) et avoir pour destination l'émetteur du bordereau de groupement.");
            } else if (!grouping && (child.status != BsdasriStatus.SENT || !Objects.equals(holderOrgId,
                    child.transporter == null ? null : BsdasriDescriptor.orgId(child.transporter.company)))) {
                problems.add("Le bordereau " + childId + " ne peut pas être associé à la synthèse : il doit être "
                        + "envoyé (SENT) et pris en charge par le transporteur de la synthèse.");
            } else {
                all.add(child);
                if ((grouping ? child.groupedInId : child.synthesizedInId) == null) {
                    toMark.add(c);
                }
            }
        }
        problems.throwIfAny(null);
        for (String old : previous) {
            if (!ids.contains(old)) {
                Mutation<Bsdasri> c = pipeline.openLinked(TYPE, m.caller(), old);
                c.document().groupedInId = null;
                c.document().synthesizedInId = null;
                pipeline.commit(c, null);
            }
        }
        for (Mutation<Bsdasri> c : toMark) {
            if (grouping) {
                c.document().groupedInId = parent.id;
            } else {
                c.document().synthesizedInId = parent.id;
            }
            pipeline.commit(c, null);
        }
        List<BsdasriParts.InitialBsdasri> initial = all.stream()
                .map(BsdasriDocuments::initial).toList();
        if (grouping) {
            parent.grouping = new ArrayList<>(initial);
        } else {
            parent.synthesizing = new ArrayList<>(initial);
            parent.emitter = new BsdasriEmitter();
            parent.emitter.company = BsdPipeline.copy(parent.transporter.company,
                    FormCompany.class);
            if (parent.transporter.transport == null) {
                parent.transporter.transport = new BsdasriTransport();
            }
            parent.transporter.transport.packagings = BsdasriDocuments.sum(all.stream().map(b ->
                    b.transporter == null || b.transporter.transport == null ? null
                            : b.transporter.transport.packagings).toList());
            BsdasriDocuments.emission(parent).packagings = parent.transporter.transport.packagings;
            BsdasriDocuments.normalize(parent);
        }
    }

    /**
     * After a signature of a grouping or synthesis, what its BSDASRIs become: a synthesis's receive its reception and
     * operation and their status; a processed grouping's are processed; a refused grouping releases them.
     */
    private void cascade(Mutation<Bsdasri> m, BsdasriSignatureType step) {
        Bsdasri parent = m.document();
        if (parent.type == BsdasriType.SIMPLE) {
            return;
        }
        boolean synthesis = parent.type == BsdasriType.SYNTHESIS;
        boolean refused = BsdasriStatus.REFUSED.name().equals(m.record().status);
        if (!synthesis && step != BsdasriSignatureType.OPERATION && !refused) {
            return;
        }
        if (synthesis && step != BsdasriSignatureType.RECEPTION && step != BsdasriSignatureType.OPERATION) {
            return;
        }
        for (var initial : synthesis ? parent.synthesizing : parent.grouping) {
            Mutation<Bsdasri> c = pipeline.openLinked(TYPE, m.caller(), initial.id);
            Bsdasri child = c.document();
            if (synthesis) {
                child.destination = BsdPipeline.copy(parent.destination,
                        BsdasriParts.BsdasriDestination.class);
                if (child.destination.reception != null) {
                    child.destination.reception.packagings = child.transporter == null
                            || child.transporter.transport == null ? null : child.transporter.transport.packagings;
                }
                c.record().status = m.record().status;
            } else if (refused) {
                child.groupedInId = null;
            } else {
                c.record().status = BsdasriStatus.PROCESSED.name();
            }
            BsdasriDocuments.normalize(child);
            pipeline.commit(c, null);
        }
    }

    // ---------------------------------------------------------------- signatures

    @Transactional
    public Bsdasri sign(CallerIdentity caller, String id, BsdasriSignatureInput input) {
        Mutation<Bsdasri> m = openForSignature(caller, id);
        BsdRecord<Bsdasri> record = m.record();
        Bsdasri doc = record.data;
        Instant date = input.date == null ? clock.instant() : input.date;
        SignatureStep<Bsdasri, BsdasriLifecycle.Event> signing = BsdasriSignatures.STEPS.applicable(input.type.name(),
                doc);
        UserPermission permission = signing.permission();
        String signer = signatures.checkCanSignFor(caller, m.companies(), signing.signersOf(doc), permission, null);
        if (input.type == BsdasriSignatureType.TRANSPORT) {
            completeReceipt(doc.transporter);
        }
        String from = record.status;
        BsdasriLifecycle.Event event = signing.event();
        checkCanMove(m, event);
        required(m, input.type.name(), new Problems()).throwIfAny(SIGN_INTRO);
        move(m, event);
        BsdasriSignature signature = new BsdasriSignature(input.author, date);
        switch (input.type) {
            case EMISSION -> {
                BsdasriDocuments.emission(doc).signature = signature;
                if (doc.ecoOrganisme != null && signer.equals(doc.ecoOrganisme.siret)
                        && !m.companies().can(permission, BsdasriDescriptor.orgId(doc.emitter.company))) {
                    doc.ecoOrganisme.emittedByEcoOrganisme = true;
                }
            }
            case TRANSPORT -> {
                doc.transporter.transport.signature = signature;
                if (doc.transporter.transport.takenOverAt == null) {
                    doc.transporter.transport.takenOverAt = date;
                }
                if (BsdasriStatus.INITIAL.name().equals(from) && doc.type == BsdasriType.SIMPLE) {
                    BsdasriDocuments.emission(doc).isTakenOverWithoutEmitterSignature = true;
                }
            }
            case RECEPTION -> {
                doc.destination.reception.signature = signature;
                if (doc.transporter != null && doc.transporter.transport != null
                        && doc.transporter.transport.handedOverAt == null) {
                    doc.transporter.transport.handedOverAt = doc.destination.reception.date;
                }
            }
            default -> {
                if (doc.destination.operation == null) {
                    doc.destination.operation = new BsdasriOperation();
                }
                doc.destination.operation.signature = signature;
            }
        }
        BsdasriDocuments.normalize(doc);
        m.signed(input.type.name(), date, input.author, signer);
        cascade(m, input.type);
        return view(pipeline.commit(m, Patches.of(Map.of("type", input.type,
                "author", input.author))));
    }

    /**
     * The emission signed on the transporter's device with the emitter's (or the eco-organisme's) security code:
     * the caller need not belong to that company (reference signBsdasriEmissionWithSecretCode).
     */
    @Transactional
    public Bsdasri signWithSecretCode(CallerIdentity caller, String id, BsdasriSignatureWithSecretCodeInput input) {
        Mutation<Bsdasri> m = openForSignature(caller, id);
        Bsdasri doc = m.document();
        if (doc.type != BsdasriType.SIMPLE) {
            throw new ApiException.BadUserInput("Seul un bordereau DASRI simple peut être signé avec un code secret.");
        }
        boolean byEcoOrganisme = input.signatureAuthor == SignatureAuthor.ECO_ORGANISME;
        if (byEcoOrganisme && doc.ecoOrganisme == null) {
            throw new ApiException.BadUserInput("Aucun éco-organisme n'est visé sur ce bordereau.");
        }
        String signer = byEcoOrganisme ? doc.ecoOrganisme.siret : BsdasriDescriptor.orgId(doc.emitter.company);
        if (signer == null) {
            throw new ApiException.BadUserInput("L'émetteur du bordereau n'est pas identifié.");
        }
        Integer expected = directory.byOrgId(signer).map(CompanyView::securityCode).orElse(null);
        securityCodes.check(caller.subject(), signer, expected, input.securityCode);
        checkCanMove(m, BsdasriLifecycle.Event.EMISSION);
        required(m, "EMISSION", new Problems()).throwIfAny(SIGN_INTRO);
        move(m, BsdasriLifecycle.Event.EMISSION);
        Instant signedAt = clock.instant();
        BsdasriDocuments.emission(doc).signature = new BsdasriSignature(input.author, signedAt);
        m.signed("EMISSION", signedAt, input.author, signer);
        doc.emitter.emission.isTakenOverWithSecretCode = true;
        if (byEcoOrganisme) {
            doc.ecoOrganisme.emittedByEcoOrganisme = true;
        }
        return view(pipeline.commit(m, Patches.of(Map.of("type", "EMISSION",
                "author", input.author))));
    }

    /** Opens a signature: a draft is not signed (publish it first). */
    private Mutation<Bsdasri> openForSignature(CallerIdentity caller, String id) {
        Mutation<Bsdasri> m = pipeline.open(TYPE, caller, id);
        if (m.record().isDraft) {
            throw new ApiException.BadUserInput("Impossible de signer le bordereau, il est en brouillon. Publiez-le "
                    + "d'abord (publishBsdasri).");
        }
        return m;
    }

    /**
     * Refuses a signature the status does not allow (the table has no row for it), or a take-over without the
     * emitter's signature that the emitter did not allow: before the step's required fields are checked.
     */
    private void checkCanMove(Mutation<Bsdasri> m, BsdasriLifecycle.Event event) {
        moveRefusal(BsdasriStatus.valueOf(m.record().status), event, m.document()).ifPresent(refusal -> {
            throw new ApiException.BadUserInput(refusal);
        });
    }

    /** Why the BSDASRI cannot move for {@code event} now, as {@link #checkCanMove} and the allowed actions see it. */
    Optional<String> moveRefusal(BsdasriStatus from, BsdasriLifecycle.Event event, Bsdasri doc) {
        if (!BsdasriLifecycle.TABLE.allows(from, event)) {
            return Optional.of(refusal(from));
        }
        if (event == BsdasriLifecycle.Event.TRANSPORT && from == BsdasriStatus.INITIAL && !directTakeOver(doc)) {
            return Optional.of(doc.type == BsdasriType.GROUPING
                    ? "Un bordereau de groupement doit être signé par l'émetteur avant l'enlèvement."
                    : "L'emport direct (enlèvement sans signature de l'émetteur) n'est pas autorisé par l'émetteur.");
        }
        return Optional.empty();
    }

    /** Direct take-over: always for a synthesis, never for a grouping, for a simple one if the emitter allows it. */
    private boolean directTakeOver(Bsdasri doc) {
        return doc.type == BsdasriType.SYNTHESIS || doc.type == BsdasriType.SIMPLE
                && directory.allowsBsdasriTakeOver(BsdasriDescriptor.orgId(doc.emitter.company));
    }

    /** The emitter's company setting, as the BSDASRI shows it ({@code allowDirectTakeOver}). */
    private Boolean directTakeOverSetting(Bsdasri doc) {
        return doc.type == BsdasriType.SIMPLE
                && directory.allowsBsdasriTakeOver(BsdasriDescriptor.orgId(doc.emitter.company));
    }

    private static String refusal(BsdasriStatus from) {
        return "Vous ne pouvez pas apposer cette signature sur le bordereau (statut " + from + ").";
    }

    /** The status after {@code event}, through the lifecycle table. */
    private void move(Mutation<Bsdasri> m, BsdasriLifecycle.Event event) {
        Bsdasri doc = m.document();
        BsdasriRules.Context c = new BsdasriRules.Context(doc, false);
        String code = doc.destination == null || doc.destination.operation == null ? null
                : doc.destination.operation.code;
        BsdasriLifecycle.Facts facts = new BsdasriLifecycle.Facts(doc.type == BsdasriType.SYNTHESIS,
                directTakeOver(doc), c.transporterAcceptation(), c.destinationAcceptation(),
                BsdasriRules.isGroupingCode(code));
        m.transition(BsdasriLifecycle.TABLE, BsdasriStatus.class, event, facts,
                refusal(BsdasriStatus.valueOf(m.record().status)));
    }

    private static Set<String> orgIdSet(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null) {
                set.add(id);
            }
        }
        return set;
    }

    /** The transporter's receipt comes from its company's profile when it signs (unless it is exempted). */
    private void completeReceipt(BsdasriTransporter t) {
        if (t == null || t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted)) {
            return;
        }
        directory.byOrgId(BsdasriDescriptor.orgId(t.company)).map(CompanyView::transporterReceipt)
                .ifPresent((CompanyState.Receipt receipt) -> {
                    if (t.recepisse == null) {
                        t.recepisse = new BsdasriRecepisse();
                    }
                    t.recepisse.number = receipt.receiptNumber();
                    t.recepisse.department = receipt.department();
                    t.recepisse.validityLimit = receipt.validityLimit();
                    t.recepisse.isExempted = false;
                });
    }

    // ---------------------------------------------------------------- delete, duplicate

    @Transactional
    public Bsdasri delete(CallerIdentity caller, String id) {
        Mutation<Bsdasri> m = pipeline.open(TYPE, caller, id).require(Verb.DELETE);
        Bsdasri doc = m.document();
        for (var initial : doc.type == BsdasriType.GROUPING ? doc.grouping : doc.synthesizing) {
            Mutation<Bsdasri> c = pipeline.openLinked(TYPE, caller, initial.id);
            c.document().groupedInId = null;
            c.document().synthesizedInId = null;
            pipeline.commit(c, null);
        }
        return view(pipeline.delete(m));
    }

    @Transactional
    public Bsdasri duplicate(CallerIdentity caller, String id) {
        Mutation<Bsdasri> source = pipeline.open(TYPE, caller, id).require(Verb.DUPLICATE);
        Bsdasri from = source.document();
        if (from.type != BsdasriType.SIMPLE) {
            throw new ApiException.BadUserInput("Seuls les bordereaux DASRI simples peuvent être dupliqués.");
        }
        Bsdasri doc = new Bsdasri();
        doc.status = BsdasriStatus.INITIAL;
        doc.type = BsdasriType.SIMPLE;
        doc.isDuplicateOf = id;
        doc.waste = from.waste;
        doc.emitter = new BsdasriEmitter();
        doc.emitter.company = from.emitter.company;
        doc.emitter.pickupSite = from.emitter.pickupSite;
        doc.emitter.customInfo = from.emitter.customInfo;
        doc.ecoOrganisme = from.ecoOrganisme;
        if (doc.ecoOrganisme != null) {
            doc.ecoOrganisme.emittedByEcoOrganisme = null;
        }
        if (from.transporter != null) {
            doc.transporter = new BsdasriTransporter();
            doc.transporter.company = from.transporter.company;
            doc.transporter.recepisse = from.transporter.recepisse;
            doc.transporter.customInfo = from.transporter.customInfo;
        }
        if (from.destination != null) {
            doc.destination = new BsdasriParts.BsdasriDestination();
            doc.destination.company = from.destination.company;
            doc.destination.cap = from.destination.cap;
        }
        doc.broker = from.broker;
        doc.trader = from.trader;
        doc.intermediaries = from.intermediaries;
        BsdasriDocuments.normalize(doc);
        String newId = newId();
        Mutation<Bsdasri> m = pipeline.create(TYPE, caller, newId, doc, BsdasriStatus.INITIAL.name(), true,
                BsdasriDescriptor.contributors(doc), TYPE.refusal(Verb.DUPLICATE, source.record()));
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- checks

    private BsdasriRules.Context context(Mutation<Bsdasri> m, Bsdasri doc) {
        return new BsdasriRules.Context(doc, doc.ecoOrganisme != null
                && m.companies().isMemberOf(doc.ecoOrganisme.siret)
                && !m.companies().isMemberOf(BsdasriDescriptor.orgId(doc.emitter.company)));
    }

    /** The first signature a BSDASRI needs: the transport for a synthesis, else the emission. */
    static String firstStep(Bsdasri doc) {
        return doc.type == BsdasriType.SYNTHESIS ? "TRANSPORT" : "EMISSION";
    }

    /** The fields required for {@code step} (at a signature, or after an update once that step is signed). */
    private Problems required(Mutation<Bsdasri> m, String step, Problems problems) {
        ObjectNode state = BsdPipeline.state(m.record());
        BsdasriRules.RULES.require(new BsdasriRules.Context(m.document(), false), state, step, problems);
        return problems;
    }

    String newId() {
        return "DASRI-" + DAY.format(clock.instant()) + "-" + Ids.base32(9);
    }

    /** The record's state as the API shows it (a new object: the record's document is left as it is). */
    static Bsdasri view(BsdRecord<Bsdasri> record) {
        Bsdasri b = EventCodec.mapper().convertValue(BsdPipeline.payload(record), Bsdasri.class);
        BsdasriDocuments.normalize(b);
        return b;
    }
}
