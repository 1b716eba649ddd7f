package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BsvhuEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSVHU appears in, and with which fields, computed from the full state carried by
 * {@code bsvhu.upserted} events (the GraphQL {@code Bsvhu} shape). A BSVHU is one document, its id.
 *
 * <p>As in the reference registers, a BSVHU enters the outgoing (emitter, eco-organisme), managed (trader, broker,
 * intermediaries), transported and exhaustive registers once the emitter and the first transporter have both signed,
 * dated by the first transporter's taking over; a transporter is in its transported register once it signed its own
 * transport. It enters the destination's incoming register only once the operation is signed (a BSVHU refused at
 * reception never does), dated by the reception.
 */
@ApplicationScoped
public class BsvhuLines implements RegisterMapper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BsdEvents EVENTS = new BsdEvents(BsvhuEvents.AGGREGATE_TYPE, BsvhuEvents.UPSERTED, BsvhuEvents.DELETED);
    /** The reference registers' waste description of each VHU waste code. */
    private static final Map<String, String> WASTE_DESCRIPTIONS = Map.of(
            "16 01 06", "Véhicules hors d'usage ne contenant ni liquides ni autres composants dangereux",
            "16 01 04*", "Véhicules hors d’usage non dépollués par un centre agréé");

    /** The lines of one BSVHU state; none for a draft or a deleted BSVHU. */
    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode bsvhu) {
        String id = registeredId(bsvhu, "BSVHU").orElse(null);
        if (id == null) {
            return List.of();
        }
        List<JsonNode> transporters = transportersOf(bsvhu);
        ObjectNode data = data(bsvhu, id, transporters);
        JsonNode emitter = bsvhu.path("emitter");
        JsonNode destination = bsvhu.path("destination");
        JsonNode firstTransport = transporters.isEmpty() ? MissingNode.getInstance() : transporters.get(0).path("transport");
        Instant emitted = signatureDate(emitter.path("emission"));
        Instant firstTransportSigned = signatureDate(firstTransport);
        List<RegisterLine> lines = new ArrayList<>();
        if (emitted != null && firstTransportSigned != null) {
            Instant takenOverAt = instant(firstTransport, "takenOverAt");
            Instant shipped = takenOverAt != null ? takenOverAt : firstTransportSigned;
            List<String> emitters = listOf(orgId(emitter.path("company")));
            List<String> ecoOrganismes = listOf(text(bsvhu.path("ecoOrganisme"), "siret"));
            Set<String> managers = new LinkedHashSet<>();
            managers.addAll(listOf(orgId(bsvhu.path("broker").path("company"))));
            managers.addAll(listOf(orgId(bsvhu.path("trader").path("company"))));
            bsvhu.path("intermediaries").forEach(intermediary -> managers.addAll(listOf(orgId(intermediary))));
            Set<String> signedTransporters = new LinkedHashSet<>();
            for (JsonNode transporter : transporters) {
                if (signatureDate(transporter.path("transport")) != null) {
                    signedTransporters.addAll(listOf(orgId(transporter.path("company"))));
                }
            }
            Set<String> outgoing = new LinkedHashSet<>(emitters);
            outgoing.addAll(ecoOrganismes);
            Set<String> all = new LinkedHashSet<>(listOf(orgId(destination.path("company"))));
            all.addAll(outgoing);
            all.addAll(signedTransporters);
            all.addAll(managers);
            addLines(lines, id, bsdId, data, RegisterType.OUTGOING, shipped, outgoing);
            addLines(lines, id, bsdId, data, RegisterType.MANAGED, shipped, managers);
            addLines(lines, id, bsdId, data, RegisterType.TRANSPORTED, shipped, signedTransporters);
            addLines(lines, id, bsdId, data, RegisterType.ALL, shipped, all);
        }

        Instant operationSigned = signatureDate(destination.path("operation"));
        if (operationSigned != null) {
            Instant receivedAt = instant(destination.path("reception"), "date");
            addLines(lines, id, bsdId, data, RegisterType.INCOMING, receivedAt != null ? receivedAt : operationSigned,
                    listOf(orgId(destination.path("company"))));
        }
        return lines;
    }

    /** The line's fields: the same for every register (each register's type shows its subset). */
    private static ObjectNode data(JsonNode bsvhu, String id, List<JsonNode> transporters) {
        ObjectNode data = JSON.objectNode();
        data.put("id", id);
        data.put("bsdType", "BSVHU");
        data.put("bsdSubType", "INITIAL");
        put(data, "customId", text(bsvhu, "customId"));
        put(data, "status", text(bsvhu, "status"));
        put(data, "createdAt", instant(bsvhu, "createdAt"));
        put(data, "updatedAt", instant(bsvhu, "updatedAt"));
        String wasteCode = text(bsvhu, "wasteCode");
        put(data, "wasteDescription", wasteCode == null ? null : WASTE_DESCRIPTIONS.get(wasteCode));
        put(data, "wasteCode", wasteCode);
        data.put("wasteIsDangerous", true);
        data.put("pop", false);
        put(data, "weight", number(bsvhu.path("weight"), "value"));
        put(data, "containsElectricOrHybridVehicles", bool(bsvhu, "containsElectricOrHybridVehicles"));

        JsonNode emitter = bsvhu.path("emitter");
        company(data, "emitterCompany", emitter.path("company"));
        data.put("emitterCompanyIrregularSituation", emitter.path("irregularSituation").asBoolean(false));
        ecoOrganisme(data, bsvhu.path("ecoOrganisme"));
        for (String role : List.of("trader", "broker")) {
            JsonNode party = bsvhu.path(role);
            party(data, role, party.path("company"), text(party.path("recepisse"), "number"));
        }
        intermediaries(data, bsvhu.path("intermediaries"));

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

        JsonNode destination = bsvhu.path("destination");
        JsonNode reception = destination.path("reception");
        JsonNode operation = destination.path("operation");
        company(data, "destinationCompany", destination.path("company"));
        put(data, "destinationPlannedOperationCode", text(destination, "plannedOperationCode"));
        put(data, "destinationReceptionDate", instant(reception, "date"));
        put(data, "destinationReceptionWeight", number(reception, "weight"));
        put(data, "destinationReceptionAcceptationStatus", text(reception, "acceptationStatus"));
        put(data, "destinationOperationCode", text(operation, "code"));
        put(data, "destinationOperationMode", text(operation, "mode"));
        put(data, "destinationOperationDate", instant(operation, "date"));
        data.put("destinationOperationNoTraceability", false);
        return data;
    }

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    /** The date of the {@code signature} of a step ({@code emission}, {@code transport}, {@code operation}). */
    private static Instant signatureDate(JsonNode step) {
        return instant(step.path("signature"), "date");
    }
}
