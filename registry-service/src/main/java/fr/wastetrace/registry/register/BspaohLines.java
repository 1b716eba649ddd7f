package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BspaohEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSPAOH appears in, and with which fields, computed from the full state carried by
 * {@code bspaoh.upserted} events (the GraphQL {@code Bspaoh} shape). A BSPAOH is one document, its id.
 *
 * <p>As in the reference registers ({@code bspaoh/registry.ts}), a BSPAOH enters the producer's outgoing register,
 * the transporter's transported register and the exhaustive registers of the producer, the transporter and the
 * crematorium once the producer and the transporter have both signed, dated by the taking over; it enters the
 * crematorium's incoming register once the reception is signed (refused or not), dated by the reception. A BSPAOH
 * has no trader, broker nor intermediary: it is in no managed register. Weights are stored in kilograms and written
 * in tonnes; the operation is always an elimination and is also the planned one.
 */
@ApplicationScoped
public class BspaohLines implements RegisterMapper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BsdEvents EVENTS = new BsdEvents(BspaohEvents.AGGREGATE_TYPE, BspaohEvents.UPSERTED,
            BspaohEvents.DELETED);

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    /** The lines of one BSPAOH state; none for a draft or a deleted BSPAOH. */
    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode bspaoh) {
        String id = registeredId(bspaoh, "BSPAOH").orElse(null);
        if (id == null) {
            return List.of();
        }
        JsonNode emitter = bspaoh.path("emitter");
        JsonNode transporter = bspaoh.path("transporter");
        JsonNode destination = bspaoh.path("destination");
        ObjectNode data = data(bspaoh, id);
        List<RegisterLine> lines = new ArrayList<>();
        Instant transportSigned = signatureDate(transporter.path("transport"));
        if (signatureDate(emitter.path("emission")) != null && transportSigned != null) {
            Instant takenOverAt = instant(transporter.path("transport"), "takenOverAt");
            Instant shipped = takenOverAt != null ? takenOverAt : transportSigned;
            List<String> producer = listOf(orgId(emitter.path("company")));
            List<String> carrier = listOf(orgId(transporter.path("company")));
            Set<String> all = new LinkedHashSet<>(listOf(orgId(destination.path("company"))));
            all.addAll(producer);
            all.addAll(carrier);
            addLines(lines, id, bsdId, data, RegisterType.OUTGOING, shipped, producer);
            addLines(lines, id, bsdId, data, RegisterType.TRANSPORTED, shipped, carrier);
            addLines(lines, id, bsdId, data, RegisterType.ALL, shipped, all);
        }
        Instant receptionSigned = signatureDate(destination.path("reception"));
        if (receptionSigned != null) {
            Instant receivedAt = instant(destination.path("reception"), "date");
            addLines(lines, id, bsdId, data, RegisterType.INCOMING, receivedAt != null ? receivedAt : receptionSigned,
                    listOf(orgId(destination.path("company"))));
        }
        return lines;
    }

    /** The line's fields: the same for every register (each register's type shows its subset). */
    private static ObjectNode data(JsonNode bspaoh, String id) {
        ObjectNode data = JSON.objectNode();
        data.put("id", id);
        data.put("bsdType", "BSPAOH");
        data.put("bsdSubType", "INITIAL");
        put(data, "status", text(bspaoh, "status"));
        put(data, "createdAt", instant(bspaoh, "createdAt"));
        put(data, "updatedAt", instant(bspaoh, "updatedAt"));
        JsonNode waste = bspaoh.path("waste");
        String wasteCode = text(waste, "code");
        put(data, "wasteDescription", wasteCode == null ? null
                : "FOETUS".equals(text(waste, "type")) ? "Foetus" : "Pièces anatomiques d'origine humaine");
        put(data, "wasteCode", wasteCode);
        put(data, "wasteAdr", text(waste, "adr"));
        data.put("wasteIsDangerous", true);
        data.put("pop", false);

        JsonNode emitter = bspaoh.path("emitter");
        company(data, "emitterCompany", emitter.path("company"));
        pickupSite(data, emitter.path("pickupSite"));
        put(data, "weight", tonnes(number(emitter.path("emission").path("detail").path("weight"), "value")));

        JsonNode transporter = bspaoh.path("transporter");
        JsonNode transport = transporter.path("transport");
        JsonNode recepisse = transporter.path("recepisse");
        if (transporter.isObject()) {
            transporter(data, 0, transporter.path("company"), text(recepisse, "number"), bool(recepisse, "isExempted"),
                    text(transport, "mode"), plates(transport));
            put(data, "transporterCustomInfo", text(transporter, "customInfo"));
            put(data, "transporterTakenOverAt", instant(transport, "takenOverAt"));
        }

        JsonNode destination = bspaoh.path("destination");
        JsonNode reception = destination.path("reception");
        JsonNode operation = destination.path("operation");
        put(data, "transporterHandedOverSignatureDate",
                signatureDate(destination.path("handedOverToDestination")));
        company(data, "destinationCompany", destination.path("company"));
        put(data, "destinationReceptionDate", instant(reception, "date"));
        put(data, "destinationReceptionWeight",
                tonnes(number(reception.path("detail").path("receivedWeight"), "value")));
        put(data, "destinationReceptionAcceptationStatus", text(reception.path("acceptation"), "status"));
        put(data, "destinationPlannedOperationCode", text(operation, "code"));
        put(data, "destinationOperationCode", text(operation, "code"));
        put(data, "destinationOperationMode", "ELIMINATION");
        put(data, "destinationOperationDate", instant(operation, "date"));
        data.put("destinationOperationNoTraceability", false);
        return data;
    }

    private static Double tonnes(Double kilograms) {
        return kilograms == null ? null : Math.round(kilograms * 1000) / 1_000_000.0;
    }

    private static Instant signatureDate(JsonNode step) {
        return instant(step.path("signature"), "date");
    }
}
