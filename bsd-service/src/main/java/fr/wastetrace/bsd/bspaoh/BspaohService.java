package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.core.mutation.Patches;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.bsd.bspaoh.graphql.BspaohInput;
import fr.wastetrace.bsd.bspaoh.graphql.BspaohSignatureInput;
import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohEmission;
import fr.wastetrace.bsd.bspaoh.model.BspaohHandedOverToDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohRecepisse;
import fr.wastetrace.bsd.bspaoh.model.BspaohSignatureType;
import fr.wastetrace.bsd.bspaoh.model.BspaohStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohTransport;
import fr.wastetrace.bsd.bspaoh.model.BspaohTransporter;
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
import fr.wastetrace.bsd.core.signature.TransporterReceipts;
import fr.wastetrace.bsd.core.validation.Problems;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The BSPAOH mutations: each is the core's pipeline ({@link BsdPipeline}: lock, companies, read check, permission
 * verb, transition table, status log, save, outbox event) plus the BSPAOH's own rules (its input, its edition rules,
 * its signatures). A draft is stored with the status DRAFT; publishing it is a move of the lifecycle table.
 */
@ApplicationScoped
public class BspaohService {
    static final BspaohType TYPE = BspaohType.INSTANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final String NOT_ON_IT = "Votre établissement doit être visé sur le bordereau";
    private static final String MISSING = "Le bordereau ne peut pas être signé car des informations obligatoires "
            + "manquent ou sont invalides :";
    private static final Pattern ACCEPTATION_OF_A_PACKAGING = Pattern.compile("waste\\.packagings\\[\\d+]\\.acceptation");

    @Inject
    BsdPipeline pipeline;
    @Inject
    CompanyDirectory directory;

    private final Clock clock = Clock.systemUTC();

    // ---------------------------------------------------------------- create, update, publish

