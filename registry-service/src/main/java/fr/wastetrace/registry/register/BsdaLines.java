package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BsdaEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSDA appears in, and with which fields, computed from the full state carried by
 * {@code bsda.upserted} events (the GraphQL {@code Bsda} shape: weights in tonnes). A BSDA is one document, its id.
 *
 * <p>As in the reference (bsda/registry.ts): once the first transporter signed, the BSDA is in the outgoing register
 * of the emitter, the eco-organisme and the worker, in the managed register of the broker and the intermediaries, and
 * in the exhaustive register of all of them and the destination; each transporter that signed its own transport adds
 * it to its transported and exhaustive registers; the destination's incoming register holds it once the operation is
 * signed. A BSDA that no transporter takes (collection by a 2710-1 centre) is in the incoming register only.
 */
@ApplicationScoped
public class BsdaLines implements RegisterMapper {
    private static final BsdEvents EVENTS = new BsdEvents(BsdaEvents.AGGREGATE_TYPE, BsdaEvents.UPSERTED,
            BsdaEvents.DELETED);

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    /** The lines of one BSDA state; none for a draft or a deleted BSDA. */
    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode bsda) {
        String id = registeredId(bsda, "BSDA").orElse(null);
        if (id == null) {
            return List.of();
        }
        List<JsonNode> transporters = transportersOf(bsda);
        ObjectNode data = data(bsda, id, transporters);
        String destination = orgId(bsda.path("destination").path("company"));
        Map<RegisterType, Set<String>> orgs = new EnumMap<>(RegisterType.class);
        for (RegisterType type : RegisterType.values()) {
            orgs.put(type, new LinkedHashSet<>());
        }
        JsonNode firstTransport = transporters.isEmpty() ? null : transporters.get(0).path("transport");
        Instant firstSigned = firstTransport == null ? null : signedAt(firstTransport);
        if (firstSigned != null) {
            orgs.get(RegisterType.OUTGOING).addAll(listOf(orgId(bsda.path("emitter").path("company"))));
            orgs.get(RegisterType.OUTGOING).addAll(listOf(text(bsda.path("ecoOrganisme"), "siret")));
            orgs.get(RegisterType.OUTGOING).addAll(listOf(orgId(bsda.path("worker").path("company"))));
            orgs.get(RegisterType.MANAGED).addAll(listOf(orgId(bsda.path("broker").path("company"))));
            bsda.path("intermediaries").forEach(i -> orgs.get(RegisterType.MANAGED).addAll(listOf(orgId(i))));
            orgs.get(RegisterType.ALL).addAll(listOf(destination));
            orgs.get(RegisterType.ALL).addAll(orgs.get(RegisterType.OUTGOING));
            orgs.get(RegisterType.ALL).addAll(orgs.get(RegisterType.MANAGED));
        }
        for (JsonNode transporter : transporters) {
            if (signedAt(transporter.path("transport")) != null) {
                orgs.get(RegisterType.TRANSPORTED).addAll(listOf(orgId(transporter.path("company"))));
                orgs.get(RegisterType.ALL).addAll(listOf(orgId(transporter.path("company"))));
            }
        }
        JsonNode reception = bsda.path("destination").path("reception");
        Instant operationSigned = signedAt(bsda.path("destination").path("operation"));
        if (operationSigned != null) {
            orgs.get(RegisterType.INCOMING).addAll(listOf(destination));
        }
        Instant takenOverAt = firstTransport == null ? null : instant(firstTransport, "takenOverAt");
        Instant shipped = takenOverAt != null ? takenOverAt : firstSigned;
        Instant receivedAt = instant(reception, "date");
        Instant arrived = receivedAt != null ? receivedAt : operationSigned;
        List<RegisterLine> lines = new ArrayList<>();
        for (Map.Entry<RegisterType, Set<String>> entry : orgs.entrySet()) {
            Instant sortAt = entry.getKey() == RegisterType.INCOMING ? arrived : shipped != null ? shipped : arrived;
            addLines(lines, id, bsdId, data, entry.getKey(), sortAt, entry.getValue());
        }
        return lines;
    }

    /** The line's fields: the same for every register (each register's type shows its subset). */
    private static ObjectNode data(JsonNode bsda, String id, List<JsonNode> transporters) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", id);
        data.put("bsdType", "BSDA");
        data.put("bsdSubType", subType(text(bsda, "type")));
        put(data, "status", text(bsda, "status"));
        put(data, "createdAt", instant(bsda, "createdAt"));
        put(data, "updatedAt", instant(bsda, "updatedAt"));
        JsonNode waste = bsda.path("waste");
        put(data, "wasteCode", text(waste, "code"));
        put(data, "wasteDescription", text(waste, "materialName"));
        data.put("wasteIsDangerous", true);
        data.put("pop", false);
        put(data, "wasteAdr", adrMention(waste));
        put(data, "nonRoadRegulationMention", text(waste, "nonRoadRegulationMention"));
        put(data, "weight", number(bsda.path("weight"), "value"));

        JsonNode emitter = bsda.path("emitter");
        company(data, "emitterCompany", emitter.path("company"));
        pickupSite(data, emitter.path("pickupSite"));
        company(data, "workerCompany", bsda.path("worker").path("company"));
        ecoOrganisme(data, bsda.path("ecoOrganisme"));
        JsonNode broker = bsda.path("broker");
        party(data, "broker", broker.path("company"), text(broker.path("recepisse"), "number"));
        intermediaries(data, bsda.path("intermediaries"));
        JsonNode initial = bsda.path("forwarding").path("emitter").path("company");
        if (initial.isObject()) {
            company(data, "initialEmitterCompany", initial);
        }
        postTempStorageDestination(data, bsda);

        for (int i = 0; i < Math.min(transporters.size(), MAX_TRANSPORTERS); i++) {
            JsonNode t = transporters.get(i);
            JsonNode transport = t.path("transport");
            transporter(data, i, t.path("company"), text(t.path("recepisse"), "number"),
                    bool(t.path("recepisse"), "isExempted"), text(transport, "mode"), plates(transport));
        }
        if (!transporters.isEmpty()) {
            put(data, "transporterTakenOverAt", instant(transporters.get(0).path("transport"), "takenOverAt"));
        }

        JsonNode destination = bsda.path("destination");
        JsonNode reception = destination.path("reception");
        JsonNode operation = destination.path("operation");
        company(data, "destinationCompany", destination.path("company"));
        put(data, "destinationCap", text(destination, "cap"));
        put(data, "destinationPlannedOperationCode", text(destination, "plannedOperationCode"));
        put(data, "destinationReceptionDate", instant(reception, "date"));
        put(data, "destinationReceptionWeight", number(reception, "weight"));
        put(data, "destinationReceptionAcceptationStatus", text(reception, "acceptationStatus"));
        Double refused = number(reception, "refusedWeight");
        Double received = number(reception, "weight");
        put(data, "destinationReceptionRefusedWeight", refused);
        put(data, "destinationReceptionAcceptedWeight", received == null ? null
                : refused == null ? received : Math.max(0, received - refused));
        put(data, "destinationOperationCode", text(operation, "code"));
        put(data, "destinationOperationMode", text(operation, "mode"));
        put(data, "destinationOperationDate", instant(operation, "date"));
        put(data, "nextDestinationProcessingOperation", text(operation.path("nextDestination"),
                "plannedOperationCode"));
        data.put("destinationOperationNoTraceability", false);
        List<JsonNode> finals = new ArrayList<>();
        bsda.path("finalOperations").forEach(finals::add);
        finalOperations(data, finals, false);
        return data;
    }

    /**
     * A BSDA forwarded by a RESHIPMENT BSDA (temporary storage, then reshipment) shows the reshipment's destination
     * (reference getPostTempStorageDestination: outgoing and exhaustive registers, the types that have these columns):
     * its name, SIRET and address, and always the country FR (a BSDA's destination is French), even while the
     * reshipment has no destination yet. Nothing when the BSDA is not forwarded.
     */
    private static void postTempStorageDestination(ObjectNode data, JsonNode bsda) {
        if (text(bsda, "forwardedInId") == null) {
            return;
        }
        JsonNode destination = bsda.path("forwardedInDestinationCompany");
        put(data, "postTempStorageDestinationName", text(destination, "name"));
        put(data, "postTempStorageDestinationSiret", orgId(destination));
        address(data, "postTempStorageDestination", destination);
        data.put("postTempStorageDestinationCountry", "FR");
    }

    /** The reference's sub-type of a BSDA: a work-site collection is INITIAL, the other circuits are named. */
    static String subType(String type) {
        return type == null || "OTHER_COLLECTIONS".equals(type) ? "INITIAL" : type;
    }

    /** The ADR mention, or that the waste is not subject to the ADR. */
    private static String adrMention(JsonNode waste) {
        Boolean subject = bool(waste, "isSubjectToADR");
        if (Boolean.FALSE.equals(subject)) {
            return "Déclaré non soumis à l'ADR";
        }
        return text(waste, "adr");
    }

    private static Instant signedAt(JsonNode step) {
        return instant(step.path("signature"), "date");
    }
}
