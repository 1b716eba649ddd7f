package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.model.Destination;
import fr.wastetrace.bsd.bsdd.model.Emitter;
import fr.wastetrace.bsd.bsdd.model.EmitterType;
import fr.wastetrace.bsd.bsdd.model.BsddData;
import fr.wastetrace.bsd.bsdd.model.PackagingInfo;
import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.bsdd.model.Recipient;
import fr.wastetrace.bsd.bsdd.model.TemporaryStorageDetail;
import fr.wastetrace.bsd.bsdd.model.Transporter;
import fr.wastetrace.bsd.bsdd.model.WasteDetails;
import fr.wastetrace.bsd.bsdd.reference.BsddReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData;
import fr.wastetrace.bsd.reference.ReferenceData.ProcessingOperation;
import fr.wastetrace.bsd.common.FormCompany;
import fr.wastetrace.graphql.OperationMode;
import fr.wastetrace.graphql.TransportMode;
import fr.wastetrace.graphql.WasteAcceptationStatus;
import fr.wastetrace.bsd.company.CompanyView;
import fr.wastetrace.bsd.core.validation.Problems;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of each step of a BSDD (spec bsdd.md §2.4): formats only for drafts, every required field at sealing,
 * then each signature's own requirements. Each method returns all failures of its step, each naming its field.
 */
