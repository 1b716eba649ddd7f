package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bsvhu.graphql.BsvhuInput;
import fr.wastetrace.bsd.bsvhu.graphql.BsvhuSignatureInput;
import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuEmission;
import fr.wastetrace.bsd.bsvhu.model.BsvhuEmitter;
import fr.wastetrace.bsd.bsvhu.model.BsvhuOperation;
import fr.wastetrace.bsd.bsvhu.model.BsvhuRecepisse;
import fr.wastetrace.bsd.bsvhu.model.BsvhuStatus;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransport;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.bsvhu.model.SignatureTypeInput;
import fr.wastetrace.bsd.common.Ids;
import fr.wastetrace.bsd.common.Signature;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.action.SignatureStep;
import fr.wastetrace.bsd.core.mutation.BsdPipeline;
import fr.wastetrace.bsd.core.mutation.Mutation;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.bsd.core.permission.Verb;
import fr.wastetrace.bsd.core.permission.Visibility;
import fr.wastetrace.bsd.core.persistence.BsdRecord;
import fr.wastetrace.bsd.core.persistence.DocumentStore;
import fr.wastetrace.bsd.core.signature.Signatures;
import fr.wastetrace.bsd.core.signature.MultimodalTransporters;
import fr.wastetrace.bsd.core.signature.TransporterMutations;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The BSVHU mutations: each is the core's pipeline ({@link BsdPipeline}: lock, companies, read check, permission
 * verb, transition table, status log, save, outbox event) plus the BSVHU's own rules (its input, its edition rules,
 * its signatures).
 */
@ApplicationScoped
public class BsvhuService {
    static final BsvhuType TYPE = BsvhuType.INSTANCE;
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

    private final Clock clock = Clock.systemUTC();

    // ---------------------------------------------------------------- create, update, publish