    @Transactional
    public Bspaoh create(CallerIdentity caller, BspaohInput input, boolean draft) {
        Bspaoh doc = BspaohInputs.merge(new Bspaoh(), input);
        Problems problems = BspaohInputs.acceptations(doc, input, new Problems());
        BspaohInputs.normalize(doc);
        BspaohStatus status = draft ? BspaohStatus.DRAFT : BspaohStatus.INITIAL;
        Mutation<Bspaoh> m = pipeline.create(TYPE, caller, newId(), doc, status.name(), draft,
                BspaohType.contributors(doc), NOT_ON_IT);
        checks(doc, problems);
        if (!draft) {
            required(m, "EMISSION", problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    @Transactional
    public Bspaoh update(CallerIdentity caller, String id, BspaohInput input) {
        Mutation<Bspaoh> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        BsdRecord<Bspaoh> record = m.record();
        Bspaoh before = BsdPipeline.copy(record.data, Bspaoh.class);
        List<String> signed = BspaohSignatures.signed(before);
        record.data = BspaohInputs.merge(record.data, input);
        Problems problems = BspaohInputs.acceptations(record.data, input, new Problems());
        BspaohInputs.normalize(record.data);
        if (!m.companies().can(UserPermission.BSD_CAN_UPDATE, BspaohType.contributors(record.data))) {
            throw new ApiException.Forbidden("Vous ne pouvez pas enlever votre établissement du bordereau");
        }
        BspaohRules.RULES.checkNotSealed(new BspaohRules.Context(before, isEmitter(m.companies(), before)), signed,
                changedPaths(m), "");
        if (record.isDraft) {
            record.draftAccessOrgIds.addAll(Visibility.draftAccess(m.companies(), BspaohType.contributors(record.data)));
        }
        checks(record.data, problems);
        if (!record.isDraft) {
            required(m, signed.isEmpty() ? "EMISSION" : signed.get(signed.size() - 1), problems);
        }
        problems.throwIfAny(null);
        return view(pipeline.commit(m, Patches.of(input)));
    }

    /**
     * The paths the update changed; the acceptation of a packaging is written on the packaging (sealed by the
     * emission) but is the crematorium's answer, sealed by the reception.
     */
    private static Set<String> changedPaths(Mutation<Bspaoh> m) {
        return m.changedPaths(BsdPipeline.state(m.record())).stream()
                .map(p -> ACCEPTATION_OF_A_PACKAGING.matcher(p).matches()
                        ? "destination.reception.acceptation.packagings" : p)
                .collect(Collectors.toSet());
    }

    @Transactional
    public Bspaoh publish(CallerIdentity caller, String id) {
        Mutation<Bspaoh> m = pipeline.open(TYPE, caller, id).require(Verb.UPDATE);
        m.transition(BspaohLifecycle.TABLE, BspaohStatus.class, BspaohEvent.PUBLISH, facts(m.document()),
                "Impossible de publier un bordereau qui n'est pas un brouillon");
        m.record().isDraft = false;
        Problems problems = checks(m.document(), new Problems());
        required(m, "EMISSION", problems).throwIfAny(null);
        return view(pipeline.commit(m, null));
    }

    // ---------------------------------------------------------------- signatures

    @Transactional
    public Bspaoh sign(CallerIdentity caller, String id, BspaohSignatureInput input) {
        Mutation<Bspaoh> m = pipeline.open(TYPE, caller, id);
        BsdRecord<Bspaoh> record = m.record();
        Bspaoh doc = record.data;
        if (record.isDraft) {
            throw new ApiException.BadUserInput("Impossible de signer le bordereau, il est en brouillon. Publiez-le "
                    + "d'abord (publishBspaoh).");
        }
        SignatureStep<Bspaoh, BspaohEvent> signing = BspaohSignatures.STEPS.applicable(input.type.name(), doc);
        String signedFor = checkCanSign(m.companies(), doc, signing);
        if (signing.signed().test(doc)) {
            throw new ApiException.BadUserInput("Le bordereau a déjà été signé");
        }
        Instant date = input.date == null ? clock.instant() : input.date;
        if (input.type == BspaohSignatureType.TRANSPORT) {
            completeReceipt(doc.transporter);
        }
        m.transition(BspaohLifecycle.TABLE, BspaohStatus.class, signing.event(), facts(doc),
                "Vous ne pouvez pas apposer cette signature sur le bordereau (statut " + record.status + ").");
        Problems problems = checks(doc, new Problems());
        required(m, input.type.name(), problems);
        if (input.type == BspaohSignatureType.RECEPTION) {
            BspaohRules.receptionChecks(doc, problems);
        }
        problems.throwIfAny(MISSING);
        Signature signature = new Signature(input.author, date);
        switch (input.type) {
            case EMISSION -> {
                if (doc.emitter.emission == null) {
                    doc.emitter.emission = new BspaohEmission();
                }
                doc.emitter.emission.signature = signature;
            }
            case TRANSPORT -> doc.transporter.transport.signature = signature;
            case DELIVERY -> {
                doc.destination.handedOverToDestination = new BspaohHandedOverToDestination();
                doc.destination.handedOverToDestination.date = date;
                doc.destination.handedOverToDestination.signature = signature;
            }
            case RECEPTION -> doc.destination.reception.signature = signature;
            case OPERATION -> doc.destination.operation.signature = signature;
        }
        BspaohInputs.normalize(doc);
        m.signed(input.type.name(), date, input.author, signedFor);
        return view(pipeline.commit(m, Patches.of(Map.of("type", input.type,
                "author", input.author))));
    }

    /** Who signs each step (reference sign.ts); there is no signature code on a BSPAOH. */
    /** The org id the caller signs for ({@code FORBIDDEN} unless a member of it with the step's permission). */
    private static String checkCanSign(CallerCompanies companies, Bspaoh doc, SignatureStep<Bspaoh, BspaohEvent> step) {
        List<String> signers = step.signersOf(doc);
        return signers.stream().filter(orgId -> companies.can(step.permission(), orgId)).findFirst()
                .orElseThrow(() -> new ApiException.Forbidden("Vous ne pouvez pas signer ce bordereau : seul un membre "
                        + "de l'entreprise concernée, avec les droits de signature, le peut."));
    }

    static BspaohFacts facts(Bspaoh doc) {
        WasteAcceptationStatus acceptation = new BspaohRules.Context(doc, false).acceptation();
        return new BspaohFacts(acceptation == WasteAcceptationStatus.REFUSED,
                acceptation == WasteAcceptationStatus.PARTIALLY_REFUSED, BspaohSignatures.delivered(doc));
    }

    /** The transporter's receipt comes from its company's profile when it signs (unless it is exempted). */
    private void completeReceipt(BspaohTransporter t) {
        TransporterReceipts.fromProfile(directory, BspaohType.orgId(t.company),
                t.recepisse == null ? null : t.recepisse.isExempted).ifPresent(receipt -> {
            BspaohRecepisse r = new BspaohRecepisse();
            r.number = receipt.receiptNumber();
            r.department = receipt.department();
            r.validityLimit = receipt.validityLimit();
            r.isExempted = false;
            t.recepisse = r;
        });
        if (t.transport == null) {
            t.transport = new BspaohTransport();
        }
    }

    // ---------------------------------------------------------------- delete, duplicate

    @Transactional
    public Bspaoh delete(CallerIdentity caller, String id) {
        Mutation<Bspaoh> m = pipeline.open(TYPE, caller, id).require(Verb.DELETE);
        return view(pipeline.delete(m));
    }

    /** A draft copy without signatures, reception, operation, plates nor packaging answers (reference duplicate.ts). */
    @Transactional
    public Bspaoh duplicate(CallerIdentity caller, String id) {
        Mutation<Bspaoh> source = pipeline.open(TYPE, caller, id).require(Verb.DUPLICATE);
        Bspaoh doc = BsdPipeline.copy(source.document(), Bspaoh.class);
        doc.isDuplicateOf = id;
        if (doc.emitter != null && doc.emitter.emission != null) {
            doc.emitter.emission.signature = null;
        }
        if (doc.transporter != null) {
            doc.transporter.id = Ids.newId();
            doc.transporter.transport = doc.transporter.transport == null ? null : transportMode(doc.transporter);
        }
        if (doc.destination != null) {
            doc.destination.handedOverToDestination = null;
            doc.destination.reception = null;
            doc.destination.operation = null;
        }
        doc.waste.packagings.forEach(p -> p.acceptation = BspaohPackagingAcceptationStatus.PENDING);
        BspaohInputs.normalize(doc);
        Mutation<Bspaoh> m = pipeline.create(TYPE, caller, newId(), doc, BspaohStatus.DRAFT.name(), true,
                BspaohType.contributors(doc), TYPE.refusal(Verb.DUPLICATE, source.record()));
        return view(pipeline.commit(m, null));
    }

    private static BspaohTransport transportMode(BspaohTransporter t) {
        BspaohTransport copy = new BspaohTransport();
        copy.mode = t.transport.mode;
        return copy;
    }

    // ---------------------------------------------------------------- checks

    private static boolean isEmitter(CallerCompanies companies, Bspaoh doc) {
        return companies.isMemberOf(BspaohType.emitterOrgId(doc));
    }

    /** What holds at every step, and the crematorium: registered, with the cremation profile. */
    private Problems checks(Bspaoh doc, Problems problems) {
        BspaohRules.formats(doc, clock.instant()).messages().forEach(problems::add);
        String siret = doc.destination == null || doc.destination.company == null ? null
                : doc.destination.company.siret;
        if (siret != null && !siret.isBlank()) {
            Optional<CompanyView> company = directory.byOrgId(siret);
            if (company.isEmpty()) {
                problems.add("L'établissement avec le SIRET " + siret + " n'est pas inscrit sur Trackdéchets");
            } else if (company.get().wasteProcessorTypes() != null
                    && !company.get().wasteProcessorTypes().contains("CREMATION")) {
                problems.add("L'entreprise avec le SIRET \"" + siret + "\" n'est pas inscrite sur Trackdéchets en "
                        + "tant que crématorium. Cette installation ne peut donc pas être visée sur le bordereau. "
                        + "Veuillez vous rapprocher de l'administrateur de cette installation pour qu'il modifie le "
                        + "profil de l'établissement depuis l'interface Trackdéchets dans Mes établissements");
            }
        }
        return problems;
    }

    /** The fields required for {@code step} (every step before it included). */
    private static Problems required(Mutation<Bspaoh> m, String step, Problems problems) {
        Bspaoh doc = m.document();
        ObjectNode state = BsdPipeline.state(m.record());
        return BspaohRules.RULES.require(new BspaohRules.Context(doc, isEmitter(m.companies(), doc)), state, step,
                problems);
    }

    String newId() {
        return "PAOH-" + DAY.format(clock.instant()) + "-" + Ids.base32(9);
    }

    /** The record's state as the API shows it: a draft reads as INITIAL with isDraft. */
    static Bspaoh view(BsdRecord<Bspaoh> record) {
        Bspaoh b = record.data;
        b.id = record.id;
        BspaohStatus status = BspaohStatus.valueOf(record.status);
        b.status = status == BspaohStatus.DRAFT ? BspaohStatus.INITIAL : status;
        b.isDraft = record.isDraft;
        b.createdAt = record.createdAt;
        b.updatedAt = record.updatedAt;
        b.version = record.version;
        b.isDeleted = record.isDeleted;
        BspaohInputs.normalize(b);
        return b;
    }
}