public final class BsddValidation {
    static final double ROAD_LIMIT_TONNES = 40;
    static final double ABSOLUTE_LIMIT_TONNES = 50_000;
    static final int MAX_TRANSPORTERS = 5;
    private static final Pattern SIRET = Pattern.compile("^[0-9]{14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern OMI = Pattern.compile("^OMI[0-9]{7}$");
    private static final Pattern PLATE = Pattern.compile("^.{4,12}$");
    private static final Set<String> DESTINATION_TYPES = Set.of("COLLECTOR", "WASTEPROCESSOR", "WASTE_CENTER",
            "DISPOSAL_FACILITY");

    private BsddValidation() {
    }

    /** What a draft must respect: formats, lengths, known codes, coherence; nothing is required yet. */
    public static Problems draft(BsddData f, List<Transporter> transporters, Map<String, CompanyView> known) {
        Problems p = new Problems();
        Emitter e = f.emitter;
        if (e != null) {
            boolean individual = Boolean.TRUE.equals(e.isPrivateIndividual);
            boolean ship = Boolean.TRUE.equals(e.isForeignShip);
            p.require(!(individual && ship), "Émetteur : un émetteur ne peut pas être à la fois un particulier et un "
                    + "navire étranger (emitter.isPrivateIndividual, emitter.isForeignShip).");
            if (individual) {
                p.require(e.type == null || e.type == EmitterType.PRODUCER || e.type == EmitterType.APPENDIX1_PRODUCER,
                        "Émetteur : un particulier ne peut être que producteur (emitter.type).");
                p.require(e.company == null || blank(e.company.siret),
                        "Émetteur : un particulier n'a pas de SIRET, retirez-le (emitter.company.siret).");
                p.require(e.company == null || (blank(e.company.contact) && blank(e.company.phone)
                                && blank(e.company.mail)),
                        "Émetteur : pour un particulier, ne renseignez ni personne à contacter, ni téléphone, ni e-mail "
                                + "(emitter.company.contact, emitter.company.phone, emitter.company.mail).");
            }
            if (ship) {
                p.require(e.type == null || e.type == EmitterType.PRODUCER,
                        "Émetteur : un navire étranger ne peut être que producteur (emitter.type).");
                p.require(e.company == null || blank(e.company.siret),
                        "Émetteur : un navire étranger n'a pas de SIRET, retirez-le (emitter.company.siret).");
                p.require(e.company == null || blank(e.company.omiNumber) || OMI.matcher(e.company.omiNumber).matches(),
                        "Émetteur : le numéro OMI doit s'écrire OMI suivi de 7 chiffres, par exemple OMI1234567 "
                                + "(emitter.company.omiNumber).");
            }
            company(p, e.company, "Émetteur", "emitter.company");
            if (e.workSite != null) {
                maxLength(p, e.workSite.name, 250, "Adresse de chantier : le nom", "emitter.workSite.name");
                maxLength(p, e.workSite.address, 250, "Adresse de chantier : l'adresse", "emitter.workSite.address");
                maxLength(p, e.workSite.city, 100, "Adresse de chantier : la commune", "emitter.workSite.city");
                maxLength(p, e.workSite.postalCode, 20, "Adresse de chantier : le code postal", "emitter.workSite.postalCode");
                maxLength(p, e.workSite.infos, 500, "Adresse de chantier : les informations", "emitter.workSite.infos");
            }
            if (e.company != null && !blank(e.company.siret) && known.containsKey(e.company.siret)
                    && known.get(e.company.siret).hasType("ECO_ORGANISME")) {
                p.add("Émetteur : un éco-organisme ne peut pas être l'émetteur ; indiquez-le comme éco-organisme "
                        + "(emitter.company.siret).");
            }
        }
        Recipient r = f.recipient;
        if (r != null) {
            company(p, r.company, "Destination", "recipient.company");
            p.require(blank(r.processingOperation) || BsddReferenceData.operation(r.processingOperation)
                            .filter(op -> !"R 0".equals(op.code())).isPresent(),
                    "Destination : l'opération de traitement prévue « " + r.processingOperation + " » n'existe pas ; "
                            + "utilisez un code R 1 à R 13 ou D 1 à D 15 (recipient.processingOperation).");
        }
        WasteDetails w = f.wasteDetails;
        if (w != null) {
            p.require(blank(w.code) || BsddReferenceData.isBsddWasteCode(w.code), "Déchet : le code « " + w.code
                    + " » n'est pas un code déchet du BSDD ; écrivez-le avec ses espaces, par exemple 06 05 02* "
                    + "(wasteDetails.code).");
            p.require(w.code == null || !BsddReferenceData.isDangerousWasteCode(w.code)
                            || !Boolean.FALSE.equals(w.isDangerous),
                    "Déchet : un code déchet avec un astérisque est dangereux, isDangerous doit valoir true "
                            + "(wasteDetails.isDangerous).");
            maxLength(p, w.name, 250, "Déchet : la dénomination", "wasteDetails.name");
            maxLength(p, w.onuCode, 750, "Déchet : la mention ADR", "wasteDetails.onuCode");
            maxLength(p, w.nonRoadRegulationMention, 250, "Déchet : la mention RID/ADN/IMDG",
                    "wasteDetails.nonRoadRegulationMention");
            if (w.quantity != null) {
                p.require(w.quantity >= 0, "Déchet : la quantité ne peut pas être négative (wasteDetails.quantity).");
                p.require(w.quantity <= ABSOLUTE_LIMIT_TONNES, "Déchet : la quantité ne peut pas dépasser 50 000 tonnes "
                        + "(wasteDetails.quantity).");
                p.require(w.quantity <= ROAD_LIMIT_TONNES || transporters.stream().noneMatch(t -> t.mode == TransportMode.ROAD),
                        "Déchet : par la route, la quantité ne peut pas dépasser 40 tonnes (wasteDetails.quantity).");
            }
            packagings(p, w.packagingInfos, "wasteDetails.packagingInfos");
            p.require(!Boolean.TRUE.equals(f.isDirectSupply) || w.packagingInfos == null || w.packagingInfos.isEmpty(),
                    "Déchet : en acheminement direct (pipeline, convoyeur), il n'y a pas de conditionnement "
                            + "(wasteDetails.packagingInfos).");
        }
        p.require(transporters.size() <= MAX_TRANSPORTERS,
                "Transporteurs : un bordereau compte au plus 5 transporteurs (transporters).");
        p.require(!Boolean.TRUE.equals(f.isDirectSupply) || transporters.isEmpty(),
                "Transporteurs : en acheminement direct (pipeline, convoyeur), il n'y a pas de transporteur "
                        + "(isDirectSupply, transporters).");
        for (int i = 0; i < transporters.size(); i++) {
            Transporter t = transporters.get(i);
            String field = "transporters[" + i + "]";
            company(p, t.company, "Transporteur " + (i + 1), field + ".company");
            plate(p, t.numberPlate, field + ".numberPlate");
        }
        if (f.ecoOrganisme != null) {
            CompanyView eco = known.get(f.ecoOrganisme.siret);
            p.require(eco != null && eco.hasType("ECO_ORGANISME"), "Éco-organisme : le SIRET « " + f.ecoOrganisme.siret
                    + " » n'est pas celui d'un éco-organisme connu (ecoOrganisme.siret).");
        }
        p.require(f.intermediaries.size() <= 5, "Intermédiaires : au plus 5 intermédiaires (intermediaries).");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.intermediaries.size(); i++) {
            FormCompany c = f.intermediaries.get(i);
            String field = "intermediaries[" + i + "]";
            company(p, c, "Intermédiaire " + (i + 1), field);
            p.require(!blank(c.siret) && !blank(c.name) && !blank(c.contact) && !blank(c.address),
                    "Intermédiaire " + (i + 1) + " : le SIRET, la raison sociale, l'adresse et la personne à contacter "
                            + "sont obligatoires (" + field + ").");
            p.require(c.identifier() == null || seen.add(c.identifier()),
                    "Intermédiaires : une même entreprise ne peut figurer qu'une fois (" + field + ".siret).");
        }
        return p;
    }

