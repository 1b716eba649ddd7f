package fr.wastetrace.registry.register;

import fr.wastetrace.registry.graphql.AllWaste;
import fr.wastetrace.registry.graphql.IncomingWaste;
import fr.wastetrace.registry.graphql.ManagedWaste;
import fr.wastetrace.registry.graphql.OutgoingWaste;
import fr.wastetrace.registry.graphql.TransportedWaste;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of each register's files: the fields of the register's GraphQL type, in the order of {@link #LABELS},
 * each with its French label.
 */
public final class Columns {
    /** Every line field in file order, with its French label. */
    public static final Map<String, String> LABELS = labels();

    private Columns() {
    }

    /** The register's GraphQL node type. */
    public static Class<?> nodeType(RegisterType register) {
        return switch (register) {
            case INCOMING -> IncomingWaste.class;
            case OUTGOING -> OutgoingWaste.class;
            case TRANSPORTED -> TransportedWaste.class;
            case MANAGED -> ManagedWaste.class;
            case ALL -> AllWaste.class;
        };
    }

    /** The fields a register's files show, in file order. */
    public static List<String> of(RegisterType register) {
        Set<String> fields = Arrays.stream(nodeType(register).getFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toSet());
        List<String> ordered = new ArrayList<>();
        for (String field : LABELS.keySet()) {
            if (fields.contains(field)) {
                ordered.add(field);
            }
        }
        return ordered;
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("id", "N° de bordereau");
        l.put("bsdType", "Type de bordereau");
        l.put("bsdSubType", "Sous-type de bordereau");
        l.put("customId", "Identifiant secondaire");
        l.put("status", "Statut du bordereau");
        l.put("createdAt", "Date de création");
        l.put("updatedAt", "Date de dernière modification");
        l.put("transporterTakenOverAt", "Date d'expédition");
        l.put("destinationReceptionDate", "Date de réception");
        l.put("destinationOperationDate", "Date de réalisation de l'opération");
        l.put("wasteDescription", "Dénomination usuelle du déchet");
        l.put("wasteCode", "Code du déchet");
        l.put("wasteIsDangerous", "Déchet dangereux");
        l.put("pop", "Présence de polluants organiques persistants (POP)");
        l.put("wasteAdr", "Mention ADR");
        l.put("nonRoadRegulationMention", "Mention RID, ADN ou IMDG");
        l.put("weight", "Quantité de déchet (t)");
        l.put("containsElectricOrHybridVehicles", "Contient des véhicules électriques ou hybrides");
        l.put("parcelCities", "Parcelles : communes");
        l.put("parcelPostalCodes", "Parcelles : codes postaux");
        l.put("parcelInseeCodes", "Parcelles : codes INSEE");
        l.put("parcelNumbers", "Parcelles : numéros");
        l.put("parcelCoordinates", "Parcelles : coordonnées");
        company(l, "initialEmitterCompany", "Producteur initial", false, false);
        company(l, "emitterCompany", "Expéditeur", true, true);
        l.put("emitterCompanyIrregularSituation", "Expéditeur : situation irrégulière");
        l.put("emitterPickupsiteName", "Lieu de collecte : nom");
        l.put("emitterPickupsiteAddress", "Lieu de collecte : adresse");
        l.put("emitterPickupsitePostalCode", "Lieu de collecte : code postal");
        l.put("emitterPickupsiteCity", "Lieu de collecte : commune");
        l.put("emitterPickupsiteCountry", "Lieu de collecte : pays");
        company(l, "workerCompany", "Entreprise de travaux", false, false);
        l.put("ecoOrganismeName", "Éco-organisme : raison sociale");
        l.put("ecoOrganismeSiren", "Éco-organisme : SIREN");
        for (String[] party : new String[][]{{"trader", "Négociant"}, {"broker", "Courtier"}}) {
            l.put(party[0] + "CompanyName", party[1] + " : raison sociale");
            l.put(party[0] + "CompanySiret", party[1] + " : SIRET");
            l.put(party[0] + "CompanyMail", party[1] + " : courriel");
            l.put(party[0] + "RecepisseNumber", party[1] + " : n° de récépissé");
        }
        for (int i = 1; i <= 3; i++) {
            l.put("intermediary" + i + "CompanyName", "Intermédiaire n°" + i + " : raison sociale");
            l.put("intermediary" + i + "CompanySiret", "Intermédiaire n°" + i + " : SIRET");
        }
        for (int i = 1; i <= 5; i++) {
            String prefix = i == 1 ? "transporter" : "transporter" + i;
            String who = "Transporteur n°" + i;
            company(l, prefix + "Company", who, true, true);
            l.put(prefix + "RecepisseNumber", who + " : n° de récépissé");
            l.put(prefix + "RecepisseIsExempted", who + " : exemption de récépissé");
            l.put(prefix + "TransportMode", who + " : mode de transport");
            l.put(prefix + "NumberPlates", who + " : immatriculations");
            l.put(prefix + "HandedOverSignatureDate", who + " : date de prise en charge");
        }
        company(l, "destinationCompany", "Destination", true, true);
        l.put("destinationCap", "Destination : CAP");
        l.put("destinationPlannedOperationCode", "Code de l'opération prévue");
        l.put("destinationPlannedOperationMode", "Mode de traitement prévu");
        l.put("destinationReceptionWeight", "Quantité reçue (t)");
        l.put("destinationReceptionAcceptedWeight", "Quantité acceptée (t)");
        l.put("destinationReceptionRefusedWeight", "Quantité refusée (t)");
        l.put("destinationReceptionAcceptationStatus", "Statut d'acceptation du déchet");
        l.put("destinationHasCiterneBeenWashedOut", "Rinçage de la citerne effectué");
        l.put("destinationOperationCode", "Code de l'opération réalisée");
        l.put("destinationOperationMode", "Mode de traitement réalisé");
        l.put("destinationOperationNoTraceability", "Rupture de traçabilité autorisée");
        l.put("destinationFinalOperationCodes", "Codes des opérations finales");
        l.put("destinationFinalOperationWeights", "Quantités traitées en opération finale (t)");
        l.put("destinationFinalOperationCompanySirets", "SIRET des installations de traitement final");
        l.put("postTempStorageDestinationName", "Destination après entreposage : raison sociale");
        l.put("postTempStorageDestinationSiret", "Destination après entreposage : SIRET");
        l.put("postTempStorageDestinationAddress", "Destination après entreposage : adresse");
        l.put("postTempStorageDestinationPostalCode", "Destination après entreposage : code postal");
        l.put("postTempStorageDestinationCity", "Destination après entreposage : commune");
        l.put("postTempStorageDestinationCountry", "Destination après entreposage : pays");
        l.put("nextDestinationNotificationNumber", "Destination ultérieure : n° de notification");
        l.put("nextDestinationProcessingOperation", "Destination ultérieure : code de traitement");
        return Collections.unmodifiableMap(l);
    }

    private static void company(Map<String, String> l, String prefix, String who, boolean givenName, boolean mail) {
        l.put(prefix + "Name", who + " : raison sociale");
        if (givenName) {
            l.put(prefix + "GivenName", who + " : nom usuel");
        }
        l.put(prefix + "Siret", who + " : SIRET ou n° de TVA");
        l.put(prefix + "Address", who + " : adresse");
        l.put(prefix + "PostalCode", who + " : code postal");
        l.put(prefix + "City", who + " : commune");
        l.put(prefix + "Country", who + " : pays");
        if (mail) {
            l.put(prefix + "Mail", who + " : courriel");
        }
    }
}
