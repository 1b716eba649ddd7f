package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BsffEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSFF appears in, and with which fields, computed from the full state carried by
 * {@code bsff.upserted} events (the GraphQL {@code Bsff} shape, its containers included). A BSFF is one document,
 * its id: a container is counted once, on the BSFF that carries it, and the reception columns sum or combine its
 * containers' own acceptations and operations (reference registry.ts and compat.ts).
 *
 * <p>A BSFF enters the outgoing register of its emitter and of the holders of its intervention sheets, and the
 * exhaustive registers, once the emitter and the first transporter have both signed, dated by the first taking over;
 * a transporter is in its transported register once it signed its own transport; the destination's incoming register
 * receives it once the reception is signed, dated by the reception. A BSFF has no trader nor broker: no managed
 * register.
 */
@ApplicationScoped
public class BsffLines implements RegisterMapper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BsdEvents EVENTS = new BsdEvents(BsffEvents.AGGREGATE_TYPE, BsffEvents.UPSERTED,
            BsffEvents.DELETED);

    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode bsff) {
        String id = registeredId(bsff, "BSFF").orElse(null);
        if (id == null) {
            return List.of();
        }
        List<JsonNode> transporters = transportersOf(bsff);
        ObjectNode data = data(bsff, id, transporters);
        JsonNode destination = bsff.path("destination");
        Instant emitted = signatureDate(bsff.path("emitter").path("emission"));
        JsonNode firstTransport = transporters.isEmpty() ? JSON.objectNode() : transporters.get(0).path("transport");
        Instant firstTransportSigned = signatureDate(firstTransport);
        List<RegisterLine> lines = new ArrayList<>();
        Set<String> signedTransporters = new LinkedHashSet<>();
        for (JsonNode transporter : transporters) {
            if (signatureDate(transporter.path("transport")) != null) {
                signedTransporters.addAll(listOf(orgId(transporter.path("company"))));
            }
        }
        if (emitted != null && firstTransportSigned != null) {
            Instant takenOverAt = instant(firstTransport, "takenOverAt");
            Instant shipped = takenOverAt != null ? takenOverAt : firstTransportSigned;
            Set<String> outgoing = new LinkedHashSet<>(listOf(orgId(bsff.path("emitter").path("company"))));
            bsff.path("ficheInterventions").forEach(f -> outgoing.addAll(listOf(orgId(f.path("detenteur")
                    .path("company")))));
            Set<String> all = new LinkedHashSet<>(listOf(orgId(destination.path("company"))));
            all.addAll(outgoing);
            all.addAll(signedTransporters);
            addLines(lines, id, bsdId, data, RegisterType.OUTGOING, shipped, outgoing);
            addLines(lines, id, bsdId, data, RegisterType.TRANSPORTED, shipped, signedTransporters);
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
    private static ObjectNode data(JsonNode bsff, String id, List<JsonNode> transporters) {
        ObjectNode data = JSON.objectNode();
        data.put("id", id);
        data.put("bsdType", "BSFF");
        put(data, "bsdSubType", subType(text(bsff, "type")));
        put(data, "status", text(bsff, "status"));
        put(data, "createdAt", instant(bsff, "createdAt"));
        put(data, "updatedAt", instant(bsff, "updatedAt"));
        JsonNode waste = bsff.path("waste");
        String wasteCode = text(waste, "code");
        String wasteDescription = text(waste, "description");
        JsonNode packagings = bsff.path("packagings");
        if (packagings.size() == 1 && signatureDate(packagings.get(0).path("acceptation")) != null) {
            JsonNode acceptation = packagings.get(0).path("acceptation");
            wasteCode = text(acceptation, "wasteCode") != null ? text(acceptation, "wasteCode") : wasteCode;
            wasteDescription = text(acceptation, "wasteDescription") != null ? text(acceptation, "wasteDescription")
                    : wasteDescription;
        }
        put(data, "wasteCode", wasteCode);
        put(data, "wasteDescription", wasteDescription);
        put(data, "wasteAdr", text(waste, "adr"));
        data.put("wasteIsDangerous", true);
        data.put("pop", false);
        put(data, "weight", tonnes(number(bsff.path("weight"), "value")));

        JsonNode emitter = bsff.path("emitter");
        company(data, "emitterCompany", emitter.path("company"));
        for (int i = 0; i < Math.min(transporters.size(), MAX_TRANSPORTERS); i++) {
            JsonNode transporter = transporters.get(i);
            JsonNode recepisse = transporter.path("recepisse");
            JsonNode transport = transporter.path("transport");
            transporter(data, i, transporter.path("company"), text(recepisse, "number"), bool(recepisse, "isExempted"),
                    text(transport, "mode"), plates(transport));
        }
        if (!transporters.isEmpty()) {
            put(data, "transporterTakenOverAt", instant(transporters.get(0).path("transport"), "takenOverAt"));
        }

        JsonNode destination = bsff.path("destination");
        company(data, "destinationCompany", destination.path("company"));
        put(data, "destinationPlannedOperationCode", text(destination, "plannedOperationCode"));
        put(data, "destinationReceptionDate", instant(destination.path("reception"), "date"));
        containers(data, packagings);
        data.put("destinationOperationNoTraceability", false);
        List<JsonNode> finals = new ArrayList<>();
        packagings.forEach(p -> p.path("finalOperations").forEach(finals::add));
        finalOperations(data, finals, true);
        return data;
    }

    /**
     * The reception and operation columns from the containers: the accepted weights summed (in tonnes), the
     * acceptation combined (accepted, refused, or partially refused when both), the distinct operation codes and
     * modes of the signed operations, the latest operation date.
     */
    private static void containers(ObjectNode data, JsonNode packagings) {
        double weight = 0;
        boolean anyAnswered = false;
        boolean anyAccepted = false;
        boolean anyRefused = false;
        Set<String> codes = new LinkedHashSet<>();
        Set<String> modes = new LinkedHashSet<>();
        Instant lastOperation = null;
        for (JsonNode p : packagings) {
            JsonNode acceptation = p.path("acceptation");
            if (signatureDate(acceptation) != null) {
                anyAnswered = true;
                Double accepted = number(acceptation, "weight");
                weight += accepted == null ? 0 : accepted;
                anyAccepted |= "ACCEPTED".equals(text(acceptation, "status"));
                anyRefused |= "REFUSED".equals(text(acceptation, "status"));
            }
            JsonNode operation = p.path("operation");
            if (signatureDate(operation) != null && text(operation, "code") != null) {
                codes.add(text(operation, "code"));
                if (text(operation, "mode") != null) {
                    modes.add(text(operation, "mode"));
                }
                Instant date = instant(operation, "date");
                if (date != null && (lastOperation == null || date.isAfter(lastOperation))) {
                    lastOperation = date;
                }
            }
        }
        if (anyAnswered) {
            put(data, "destinationReceptionWeight", tonnes(weight));
            put(data, "destinationReceptionAcceptationStatus", anyAccepted && anyRefused ? "PARTIALLY_REFUSED"
                    : anyAccepted ? "ACCEPTED" : anyRefused ? "REFUSED" : null);
        }
        if (!codes.isEmpty()) {
            put(data, "destinationOperationCode", String.join(" ", codes));
            put(data, "destinationOperationMode", modes.isEmpty() ? null : String.join(" ", modes));
            put(data, "destinationOperationDate", lastOperation);
        }
    }

    /** The registers' sub-type of a BSFF type. */
    private static String subType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "GROUPEMENT" -> "GROUPEMENT";
            case "RECONDITIONNEMENT" -> "RECONDITIONNEMENT";
            case "REEXPEDITION" -> "RESHIPMENT";
            default -> "INITIAL";
        };
    }

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    private static Instant signatureDate(JsonNode step) {
        return instant(step.path("signature"), "date");
    }
}
