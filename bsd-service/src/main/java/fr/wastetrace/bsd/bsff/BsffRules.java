package fr.wastetrace.bsd.bsff;

import fr.wastetrace.bsd.bsff.model.Bsff;
import fr.wastetrace.bsd.bsff.model.BsffOperationCode;
import fr.wastetrace.bsd.bsff.model.BsffPackaging;
import fr.wastetrace.bsd.bsff.model.BsffPackagingType;
import fr.wastetrace.bsd.bsff.model.BsffParts.BsffTransporter;
import fr.wastetrace.bsd.bsff.model.BsffType;
import fr.wastetrace.bsd.core.search.BsdType;
import fr.wastetrace.bsd.core.validation.EditionRules;
import fr.wastetrace.bsd.core.validation.Problems;
import fr.wastetrace.bsd.core.validation.TransporterRules;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;

import java.util.List;
import java.util.Set;

/**
 * The BSFF's edition rules (reference validation/bsff/rules.ts and validation/bsffPackaging/rules.ts): for each field,
 * from which signature it is sealed and from which it is required. The emitter's frame is sealed by the emission
 * signature, except for the emitter itself, who may still change it until the transport. Each container has its own
 * rules for its acceptation and its operation ({@link #PACKAGING_RULES}); {@link #formats} holds at every step.
 */
public final class BsffRules {
    /** The signature steps in order; {@code TRANSPORT_<n>} is the n-th transporter's. */
    public static final List<String> STEPS = List.of("EMISSION", "TRANSPORT", "TRANSPORT_2", "TRANSPORT_3",
            "TRANSPORT_4", "TRANSPORT_5", "RECEPTION", "ACCEPTATION", "OPERATION");

    /** What the conditions look at: the BSFF and whether the caller is its emitter. */
    public record Context(Bsff bsff, boolean callerIsEmitter) {
        boolean ownPackagings() {
            return bsff.type != BsffType.GROUPEMENT && bsff.type != BsffType.REEXPEDITION;
        }
    }

    private static String emissionExceptForEmitter(Context c) {
        return c.callerIsEmitter() ? "TRANSPORT" : "EMISSION";
    }

    private static EditionRules.Builder<Context> emitterFrame(EditionRules.Builder<Context> b, String path,
                                                               String label, boolean required) {
        return b.rule(path, label, BsffRules::emissionExceptForEmitter, c -> true, required ? "EMISSION" : null,
                (c, s) -> true);
    }

    public static final EditionRules<Context> RULES;

    static {
        EditionRules.Builder<Context> b = EditionRules.builder(STEPS);
        emitterFrame(b, "type", "Le type de BSFF", true);
        emitterFrame(b, "emitter.company.name", "La raison sociale de l'émetteur", true);
        emitterFrame(b, "emitter.company.siret", "Le SIRET de l'émetteur", true);
        emitterFrame(b, "emitter.company.address", "L'adresse de l'émetteur", true);
        emitterFrame(b, "emitter.company.contact", "La personne à contacter chez l'émetteur", true);
        emitterFrame(b, "emitter.company.phone", "Le N° de téléphone de l'émetteur", true);
        emitterFrame(b, "emitter.company.mail", "L'adresse e-mail de l'émetteur", true);
        emitterFrame(b, "emitter.customInfo", "Le champ libre de l'émetteur", false);
        emitterFrame(b, "waste.code", "Le code déchet", true);
        emitterFrame(b, "waste.description", "La dénomination usuelle du déchet", true);
        emitterFrame(b, "waste.adr", "La mention ADR", true);
        emitterFrame(b, "weight.value", "La quantité totale", true);
        emitterFrame(b, "weight.isEstimate", "Le caractère estimé ou non de la quantité", true);
        emitterFrame(b, "destination.company.name", "La raison sociale de l'installation de destination", true);
        emitterFrame(b, "destination.company.siret", "Le SIRET de l'installation de destination", true);
        emitterFrame(b, "destination.company.address", "L'adresse de l'installation de destination", true);
        emitterFrame(b, "destination.plannedOperationCode", "Le code de l'opération prévue", true);
        emitterFrame(b, "destination.cap", "Le CAP de l'installation de destination", false);
        emitterFrame(b, "ficheInterventions", "Les fiches d'intervention", false);
        b.rule("packagings", "Les contenants", BsffRules::emissionExceptForEmitter, c -> true, "EMISSION",
                (c, s) -> c.ownPackagings());
        b.required("destination.company.contact", "La personne à contacter de l'installation de destination",
                "OPERATION", "EMISSION");
        b.required("destination.company.phone", "Le N° de téléphone de l'installation de destination", "OPERATION",
                "EMISSION");
        b.required("destination.company.mail", "L'adresse e-mail de l'installation de destination", "OPERATION",
                "EMISSION");
        b.sealed("destination.customInfo", "Le champ libre de l'installation de destination", "OPERATION");
        b.required("transporters", "Le transporteur", "RECEPTION", "TRANSPORT");
        b.required("destination.reception.date", "La date de réception", "RECEPTION", "RECEPTION");
        RULES = b.build();
    }