    @Transactional
    public Bsvhu create(CallerIdentity caller, BsvhuInput input, boolean draft) {
        Bsvhu doc = new Bsvhu();
        doc.status = BsvhuStatus.INITIAL;
        doc.emitter = new BsvhuEmitter();
        BsvhuInputs.apply(doc, input, null, ids -> attach(ids, null));
        BsvhuInputs.normalize(doc);
        Mutation<Bsvhu> m = pipeline.create(TYPE, caller, newId(), doc, BsvhuStatus.INITIAL.name(), draft,
                BsvhuType.creators(doc), "Votre établissement doit être visé sur le bordereau");
        Problems problems = BsvhuRules.formats(doc);
        if (!draft) {
            required(m, "EMISSION", problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsvhu update(CallerIdentity caller, String id, BsvhuInput input) {
        Mutation<Bsvhu> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        BsdRecord<Bsvhu> record = m.record();
        Bsvhu before = BsdPipeline.copy(record.data, Bsvhu.class);
        List<String> signed = BsvhuSignatures.signed(before);
        BsvhuInputs.apply(record.data, input, before, ids -> attach(ids, id));
        BsvhuInputs.normalize(record.data);
        checkStillOnIt(m);
        Set<String> changed = m.changedPaths(BsdPipeline.state(record));
        BsvhuRules.RULES.checkNotSealed(new BsvhuRules.Context(before, isEmitter(m.companies(), before)), signed,
                changed, "");
        checkSignedTransportersUnchanged(before, record.data, changed);
        if (record.isDraft) {
            record.draftAccessOrgIds.addAll(Visibility.draftAccess(m.companies(), BsvhuType.contributors(record.data)));
        }
        Problems problems = BsvhuRules.formats(record.data);
        if (!record.isDraft) {
            required(m, lastStep(signed), problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bsvhu publish(CallerIdentity caller, String id) {
        Mutation<Bsvhu> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        if (!m.record().isDraft) {
            throw new ApiException.Forbidden("Impossible de publier un bordereau qui n'est pas un brouillon");
        }
        m.record().isDraft = false;
        required(m, "EMISSION", BsvhuRules.formats(m.document())).throwIfAny(null);
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- signatures

    @Transactional
    public Bsvhu sign(CallerIdentity caller, String id, BsvhuSignatureInput input) {
        Mutation<Bsvhu> m = pipeline.open(TYPE, caller, id);
        BsdRecord<Bsvhu> record = m.record();
        Bsvhu doc = record.data;
        if (record.isDraft) {
            throw new ApiException.BadUserInput("Impossible de signer le bordereau, il est en brouillon. Publiez-le "
                    + "d'abord (publishBsvhu).");
        }
        Instant date = input.date == null ? clock.instant() : input.date;
        SignatureStep<Bsvhu, SignatureTypeInput> signing = BsvhuSignatures.STEPS.open(input.type.name(), doc,
                "Le bordereau a déjà été signé");
        int transporterRank = input.type == SignatureTypeInput.TRANSPORT
                ? TransporterChain.nextToSign(doc.transporters, BsvhuSignatures::signed).orElseThrow() : 0;
        String step = transporterRank > 0 ? TransporterChain.step(transporterRank) : input.type.name();
        String signedFor = signatures.checkCanSignFor(caller, m.companies(), signing.signersOf(doc),
                signing.permission(), input.securityCode);
        if (transporterRank > 0) {
            completeReceipt(doc.transporters.get(transporterRank - 1));
        }
        BsvhuFacts facts = facts(doc);
        boolean emitterCannotSign = facts.emitterWithoutSignature();
        m.transition(BsvhuLifecycle.TABLE, BsvhuStatus.class, input.type, facts,
                "Vous ne pouvez pas apposer cette signature sur le bordereau (statut " + record.status + ").");
        Problems problems = BsvhuRules.formats(doc);
        required(m, step, problems).throwIfAny("Le bordereau ne peut pas être signé car des informations obligatoires "
                + "manquent :");
        Signature signature = new Signature(input.author, date);
        switch (input.type) {
            case EMISSION -> {
                doc.emitter.emission = new BsvhuEmission();
                doc.emitter.emission.signature = signature;
            }
            case TRANSPORT -> {
                BsvhuTransporter t = doc.transporters.get(transporterRank - 1);
                if (t.transport == null) {
                    t.transport = new BsvhuTransport();
                }
                t.transport.signature = signature;
                if (t.transport.takenOverAt == null) {
                    t.transport.takenOverAt = date;
                }
                if (transporterRank == 1 && emitterCannotSign) {
                    doc.emitter.notOnTD = !doc.emitter.noSiret;
                }
            }
            case RECEPTION -> doc.destination.reception.signature = signature;
            default -> {
                if (doc.destination.operation == null) {
                    doc.destination.operation = new BsvhuOperation();
                }
                doc.destination.operation.signature = signature;
            }
        }
        List<BsvhuTransporter> dropped = new ArrayList<>();
        if (input.type == SignatureTypeInput.RECEPTION || input.type == SignatureTypeInput.OPERATION) {
            List<BsvhuTransporter> kept = TransporterChain.withoutTrailingUnsigned(doc.transporters,
                    BsvhuSignatures::signed);
            dropped.addAll(doc.transporters.subList(kept.size(), doc.transporters.size()));
            doc.transporters = new ArrayList<>(kept);
        }
        BsvhuInputs.normalize(doc);
        m.signed(input.type.name(), date, input.author, signedFor);
        Bsvhu signed = view(pipeline.commit(m, Patches.of(Map.of("type", input.type,
                "author", input.author))));
        dropped.forEach(t -> store.deleteTransporter(TYPE.table().bsdType(), t.id));
        return signed;
    }

    /** The facts the table's guards read, as the signature and the allowed actions evaluate them. */
    BsvhuFacts facts(Bsvhu doc) {
        return new BsvhuFacts(refused(doc), doc.emitter != null && doc.emitter.irregularSituation,
                !BsvhuSignatures.emitted(doc) && emitterCannotSign(doc));
    }

    private static boolean refused(Bsvhu doc) {
        return doc.destination != null && doc.destination.reception != null
                && doc.destination.reception.acceptationStatus == WasteAcceptationStatus.REFUSED;
    }

    /** The emitter has no SIRET, or is not registered: in an irregular situation, the transporter signs first. */
    private boolean emitterCannotSign(Bsvhu doc) {
        if (doc.emitter == null) {
            return false;
        }
        if (doc.emitter.noSiret) {
            return true;
        }
        String siret = doc.emitter.company == null ? null : doc.emitter.company.siret;
        return siret != null && directory.byOrgId(siret).isEmpty();
    }

    /** The transporter's receipt comes from its company's profile when it signs (unless it is exempted). */
    private void completeReceipt(BsvhuTransporter t) {
        if (t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted)) {
            return;
        }
        Optional<CompanyState.Receipt> receipt = directory.byOrgId(BsvhuType.orgId(t.company))
                .map(CompanyView::transporterReceipt);
        if (receipt.isPresent()) {
            if (t.recepisse == null) {
                t.recepisse = new BsvhuRecepisse();
            }
            t.recepisse.number = receipt.get().receiptNumber();
            t.recepisse.department = receipt.get().department();
            t.recepisse.validityLimit = receipt.get().validityLimit();
            t.recepisse.isExempted = false;
        }
    }

    // ---------------------------------------------------------------- delete, duplicate

    @Transactional
    public Bsvhu delete(CallerIdentity caller, String id) {
        Mutation<Bsvhu> m = pipeline.open(TYPE, caller, id).require(Verb.DELETE);
        return view(pipeline.delete(m));
    }

    @Transactional
    public Bsvhu duplicate(CallerIdentity caller, String id) {
        Mutation<Bsvhu> source = pipeline.open(TYPE, caller, id).require(Verb.DUPLICATE);
        Bsvhu doc = BsdPipeline.copy(source.document(), Bsvhu.class);
        doc.isDuplicateOf = id;
        doc.status = BsvhuStatus.INITIAL;
        doc.customId = null;
        if (doc.emitter != null) {
            doc.emitter.emission = null;
            doc.emitter.notOnTD = false;
        }
        if (doc.destination != null) {
            doc.destination.reception = null;
            doc.destination.operation = null;
        }
        doc.identification = null;
        doc.quantity = null;
        doc.weight = null;
        doc.transporters = MultimodalTransporters.duplicates(doc.transporters, BsvhuTransporter.class);
        BsvhuInputs.normalize(doc);
        Mutation<Bsvhu> m = pipeline.create(TYPE, caller, newId(), doc, BsvhuStatus.INITIAL.name(), true,
                BsvhuType.contributors(doc), TYPE.refusal(Verb.DUPLICATE, source.record()));
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- transporters

    /** The BSVHU's transporters for the core's transporter mutations. */
    public static final TransporterMutations.Side<Bsvhu, BsvhuTransporter> TRANSPORTERS = new TransporterMutations.Side<>(
            TYPE, "BSVHU", BsvhuTransporter.class, b -> b.transporters, t -> t.id, BsvhuSignatures::signed,
            (m, edited) -> {
                BsvhuInputs.normalize(m.document());
                checkStillOnIt(m);
                if (edited) {
                    BsvhuRules.formats(m.document()).throwIfAny(null);
                }
            });

    // ---------------------------------------------------------------- input

    /** The transporters of {@code ids}, in that order: created beforehand, not on another BSVHU. */
    private List<BsvhuTransporter> attach(List<String> ids, String bsvhuId) {
        return transporters.attach(TRANSPORTERS, ids, bsvhuId);
    }

    // ---------------------------------------------------------------- checks

    private static boolean isEmitter(CallerCompanies companies, Bsvhu doc) {
        return doc.emitter != null && companies.isMemberOf(BsvhuType.orgId(doc.emitter.company));
    }

    /** After a change, the caller must still be on the BSVHU through a company it may update with. */
    private static void checkStillOnIt(Mutation<Bsvhu> m) {
        Set<String> after = BsvhuType.contributors(m.document());
        if (!m.companies().can(UserPermission.BSD_CAN_UPDATE, after)) {
            throw new ApiException.Forbidden("Vous ne pouvez pas enlever votre établissement du bordereau");
        }
    }

    private static void checkSignedTransportersUnchanged(Bsvhu before, Bsvhu after, Set<String> changed) {
        for (int i = 0; i < before.transporters.size(); i++) {
            String prefix = "transporters[" + i + "]";
            if (BsvhuSignatures.signed(before.transporters.get(i))
                    && changed.stream().anyMatch(p -> p.startsWith(prefix))) {
                throw new ApiException.BadUserInput("Des champs ont été verrouillés via signature et ne peuvent plus "
                        + "être modifiés : le transporteur n°" + (i + 1));
            }
        }
    }

    /** The last step signed, EMISSION when none: what a published BSVHU must hold after an update. */
    private static String lastStep(List<String> signed) {
        return signed.isEmpty() ? "EMISSION" : signed.get(signed.size() - 1);
    }

    /**
     * The fields required for {@code step}: the BSVHU's, and for a transport step those of the transporter who signs
     * it (a transporter's fields cannot change once it signed; one that never signs is dropped at reception).
     */
    private Problems required(Mutation<Bsvhu> m, String step, Problems problems) {
        Bsvhu doc = m.document();
        ObjectNode state = BsdPipeline.state(m.record());
        BsvhuRules.Context context = new BsvhuRules.Context(doc, isEmitter(m.companies(), doc));
        BsvhuRules.RULES.require(context, state, step, problems);
        TransporterChain.signingFor(doc.transporters, step).ifPresent(t -> BsvhuRules.TRANSPORTER_RULES.require(t,
                EventCodec.mapper().valueToTree(t), "TRANSPORT", problems));
        return problems;
    }

    String newId() {
        return "VHU-" + DAY.format(clock.instant()) + "-" + Ids.base32(9);
    }

    /** The record's state as the API shows it. */
    static Bsvhu view(BsdRecord<Bsvhu> record) {
        Bsvhu b = record.data;
        b.id = record.id;
        b.status = BsvhuStatus.valueOf(record.status);
        b.isDraft = record.isDraft;
        b.createdAt = record.createdAt;
        b.updatedAt = record.updatedAt;
        b.version = record.version;
        b.isDeleted = record.isDeleted;
        BsvhuInputs.normalize(b);
        return b;
    }
}