    /** What sealing requires (and any later change of a sealed BSDD): every mandatory field, on top of the formats. */
    public static Problems sealed(BsddData f, List<Transporter> transporters, Map<String, CompanyView> known) {
        Problems p = draft(f, transporters, known);
        Emitter e = f.emitter;
        if (e == null || e.type == null) {
            p.add("Émetteur : le type d'émetteur est obligatoire (emitter.type).");
        }
        boolean individual = e != null && Boolean.TRUE.equals(e.isPrivateIndividual);
        boolean ship = e != null && Boolean.TRUE.equals(e.isForeignShip);
        FormCompany ec = e == null ? null : e.company;
        required(p, ec == null ? null : ec.name, "Émetteur : la raison sociale (ou le nom) est obligatoire (emitter.company.name).");
        required(p, ec == null ? null : ec.address, "Émetteur : l'adresse est obligatoire (emitter.company.address).");
        if (ship) {
            required(p, ec == null ? null : ec.omiNumber, "Émetteur : le numéro OMI du navire est obligatoire (emitter.company.omiNumber).");
        } else if (!individual) {
            required(p, ec == null ? null : ec.siret, "Émetteur : le SIRET est obligatoire (emitter.company.siret).");
            required(p, ec == null ? null : ec.contact, "Émetteur : la personne à contacter est obligatoire (emitter.company.contact).");
            required(p, ec == null ? null : ec.phone, "Émetteur : le téléphone est obligatoire (emitter.company.phone).");
            required(p, ec == null ? null : ec.mail, "Émetteur : l'e-mail est obligatoire (emitter.company.mail).");
            if (ec != null && !blank(ec.siret) && known.containsKey(ec.siret)) {
                p.require(!known.get(ec.siret).isDormant(), "Émetteur : l'établissement " + ec.siret
                        + " est en sommeil sur la plateforme et ne peut pas figurer sur un nouveau bordereau (emitter.company.siret).");
            }
        }
        if (e != null && e.type == EmitterType.APPENDIX1_PRODUCER) {
            return p; // an appendix-1 item: its emitter, the rest comes from its container when it joins the round
        }
        boolean container = e != null && e.type == EmitterType.APPENDIX1;
        p.require(e == null || e.type != EmitterType.APPENDIX2 || !f.groupingFractions.isEmpty(),
                "Regroupement : sélectionnez les bordereaux à regrouper sur ce bordereau d'annexe 2 (grouping).");
        Recipient r = f.recipient;
        boolean tempStorage = r != null && Boolean.TRUE.equals(r.isTempStorage);
        if (!tempStorage) {
            required(p, r == null ? null : r.processingOperation,
                    "Destination : l'opération de traitement prévue est obligatoire (recipient.processingOperation).");
        }
        FormCompany rc = r == null ? null : r.company;
        required(p, rc == null ? null : rc.siret, "Destination : le SIRET est obligatoire (recipient.company.siret).");
        required(p, rc == null ? null : rc.name, "Destination : la raison sociale est obligatoire (recipient.company.name).");
        required(p, rc == null ? null : rc.address, "Destination : l'adresse est obligatoire (recipient.company.address).");
        required(p, rc == null ? null : rc.contact, "Destination : la personne à contacter est obligatoire (recipient.company.contact).");
        required(p, rc == null ? null : rc.phone, "Destination : le téléphone est obligatoire (recipient.company.phone).");
        required(p, rc == null ? null : rc.mail, "Destination : l'e-mail est obligatoire (recipient.company.mail).");
        if (rc != null && !blank(rc.siret)) {
            CompanyView destination = known.get(rc.siret);
            p.require(destination != null && isDestination(destination),
                    "Destination : l'établissement " + rc.siret + " n'est pas inscrit sur la plateforme comme "
                            + "installation de collecte ou de traitement (recipient.company.siret).");
            p.require(destination == null || !destination.isDormant(), "Destination : l'établissement " + rc.siret
                    + " est en sommeil sur la plateforme (recipient.company.siret).");
            boolean dangerousOrPop = dangerousOrPop(f.wasteDetails);
            p.require(destination == null || !isDestination(destination)
                            || destination.subProfilesAccept(dangerousOrPop),
                    subProfileRefusal("Destination", rc.siret, dangerousOrPop, "recipient.company.siret"));
        }
        WasteDetails w = f.wasteDetails;
        boolean dangerous = w != null && (Boolean.TRUE.equals(w.isDangerous) || BsddReferenceData.isDangerousWasteCode(w.code));
        if (dangerous && !tempStorage && !container) {
            required(p, r == null ? null : r.cap, "Destination : le CAP est obligatoire pour un déchet dangereux (recipient.cap).");
        }
        required(p, w == null ? null : w.code, "Déchet : le code déchet est obligatoire (wasteDetails.code).");
        required(p, w == null ? null : w.name, "Déchet : la dénomination usuelle est obligatoire (wasteDetails.name).");
        p.require(w != null && w.consistences != null && !w.consistences.isEmpty(),
                "Déchet : indiquez au moins une consistance (wasteDetails.consistences).");
        if (!container) { // a container's quantity and packagings are those of its items
            p.require(w != null && w.quantity != null && w.quantity > 0,
                    "Déchet : la quantité en tonnes est obligatoire et doit être supérieure à 0 (wasteDetails.quantity).");
            p.require(w != null && w.quantityType != null,
                    "Déchet : précisez si la quantité est réelle ou estimée (wasteDetails.quantityType).");
            p.require(w != null && w.pop != null,
                    "Déchet : précisez si le déchet contient des polluants organiques persistants (wasteDetails.pop).");
        } else {
            p.require(w == null || w.code == null || BsddReferenceData.isAppendix1WasteCode(w.code), "Déchet : le code "
                    + "« " + w.code + " » ne peut pas faire l'objet d'une tournée dédiée (wasteDetails.code).");
        }
        p.require(w != null && w.isSubjectToADR != null,
                "Déchet : précisez si le déchet est soumis à l'ADR (wasteDetails.isSubjectToADR).");
        if (w != null && Boolean.TRUE.equals(w.isSubjectToADR)) {
            required(p, w.onuCode, "Déchet : la mention ADR est obligatoire pour un déchet soumis à l'ADR (wasteDetails.onuCode).");
        }
        if (w != null && Boolean.FALSE.equals(w.isSubjectToADR)) {
            p.require(blank(w.onuCode), "Déchet : un déchet non soumis à l'ADR n'a pas de mention ADR ; retirez-la "
                    + "(wasteDetails.onuCode).");
        }
        if (f.trader != null && f.trader.company != null && !blank(f.trader.company.siret)) {
            receipted(p, f.trader.company, f.trader.receipt, f.trader.department, f.trader.validityLimit, "Négociant", "trader");
        }
        if (f.broker != null && f.broker.company != null && !blank(f.broker.company.siret)) {
            receipted(p, f.broker.company, f.broker.receipt, f.broker.department, f.broker.validityLimit, "Courtier", "broker");
        }
        for (int i = 0; i < transporters.size(); i++) {
            Transporter t = transporters.get(i);
            String orgId = t.company == null ? null : t.company.identifier();
            if (orgId != null && !Boolean.TRUE.equals(t.isExemptedOfReceipt)) {
                CompanyView view = known.get(orgId);
                p.require(view != null && view.hasType("TRANSPORTER"), "Transporteur " + (i + 1) + " : l'établissement "
                        + orgId + " n'est pas inscrit sur la plateforme comme transporteur (transporters[" + i + "].company).");
            }
        }
        if (tempStorage && f.temporaryStorageDetail != null) {
            suiteRegistrations(p, f, known);
        }
        return p;
    }

