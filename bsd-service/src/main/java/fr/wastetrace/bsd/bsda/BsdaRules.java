package fr.wastetrace.bsd.bsda;

import fr.wastetrace.bsd.bsda.model.Bsda;
import fr.wastetrace.bsd.bsda.model.BsdaConsistence;
import fr.wastetrace.bsd.bsda.model.BsdaPackagingType;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaPackaging;
import fr.wastetrace.bsd.bsda.model.BsdaParts.BsdaTransporter;
import fr.wastetrace.bsd.bsda.model.BsdaType;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.core.validation.TransporterRules;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.graphql.WasteAcceptationStatus;

import java.util.List;
import java.util.Set;

/**
 * The BSDA's edition rules (reference validation/rules.ts): for each field, from which signature it is sealed and
 * from which it is required. The emitter may still change most of its frame until the worker signs; the waste's
 * details are the worker's (required and sealed by the work signature when there is a worker, by the emission
 * otherwise). {@link #formats} holds at every step, drafts included.
 */
public final class BsdaRules {
    /** The signature steps in order; {@code TRANSPORT_<n>} is the n-th transporter's. */
    public static final List<String> STEPS = List.of("EMISSION", "WORK", "TRANSPORT", "TRANSPORT_2", "TRANSPORT_3",
            "TRANSPORT_4", "TRANSPORT_5", "RECEPTION", "OPERATION");

    /**
     * What the conditions look at.
     *
     * @param callerIsEmitter         the caller belongs to the emitter's company
     * @param nextDestinationChanging the change adds or removes a next destination (interim storage)
     */
    public record Context(Bsda bsda, boolean callerIsEmitter, boolean nextDestinationChanging) {
        public Context(Bsda bsda) {
            this(bsda, false, false);
        }

        boolean hasWorker() {
            return (bsda.type == null || bsda.type == BsdaType.OTHER_COLLECTIONS)
                    && (bsda.worker == null || !bsda.worker.isDisabled);
        }

        boolean privateIndividual() {
            return bsda.emitter != null && Boolean.TRUE.equals(bsda.emitter.isPrivateIndividual);
        }

        WasteAcceptationStatus acceptation() {
            return bsda.destination == null || bsda.destination.reception == null ? null
                    : bsda.destination.reception.acceptationStatus;
        }

        boolean hasNextDestination() {
            return bsda.destination != null && bsda.destination.operation != null
                    && bsda.destination.operation.nextDestination != null
                    && bsda.destination.operation.nextDestination.company != null
                    && notBlank(bsda.destination.operation.nextDestination.company.siret);
        }

        boolean subSectionThree() {
            return bsda.worker != null && bsda.worker.certification != null
                    && bsda.worker.certification.hasSubSectionThree;
        }

        boolean receptionSigned() {
            return BsdaSignatures.received(bsda) || BsdaSignatures.operated(bsda);
        }
    }

    private static String exceptEmitter(Context c) {
        return c.callerIsEmitter() ? "WORK" : "EMISSION";
    }

    private static String exceptNextDestinationChange(Context c) {
        return c.nextDestinationChanging() ? "TRANSPORT" : "EMISSION";
    }

