package fr.wastetrace.bsd.bsvhu;

import fr.wastetrace.bsd.bsvhu.model.Bsvhu;
import fr.wastetrace.bsd.bsvhu.model.BsvhuDestination;
import fr.wastetrace.bsd.bsvhu.model.BsvhuPackaging;
import fr.wastetrace.bsd.bsvhu.model.BsvhuReception;
import fr.wastetrace.bsd.bsvhu.model.BsvhuTransporter;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.core.validation.TransporterRules;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.graphql.WasteAcceptationStatus;

import java.util.List;
import java.util.Set;

/**
 * The BSVHU's edition rules (reference validation/rules.ts): for each field, from which signature it is sealed and
 * from which it is required. Most of the emitter's frame is sealed by the emission signature, except for the
 * emitter itself, who may still change it until the transport signature. {@link #formats} holds at every step.
 */
public final class BsvhuRules {
    /** The signature steps in order; {@code TRANSPORT_<n>} is the n-th transporter's. */
    public static final List<String> STEPS = List.of("EMISSION", "TRANSPORT", "TRANSPORT_2", "TRANSPORT_3",
            "TRANSPORT_4", "TRANSPORT_5", "RECEPTION", "OPERATION");

    /** What the conditions look at: the BSVHU and whether the caller is its emitter. */
    public record Context(Bsvhu bsvhu, boolean callerIsEmitter) {
        boolean emitterNoSiret() {
            return bsvhu.emitter != null && bsvhu.emitter.noSiret;
        }

        boolean emitterIrregular() {
            return bsvhu.emitter != null && bsvhu.emitter.irregularSituation;
        }

        WasteAcceptationStatus acceptation() {
            return bsvhu.destination == null || bsvhu.destination.reception == null ? null
                    : bsvhu.destination.reception.acceptationStatus;
        }

        boolean hasNextDestination() {
            return bsvhu.destination != null && bsvhu.destination.operation != null
                    && bsvhu.destination.operation.nextDestination != null
                    && bsvhu.destination.operation.nextDestination.company != null
                    && notBlank(bsvhu.destination.operation.nextDestination.company.siret);
        }
    }

