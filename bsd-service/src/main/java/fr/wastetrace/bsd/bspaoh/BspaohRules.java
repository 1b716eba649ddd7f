package fr.wastetrace.bsd.bspaoh;

import fr.wastetrace.bsd.bspaoh.model.Bspaoh;
import fr.wastetrace.bsd.bspaoh.model.BspaohConsistence;
import fr.wastetrace.bsd.bspaoh.model.BspaohDestination;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackaging;
import fr.wastetrace.bsd.bspaoh.model.BspaohPackagingAcceptationStatus;
import fr.wastetrace.bsd.bspaoh.model.BspaohReceptionWasteDetail;
import fr.wastetrace.bsd.bspaoh.model.BspaohType;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.reference.ReferenceData;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The BSPAOH's edition rules (reference validation/rules.ts): for each field, from which signature it is sealed and
 * from which it is required. The producer's frame and the waste are sealed by the emission; the crematorium's
 * company too, except for the producer, who may still change it until the transport. {@link #formats} holds at every
 * step, drafts included; {@link #receptionChecks} when the crematorium signs the reception.
 */
public final class BspaohRules {
    /** The signature steps in order. */
    public static final List<String> STEPS = List.of("EMISSION", "TRANSPORT", "DELIVERY", "RECEPTION", "OPERATION");
    static final Set<String> WASTE_CODES = ReferenceData.wasteCodeSet(BsdType.BSPAOH);
    static final Set<String> OPERATION_CODES = ReferenceData.operationCodeSet(BsdType.BSPAOH);

    /** What the conditions look at: the BSPAOH and whether the caller is its producer. */
    public record Context(Bspaoh bspaoh, boolean callerIsEmitter) {
        WasteAcceptationStatus acceptation() {
            BspaohDestination d = bspaoh.destination;
            return d == null || d.reception == null || d.reception.acceptation == null ? null
                    : d.reception.acceptation.status;
        }

        boolean weightGiven() {
            return bspaoh.emitter != null && bspaoh.emitter.emission != null
                    && bspaoh.emitter.emission.detail != null && bspaoh.emitter.emission.detail.weight != null;
        }

        boolean transporterHas(String field) {
            var t = bspaoh.transporter;
            if (t == null || t.company == null) {
                return false;
            }
            String value = "siret".equals(field) ? t.company.siret : t.company.vatNumber;
            return value != null && !value.isBlank();
        }

        TransportMode transportMode() {
            var t = bspaoh.transporter;
            return t == null || t.transport == null ? null : t.transport.mode;
        }

        boolean receiptRequired() {
            var t = bspaoh.transporter;
            boolean exempted = t != null && t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted);
            String vat = t == null || t.company == null ? null : t.company.vatNumber;
            boolean foreign = vat != null && !vat.isBlank() && !vat.toUpperCase().startsWith("FR");
            return !exempted && transportMode() == TransportMode.ROAD && !foreign;
        }
    }

    private static String destinationSealedFrom(Context c) {
        return c.callerIsEmitter() ? "TRANSPORT" : "EMISSION";
    }

    private static boolean refusedInPart(Context c) {
        return c.acceptation() == WasteAcceptationStatus.REFUSED
                || c.acceptation() == WasteAcceptationStatus.PARTIALLY_REFUSED;
    }

    public static final EditionRules<Context> RULES = EditionRules.<Context>builder(STEPS)
            .sealed("waste.adr", "Le code ADR", "EMISSION")
            .required("waste.type", "Le type de déchet", "EMISSION", "EMISSION")
            .required("waste.code", "Le code famille", "EMISSION", "EMISSION")
            .required("waste.packagings", "Le conditionnement", "EMISSION", "EMISSION")
            .required("emitter.company.name", "Le nom de l'entreprise émettrice", "EMISSION", "EMISSION")
            .required("emitter.company.siret", "Le SIRET de l'entreprise émettrice", "EMISSION", "EMISSION")
            .required("emitter.company.address", "L'adresse de l'entreprise émettrice", "EMISSION", "EMISSION")
            .required("emitter.company.contact", "Le nom de contact de l'entreprise émettrice", "EMISSION", "EMISSION")
            .required("emitter.company.phone", "Le téléphone de l'entreprise émettrice", "EMISSION", "EMISSION")
            .required("emitter.company.mail", "L'email de l'entreprise émettrice", "EMISSION", "EMISSION")
            .sealed("emitter.customInfo", "Les champs d'informations complémentaires de l'entreprise émettrice",
                    "EMISSION")
            .sealed("emitter.pickupSite", "L'adresse de collecte ou de chantier", "EMISSION")
            .rule("emitter.emission.detail.weight.value", "Le poids du déchet émis", c -> "EMISSION", c -> true,
                    "EMISSION", (c, s) -> c.weightGiven())
            .sealed("emitter.emission.detail.weight.isEstimate", "La quantité émise", "EMISSION")
            .rule("emitter.emission.detail.quantity", "La quantité émise (nombre)", c -> "EMISSION", c -> true,
                    "EMISSION", (c, s) -> !c.weightGiven())
            .rule("destination.company.name", "Le nom de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .rule("destination.company.siret", "Le SIRET de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .rule("destination.company.address", "L'adresse de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .rule("destination.company.contact", "Le nom de contact de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .rule("destination.company.phone", "Le téléphone de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .rule("destination.company.mail", "L'email de l'entreprise de destination",
                    BspaohRules::destinationSealedFrom, c -> true, "EMISSION", (c, s) -> true)
            .sealed("destination.customInfo",
                    "Les champs d'informations complémentaires de l'entreprise de destination", "OPERATION")
            .sealed("destination.cap", "Le CAP du destinataire", "TRANSPORT")
            .sealed("destination.reception.detail.receivedWeight", "Le poids du déchet reçu", "RECEPTION")
            .sealed("destination.reception.detail.refusedWeight", "Le poids du déchet refusé", "RECEPTION")
            .sealed("destination.reception.detail.quantity", "La quantité remise (nombre)", "RECEPTION")
            .required("destination.reception.acceptation.status", "Le champ d'acceptation du déchet", "RECEPTION",
                    "RECEPTION")
            .rule("destination.reception.acceptation.refusalReason", "La raison du refus", c -> "RECEPTION",
                    c -> true, "RECEPTION", (c, s) -> refusedInPart(c))
            .required("destination.reception.date", "La date de réception", "RECEPTION", "RECEPTION")
            .sealed("destination.reception.acceptation.packagings", "Le détail des conditionnements reçus",
                    "RECEPTION")
            .required("destination.operation.code", "Le code d'opération de la destination", "OPERATION",
                    "OPERATION")
            .rule("destination.operation.date", "La date de l'opération", c -> "OPERATION", c -> true, "OPERATION",
                    (c, s) -> c.acceptation() != WasteAcceptationStatus.REFUSED)
            .required("transporter.company.name", "Le nom du transporteur", "TRANSPORT", "TRANSPORT")
            .rule("transporter.company.siret", "Le SIRET du transporteur", c -> "TRANSPORT", c -> true, "EMISSION",
                    (c, s) -> !c.transporterHas("vatNumber"))
            .required("transporter.transport.takenOverAt", "La date de prise en charge par le transporteur",
                    "TRANSPORT", "TRANSPORT")
            .required("transporter.company.address", "L'adresse du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.contact", "Le nom de contact du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.phone", "Le téléphone du transporteur", "TRANSPORT", "TRANSPORT")
            .required("transporter.company.mail", "L'email du transporteur", "TRANSPORT", "TRANSPORT")
            .rule("transporter.company.vatNumber", "Le numéro de TVA du transporteur", c -> "TRANSPORT", c -> true,
                    "TRANSPORT", (c, s) -> !c.transporterHas("siret"))
            .sealed("transporter.customInfo", "Les champs d'informations complémentaires du transporteur",
                    "TRANSPORT")
            .required("transporter.recepisse.isExempted", "L'exemption de récépissé du transporteur", "TRANSPORT",
                    "TRANSPORT")
            .rule("transporter.recepisse.number", "Le numéro de récépissé du transporteur", c -> "TRANSPORT",
                    c -> true, "TRANSPORT", (c, s) -> c.receiptRequired())
            .rule("transporter.recepisse.department", "Le département de récépissé du transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> c.receiptRequired())
            .rule("transporter.recepisse.validityLimit", "La date de validité du récépissé du transporteur",
                    c -> "TRANSPORT", c -> true, "TRANSPORT", (c, s) -> c.receiptRequired())
            .required("transporter.transport.mode", "Le mode de transport", "TRANSPORT", "TRANSPORT")
            .rule("transporter.transport.plates", "La plaque d'immatriculation", c -> "TRANSPORT", c -> true,
                    "TRANSPORT", (c, s) -> c.transportMode() == TransportMode.ROAD)
            .build();

    private BspaohRules() {
    }

    /** Checks that hold at every step, drafts included (reference schema.ts and dynamicRefinements.ts). */
    static Problems formats(Bspaoh doc, Instant now) {
        Problems p = new Problems();
        List<BspaohPackaging> packagings = doc.waste == null || doc.waste.packagings == null ? List.of()
                : doc.waste.packagings;
        if (doc.waste != null && doc.waste.code != null && !WASTE_CODES.contains(doc.waste.code)) {
            p.add("Le code déchet n'est pas autorisé pour un BSPAOH : seul " + String.join(", ", WASTE_CODES) + " l'est.");
        }
        if (doc.waste != null && doc.waste.type == BspaohType.FOETUS
                && packagings.stream().anyMatch(x -> x.consistence == BspaohConsistence.LIQUIDE)) {
            p.add("La consistance ne peut être liquide pour ce type de déchet");
        }
        if (packagings.stream().anyMatch(x -> x.quantity == null || x.quantity != 1)) {
            p.add("La quantité de chaque conditionnement doit être de 1.");
        }
        if (packagings.stream().anyMatch(x -> x.volume != null && x.volume < 0)) {
            p.add("Le volume d'un conditionnement doit être un nombre positif.");
        }
        if (doc.emitter != null && doc.emitter.emission != null && doc.emitter.emission.detail != null) {
            var detail = doc.emitter.emission.detail;
            if (detail.quantity != null && detail.quantity < 0) {
                p.add("La quantité émise doit être un nombre positif.");
            }
            if (detail.weight != null && detail.weight.value != null && detail.weight.value < 0) {
                p.add("Le poids du déchet émis doit être un nombre positif.");
            }
        }
        BspaohDestination d = doc.destination;
        if (d != null && d.operation != null) {
            if (d.operation.code != null && !OPERATION_CODES.contains(d.operation.code)) {
                p.add("Le code d'opération de la destination doit être R 1 ou D 10.");
            }
            if (d.operation.date != null && d.operation.date.isAfter(now)) {
                p.add("La date d'opération ne peut pas être dans le futur.");
            }
            if (d.operation.date != null && d.reception != null && d.reception.date != null
                    && d.operation.date.isBefore(d.reception.date)) {
                p.add("La date d'opération doit être postérieure à la date de réception");
            }
        }
        if (d != null && d.reception != null) {
            weights(d.reception.detail, d.reception.acceptation == null ? null : d.reception.acceptation.status, p);
        }
        return p;
    }

    private static void weights(BspaohReceptionWasteDetail detail, WasteAcceptationStatus status, Problems p) {
        if (detail == null) {
            return;
        }
        Double received = detail.receivedWeight == null ? null : detail.receivedWeight.value;
        Double refused = detail.refusedWeight == null ? null : detail.refusedWeight.value;
        if (detail.quantity != null && detail.quantity < 0) {
            p.add("La quantité remise doit être un nombre positif.");
        }
        if ((received == null || received == 0) && refused != null && refused != 0) {
            p.add("Le poids reçu est requis pour renseigner le poids refusé");
        }
        if (refused != null && refused > (received == null ? 0 : received)) {
            p.add("Le poids refusé ne peut être supérieur au poids reçu");
        }
        if (refused != null && refused != 0 && status == WasteAcceptationStatus.ACCEPTED) {
            p.add("Le poids refusé ne peut être renseigné si le PAOH est accepté");
        }
    }

    /** At the reception signature: every packaging has an answer, and they agree with the acceptation status. */
    static Problems receptionChecks(Bspaoh doc, Problems p) {
        List<BspaohPackaging> packagings = doc.waste == null || doc.waste.packagings == null ? List.of()
                : doc.waste.packagings;
        Set<BspaohPackagingAcceptationStatus> answers = packagings.stream().map(x -> x.acceptation)
                .collect(Collectors.toCollection(HashSet::new));
        if (packagings.isEmpty() || answers.contains(null) || answers.contains(BspaohPackagingAcceptationStatus.PENDING)) {
            p.add("Le statut d'acceptation de tous les packagings doit être précisé");
            return p;
        }
        WasteAcceptationStatus status = new Context(doc, false).acceptation();
        boolean allAccepted = answers.equals(Set.of(BspaohPackagingAcceptationStatus.ACCEPTED));
        boolean allRefused = answers.equals(Set.of(BspaohPackagingAcceptationStatus.REFUSED));
        if (status == WasteAcceptationStatus.ACCEPTED && !allAccepted) {
            p.add("Le bordereau ne peut être accepté que si tous les packagings sont acceptés");
        } else if (status == WasteAcceptationStatus.REFUSED && !allRefused) {
            p.add("Le bordereau ne peut être refusé si tous les packagings ne sont pas refusés");
        } else if (status == WasteAcceptationStatus.PARTIALLY_REFUSED && (allAccepted || allRefused)) {
            p.add("Le bordereau ne peut être partiellement refusé si tous les packagings sont refusés ou acceptés");
        }
        return p;
    }
}