    /** The suite of a temporary storage, as markAsResealed leaves it: final destination, waste, onward transporter. */
    public static Problems suite(BsddData f, Map<String, CompanyView> known) {
        Problems p = new Problems();
        TemporaryStorageDetail t = f.temporaryStorageDetail;
        Destination d = t.destination;
        FormCompany c = d == null ? null : d.company;
        String field = "temporaryStorageDetail.destination";
        company(p, c, "Destination finale", field + ".company");
        required(p, c == null ? null : c.siret, "Destination finale : le SIRET est obligatoire (" + field + ".company.siret).");
        required(p, c == null ? null : c.name, "Destination finale : la raison sociale est obligatoire (" + field + ".company.name).");
        required(p, c == null ? null : c.address, "Destination finale : l'adresse est obligatoire (" + field + ".company.address).");
        required(p, c == null ? null : c.contact, "Destination finale : la personne à contacter est obligatoire (" + field + ".company.contact).");
        required(p, c == null ? null : c.phone, "Destination finale : le téléphone est obligatoire (" + field + ".company.phone).");
        required(p, c == null ? null : c.mail, "Destination finale : l'e-mail est obligatoire (" + field + ".company.mail).");
        String operation = d == null ? null : d.processingOperation;
        required(p, operation, "Destination finale : l'opération de traitement prévue est obligatoire (" + field
                + ".processingOperation).");
        p.require(blank(operation) || BsddReferenceData.operation(operation).filter(op -> !"R 0".equals(op.code())).isPresent(),
                "Destination finale : l'opération « " + operation + " » n'existe pas ; utilisez un code R 1 à R 13 ou "
                        + "D 1 à D 15 (" + field + ".processingOperation).");
        WasteDetails w = t.wasteDetails;
        boolean dangerous = w != null && (Boolean.TRUE.equals(w.isDangerous) || BsddReferenceData.isDangerousWasteCode(w.code));
        if (dangerous) {
            required(p, d == null ? null : d.cap, "Destination finale : le CAP est obligatoire pour un déchet dangereux ("
                    + field + ".cap).");
        }
        p.require(w != null && w.quantity != null && w.quantity > 0, "Déchet après entreposage : la quantité doit être "
                + "supérieure à 0 (temporaryStorageDetail.wasteDetails.quantity).");
        if (w != null) {
            packagings(p, w.packagingInfos, "temporaryStorageDetail.wasteDetails.packagingInfos");
            p.require(w.quantity == null || w.quantity <= ROAD_LIMIT_TONNES || t.transporter == null
                            || t.transporter.mode != TransportMode.ROAD,
                    "Déchet après entreposage : par la route, la quantité ne peut pas dépasser 40 tonnes "
                            + "(temporaryStorageDetail.wasteDetails.quantity).");
        }
        if (t.transporter != null) {
            company(p, t.transporter.company, "Transporteur après entreposage", "temporaryStorageDetail.transporter.company");
            plate(p, t.transporter.numberPlate, "temporaryStorageDetail.transporter.numberPlate");
        }
        suiteRegistrations(p, f, known);
        return p;
    }

