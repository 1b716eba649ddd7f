package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BsddEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSDD appears in, and with which fields (spec bsdd.md §7.1), computed from the full form state
 * carried by {@code bsdd.upserted} events (the GraphQL {@code Form} shape, schema {@code bsdd-state.v1.json}).
 *
 * <p>A form whose state carries a {@code temporaryStorageDetail} gives two documents, as the reference registers do:
 * the initial form (emitter → temporary storer) and its suite {@code <readableId>-suite} (temporary storer → final
 * destination).
 */
@ApplicationScoped
public class BsddLines implements RegisterMapper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final BsdEvents EVENTS = new BsdEvents(BsddEvents.AGGREGATE_TYPE, BsddEvents.UPSERTED, BsddEvents.DELETED);

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode state) {
        return of(bsdId, state);
    }

    /** The lines of one form state; none for a draft or a deleted form. */
    public static List<RegisterLine> of(String bsdId, JsonNode form) {
        if (form == null || !form.isObject()) {
            throw new UnmappableStateException("the BSDD state is not a JSON object");
        }
        String readableId = text(form, "readableId");
        if (readableId == null) {
            throw new UnmappableStateException("the BSDD state has no readableId");
        }
        if (form.path("isDeleted").asBoolean(false) || "DRAFT".equals(text(form, "status"))) {
            return List.of();
        }
        JsonNode storage = form.path("temporaryStorageDetail");
        List<Document> documents = new ArrayList<>();
        if (storage.isObject()) {
            documents.add(beforeStorage(form, readableId, storage));
            documents.add(suite(form, readableId, storage));
        } else {
            documents.add(direct(form, readableId));
        }
        List<RegisterLine> lines = new ArrayList<>();
        for (Document document : documents) {
            document.addLines(bsdId, lines);
        }
        return lines;
    }

    private static Document direct(JsonNode form, String readableId) {
        boolean tempStorage = form.path("recipient").path("isTempStorage").asBoolean(false);
        Document doc = new Document(readableId, tempStorage ? "TEMP_STORED" : subType(form));
        common(doc, form, form.path("wasteDetails"));
        emitter(doc, form.path("emitter"));
        transporters(doc, transportersOf(form), instant(form, "takenOverAt"), instant(form, "sentAt"));
        destination(doc, form.path("recipient"));
        reception(doc, form);
        operation(doc, form);
        doc.sentAt = instant(form, "sentAt");
        doc.receivedAt = instant(form, "receivedAt");
        return doc;
    }

    /** The initial form of a temporary storage: its destination is the temporary storer. */
    private static Document beforeStorage(JsonNode form, String readableId, JsonNode storage) {
        Document doc = new Document(readableId, "TEMP_STORED");
        common(doc, form, form.path("wasteDetails"));
        emitter(doc, form.path("emitter"));
        transporters(doc, transportersOf(form), instant(form, "takenOverAt"), instant(form, "sentAt"));
        destination(doc, form.path("recipient"));
        JsonNode storer = storage.path("temporaryStorer");
        reception(doc, storer);
        JsonNode finalDestination = storage.path("destination").path("company");
        if (finalDestination.isObject()) {
            put(doc.data, "postTempStorageDestinationName", text(finalDestination, "name"));
            put(doc.data, "postTempStorageDestinationSiret", orgId(finalDestination));
            address(doc.data, "postTempStorageDestination", finalDestination);
        }
        doc.sentAt = instant(form, "sentAt");
        doc.receivedAt = instant(storer, "receivedAt");
        return doc;
    }

    /** The suite of a temporary storage: from the temporary storer to the final destination. */
    private static Document suite(JsonNode form, String readableId, JsonNode storage) {
        Document doc = new Document(readableId + "-suite", "TEMP_STORED");
        JsonNode waste = storage.path("wasteDetails").isObject() ? storage.path("wasteDetails") : form.path("wasteDetails");
        common(doc, form, waste);
        doc.roles.remove(Role.ECO_ORGANISME);
        doc.roles.remove(Role.TRADER);
        doc.roles.remove(Role.BROKER);
        doc.roles.remove(Role.INTERMEDIARY);
        JsonNode initialEmitter = form.path("emitter").path("company");
        put(doc.data, "initialEmitterCompanyName", text(initialEmitter, "name"));
        put(doc.data, "initialEmitterCompanySiret", orgId(initialEmitter));
        address(doc.data, "initialEmitterCompany", initialEmitter);
        JsonNode storer = form.path("recipient").path("company");
        company(doc.data, "emitterCompany", storer);
        doc.roles.put(Role.EMITTER, listOf(orgId(storer)));
        List<JsonNode> suiteTransporters = new ArrayList<>();
        if (storage.path("transporter").isObject()) {
            suiteTransporters.add(storage.path("transporter"));
        }
        Instant suiteTakenOver = instant(storage, "takenOverAt");
        transporters(doc, suiteTransporters, suiteTakenOver, suiteTakenOver);
        destination(doc, storage.path("destination"));
        reception(doc, form);
        operation(doc, form);
        doc.sentAt = suiteTakenOver;
        doc.receivedAt = instant(form, "receivedAt");
        return doc;
    }

    private static String subType(JsonNode form) {
        return switch (String.valueOf(text(form.path("emitter"), "type"))) {
            case "APPENDIX1" -> "TOURNEE";
            case "APPENDIX1_PRODUCER" -> "APPENDIX1";
            case "APPENDIX2" -> "APPENDIX2";
            default -> "INITIAL";
        };
    }

    private static void common(Document doc, JsonNode form, JsonNode waste) {
        ObjectNode data = doc.data;
        put(data, "customId", text(form, "customId"));
        put(data, "status", text(form, "status"));
        put(data, "createdAt", text(form, "createdAt"));
        put(data, "updatedAt", text(form, "updatedAt"));
        String code = text(waste, "code");
        put(data, "wasteDescription", text(waste, "name"));
        put(data, "wasteCode", code);
        Boolean dangerous = bool(waste, "isDangerous");
        put(data, "wasteIsDangerous", dangerous != null ? dangerous : code != null ? code.contains("*") : null);
        put(data, "pop", bool(waste, "pop"));
        put(data, "wasteAdr", text(waste, "onuCode"));
        put(data, "nonRoadRegulationMention", text(waste, "nonRoadRegulationMention"));
        put(data, "weight", number(waste, "quantity"));
        parcels(data, waste.path("parcelNumbers"));

        doc.roles.put(Role.ECO_ORGANISME, listOf(ecoOrganisme(data, form.path("ecoOrganisme"))));
        for (String role : List.of("trader", "broker")) {
            JsonNode party = form.path(role);
            JsonNode company = party.path("company");
            party(data, role, company, text(party, "receipt"));
            doc.roles.put(role.equals("trader") ? Role.TRADER : Role.BROKER, listOf(orgId(company)));
        }
        doc.roles.put(Role.INTERMEDIARY, intermediaries(data, form.path("intermediaries")));
    }

    private static void emitter(Document doc, JsonNode emitter) {
        JsonNode company = emitter.path("company");
        company(doc.data, "emitterCompany", company);
        doc.roles.put(Role.EMITTER, listOf(orgId(company)));
        JsonNode site = emitter.path("workSite");
        if (site.isObject()) {
            put(doc.data, "emitterPickupsiteName", text(site, "name"));
            put(doc.data, "emitterPickupsiteAddress", text(site, "address"));
            put(doc.data, "emitterPickupsitePostalCode", text(site, "postalCode"));
            put(doc.data, "emitterPickupsiteCity", text(site, "city"));
            put(doc.data, "emitterPickupsiteCountry", "FR");
        } else {
            put(doc.data, "emitterPickupsiteAddress", text(emitter, "pickupSite"));
        }
    }

    private static void transporters(Document doc, List<JsonNode> transporters, Instant formTakenOverAt, Instant sentAt) {
        ObjectNode data = doc.data;
        for (int i = 0; i < Math.min(transporters.size(), MAX_TRANSPORTERS); i++) {
            JsonNode transporter = transporters.get(i);
            String plates = text(transporter, "numberPlate");
            transporter(data, i, transporter.path("company"), text(transporter, "receipt"), bool(transporter, "isExemptedOfReceipt"),
                    text(transporter, "mode"), plates == null ? null
                            : Arrays.stream(plates.split(",")).filter(plate -> !plate.isBlank()).map(String::trim).toList());
            Instant takenOverAt = instant(transporter, "takenOverAt");
            put(data, transporterPrefix(i) + "HandedOverSignatureDate", takenOverAt);
            if (takenOverAt != null) {
                doc.signedTransporters.add(orgId(transporter.path("company")));
            }
        }
        Instant first = transporters.isEmpty() ? null : instant(transporters.get(0), "takenOverAt");
        Instant takenOverAt = first != null ? first : formTakenOverAt != null ? formTakenOverAt : sentAt;
        put(data, "transporterTakenOverAt", takenOverAt);
        doc.takenOverAt = takenOverAt;
    }

    private static void destination(Document doc, JsonNode recipient) {
        JsonNode company = recipient.path("company");
        company(doc.data, "destinationCompany", company);
        doc.roles.put(Role.RECIPIENT, listOf(orgId(company)));
        put(doc.data, "destinationCap", text(recipient, "cap"));
        put(doc.data, "destinationPlannedOperationCode", text(recipient, "processingOperation"));
    }

    /** Reception data, from the form itself or from the temporary storer's frame (same field names). */
    private static void reception(Document doc, JsonNode source) {
        ObjectNode data = doc.data;
        put(data, "destinationReceptionDate", text(source, "receivedAt"));
        put(data, "destinationReceptionWeight", number(source, "quantityReceived"));
        put(data, "destinationReceptionAcceptedWeight", number(source, "quantityAccepted"));
        put(data, "destinationReceptionRefusedWeight", number(source, "quantityRefused"));
        put(data, "destinationReceptionAcceptationStatus", text(source, "wasteAcceptationStatus"));
    }

    private static void operation(Document doc, JsonNode form) {
        ObjectNode data = doc.data;
        put(data, "destinationHasCiterneBeenWashedOut", bool(form, "hasCiterneBeenWashedOut"));
        put(data, "destinationOperationCode", text(form, "processingOperationDone"));
        put(data, "destinationOperationMode", text(form, "destinationOperationMode"));
        put(data, "destinationOperationNoTraceability", bool(form, "noTraceability"));
        put(data, "destinationOperationDate", text(form, "processedAt"));
        put(data, "nextDestinationNotificationNumber", text(form.path("nextDestination"), "notificationNumber"));
        put(data, "nextDestinationProcessingOperation", text(form.path("nextDestination"), "processingOperation"));
    }

    private static void parcels(ObjectNode data, JsonNode parcels) {
        if (!parcels.isArray() || parcels.isEmpty()) {
            return;
        }
        ArrayNode cities = data.putArray("parcelCities");
        ArrayNode postalCodes = data.putArray("parcelPostalCodes");
        ArrayNode inseeCodes = data.putArray("parcelInseeCodes");
        ArrayNode numbers = data.putArray("parcelNumbers");
        ArrayNode coordinates = data.putArray("parcelCoordinates");
        for (JsonNode parcel : parcels) {
            addIfPresent(cities, text(parcel, "city"));
            addIfPresent(postalCodes, text(parcel, "postalCode"));
            addIfPresent(inseeCodes, text(parcel, "inseeCode"));
            String number = text(parcel, "number");
            numbers.add(number == null ? null
                    : String.join("-", List.of(String.valueOf(text(parcel, "prefix")), String.valueOf(text(parcel, "section")), number)));
            coordinates.add(parcel.hasNonNull("x") && parcel.hasNonNull("y")
                    ? parcel.get("x").asText() + " " + parcel.get("y").asText() : null);
        }
    }

    private enum Role {
        EMITTER, ECO_ORGANISME, RECIPIENT, TRADER, BROKER, INTERMEDIARY
    }

    /** One document (a form, or its suite) and the organisations it involves. */
    private static final class Document {
        final String id;
        final ObjectNode data = JSON.objectNode();
        final Map<Role, List<String>> roles = new EnumMap<>(Role.class);
        final Set<String> signedTransporters = new LinkedHashSet<>();
        Instant sentAt;
        Instant receivedAt;
        Instant takenOverAt;

        Document(String id, String subType) {
            this.id = id;
            data.put("id", id);
            data.put("bsdType", "BSDD");
            data.put("bsdSubType", subType);
        }

        void addLines(String bsdId, List<RegisterLine> out) {
            Instant createdAt = instant(data, "createdAt");
            Instant shipped = takenOverAt != null ? takenOverAt : sentAt != null ? sentAt : createdAt;
            if (shipped == null) {
                shipped = Instant.EPOCH;
            }
            if (receivedAt != null) {
                add(out, bsdId, RegisterType.INCOMING, receivedAt, orgs(Role.RECIPIENT));
            }
            if (sentAt != null) {
                add(out, bsdId, RegisterType.OUTGOING, shipped, orgs(Role.EMITTER, Role.ECO_ORGANISME));
                add(out, bsdId, RegisterType.MANAGED, shipped, orgs(Role.TRADER, Role.BROKER, Role.INTERMEDIARY));
            }
            add(out, bsdId, RegisterType.TRANSPORTED, shipped, signedTransporters);
            Set<String> all = new LinkedHashSet<>(signedTransporters);
            if (sentAt != null) {
                all.addAll(orgs(Role.RECIPIENT, Role.EMITTER, Role.ECO_ORGANISME, Role.TRADER, Role.BROKER, Role.INTERMEDIARY));
            }
            add(out, bsdId, RegisterType.ALL, shipped, all);
        }

        private Set<String> orgs(Role... wanted) {
            Set<String> orgs = new LinkedHashSet<>();
            for (Role role : wanted) {
                orgs.addAll(roles.getOrDefault(role, List.of()));
            }
            return orgs;
        }

        private void add(List<RegisterLine> out, String bsdId, RegisterType register, Instant sortAt, Set<String> orgs) {
            LineData.addLines(out, id, bsdId, data, register, sortAt, orgs);
        }
    }
}