    /** The rules of one transporter, required when it signs; its fields cannot change once it signed. */
    public static final EditionRules<BsffTransporter> TRANSPORTER_RULES = TransporterRules.of(STEPS, t -> t.company,
            t -> t.recepisse != null && Boolean.TRUE.equals(t.recepisse.isExempted),
            t -> t.transport == null ? null : t.transport.mode, true);

    /**
     * The rules of one container (steps ACCEPTATION and OPERATION). A container's acceptation and operation stay
     * correctable by the destination after their signature, until a follow-up BSFF takes the container over
     * ({@code taken} in the context).
     */
    public record PackagingContext(BsffPackaging packaging, boolean taken) {
    }

    public static final EditionRules<PackagingContext> PACKAGING_RULES;

    static {
        EditionRules.Builder<PackagingContext> b = EditionRules.builder(STEPS);
        packaging(b, "numero", "Le numéro du contenant", "OPERATION", "ACCEPTATION");
        packaging(b, "acceptation.date", "La date d'acceptation du contenant", "OPERATION", "ACCEPTATION");
        packaging(b, "acceptation.status", "Le statut d'acceptation du contenant", "ACCEPTATION", "ACCEPTATION");
        packaging(b, "acceptation.weight", "Le poids accepté du contenant", "OPERATION", "ACCEPTATION");
        packaging(b, "acceptation.wasteDescription", "La description du déchet accepté", "OPERATION",
                "ACCEPTATION");
        b.rule("acceptation.refusalReason", "Le motif du refus du contenant", c -> "ACCEPTATION", PackagingContext::taken,
                "ACCEPTATION", (c, s) -> c.packaging().acceptation != null
                        && c.packaging().acceptation.status == WasteAcceptationStatus.REFUSED);
        b.rule("acceptation.wasteCode", "Le code déchet accepté", c -> "OPERATION", PackagingContext::taken, null,
                (c, s) -> true);
        for (String[] f : new String[][]{{"operation.date", "La date de l'opération"},
                {"operation.code", "Le code de l'opération réalisée"},
                {"operation.description", "La description de l'opération réalisée"}}) {
            b.rule(f[0], f[1], c -> "OPERATION", PackagingContext::taken, "OPERATION", (c, s) -> accepted(c));
        }
        b.rule("operation.mode", "Le mode de traitement", c -> "OPERATION", PackagingContext::taken, "OPERATION",
                (c, s) -> accepted(c) && c.packaging().operation != null && c.packaging().operation.code != null
                        && !modes(c.packaging().operation.code).isEmpty());
        for (String[] f : new String[][]{
                {"operation.nextDestination.plannedOperationCode", "Le code de l'opération prévue à l'exutoire"},
                {"operation.nextDestination.company.name", "La raison sociale de l'exutoire"},
                {"operation.nextDestination.company.address", "L'adresse de l'exutoire"},
                {"operation.nextDestination.company.contact", "La personne à contacter chez l'exutoire"},
                {"operation.nextDestination.company.phone", "Le N° de téléphone de l'exutoire"},
                {"operation.nextDestination.company.mail", "L'adresse e-mail de l'exutoire"}}) {
            b.rule(f[0], f[1], c -> "OPERATION", PackagingContext::taken, "OPERATION",
                    (c, s) -> accepted(c) && needsNextDestination(c.packaging()));
        }
        b.rule("operation.nextDestination.company.siret", "Le SIRET de l'exutoire", c -> "OPERATION",
                PackagingContext::taken, "OPERATION", (c, s) -> accepted(c) && needsNextDestination(c.packaging())
                        && !notBlank(nextVat(c.packaging())));
        b.sealed("operation.nextDestination.cap", "Le CAP de l'exutoire", "OPERATION");
        b.rule("acceptation.signature", "La signature de l'acceptation du contenant", c -> "ACCEPTATION", c -> true,
                "OPERATION", (c, s) -> true);
        PACKAGING_RULES = b.build();
    }

    private static void packaging(EditionRules.Builder<PackagingContext> b, String path, String label, String sealed,
                                  String required) {
        b.rule(path, label, c -> sealed, PackagingContext::taken, required, (c, s) -> true);
    }

    private static boolean accepted(PackagingContext c) {
        return c.packaging().acceptation == null || c.packaging().acceptation.status != WasteAcceptationStatus.REFUSED;
    }

    private static String nextVat(BsffPackaging p) {
        return p.operation.nextDestination == null || p.operation.nextDestination.company == null ? null
                : p.operation.nextDestination.company.vatNumber;
    }