    /** The suite's destination and transporter, when given, are registered with the right profile. */
    private static void suiteRegistrations(Problems p, BsddData f, Map<String, CompanyView> known) {
        TemporaryStorageDetail t = f.temporaryStorageDetail;
        String destination = t.destination == null || t.destination.company == null ? null : t.destination.company.identifier();
        if (destination != null) {
            CompanyView view = known.get(destination);
            p.require(view != null && isDestination(view),
                    "Destination finale : l'établissement " + destination + " n'est pas inscrit sur la plateforme comme "
                            + "installation de collecte ou de traitement (temporaryStorageDetail.destination.company.siret).");
            boolean dangerousOrPop = dangerousOrPop(f.wasteDetails);
            p.require(view == null || !isDestination(view) || view.subProfilesAccept(dangerousOrPop),
                    subProfileRefusal("Destination finale", destination, dangerousOrPop,
                            "temporaryStorageDetail.destination.company.siret"));
        }
        Transporter onward = t.transporter;
        String transporter = onward == null || onward.company == null ? null : onward.company.identifier();
        if (transporter != null && !Boolean.TRUE.equals(onward.isExemptedOfReceipt)) {
            CompanyView view = known.get(transporter);
            p.require(view != null && view.hasType("TRANSPORTER"), "Transporteur après entreposage : l'établissement "
                    + transporter + " n'est pas inscrit sur la plateforme comme transporteur "
                    + "(temporaryStorageDetail.transporter.company).");
        }
    }

    private static boolean isDestination(CompanyView company) {
        return company.companyTypes().stream().anyMatch(DESTINATION_TYPES::contains);
    }

    /** Dangerous for the destination's sub-profiles: a code with a star, declared dangerous, or holding POPs. */
    static boolean dangerousOrPop(WasteDetails w) {
        return w != null && (Boolean.TRUE.equals(w.isDangerous) || Boolean.TRUE.equals(w.pop)
                || BsddReferenceData.isDangerousWasteCode(w.code));
    }

    private static String subProfileRefusal(String frame, String orgId, boolean dangerousOrPop, String field) {
        return frame + " : les sous-profils déclarés par l'établissement " + orgId + " ne lui permettent pas de "
                + "prendre en charge des déchets " + (dangerousOrPop ? "dangereux" : "non dangereux") + " ; il lui "
                + "appartient de mettre à jour son profil sur la plateforme (" + field + ").";
    }

    /** The emission signature's own requirements, on the BSDD as the signature leaves it. */
    public static Problems emission(BsddData f, List<Transporter> transporters, Map<String, CompanyView> known,
                                    String emittedBy) {
        Problems p = sealed(f, transporters, known);
        boolean item = f.emitter != null && f.emitter.type == EmitterType.APPENDIX1_PRODUCER;
        List<PackagingInfo> packagings = f.wasteDetails == null ? null : f.wasteDetails.packagingInfos;
        p.require(item || Boolean.TRUE.equals(f.isDirectSupply) || (packagings != null && !packagings.isEmpty()),
                "Déchet : indiquez au moins un conditionnement avant de signer (wasteDetails.packagingInfos).");
        required(p, emittedBy, "Signature : le nom du signataire est obligatoire (emittedBy).");
        maxLength(p, emittedBy, 250, "Signature : le nom du signataire", "emittedBy");
        return p;
    }