    private static String workOrEmission(Context c) {
        return c.hasWorker() ? "WORK" : "EMISSION";
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static EditionRules.Builder<Context> emitterRule(EditionRules.Builder<Context> b, String path,
                                                             String label, boolean required) {
        return b.rule(path, label, BsdaRules::exceptEmitter, c -> true, required ? "EMISSION" : null,
                (c, s) -> !c.privateIndividual());
    }

    /**
     * A waste detail given by the worker: required (and sealed) by the work signature when there is a worker, by the
     * emission otherwise. Two rules, so that each reports the step it is required for.
     */
    private static EditionRules.Builder<Context> wasteDetail(EditionRules.Builder<Context> b, String path,
                                                             String label) {
        return b.rule(path, label, BsdaRules::workOrEmission, c -> true, "EMISSION", (c, s) -> !c.hasWorker())
                .rule(path, label, c -> null, c -> false, "WORK", (c, s) -> c.hasWorker());
    }

    private static EditionRules.Builder<Context> worker(EditionRules.Builder<Context> b, String path, String label,
                                                        boolean exceptEmitter) {
        return b.rule(path, label, exceptEmitter ? BsdaRules::exceptEmitter : c -> "WORK", c -> true, "EMISSION",
                (c, s) -> c.hasWorker());
    }

    public static final EditionRules<Context> RULES;

    static {
        EditionRules.Builder<Context> b = EditionRules.<Context>builder(STEPS)
                .required("type", "Le type de BSDA", "EMISSION", "EMISSION")
                .required("emitter.isPrivateIndividual", "L'indication que le maître d'ouvrage est un particulier",
                        "EMISSION", "EMISSION")
                .required("emitter.company.name", "La raison sociale (ou le nom) du maître d'ouvrage", "EMISSION",
                        "EMISSION")
                .rule("emitter.company.siret", "Le SIRET du maître d'ouvrage", c -> "EMISSION", c -> true,
                        "EMISSION", (c, s) -> !c.privateIndividual())
                .required("emitter.company.address", "L'adresse du maître d'ouvrage", "EMISSION", "EMISSION");
        emitterRule(b, "emitter.company.contact", "La personne à contacter chez le maître d'ouvrage", true);
        emitterRule(b, "emitter.company.phone", "Le téléphone du maître d'ouvrage", true);
        emitterRule(b, "emitter.company.mail", "L'adresse e-mail du maître d'ouvrage", true);
        b.rule("emitter.customInfo", "Les informations libres du maître d'ouvrage", BsdaRules::exceptEmitter,
                c -> true, null, (c, s) -> true);
        b.rule("emitter.pickupSite", "L'adresse du chantier ou du lieu de collecte", BsdaRules::exceptEmitter,
                c -> true, null, (c, s) -> true);
        b.rule("ecoOrganisme.name", "Le nom de l'éco-organisme", c -> "TRANSPORT", c -> true, "TRANSPORT",
                        (c, s) -> c.bsda().ecoOrganisme != null && notBlank(c.bsda().ecoOrganisme.siret))
                .sealed("ecoOrganisme.siret", "Le SIRET de l'éco-organisme", "TRANSPORT");
        b.rule("destination.company.name", "La raison sociale de l'installation de destination",
                        BsdaRules::exceptNextDestinationChange, c -> true, "EMISSION", (c, s) -> true)
                .rule("destination.company.siret", "Le SIRET de l'installation de destination",
                        BsdaRules::exceptNextDestinationChange, c -> true, "EMISSION", (c, s) -> true)
                .rule("destination.company.address", "L'adresse de l'installation de destination",
                        BsdaRules::exceptNextDestinationChange, c -> true, "EMISSION", (c, s) -> true)
                .required("destination.company.contact", "La personne à contacter de l'installation de destination",
                        "OPERATION", "EMISSION")
                .required("destination.company.phone", "Le téléphone de l'installation de destination", "OPERATION",
                        "EMISSION")
                .required("destination.company.mail", "L'adresse e-mail de l'installation de destination",
                        "OPERATION", "EMISSION")
                .sealed("destination.customInfo", "Les informations libres de la destination", "OPERATION")
                .rule("destination.cap", "Le certificat d'acceptation préalable (CAP) de la destination",
                        c -> "OPERATION", c -> true, "EMISSION",
                        (c, s) -> c.bsda().type != BsdaType.COLLECTION_2710 && !c.hasNextDestination())
                .rule("destination.plannedOperationCode", "Le code de l'opération prévue",
                        BsdaRules::exceptNextDestinationChange, c -> true, "EMISSION", (c, s) -> true)
                .rule("destination.reception.date", "La date de réception", c -> "RECEPTION",
                        Context::receptionSigned, "RECEPTION", (c, s) -> "RECEPTION".equals(s))
                .rule("destination.reception.weight", "Le poids reçu", c -> "RECEPTION", Context::receptionSigned,
                        "RECEPTION", (c, s) -> true)
                .rule("destination.reception.weightIsEstimate", "L'indication d'un poids reçu estimé",
                        c -> "RECEPTION", Context::receptionSigned, null, (c, s) -> true)
                .rule("destination.reception.refusedWeight", "Le poids refusé", c -> "RECEPTION",
                        Context::receptionSigned, null, (c, s) -> true)
                .rule("destination.reception.acceptationStatus", "L'acceptation du déchet", c -> "RECEPTION",
                        Context::receptionSigned, "RECEPTION", (c, s) -> true)
                .rule("destination.reception.refusalReason", "Le motif du refus", c -> "RECEPTION",
                        Context::receptionSigned, "RECEPTION",
                        (c, s) -> c.acceptation() == WasteAcceptationStatus.REFUSED
                                || c.acceptation() == WasteAcceptationStatus.PARTIALLY_REFUSED)
                .rule("destination.operation.code", "Le code de l'opération réalisée", c -> "OPERATION", c -> true,
                        "OPERATION", (c, s) -> c.acceptation() != WasteAcceptationStatus.REFUSED)
                .sealed("destination.operation.mode", "Le mode de traitement", "OPERATION")
                .sealed("destination.operation.description", "La description de l'opération réalisée", "OPERATION")
                .rule("destination.operation.date", "La date de l'opération", c -> "OPERATION", c -> true,
                        "OPERATION", (c, s) -> c.acceptation() != WasteAcceptationStatus.REFUSED)
                .sealed("destination.operation.nextDestination.company.name", "La raison sociale de l'exutoire",
                        "OPERATION")
                .sealed("destination.operation.nextDestination.company.siret", "Le SIRET de l'exutoire",
                        "OPERATION")
                .sealed("destination.operation.nextDestination.company.vatNumber", "Le N° de TVA de l'exutoire",
                        "OPERATION");
        for (String[] f : new String[][]{{"address", "L'adresse de l'exutoire"},
                {"contact", "La personne à contacter de l'exutoire"}, {"phone", "Le téléphone de l'exutoire"},
                {"mail", "L'adresse e-mail de l'exutoire"}}) {
            b.rule("destination.operation.nextDestination.company." + f[0], f[1], c -> "OPERATION", c -> true,
                    "EMISSION", (c, s) -> c.hasNextDestination());
        }
        b.rule("destination.operation.nextDestination.cap", "Le CAP de l'exutoire", c -> "OPERATION", c -> true,
                        "EMISSION", (c, s) -> c.hasNextDestination())
                .rule("destination.operation.nextDestination.plannedOperationCode",
                        "Le code de l'opération prévue par l'exutoire", c -> "OPERATION", c -> true, "EMISSION",
                        (c, s) -> c.hasNextDestination())
                .rule("transporters", "La liste des transporteurs", c -> "TRANSPORT_5", c -> true, "TRANSPORT",
                        (c, s) -> c.bsda().type != BsdaType.COLLECTION_2710)
                .rule("worker.isDisabled", "L'indication qu'il n'y a pas d'entreprise de travaux",
                        BsdaRules::exceptEmitter, c -> true, null, (c, s) -> true);
        worker(b, "worker.company.name", "La raison sociale de l'entreprise de travaux", true);
        worker(b, "worker.company.siret", "Le SIRET de l'entreprise de travaux", true);
        worker(b, "worker.company.address", "L'adresse de l'entreprise de travaux", true);
        worker(b, "worker.company.contact", "La personne à contacter de l'entreprise de travaux", false);
        worker(b, "worker.company.phone", "Le téléphone de l'entreprise de travaux", false);
        worker(b, "worker.company.mail", "L'adresse e-mail de l'entreprise de travaux", false);
        b.sealed("worker.work.hasEmitterPaperSignature", "L'indication d'une signature papier du maître d'ouvrage",
                        "WORK")
                .sealed("worker.certification.hasSubSectionFour", "Les travaux relevant de la sous-section 4", "WORK")
                .sealed("worker.certification.hasSubSectionThree", "Les travaux relevant de la sous-section 3",
                        "WORK");
        for (String[] f : new String[][]{{"certificationNumber", "Le numéro de certification de l'entreprise de travaux"},
                {"validityLimit", "La date de validité de la certification de l'entreprise de travaux"},
                {"organisation", "L'organisme de certification de l'entreprise de travaux"}}) {
            b.rule("worker.certification." + f[0], f[1], c -> "WORK", c -> true, "WORK",
                    (c, s) -> c.hasWorker() && c.subSectionThree());
        }
        b.sealed("broker", "Le courtier", "OPERATION")
                .rule("waste.code", "Le code déchet", BsdaRules::exceptEmitter, c -> true, "EMISSION", (c, s) -> true)
                .sealed("waste.isSubjectToADR", "L'indication d'un déchet soumis à l'ADR", "WORK")
                .sealed("waste.adr", "La mention ADR", "WORK")
                .sealed("waste.nonRoadRegulationMention", "La mention RID, ADN ou IMDG", "WORK")
                .sealed("waste.sealNumbers", "Les numéros de scellés", "WORK");
        wasteDetail(b, "waste.familyCode", "Le code famille du déchet");
        wasteDetail(b, "waste.materialName", "La dénomination du matériau");
        wasteDetail(b, "waste.consistence", "La consistance du déchet");
        wasteDetail(b, "waste.pop", "L'indication de polluants organiques persistants");
        wasteDetail(b, "packagings", "Le conditionnement");
        wasteDetail(b, "weight.isEstimate", "L'indication d'un poids estimé");
        wasteDetail(b, "weight.value", "Le poids");
        b.rule("waste.consistenceDescription", "La description de la consistance", BsdaRules::workOrEmission,
                        c -> true, null, (c, s) -> true)
                .sealed("grouping", "Les BSDA regroupés", "EMISSION")
                .sealed("forwarding", "Le BSDA réexpédié", "EMISSION")
                .sealed("intermediaries", "Les intermédiaires", "TRANSPORT");
        RULES = b.build();
    }

    /**
     * The rules of one transporter, required when it signs (its fields cannot change once it signed: see
     * {@code BsdaService}). The receipt is taken from the company's profile when it signs.
     */
    public static final EditionRules<BsdaTransporter> TRANSPORTER_RULES = TransporterRules.of(STEPS, t -> t.company,
            t -> t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted),
            t -> t.transport == null ? null : t.transport.mode, false);

