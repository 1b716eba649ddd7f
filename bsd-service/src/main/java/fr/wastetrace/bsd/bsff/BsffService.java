package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffFicheInterventionInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffInput;
import fr.wastetrace.bsd.bsff.graphql.BsffInputs.BsffSignatureInput;
import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffEmission;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffFicheIntervention;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffReception;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransport;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporterRecepisse;
import fr.wastetrace.bsd.bsff.model.BsffSignatureType;
import fr.wastetrace.bsd.bsff.model.BsffStatus;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.operation.FinalOperation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.signature.MultimodalTransporters;
import fr.wastetrace.bsd.core.signature.Signatures;
import fr.wastetrace.bsd.core.signature.TransporterChain;
import fr.wastetrace.bsd.core.signature.TransporterMutations;
import fr.wastetrace.bsd.core.signature.TransporterReceipts;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.events.EventCodec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The BSFF mutations: each is the core's pipeline ({@link BsdPipeline}: lock, companies, read check, permission
 * verb, transition table, status log, save, outbox event) plus the BSFF's own rules (its input, its edition rules,
 * its containers and their links to other BSFFs, its intervention sheets, its signatures).
 */
@ApplicationScoped
public class BsffService {
    static final BsffDescriptor TYPE = BsffDescriptor.INSTANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Inject
    BsdPipeline pipeline;
    @Inject
    TransporterMutations transporters;
    @Inject
    DocumentStore store;
    @Inject
    CompanyDirectory directory;
    @Inject
    Signatures signatures;
    @Inject
    BsffLinks links;
    @Inject
    BsffFiches fiches;
    @Inject
    BsffFollowUps followUps;

    private final Clock clock = Clock.systemUTC();

    // ---------------------------------------------------------------- create, update, publish

    @Transactional
    public Bsff create(CallerIdentity caller, BsffInput input, boolean draft) {
        if (input.type == null) {
            throw new ApiException.BadUserInput("type : le type de BSFF est requis.");
        }
        Bsff doc = new Bsff();
        doc.id = newId();
        doc.status = BsffStatus.INITIAL;
        BsffDocuments.apply(doc, input, null, ids -> attach(ids, null));
        CallerCompanies companies = pipeline.companiesOf(caller);
        if (input.ficheInterventions != null) {
            doc.ficheInterventions = fiches.attach(companies, input.ficheInterventions, doc.id);
        }
        Problems problems = new Problems();
        followUps.takeOver(doc, input, problems);
        BsffDocuments.normalize(doc);
        Mutation<Bsff> m = pipeline.create(TYPE, caller, doc.id, doc, BsffStatus.INITIAL.name(), draft,
                BsffDescriptor.contributors(doc), "Vous ne pouvez pas créer un BSFF sur lequel votre établissement "
                        + "n'apparaît pas (émetteur, transporteur ou destination).");
        validate(m, draft ? null : "EMISSION", problems).throwIfAny(null);
        Bsff created = view(pipeline.commit(m, Patches.of(input)));
        fiches.link(created.id, created.ficheInterventions);
        return created;
    }

    @Transactional
    public Bsff update(CallerIdentity caller, String id, BsffInput input) {
        Mutation<Bsff> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        BsdRecord<Bsff> record = m.record();
        Bsff before = BsdPipeline.copy(record.data, Bsff.class);
        List<String> signed = BsffSignatures.signed(before);
        BsffDocuments.apply(record.data, input, before, ids -> attach(ids, id));
        if (input.ficheInterventions != null) {
            record.data.ficheInterventions = fiches.attach(m.companies(), input.ficheInterventions, id);
        }
        Problems problems = new Problems();
        if (input.grouping != null || input.forwarding != null || input.repackaging != null
                || input.type != null && input.type != before.type) {
            followUps.takeOver(record.data, input, problems);
        } else if (input.packagings != null) {
            followUps.keepRepackaged(before, record.data);
        }
        BsffDocuments.normalize(record.data);
        checkStillOnIt(m);
        Set<String> changed = m.changedPaths(BsdPipeline.state(record));
        BsffRules.RULES.checkNotSealed(new BsffRules.Context(before, isEmitter(m.companies(), before)), signed,
                changed, "");
        MultimodalTransporters.checkSignedUnchanged(before.transporters.stream().map(BsffSignatures::signed)
                .toList(), changed);
        if (record.isDraft) {
            record.draftAccessOrgIds.addAll(Visibility.draftAccess(m.companies(),
                    BsffDescriptor.contributors(record.data)));
        }
        validate(m, record.isDraft ? null : lastStep(signed), problems).throwIfAny(null);
        Bsff updated = view(pipeline.commit(m, Patches.of(input)));
        fiches.link(id, updated.ficheInterventions);
        return updated;
    }

