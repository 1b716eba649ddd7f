package fr.wastetrace.bsd.bsdasri;

import fr.wastetrace.bsd.bsdasri.model.Bsdasri;
import fr.wastetrace.bsd.bsdasri.model.BsdasriPackagingType;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriPackaging;
import fr.wastetrace.bsd.bsdasri.model.BsdasriParts.BsdasriWasteAcceptation;
import fr.wastetrace.bsd.bsdasri.model.BsdasriType;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;

import java.util.List;
import java.util.Set;

/**
 * The BSDASRI's edition rules (reference validation/rules.ts): for each field, from which signature it is sealed and
 * from which it is required. On a synthesis, the emitter's frame is sealed by the transport signature (its first);
 * for an eco-organisme that did not sign the emission, likewise. {@link #formats} holds at every step.
 */
public final class BsdasriRules {
    public static final List<String> STEPS = List.of("EMISSION", "TRANSPORT", "RECEPTION", "OPERATION");
    public static final Set<String> WASTE_CODES = ReferenceData.wasteCodeSet(BsdType.BSDASRI);
    public static final Set<String> OPERATION_CODES = ReferenceData.operationCodeSet(BsdType.BSDASRI);

    /** Whether the operation code is a grouping one (D13, R12): the BSDASRI then awaits a grouping. */
    public static boolean isGroupingCode(String code) {
        return code != null && OPERATION_CODES.contains(code)
                && ReferenceData.operation(code).map(ProcessingOperation::grouping).orElse(false);
    }

    /** What the conditions look at: the BSDASRI and whether the caller is its eco-organisme. */
    public record Context(Bsdasri bsdasri, boolean callerIsEcoOrganisme) {
        boolean synthesis() {
            return bsdasri.type == BsdasriType.SYNTHESIS;
        }

        WasteAcceptationStatus transporterAcceptation() {
            return bsdasri.transporter == null || bsdasri.transporter.transport == null
                    || bsdasri.transporter.transport.acceptation == null ? null
                    : bsdasri.transporter.transport.acceptation.status;
        }

        WasteAcceptationStatus destinationAcceptation() {
            return bsdasri.destination == null || bsdasri.destination.reception == null
                    || bsdasri.destination.reception.acceptation == null ? null
                    : bsdasri.destination.reception.acceptation.status;
        }

        boolean ecoOrganisme() {
            return bsdasri.ecoOrganisme != null && notBlank(bsdasri.ecoOrganisme.siret);
        }

        boolean has(FormCompany company) {
            return company != null && notBlank(company.siret);
        }
    }

    private static String emission(Context c) {
        return c.synthesis() || c.callerIsEcoOrganisme() && !BsdasriSignatures.emitted(c.bsdasri())
                ? "TRANSPORT" : "EMISSION";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean refused(WasteAcceptationStatus s) {
        return s == WasteAcceptationStatus.REFUSED || s == WasteAcceptationStatus.PARTIALLY_REFUSED;
    }

    /** A road transporter registered in France shows its receipt unless it is exempted. */
    static boolean receiptRequired(Context c) {
        var t = c.bsdasri().transporter;
        if (t == null) {
            return true;
        }
        boolean exempted = t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted);
        boolean road = t.transport == null || t.transport.mode == null || t.transport.mode == TransportMode.ROAD;
        boolean foreign = t.company != null && !notBlank(t.company.siret) && notBlank(t.company.vatNumber)
                && !t.company.vatNumber.toUpperCase().startsWith("FR");
        return !exempted && road && !foreign;
    }