    private BsdaRules() {
    }

    /** The waste codes a BSDA accepts (asbestos codes and other hazardous construction and demolition wastes). */
    public static final Set<String> WASTE_CODES = ReferenceData.wasteCodeSet(BsdType.BSDA);
    /** The operation codes a destination may perform on asbestos waste. */
    public static final Set<String> OPERATION_CODES = ReferenceData.operationCodeSet(BsdType.BSDA);

    /** Checks that hold at every step, drafts included. */
    static Problems formats(Bsda doc) {
        Problems p = new Problems();
        if (doc.waste != null && doc.waste.code != null && !WASTE_CODES.contains(doc.waste.code)) {
            p.add("waste.code : le code déchet « " + doc.waste.code + " » n'est pas accepté sur un BSDA (codes "
                    + "amiante et autres déchets dangereux de construction, par exemple 17 06 01* ou 17 06 05*).");
        }
        if (doc.weight != null && doc.weight.value != null && doc.weight.value <= 0) {
            p.add("weight.value : le poids doit être strictement positif.");
        }
        if (doc.destination != null) {
            var d = doc.destination;
            if (d.plannedOperationCode != null && !OPERATION_CODES.contains(d.plannedOperationCode)) {
                p.add("destination.plannedOperationCode : le code « " + d.plannedOperationCode + " » n'est pas "
                        + "possible sur un BSDA (R 5, D 5, D 9 F, R 13 ou D 15).");
            }
            if (d.operation != null && d.operation.code != null && !OPERATION_CODES.contains(d.operation.code)) {
                p.add("destination.operation.code : le code « " + d.operation.code + " » n'est pas possible sur un "
                        + "BSDA (R 5, D 5, D 9 F, R 13 ou D 15).");
            }
            if (d.reception != null && d.reception.weight != null && d.reception.weight < 0) {
                p.add("destination.reception.weight : le poids reçu ne peut pas être négatif.");
            }
            if (d.reception != null && d.reception.acceptationStatus == WasteAcceptationStatus.ACCEPTED
                    && notBlank(d.reception.refusalReason)) {
                p.add("destination.reception.refusalReason : un motif de refus ne se renseigne que si le déchet est "
                        + "refusé, totalement ou en partie.");
            }
        }
        if (doc.worker != null && doc.worker.isDisabled && doc.worker.company != null
                && (notBlank(doc.worker.company.siret) || notBlank(doc.worker.company.name))) {
            p.add("worker.company : une entreprise de travaux ne peut pas être renseignée quand worker.isDisabled "
                    + "indique qu'il n'y en a pas.");
        }
        if (doc.emitter != null && Boolean.TRUE.equals(doc.emitter.isPrivateIndividual) && doc.emitter.company != null
                && notBlank(doc.emitter.company.siret)) {
            p.add("emitter.company.siret : un maître d'ouvrage particulier n'a pas de SIRET.");
        }
        if (doc.packagings != null) {
            for (BsdaPackaging pk : doc.packagings) {
                if (pk.quantity != null && pk.quantity <= 0) {
                    p.add("packagings.quantity : le nombre de colis doit être strictement positif.");
                }
                if (pk.type == BsdaPackagingType.OTHER && !notBlank(pk.other)) {
                    p.add("packagings.other : précisez le conditionnement quand son type est OTHER.");
                }
            }
        }
        if (doc.waste != null && doc.waste.consistence == BsdaConsistence.OTHER && doc.waste.consistenceDescription
                != null && doc.waste.consistenceDescription.isBlank()) {
            p.add("waste.consistenceDescription : décrivez la consistance quand elle est OTHER.");
        }
        if (doc.type == BsdaType.GATHERING && (doc.grouping == null || doc.grouping.isEmpty())) {
            p.add("grouping : un BSDA de groupement (GATHERING) doit regrouper au moins un BSDA.");
        }
        if (doc.type == BsdaType.RESHIPMENT && doc.forwarding == null) {
            p.add("forwarding : un BSDA de réexpédition (RESHIPMENT) doit indiquer le BSDA réexpédié.");
        }
        if (doc.type != BsdaType.GATHERING && doc.grouping != null && !doc.grouping.isEmpty()) {
            p.add("grouping : seul un BSDA de groupement (GATHERING) peut regrouper d'autres BSDA.");
        }
        if (doc.type != BsdaType.RESHIPMENT && doc.forwarding != null) {
            p.add("forwarding : seul un BSDA de réexpédition (RESHIPMENT) peut réexpédier un BSDA.");
        }
        return p;
    }
}