    /**
     * The transport signature's requirements for the transporter who signs.
     *
     * @param plateRequired false for the deprecated signedByTransporter, whose input has no plate
     */
    public static Problems transport(BsddData f, List<Transporter> transporters, Transporter signer, String takenOverBy,
                                     boolean plateRequired) {
        Problems p = new Problems();
        int index = transporters.indexOf(signer);
        String field = "transporters[" + index + "]";
        FormCompany c = signer.company;
        required(p, c == null ? null : c.name, "Transporteur : la raison sociale est obligatoire (" + field + ".company.name).");
        required(p, c == null ? null : c.address, "Transporteur : l'adresse est obligatoire (" + field + ".company.address).");
        required(p, c == null ? null : c.contact, "Transporteur : la personne à contacter est obligatoire (" + field + ".company.contact).");
        required(p, c == null ? null : c.phone, "Transporteur : le téléphone est obligatoire (" + field + ".company.phone).");
        required(p, c == null ? null : c.mail, "Transporteur : l'e-mail est obligatoire (" + field + ".company.mail).");
        boolean foreign = c != null && blank(c.siret) && !blank(c.vatNumber);
        if (signer.mode == null) {
            p.add("Transporteur : le mode de transport est obligatoire (" + field + ".mode).");
        }
        boolean road = signer.mode == TransportMode.ROAD;
        if (road && !foreign && !Boolean.TRUE.equals(signer.isExemptedOfReceipt)) {
            p.require(!blank(signer.receipt) && !blank(signer.department) && signer.validityLimit != null,
                    "Transporteur : le récépissé (numéro, département, date de validité) est obligatoire ; renseignez-le "
                            + "dans le profil de l'établissement ou déclarez l'exemption (" + field + ".receipt).");
        }
        if (road && plateRequired) {
            required(p, signer.numberPlate, "Transporteur : la plaque d'immatriculation est obligatoire pour un transport "
                    + "par la route (" + field + ".numberPlate).");
        }
        plate(p, signer.numberPlate, field + ".numberPlate");
        WasteDetails w = f.wasteDetails;
        p.require(Boolean.TRUE.equals(f.isDirectSupply) || (w != null && w.packagingInfos != null && !w.packagingInfos.isEmpty()),
                "Déchet : indiquez au moins un conditionnement (wasteDetails.packagingInfos).");
        p.require(w != null && w.quantity != null && w.quantity > 0,
                "Déchet : la quantité doit être supérieure à 0 (wasteDetails.quantity).");
        p.require(w == null || w.quantity == null || w.quantity <= ROAD_LIMIT_TONNES
                        || transporters.stream().noneMatch(t -> t.mode == TransportMode.ROAD),
                "Déchet : par la route, la quantité ne peut pas dépasser 40 tonnes (wasteDetails.quantity).");
        required(p, takenOverBy, "Signature : le nom du signataire est obligatoire (takenOverBy).");
        return p;
    }

    /** Reception, with or without the acceptance (markAsReceived), and acceptance alone (markAsAccepted). */
    public static Problems reception(String receivedBy, WasteAcceptationStatus status, String refusalReason,
                                     Double received, Double refused, boolean acceptanceRequired,
                                     List<Transporter> transporters) {
        Problems p = new Problems();
        required(p, receivedBy, "Réception : le nom de la personne qui réceptionne est obligatoire (receivedBy).");
        maxLength(p, receivedBy, 250, "Réception : le nom de la personne qui réceptionne", "receivedBy");
        if (status == null) {
            p.require(!acceptanceRequired, "Acceptation : indiquez si le déchet est accepté, refusé ou partiellement "
                    + "refusé (wasteAcceptationStatus).");
            p.require(refused == null || received != null, "Réception : une quantité refusée ne peut pas être indiquée "
                    + "sans la quantité reçue (quantityRefused, quantityReceived).");
            return p;
        }
        if (received == null) {
            p.add("Acceptation : la quantité reçue est obligatoire (quantityReceived).");
        } else {
            p.require(received >= 0, "Acceptation : la quantité reçue ne peut pas être négative (quantityReceived).");
            p.require(status == WasteAcceptationStatus.REFUSED || received > 0,
                    "Acceptation : la quantité reçue doit être supérieure à 0 pour un déchet accepté (quantityReceived).");
            p.require(status != WasteAcceptationStatus.REFUSED || received > 0,
                    "Acceptation : la quantité reçue ne peut pas être nulle pour un déchet refusé (quantityReceived).");
            p.require(received <= ROAD_LIMIT_TONNES || transporters.stream().noneMatch(t -> t.mode == TransportMode.ROAD),
                    "Acceptation : par la route, la quantité reçue ne peut pas dépasser 40 tonnes (quantityReceived).");
        }
        if (refused == null) {
            p.add("Acceptation : la quantité refusée est obligatoire (quantityRefused).");
        } else if (received != null) {
            switch (status) {
                case ACCEPTED -> p.require(refused == 0,
                        "Acceptation : un déchet accepté a une quantité refusée de 0 (quantityRefused).");
                case REFUSED -> p.require(refused.equals(received),
                        "Acceptation : pour un refus total, la quantité refusée est égale à la quantité reçue (quantityRefused).");
                case PARTIALLY_REFUSED -> p.require(refused > 0 && refused < received,
                        "Acceptation : pour un refus partiel, la quantité refusée doit être supérieure à 0 et inférieure à "
                                + "la quantité reçue (quantityRefused).");
            }
        }
        if (status == WasteAcceptationStatus.ACCEPTED) {
            p.require(blank(refusalReason), "Acceptation : un déchet accepté n'a pas de motif de refus ; retirez-le "
                    + "(wasteRefusalReason).");
        } else {
            required(p, refusalReason, "Acceptation : indiquez le motif du refus (wasteRefusalReason).");
        }
        return p;
    }