    private static String emissionExceptForEmitter(Context c) {
        return c.callerIsEmitter() ? "TRANSPORT" : "EMISSION";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public static final EditionRules<Context> RULES = EditionRules.<Context>builder(STEPS)
            .sealed("customId", "Le numéro libre", "OPERATION")
            .rule("emitter.agrementNumber", "Le N° d'agrément de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, null, (c, s) -> true)
            .rule("emitter.irregularSituation", "La situation (irrégulière ou non) de l'émetteur",
                    BsvhuRules::emissionExceptForEmitter, c -> true, null, (c, s) -> true)
            .rule("emitter.noSiret", "La présence ou absence de SIRET de l'émetteur",
                    BsvhuRules::emissionExceptForEmitter, c -> true, null, (c, s) -> true)
            .rule("emitter.company.name", "La raison sociale de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> true)
            .rule("emitter.company.siret", "Le SIRET de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> !c.emitterNoSiret())
            .rule("emitter.company.address", "L'adresse de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> true)
            .rule("emitter.company.contact", "La personne à contacter chez l'émetteur",
                    BsvhuRules::emissionExceptForEmitter, c -> true, "EMISSION", (c, s) -> !c.emitterNoSiret())
            .rule("emitter.company.phone", "Le N° de téléphone de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> !c.emitterIrregular())
            .rule("emitter.company.mail", "L'adresse e-mail de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> !c.emitterIrregular())
            .rule("emitter.company.vatNumber", "Le N° de TVA de l'émetteur", BsvhuRules::emissionExceptForEmitter,
                    c -> true, null, (c, s) -> true)
            .required("destination.type", "Le type de destination", "TRANSPORT", "EMISSION")
            .required("destination.plannedOperationCode", "L'opération prévue", "TRANSPORT", "EMISSION")
            .sealed("destination.agrementNumber", "Le N° d'agrément du destinataire", "OPERATION")
            .required("destination.company.name", "La raison sociale du destinataire", "TRANSPORT", "EMISSION")
            .required("destination.company.siret", "Le SIRET du destinataire", "TRANSPORT", "EMISSION")
            .required("destination.company.address", "L'adresse du destinataire", "TRANSPORT", "EMISSION")
            .required("destination.company.contact", "La personne à contacter chez le destinataire", "OPERATION",
                    "EMISSION")
            .required("destination.company.phone", "Le N° de téléphone du destinataire", "OPERATION", "EMISSION")
            .required("destination.company.mail", "L'adresse e-mail du destinataire", "OPERATION", "EMISSION")
            .required("destination.reception.acceptationStatus", "L'acceptation du déchet", "RECEPTION", "RECEPTION")
            .rule("destination.reception.refusalReason", "La raison du refus", c -> "RECEPTION", c -> true,
                    "RECEPTION", (c, s) -> c.acceptation() == WasteAcceptationStatus.REFUSED
                            || c.acceptation() == WasteAcceptationStatus.PARTIALLY_REFUSED)
            .required("destination.reception.weight", "Le poids réel reçu", "RECEPTION", "RECEPTION")
            .rule("destination.reception.date", "La date de réception", c -> "RECEPTION", c -> true, "RECEPTION",
                    (c, s) -> "RECEPTION".equals(s))
            .sealed("destination.reception.quantity", "La quantité reçue", "OPERATION")
            .sealed("destination.reception.identification",
                    "Les numéros d'identification à la réception par le destinataire", "OPERATION")
            .rule("destination.operation.code", "L'opération réalisée", c -> "OPERATION", c -> true, "OPERATION",
                    (c, s) -> c.acceptation() != WasteAcceptationStatus.REFUSED)
            .sealed("destination.operation.mode", "Le mode de traitement", "OPERATION")
            .rule("destination.operation.date", "La date de l'opération", c -> "OPERATION", c -> true, "OPERATION",
                    (c, s) -> c.acceptation() != WasteAcceptationStatus.REFUSED)
            .sealed("destination.operation.nextDestination.company.siret",
                    "Le SIRET de l'exutoire", "OPERATION")
            .sealed("destination.operation.nextDestination.company.vatNumber", "Le N° de TVA de l'exutoire",
                    "OPERATION")
            .rule("destination.operation.nextDestination.company.name", "La raison sociale de l'exutoire",
                    c -> "OPERATION", c -> true, "OPERATION", (c, s) -> c.hasNextDestination())
            .rule("destination.operation.nextDestination.company.address", "L'adresse de l'exutoire",
                    c -> "OPERATION", c -> true, "OPERATION", (c, s) -> c.hasNextDestination())
            .rule("destination.operation.nextDestination.company.contact", "La personne à contacter chez l'exutoire",
                    c -> "OPERATION", c -> true, "OPERATION", (c, s) -> c.hasNextDestination())
            .rule("destination.operation.nextDestination.company.phone", "Le N° de téléphone de l'exutoire",
                    c -> "OPERATION", c -> true, "OPERATION", (c, s) -> c.hasNextDestination())
            .rule("destination.operation.nextDestination.company.mail", "L'adresse e-mail de l'exutoire",
                    c -> "OPERATION", c -> true, "OPERATION", (c, s) -> c.hasNextDestination())
            .rule("wasteCode", "Le code déchet", BsvhuRules::emissionExceptForEmitter, c -> true, "EMISSION",
                    (c, s) -> true)
            .rule("packaging", "Le conditionnement", BsvhuRules::emissionExceptForEmitter, c -> true, "EMISSION",
                    (c, s) -> true)
            .rule("identification.numbers", "Les numéros d'identification", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> true)
            .rule("identification.type", "Le type d'identification", BsvhuRules::emissionExceptForEmitter,
                    c -> true, "EMISSION", (c, s) -> c.bsvhu().packaging == BsvhuPackaging.UNITE)
            .rule("quantity", "La quantité", BsvhuRules::emissionExceptForEmitter, c -> true, "EMISSION",
                    (c, s) -> true)
            .rule("weight.value", "Le poids", BsvhuRules::emissionExceptForEmitter, c -> true, "EMISSION",
                    (c, s) -> true)
            .rule("weight.isEstimate", "Le type de poids (estimé ou non)", BsvhuRules::emissionExceptForEmitter,
                    c -> true, null, (c, s) -> true)
            .required("transporters", "Le transporteur", "TRANSPORT_5", "TRANSPORT")
            .rule("ecoOrganisme.name", "Le nom de l'éco-organisme", c -> "OPERATION", c -> true, "TRANSPORT",
                    (c, s) -> c.bsvhu().ecoOrganisme != null && notBlank(c.bsvhu().ecoOrganisme.siret))
            .sealed("ecoOrganisme.siret", "Le SIRET de l'éco-organisme", "OPERATION")
            .sealed("broker", "Le courtier", "OPERATION")
            .sealed("trader", "Le négociant", "OPERATION")
            .sealed("intermediaries", "Les intermédiaires", "OPERATION")
            .sealed("containsElectricOrHybridVehicles", "La présence de véhicules électriques ou hybrides", "OPERATION")
            .build();

    /**
     * The rules of one transporter, required when it signs (its fields cannot change once it signed: see
     * {@code BsvhuService}). The receipt is taken from the company's profile when it signs.
     */
    public static final EditionRules<BsvhuTransporter> TRANSPORTER_RULES = TransporterRules.of(STEPS, t -> t.company,
            t -> t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted),
            t -> t.transport == null ? null : t.transport.mode, false);

    private BsvhuRules() {
    }

    private static final Set<String> WASTE_CODES = ReferenceData.wasteCodeSet(BsdType.BSVHU);
    private static final Set<String> OPERATION_CODES = ReferenceData.operationCodeSet(BsdType.BSVHU);

    /** Checks that hold at every step, drafts included. */
    static Problems formats(Bsvhu doc) {
        Problems p = new Problems();
        if (doc.wasteCode != null && !WASTE_CODES.contains(doc.wasteCode)) {
            p.add("Le code déchet n'est pas autorisé pour un BSVHU : seuls 16 01 04* et 16 01 06 le sont.");
        }
        if (doc.quantity != null && doc.quantity < 0) {
            p.add("La quantité doit être un nombre positif.");
        }
        if (doc.weight != null && doc.weight.value != null && doc.weight.value <= 0) {
            p.add("Le poids doit être supérieur à 0.");
        }
        BsvhuDestination d = doc.destination;
        BsvhuReception r = d == null ? null : d.reception;
        if (r != null && r.weight != null && r.weight < 0) {
            p.add("Le poids reçu doit être un nombre positif.");
        }
        if (r != null && r.acceptationStatus == WasteAcceptationStatus.ACCEPTED && r.refusalReason != null
                && !r.refusalReason.isBlank()) {
            p.add("Le motif du refus ne doit pas être renseigné si le déchet est accepté.");
        }
        if (d != null && d.operation != null && d.operation.code != null
                && !OPERATION_CODES.contains(d.operation.code)) {
            p.add("Le code de l'opération réalisée n'est pas un code de traitement reconnu (par exemple R 4, R 12).");
        }
        if (d != null && d.plannedOperationCode != null && !OPERATION_CODES.contains(d.plannedOperationCode)) {
            p.add("Le code de l'opération prévue n'est pas un code de traitement reconnu (par exemple R 4, R 12).");
        }
        return p;
    }
}