    /** An intermediate operation (without a break in traceability) names the next destination. */
    static boolean needsNextDestination(BsffPackaging p) {
        return p.operation != null && p.operation.code != null
                && !p.operation.code.isFinal(Boolean.TRUE.equals(p.operation.noTraceability));
    }

    /** The processing modes a code allows (none for storage, grouping and repackaging codes). */
    static Set<OperationMode> modes(BsffOperationCode code) {
        return ReferenceData.operationModes(BsdType.BSFF, code.name());
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private BsffRules() {
    }

    static final Set<String> WASTE_CODES = ReferenceData.wasteCodeSet(BsdType.BSFF);

    /** Checks that hold at every step, drafts included. */
    static Problems formats(Bsff doc) {
        Problems p = new Problems();
        if (doc.waste != null && doc.waste.code != null && !WASTE_CODES.contains(doc.waste.code)) {
            p.add("waste.code : le code déchet « " + doc.waste.code + " » n'est pas autorisé pour un BSFF (codes "
                    + "acceptés : " + String.join(", ", WASTE_CODES.stream().sorted().toList()) + ").");
        }
        if (doc.weight != null && doc.weight.value != null && doc.weight.value <= 0) {
            p.add("weight.value : la quantité totale doit être supérieure à 0.");
        }
        boolean road = doc.transporters.stream().anyMatch(t -> t.transport != null
                && t.transport.mode == TransportMode.ROAD);
        if (road && (doc.weight != null && doc.weight.value != null && doc.weight.value > 40_000
                || doc.packagings.stream().anyMatch(x -> x.weight != null && x.weight > 40_000))) {
            p.add("weight.value : par la route, le poids ne peut pas dépasser 40 tonnes.");
        }
        for (int i = 0; i < doc.packagings.size(); i++) {
            BsffPackaging k = doc.packagings.get(i);
            String at = "packagings[" + i + "]";
            if (k.volume != null && k.volume <= 0) {
                p.add(at + ".volume : le volume du contenant doit être supérieur à 0.");
            }
            if (k.weight != null && k.weight <= 0) {
                p.add(at + ".weight : la masse du contenu doit être supérieure à 0.");
            }
            if (k.type == BsffPackagingType.AUTRE && !notBlank(k.other)) {
                p.add(at + ".other : précisez le type de contenant lorsque le type est AUTRE.");
            }
            if (k.type != null && k.type != BsffPackagingType.AUTRE && notBlank(k.other)) {
                p.add(at + ".other : ce champ ne se renseigne que pour un contenant de type AUTRE.");
            }
        }
        return p;
    }

    /** What the emission needs of each container the BSFF declares itself. */
    static void requirePackagings(Bsff doc, Problems p) {
        boolean own = doc.type != BsffType.GROUPEMENT && doc.type != BsffType.REEXPEDITION;
        for (int i = 0; i < doc.packagings.size(); i++) {
            BsffPackaging k = doc.packagings.get(i);
            String at = "packagings[" + i + "]";
            if (own && k.volume == null) {
                p.add(at + ".volume : le volume du contenant est requis.");
            }
            if (!notBlank(k.numero)) {
                p.add(at + ".numero : le numéro du contenant est requis.");
            }
        }
    }

    /** Checks of one container's acceptation and operation, at every step. */
    static Problems packagingFormats(BsffPackaging k, Problems p) {
        if (k.acceptation != null && k.acceptation.weight != null) {
            if (k.acceptation.status == WasteAcceptationStatus.REFUSED && k.acceptation.weight > 0) {
                p.add("acceptation.weight : le poids accepté doit être 0 lorsque le contenant est refusé.");
            }
            if (k.acceptation.status == WasteAcceptationStatus.ACCEPTED && k.acceptation.weight <= 0) {
                p.add("acceptation.weight : le poids accepté doit être supérieur à 0 lorsque le contenant est accepté.");
            }
        }
        if (k.acceptation != null && k.acceptation.wasteCode != null
                && !WASTE_CODES.contains(k.acceptation.wasteCode)) {
            p.add("acceptation.wasteCode : le code déchet « " + k.acceptation.wasteCode
                    + " » n'est pas autorisé pour un BSFF.");
        }
        if (k.operation != null && k.operation.code != null) {
            Set<OperationMode> modes = modes(k.operation.code);
            if (k.operation.mode != null && !modes.contains(k.operation.mode)) {
                p.add("operation.mode : le mode de traitement " + k.operation.mode
                        + " ne correspond pas à l'opération " + k.operation.code + ".");
            }
            if (k.operation.code.isFinal(false)) {
                if (k.operation.nextDestination != null) {
                    p.add("operation.nextDestination : l'opération " + k.operation.code
                            + " est finale, elle n'a pas de destination ultérieure.");
                }
                if (Boolean.TRUE.equals(k.operation.noTraceability)) {
                    p.add("operation.noTraceability : une rupture de traçabilité ne se déclare pas avec une "
                            + "opération finale.");
                }
            }
        }
        return p;
    }
}