    /** markAsProcessed. */
    public static Problems processing(BsddData f, String code, OperationMode mode, String processedBy,
                                      boolean noTraceability, FormCompany nextCompany, String nextOperation,
                                      String notificationNumber) {
        Problems p = new Problems();
        Optional<ProcessingOperation> operation = BsddReferenceData.operation(code);
        if (operation.isEmpty()) {
            p.add("Traitement : l'opération « " + code + " » n'existe pas ; utilisez un code R 0 à R 13 ou D 1 à D 15 "
                    + "(processingOperationDone).");
        } else {
            Set<OperationMode> modes = operation.get().modes();
            if (modes.isEmpty()) {
                p.require(mode == null, "Traitement : l'opération " + operation.get().code() + " n'a pas de mode de "
                        + "traitement ; retirez-le (destinationOperationMode).");
            } else if (mode == null) {
                p.add("Traitement : le mode de traitement est obligatoire pour l'opération " + operation.get().code()
                        + " (destinationOperationMode).");
            } else {
                p.require(modes.contains(mode), "Traitement : le mode " + mode + " ne correspond pas à l'opération "
                        + operation.get().code() + " ; modes possibles : " + modes + " (destinationOperationMode).");
            }
            boolean grouping = operation.get().grouping();
            if (!grouping) {
                p.require(!noTraceability, "Traitement : une rupture de traçabilité n'est possible qu'avec une opération "
                        + "de regroupement (D 9, D 13, D 14, D 15, R 12, R 13) (noTraceability).");
                p.require(nextOperation == null && nextCompany == null, "Traitement : après une opération finale, il "
                        + "n'y a pas de destination ultérieure ; retirez-la (nextDestination).");
            } else if (!noTraceability) {
                nextDestination(p, f, nextCompany, nextOperation, notificationNumber);
            }
        }
        required(p, processedBy, "Traitement : le nom de la personne qui signe le traitement est obligatoire (processedBy).");
        return p;
    }

    private static void nextDestination(Problems p, BsddData f, FormCompany c, String operation, String notificationNumber) {
        if (operation == null) {
            p.add("Destination ultérieure : après une opération de regroupement, indiquez la destination ultérieure et "
                    + "son opération de traitement (nextDestination.processingOperation).");
        } else {
            p.require(BsddReferenceData.operation(operation).filter(op -> !"R 0".equals(op.code())).isPresent(),
                    "Destination ultérieure : l'opération « " + operation + " » n'existe pas "
                            + "(nextDestination.processingOperation).");
        }
        if (c == null) {
            p.add("Destination ultérieure : indiquez l'entreprise de destination ultérieure (nextDestination.company).");
            return;
        }
        int identifiers = (blank(c.siret) ? 0 : 1) + (blank(c.vatNumber) ? 0 : 1) + (blank(c.extraEuropeanId) ? 0 : 1);
        p.require(identifiers == 1, "Destination ultérieure : indiquez un seul identifiant parmi le SIRET, le numéro de TVA "
                + "et l'identifiant hors Union européenne (nextDestination.company).");
        required(p, c.name, "Destination ultérieure : la raison sociale est obligatoire (nextDestination.company.name).");
        required(p, c.address, "Destination ultérieure : l'adresse est obligatoire (nextDestination.company.address).");
        required(p, c.contact, "Destination ultérieure : la personne à contacter est obligatoire (nextDestination.company.contact).");
        required(p, c.phone, "Destination ultérieure : le téléphone est obligatoire (nextDestination.company.phone).");
        required(p, c.mail, "Destination ultérieure : l'e-mail est obligatoire (nextDestination.company.mail).");
        boolean foreign = blank(c.siret);
        WasteDetails w = f.wasteDetails;
        boolean dangerousOrPop = w != null && (Boolean.TRUE.equals(w.isDangerous) || Boolean.TRUE.equals(w.pop));
        if (foreign && dangerousOrPop) {
            required(p, notificationNumber, "Destination ultérieure : le numéro de notification est obligatoire pour "
                    + "un transfert transfrontalier (nextDestination.notificationNumber).");
        }
        maxLength(p, notificationNumber, 15, "Destination ultérieure : le numéro de notification",
                "nextDestination.notificationNumber");
    }

    public static boolean isForeign(FormCompany c) {
        return c != null && blank(c.siret) && (!blank(c.vatNumber) || !blank(c.extraEuropeanId))
                && (c.vatNumber == null || !c.vatNumber.toUpperCase().startsWith("FR"));
    }