    @Transactional
    public Bsff publish(CallerIdentity caller, String id) {
        Mutation<Bsff> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        if (!m.record().isDraft) {
            throw new ApiException.BadUserInput("Ce BSFF n'est pas un brouillon : il est déjà publié.");
        }
        m.record().isDraft = false;
        validate(m, "EMISSION", new Problems()).throwIfAny(null);
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- signatures

    @Transactional
    public Bsff sign(CallerIdentity caller, String id, BsffSignatureInput input) {
        Mutation<Bsff> m = pipeline.open(TYPE, caller, id);
        BsdRecord<Bsff> record = m.record();
        Bsff doc = record.data;
        if (record.isDraft) {
            throw new ApiException.BadUserInput("Impossible de signer ce BSFF : c'est un brouillon. Publiez-le d'abord "
                    + "(publishBsff).");
        }
        BsffLifecycle.Event event = BsffLifecycle.Event.valueOf(input.type.name());
        BsffStatus status = BsffStatus.valueOf(record.status);
        if (!BsffLifecycle.TABLE.allows(status, event)) {
            throw new ApiException.BadUserInput("La signature " + input.type + " n'est pas possible sur un BSFF au "
                    + "statut " + status + ".");
        }
        Instant date = input.date == null ? clock.instant() : input.date;
        SignatureStep<Bsff, BsffLifecycle.Event> signing = BsffSignatures.STEPS.applicable(input.type.name(), doc);
        String step = input.type.name();
        int transporterRank = 0;
        List<BsffPackaging> targets = List.of();
        switch (input.type) {
            case EMISSION -> {
                if (BsffSignatures.emitted(doc)) {
                    throw new ApiException.BadUserInput("L'émetteur a déjà signé ce BSFF.");
                }
            }
            case TRANSPORT -> {
                transporterRank = TransporterChain.nextToSign(doc.transporters, BsffSignatures::signed)
                        .orElseThrow(() -> new ApiException.BadUserInput("Tous les transporteurs ont déjà signé ce "
                                + "BSFF."));
                step = TransporterChain.step(transporterRank);
            }
            case RECEPTION -> {
                if (BsffSignatures.received(doc)) {
                    throw new ApiException.BadUserInput("L'installation de destination a déjà signé la réception.");
                }
            }
            case ACCEPTATION -> targets = targets(doc, input.packagingId, BsffPackaging::accepted, "l'acceptation");
            default -> targets = targets(doc, input.packagingId, p -> p.operated() || p.refused(), "l'opération");
        }
        String signedFor = signatures.checkCanSignFor(caller, m.companies(), signing.signersOf(doc),
                signing.permission(), input.securityCode);
        if (transporterRank > 0) {
            completeReceipt(doc.transporters.get(transporterRank - 1));
        }
        Problems problems = BsffRules.formats(doc);
        if (targets.isEmpty()) {
            required(m, step, problems);
        }
        for (BsffPackaging p : targets) {
            BsffPackagings.require(p, step, links.next(p.id).isPresent(), problems);
        }
        problems.throwIfAny("Le BSFF ne peut pas être signé, des informations manquent ou sont invalides :");
        Signature signature = new Signature(input.author, date);
        switch (input.type) {
            case EMISSION -> {
                doc.emitter.emission = new BsffEmission();
                doc.emitter.emission.signature = signature;
            }
            case TRANSPORT -> {
                BsffTransporter t = doc.transporters.get(transporterRank - 1);
                if (t.transport == null) {
                    t.transport = new BsffTransport();
                }
                t.transport.signature = signature;
                if (t.transport.takenOverAt == null) {
                    t.transport.takenOverAt = date;
                }
            }
            case RECEPTION -> {
                if (doc.destination.reception == null) {
                    doc.destination.reception = new BsffReception();
                }
                doc.destination.reception.signature = signature;
            }
            case ACCEPTATION -> targets.forEach(p -> {
                p.acceptation.signature = signature;
                if (p.acceptation.wasteCode == null && doc.waste != null) {
                    p.acceptation.wasteCode = doc.waste.code;
                }
                if (p.refused()) {
                    p.previousPackagingIds = new ArrayList<>();
                }
            });
            default -> targets.forEach(p -> {
                p.operation.signature = signature;
                if (BsffFacts.finalOperation(p)) {
                    FinalOperation.record(p.finalOperations, new FinalOperation(p.operation.code.name(),
                            p.acceptation == null ? null : p.acceptation.weight, doc.id,
                            BsffDescriptor.orgId(doc.destination.company)));
                }
            });
        }
        List<BsffTransporter> dropped = new ArrayList<>();
        if (input.type == BsffSignatureType.RECEPTION) {
            List<BsffTransporter> kept = TransporterChain.withoutTrailingUnsigned(doc.transporters,
                    BsffSignatures::signed);
            dropped.addAll(doc.transporters.subList(kept.size(), doc.transporters.size()));
            doc.transporters = new ArrayList<>(kept);
        }
        m.transition(BsffLifecycle.TABLE, BsffStatus.class, event, facts(doc),
                "La signature " + input.type + " n'est pas possible sur un BSFF au statut " + status + ".");
        BsffDocuments.normalize(doc);
        m.signed(input.type.name(), date, input.author, signedFor);
        Bsff signed = view(pipeline.commit(m, Patches.of(Map.of("type", input.type,
                "author", input.author))));
        dropped.forEach(t -> store.deleteTransporter(TYPE.table().bsdType(), t.id));
        if (input.type == BsffSignatureType.OPERATION) {
            followUps.cascadeUpstream(caller, targets.stream().filter(BsffFacts::finalOperation).toList());
        }
        return signed;
    }

    /** The containers a per-container signature applies to: the one named, or all those still to sign. */
    private static List<BsffPackaging> targets(Bsff doc, String packagingId,
                                               Predicate<BsffPackaging> done, String what) {
        if (packagingId != null) {
            BsffPackaging p = doc.packagings.stream().filter(x -> x.id.equals(packagingId)).findFirst()
                    .orElseThrow(() -> new ApiException.BadUserInput("packagingId : le contenant \"" + packagingId
                            + "\" n'est pas sur le BSFF " + doc.id + "."));
            if (done.test(p)) {
                throw new ApiException.BadUserInput("packagingId : " + what + " du contenant " + p.numero
                        + " est déjà signée.");
            }
            return List.of(p);
        }
        List<BsffPackaging> left = doc.packagings.stream().filter(p -> !done.test(p)).toList();
        if (left.isEmpty()) {
            throw new ApiException.BadUserInput("Tous les contenants de ce BSFF ont déjà la signature de " + what + ".");
        }
        return left;
    }

    BsffFacts facts(Bsff doc) {
        return BsffFacts.of(doc.packagings, links::last);
    }

    /** The transporter's receipt comes from its company's profile when it signs (unless it is exempted). */
    private void completeReceipt(BsffTransporter t) {
        TransporterReceipts.fromProfile(directory, BsffDescriptor.orgId(t.company),
                t.recepisse == null ? null : t.recepisse.isExempted).ifPresent(receipt -> {
                    if (t.recepisse == null) {
                        t.recepisse = new BsffTransporterRecepisse();
                    }
                    t.recepisse.number = receipt.receiptNumber();
                    t.recepisse.department = receipt.department();
                    t.recepisse.validityLimit = receipt.validityLimit();
                    t.recepisse.isExempted = false;
                });
    }

    // ---------------------------------------------------------------- delete, duplicate

    @Transactional
    public Bsff delete(CallerIdentity caller, String id) {
        Mutation<Bsff> m = pipeline.open(TYPE, caller, id).require(Verb.DELETE);
        Bsff deleted = view(pipeline.delete(m));
        fiches.link(id, List.of());
        return deleted;
    }

    @Transactional
    public Bsff duplicate(CallerIdentity caller, String id) {
        Mutation<Bsff> source = pipeline.open(TYPE, caller, id).require(Verb.DUPLICATE);
        Bsff doc = BsdPipeline.copy(source.document(), Bsff.class);
        doc.id = newId();
        doc.isDuplicateOf = id;
        doc.status = BsffStatus.INITIAL;
        doc.emitter.emission = null;
        if (doc.destination != null) {
            doc.destination.reception = null;
        }
        doc.ficheInterventions = new ArrayList<>();
        doc.packagings = new ArrayList<>();
        doc.transporters = MultimodalTransporters.duplicates(doc.transporters, BsffTransporter.class);
        BsffDocuments.normalize(doc);
        Mutation<Bsff> m = pipeline.create(TYPE, caller, doc.id, doc, BsffStatus.INITIAL.name(), true,
                BsffDescriptor.contributors(doc), TYPE.refusal(Verb.DUPLICATE, source.record()));
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- transporters

    /** The BSFF's transporters for the core's transporter mutations. */
    public static final TransporterMutations.Side<Bsff, BsffTransporter> TRANSPORTERS = new TransporterMutations.Side<>(
            TYPE, "BSFF", BsffTransporter.class, b -> b.transporters, t -> t.id, BsffSignatures::signed,
            (m, edited) -> {
                BsffDocuments.normalize(m.document());
                checkStillOnIt(m);
                if (edited) {
                    BsffRules.formats(m.document()).throwIfAny(null);
                }
            });

    /** The transporters of {@code ids}, in that order: created beforehand, not on another BSFF. */
    private List<BsffTransporter> attach(List<String> ids, String bsffId) {
        return transporters.attach(TRANSPORTERS, ids, bsffId);
    }

    // ---------------------------------------------------------------- intervention sheets

    @Transactional
    public BsffFicheIntervention createFiche(CallerIdentity caller, BsffFicheInterventionInput input) {
        return fiches.create(pipeline.companiesOf(caller), input);
    }

    @Transactional
    public BsffFicheIntervention updateFiche(CallerIdentity caller, String id, BsffFicheInterventionInput input) {
        BsffFiches.Row row = fiches.update(pipeline.companiesOf(caller), id, input);
        if (row.bsffId() != null) {
            Mutation<Bsff> m = pipeline.openLinked(TYPE, caller, row.bsffId());
            List<BsffFicheIntervention> list = new ArrayList<>(m.document().ficheInterventions);
            list.replaceAll(f -> f.id.equals(id) ? row.fiche() : f);
            m.document().ficheInterventions = list;
            BsffDocuments.normalize(m.document());
            pipeline.commit(m, null);
        }
        return row.fiche();
    }

    // ---------------------------------------------------------------- checks

    private static boolean isEmitter(CallerCompanies companies, Bsff doc) {
        return doc.emitter != null && companies.isMemberOf(BsffDescriptor.orgId(doc.emitter.company));
    }

    /** After a change, the caller must still be on the BSFF through a company it may update with. */
    private static void checkStillOnIt(Mutation<Bsff> m) {
        if (!m.companies().can(UserPermission.BSD_CAN_UPDATE, BsffDescriptor.contributors(m.document()))) {
            throw new ApiException.Forbidden("Vous ne pouvez pas retirer votre établissement de ce BSFF.");
        }
    }

    /** The last step signed, EMISSION when none: what a published BSFF must hold after an update. */
    private static String lastStep(List<String> signed) {
        if (signed.isEmpty()) {
            return "EMISSION";
        }
        String last = signed.get(signed.size() - 1);
        return last.equals("ACCEPTATION") || last.equals("OPERATION") ? "RECEPTION" : last;
    }

    /** Formats, intervention sheets, and the fields {@code step} requires (none for a draft). */
    private Problems validate(Mutation<Bsff> m, String step, Problems problems) {
        Bsff doc = m.document();
        BsffRules.formats(doc).messages().forEach(problems::add);
        BsffFiches.check(doc, problems);
        if (step != null) {
            required(m, step, problems);
            BsffRules.requirePackagings(doc, problems);
        }
        return problems;
    }

    /**
     * The fields required for {@code step}: the BSFF's, and for a transport step those of the transporter who signs
     * it.
     */
    private Problems required(Mutation<Bsff> m, String step, Problems problems) {
        Bsff doc = m.document();
        ObjectNode state = BsdPipeline.state(m.record());
        BsffRules.RULES.require(new BsffRules.Context(doc, isEmitter(m.companies(), doc)), state, step, problems);
        TransporterChain.signingFor(doc.transporters, step).ifPresent(t -> BsffRules.TRANSPORTER_RULES.require(t,
                EventCodec.mapper().valueToTree(t), "TRANSPORT", problems));
        return problems;
    }

    String newId() {
        return "FF-" + DAY.format(clock.instant()) + "-" + Ids.base32(9);
    }

    /** The record's state as the API shows it. */
    static Bsff view(BsdRecord<Bsff> record) {
        Bsff b = record.data;
        b.id = record.id;
        b.status = BsffStatus.valueOf(record.status);
        b.isDraft = record.isDraft;
        b.createdAt = record.createdAt;
        b.updatedAt = record.updatedAt;
        b.version = record.version;
        b.isDeleted = record.isDeleted;
        BsffDocuments.normalize(b);
        return b;
    }

    static Map<String, BsffPackaging> byId(List<BsffPackaging> packagings) {
        Map<String, BsffPackaging> map = new LinkedHashMap<>();
        packagings.forEach(p -> map.put(p.id, p));
        return map;
    }
}