    public static final EditionRules<Context> RULES = EditionRules.<Context>builder(STEPS)
            .rule("emitter.company.name", "La raison sociale de l'émetteur", BsdasriRules::emission, c -> true,
                    "EMISSION", (c, s) -> !c.ecoOrganisme())
            .rule("emitter.company.siret", "Le SIRET de l'émetteur", BsdasriRules::emission, c -> true, "EMISSION",
                    (c, s) -> true)
            .rule("emitter.company.contact", "La personne à contacter chez l'émetteur", BsdasriRules::emission,
                    c -> true, "EMISSION", (c, s) -> true)
            .rule("emitter.company.phone", "Le N° de téléphone de l'émetteur", BsdasriRules::emission, c -> true,
                    "EMISSION", (c, s) -> true)
            .rule("emitter.company.address", "L'adresse de l'émetteur", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("emitter.company.mail", "L'adresse e-mail de l'émetteur", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("emitter.emission.volume", "Le volume de déchet émis", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("emitter.emission.weight", "Le poids de déchets émis", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("emitter.emission.packagings", "Le conditionnement de l'émetteur", BsdasriRules::emission,
                    c -> true, "EMISSION", (c, s) -> !c.synthesis())
            .rule("emitter.customInfo", "Le champ libre émetteur", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("emitter.pickupSite", "L'adresse de collecte", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("waste.code", "Le code déchet", BsdasriRules::emission, c -> true, "EMISSION", (c, s) -> true)
            .rule("waste.adr", "Le code adr", BsdasriRules::emission, c -> true, "EMISSION", (c, s) -> true)
            .rule("ecoOrganisme.name", "Le nom de l'éco-organisme", BsdasriRules::emission, c -> true, "EMISSION",
                    (c, s) -> c.ecoOrganisme())
            .rule("ecoOrganisme.siret", "Le SIRET de l'éco-organisme", BsdasriRules::emission, c -> true, null,
                    (c, s) -> true)
            .rule("transporter.company.siret", "Le SIRET du transporteur", c -> "TRANSPORT", c -> true, "TRANSPORT",
                    (c, s) -> c.bsdasri().transporter == null || c.bsdasri().transporter.company == null
                            || !notBlank(c.bsdasri().transporter.company.vatNumber))
            .sealed("transporter.company.vatNumber", "Le N° de TVA du transporteur", "TRANSPORT")
            .required("transporter.company.name", "Le nom du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.address", "L'adresse du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.contact", "Le nom de contact du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.phone", "Le téléphone du transporteur", "TRANSPORT", "TRANSPORT")
            .sealed("transporter.company.mail", "L'email du transporteur", "TRANSPORT")
            .rule("transporter.recepisse.number", "Le numéro de récépissé du transporteur", c -> "TRANSPORT",
                    c -> true, "TRANSPORT", (c, s) -> receiptRequired(c))
            .rule("transporter.recepisse.department", "Le département de récépissé du transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> receiptRequired(c))
            .rule("transporter.recepisse.validityLimit", "La date de validité du récépissé du transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> receiptRequired(c))
            .sealed("transporter.recepisse.isExempted", "L'exemption de récépissé du transporteur", "TRANSPORT")
            .sealed("transporter.transport.takenOverAt", "La date d'enlèvement du transporteur", "TRANSPORT")
            .rule("transporter.transport.mode", "Le mode de transport", c -> "TRANSPORT", c -> true, "TRANSPORT",
                    (c, s) -> !c.synthesis())
            .rule("transporter.transport.plates", "L'immatriculation du transporteur", c -> "TRANSPORT", c -> true,
                    "TRANSPORT", (c, s) -> c.bsdasri().transporter != null
                            && c.bsdasri().transporter.transport != null
                            && c.bsdasri().transporter.transport.mode == TransportMode.ROAD)
            .sealed("transporter.customInfo", "Les informations complémentaires du transporteur", "TRANSPORT")
            .required("transporter.transport.packagings", "Le conditionnement du transporteur", "TRANSPORT",
                    "TRANSPORT")
            .sealed("transporter.transport.weight", "Le poids du déchet du transporteur", "TRANSPORT")
            .required("transporter.transport.volume", "Le volume de déchet du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.transport.acceptation.status", "L'acceptation du déchet par le transporteur",
                    "TRANSPORT", "TRANSPORT")
            .rule("transporter.transport.acceptation.refusedWeight", "Le poids refusé par le transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> refused(c.transporterAcceptation()))
            .rule("transporter.transport.acceptation.refusalReason", "La raison du refus par le transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> refused(c.transporterAcceptation()))
            .sealed("transporter.transport.handedOverAt", "La date de remise au destinataire", "RECEPTION")
            .required("destination.company.name", "La raison sociale du destinataire", "RECEPTION", "EMISSION")
            .required("destination.company.siret", "Le SIRET du destinataire", "RECEPTION", "EMISSION")
            .required("destination.company.address", "L'adresse du destinataire", "RECEPTION", "EMISSION")
            .required("destination.company.contact", "La personne à contacter chez le destinataire", "RECEPTION",
                    "EMISSION")
            .required("destination.company.phone", "Le N° de téléphone du destinataire", "RECEPTION", "EMISSION")
            .sealed("destination.company.mail", "L'adresse e-mail du destinataire", "RECEPTION")
            .sealed("destination.cap", "Le CAP du destinataire", "RECEPTION")
            .sealed("destination.customInfo", "Les infos du destinataire", "OPERATION")
            .required("destination.reception.packagings", "Le conditionnement reçu", "RECEPTION", "RECEPTION")
            .sealed("destination.reception.volume", "Le volume reçu", "RECEPTION")
            .required("destination.reception.acceptation.status", "Le statut d'acceptation du destinataire",
                    "RECEPTION", "RECEPTION")
            .rule("destination.reception.acceptation.refusalReason", "La raison du refus par le destinataire",
                    c -> "RECEPTION", c -> true, "RECEPTION", (c, s) -> refused(c.destinationAcceptation()))
            .rule("destination.reception.acceptation.refusedWeight", "Le poids du déchet refusé",
                    c -> "RECEPTION", c -> true, "RECEPTION", (c, s) -> refused(c.destinationAcceptation()))
            .rule("destination.reception.date", "La date de réception", c -> "RECEPTION", c -> true, "RECEPTION",
                    (c, s) -> "RECEPTION".equals(s))
            .sealed("identification.numbers", "Les numéros d'identification à la réception par le destinataire",
                    "RECEPTION")
            .rule("destination.operation.weight", "Le poids du déchet traité en kg", c -> "OPERATION", c -> true,
                    "OPERATION", (c, s) -> c.bsdasri().destination != null
                            && c.bsdasri().destination.operation != null
                            && !isGroupingCode(c.bsdasri().destination.operation.code))
            .required("destination.operation.code", "L'opération réalisée par le destinataire", "OPERATION",
                    "OPERATION")
            .sealed("destination.operation.mode", "Le mode de traitement", "OPERATION")
            .required("destination.operation.date", "La date de l'opération", "OPERATION", "OPERATION")
            .rule("broker.company.name", "Le nom du courtier", c -> "OPERATION", c -> true, "EMISSION",
                    (c, s) -> c.bsdasri().broker != null && c.has(c.bsdasri().broker.company))
            .sealed("broker", "Le courtier", "OPERATION")
            .rule("trader.company.name", "Le nom du négociant", c -> "OPERATION", c -> true, "EMISSION",
                    (c, s) -> c.bsdasri().trader != null && c.has(c.bsdasri().trader.company))
            .sealed("trader", "Le négociant", "OPERATION")
            .sealed("intermediaries", "Les intermédiaires", "OPERATION")
            .build();

    private BsdasriRules() {
    }

    /** Checks that hold at every step, drafts included. */
    static Problems formats(Bsdasri doc) {
        Problems p = new Problems();
        if (doc.waste != null && doc.waste.code != null && !WASTE_CODES.contains(doc.waste.code)) {
            p.add("Le code déchet n'est pas autorisé pour un DASRI : seuls 18 01 03* et 18 02 02* le sont.");
        }
        if (doc.destination != null && doc.destination.operation != null && doc.destination.operation.code != null
                && !OPERATION_CODES.contains(doc.destination.operation.code)) {
            p.add("Le code de l'opération réalisée doit être l'un de : D9F, D10, R1, D13, R12.");
        }
        if (doc.emitter != null && doc.emitter.emission != null) {
            packagings(p, "de l'émetteur", doc.emitter.emission.packagings);
        }
        if (doc.transporter != null && doc.transporter.transport != null) {
            packagings(p, "du transporteur", doc.transporter.transport.packagings);
            acceptation(p, "du transporteur", doc.transporter.transport.acceptation);
        }
        if (doc.destination != null && doc.destination.reception != null) {
            packagings(p, "du destinataire", doc.destination.reception.packagings);
            acceptation(p, "du destinataire", doc.destination.reception.acceptation);
        }
        if (doc.ecoOrganisme != null && doc.type != BsdasriType.SIMPLE) {
            p.add("Un éco-organisme ne peut figurer que sur un bordereau DASRI simple.");
        }
        return p;
    }

    private static void packagings(Problems p, String who, List<BsdasriPackaging> packagings) {
        if (packagings == null) {
            return;
        }
        for (BsdasriPackaging k : packagings) {
            if (k.quantity == null || k.quantity <= 0) {
                p.add("Le nombre de contenants " + who + " doit être supérieur à 0.");
            }
            if (k.volume == null || k.volume <= 0) {
                p.add("Le volume des contenants " + who + " doit être supérieur à 0.");
            }
            if (k.type == BsdasriPackagingType.AUTRE && !notBlank(k.other)) {
                p.add("Le type de contenant « AUTRE » " + who + " doit être précisé.");
            }
        }
    }

    private static void acceptation(Problems p, String who, BsdasriWasteAcceptation a) {
        if (a != null && a.status == WasteAcceptationStatus.ACCEPTED
                && (notBlank(a.refusalReason) || a.refusedWeight != null && a.refusedWeight > 0)) {
            p.add("Le motif et le poids du refus " + who + " ne doivent pas être renseignés si le déchet est accepté.");
        }
    }
}