    private static void receipted(Problems p, FormCompany c, String receipt, String department, Instant validity,
                                  String label, String field) {
        required(p, c.name, label + " : la raison sociale est obligatoire (" + field + ".company.name).");
        required(p, c.address, label + " : l'adresse est obligatoire (" + field + ".company.address).");
        required(p, c.contact, label + " : la personne à contacter est obligatoire (" + field + ".company.contact).");
        required(p, c.phone, label + " : le téléphone est obligatoire (" + field + ".company.phone).");
        required(p, c.mail, label + " : l'e-mail est obligatoire (" + field + ".company.mail).");
        p.require(!blank(receipt) && !blank(department) && validity != null, label + " : le récépissé (numéro, "
                + "département, date de validité) est obligatoire ; renseignez-le dans le profil de l'établissement ("
                + field + ".receipt).");
    }

    private static void company(Problems p, FormCompany c, String label, String field) {
        if (c == null) {
            return;
        }
        p.require(blank(c.siret) || (SIRET.matcher(c.siret).matches() && luhn(c.siret)), label + " : le SIRET « "
                + c.siret + " » n'est pas valide, il compte 14 chiffres (" + field + ".siret).");
        p.require(blank(c.mail) || EMAIL.matcher(c.mail).matches(), label + " : l'e-mail « " + c.mail
                + " » n'est pas valide (" + field + ".mail).");
        maxLength(p, c.name, 250, label + " : la raison sociale", field + ".name");
        maxLength(p, c.address, 250, label + " : l'adresse", field + ".address");
        maxLength(p, c.contact, 250, label + " : la personne à contacter", field + ".contact");
        maxLength(p, c.phone, 20, label + " : le téléphone", field + ".phone");
    }

    private static void packagings(Problems p, List<PackagingInfo> packagings, String field) {
        if (packagings == null) {
            return;
        }
        Set<Packagings> types = new HashSet<>();
        for (int i = 0; i < packagings.size(); i++) {
            PackagingInfo info = packagings.get(i);
            String item = field + "[" + i + "]";
            types.add(info.type);
            p.require(info.type != Packagings.PIPELINE, "Conditionnement : le type PIPELINE n'existe plus ; indiquez "
                    + "isDirectSupply à true (" + item + ".type).");
            p.require(info.type != Packagings.AUTRE || !blank(info.other), "Conditionnement : précisez le "
                    + "conditionnement « autre » (" + item + ".other).");
            p.require(info.quantity >= 1, "Conditionnement : le nombre de colis doit être d'au moins 1 (" + item + ".quantity).");
            BsddReferenceData.packaging(info.type.name()).map(ReferenceData.PackagingType::maxQuantity).ifPresent(max ->
                    p.require(info.quantity <= max, "Conditionnement : au plus " + max + " " + info.type
                            + " par bordereau (" + item + ".quantity)."));
            p.require(info.volume == null || info.volume > 0, "Conditionnement : le volume doit être supérieur à 0 ("
                    + item + ".volume).");
        }
        boolean exclusive = types.stream().anyMatch(t -> BsddReferenceData.packaging(t.name())
                .map(ReferenceData.PackagingType::exclusive).orElse(false));
        p.require(!exclusive || types.size() == 1, "Conditionnement : une citerne ou une benne ne peut pas être "
                + "combinée avec un autre conditionnement (" + field + ").");
    }

    /** The format of a transporter's number plates. */
    public static Problems numberPlate(String plates, String field) {
        Problems p = new Problems();
        plate(p, plates, field);
        return p;
    }

    private static void plate(Problems p, String plates, String field) {
        if (plates == null) {
            return;
        }
        String[] parts = plates.split(",");
        p.require(parts.length <= 2, "Transporteur : au plus 2 plaques d'immatriculation, séparées par une virgule ("
                + field + ").");
        for (String part : parts) {
            p.require(PLATE.matcher(part.trim()).matches(), "Transporteur : chaque plaque d'immatriculation compte de 4 "
                    + "à 12 caractères (" + field + ").");
        }
    }

    private static void required(Problems p, String value, String message) {
        p.require(!blank(value), message);
    }

    private static void maxLength(Problems p, String value, int max, String label, String field) {
        p.require(value == null || value.length() <= max, label + " ne peut pas dépasser " + max + " caractères ("
                + field + ").");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** SIRET check digit (Luhn), with La Poste's exception (SIREN 356000000: digit sum multiple of 5). */
    static boolean luhn(String siret) {
        if (siret.startsWith("356000000")) {
            return siret.chars().map(ch -> ch - '0').sum() % 5 == 0;
        }
        int sum = 0;
        for (int i = 0; i < siret.length(); i++) {
            int digit = siret.charAt(siret.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
