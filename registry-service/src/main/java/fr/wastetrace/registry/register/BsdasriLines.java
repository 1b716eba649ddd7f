package fr.wastetrace.registry.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.bsd.BsdasriEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static fr.wastetrace.registry.register.LineData.*;

/**
 * Which registers a BSDASRI appears in, and with which fields, computed from the full state carried by
 * {@code bsdasri.upserted} events (the GraphQL {@code Bsdasri} shape). A BSDASRI is one document, its id.
 *
 * <p>As in the reference registers ({@code bsdasris/registry.ts}), a BSDASRI enters the outgoing (emitter,
 * eco-organisme), managed (broker, trader, intermediaries), transported (transporter) and exhaustive (all of them and
 * the destination) registers once its transporter signed, dated by the taking over; it enters the destination's
 * incoming register once the reception is signed, dated by the reception. Each BSDASRI counts for itself: a
 * synthesis (whose emitter is its transporter) and the BSDASRIs it carries each have their own lines, as a grouping
 * and the BSDASRIs it groups; the sub-type column tells them apart (INITIAL, GATHERING, SYNTHESIS).
 */
@ApplicationScoped
public class BsdasriLines implements RegisterMapper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BsdEvents EVENTS = new BsdEvents(BsdasriEvents.AGGREGATE_TYPE, BsdasriEvents.UPSERTED,
            BsdasriEvents.DELETED);
    private static final Map<String, String> WASTE_DESCRIPTIONS = Map.of(
            "18 01 03*", "DASRI d'origine humaine",
            "18 02 02*", "DASRI d'origine animale");
    private static final Map<String, String> SUB_TYPES = Map.of(
            "SIMPLE", "INITIAL", "GROUPING", "GATHERING", "SYNTHESIS", "SYNTHESIS");

    @Override
    public BsdEvents events() {
        return EVENTS;
    }

    /** The lines of one BSDASRI state; none for a draft or a deleted BSDASRI. */
    @Override
    public List<RegisterLine> lines(String bsdId, JsonNode dasri) {
        String id = publishedId(dasri, "BSDASRI");
        if (id == null) {
            return List.of();
        }
        ObjectNode data = data(dasri, id);
        JsonNode transport = dasri.path("transporter").path("transport");
        JsonNode reception = dasri.path("destination").path("reception");
        String destination = orgId(dasri.path("destination").path("company"));
        List<RegisterLine> lines = new ArrayList<>();
        Instant transported = instant(transport.path("signature"), "date");
        if (transported != null) {
            Instant takenOverAt = instant(transport, "takenOverAt");
            Instant sortAt = takenOverAt == null ? transported : takenOverAt;
            Map<RegisterType, Set<String>> registers = new EnumMap<>(RegisterType.class);
            registers.put(RegisterType.OUTGOING, orgs(orgId(dasri.path("emitter").path("company")),
                    text(dasri.path("ecoOrganisme"), "siret")));
            registers.put(RegisterType.TRANSPORTED, orgs(orgId(dasri.path("transporter").path("company"))));
            Set<String> managed = orgs(orgId(dasri.path("broker").path("company")),
                    orgId(dasri.path("trader").path("company")));
            dasri.path("intermediaries").forEach(i -> managed.addAll(orgs(orgId(i))));
            registers.put(RegisterType.MANAGED, managed);
            Set<String> everyone = orgs(destination);
            registers.values().forEach(everyone::addAll);
            registers.put(RegisterType.ALL, everyone);
            registers.forEach((register, orgIds) -> addLines(lines, id, bsdId, data, register, sortAt, orgIds));
        }
        Instant received = instant(reception.path("signature"), "date");
        if (received != null) {
            Instant receptionDate = instant(reception, "date");
            addLines(lines, id, bsdId, data, RegisterType.INCOMING, receptionDate == null ? received : receptionDate,
                    listOf(destination));
        }
        return lines;
    }

    /** The line's fields, named as the reference's {@code AllWaste} (each register shows its subset). */
    private static ObjectNode data(JsonNode dasri, String id) {
        ObjectNode data = JSON.objectNode();
        data.put("id", id);
        data.put("bsdType", "BSDASRI");
        put(data, "bsdSubType", SUB_TYPES.getOrDefault(text(dasri, "type"), "INITIAL"));
        put(data, "status", text(dasri, "status"));
        put(data, "createdAt", instant(dasri, "createdAt"));
        put(data, "updatedAt", instant(dasri, "updatedAt"));
        String code = text(dasri.path("waste"), "code");
        put(data, "wasteCode", code);
        put(data, "wasteDescription", code == null ? "" : WASTE_DESCRIPTIONS.getOrDefault(code, ""));
        put(data, "wasteAdr", text(dasri.path("waste"), "adr"));
        data.put("wasteIsDangerous", true);
        data.put("pop", false);

        JsonNode emitter = dasri.path("emitter");
        company(data, "emitterCompany", emitter.path("company"));
        JsonNode site = emitter.path("pickupSite");
        put(data, "emitterPickupsiteName", text(site, "name"));
        put(data, "emitterPickupsiteAddress", text(site, "address"));
        put(data, "emitterPickupsitePostalCode", text(site, "postalCode"));
        put(data, "emitterPickupsiteCity", text(site, "city"));
        put(data, "emitterPickupsiteCountry", text(site, "address") == null ? null : "FR");
        put(data, "weight", tonnes(number(emitter.path("emission").path("weight"), "value")));
        ecoOrganisme(data, dasri.path("ecoOrganisme"));
        party(data, "trader", dasri.path("trader").path("company"), text(dasri.path("trader").path("recepisse"),
                "number"));
        party(data, "broker", dasri.path("broker").path("company"), text(dasri.path("broker").path("recepisse"),
                "number"));
        intermediaries(data, dasri.path("intermediaries"));

        JsonNode transporter = dasri.path("transporter");
        JsonNode transport = transporter.path("transport");
        List<String> plates = transport.path("plates").isArray()
                ? StreamSupport.stream(transport.path("plates").spliterator(), false).map(JsonNode::asText)
                .map(String::trim).filter(p -> !p.isEmpty()).toList() : null;
        transporter(data, 0, transporter.path("company"), text(transporter.path("recepisse"), "number"),
                bool(transporter.path("recepisse"), "isExempted"), text(transport, "mode"), plates);
        put(data, "transporterCustomInfo", text(transporter, "customInfo"));
        put(data, "transporterTakenOverAt", instant(transport, "takenOverAt"));

        JsonNode destination = dasri.path("destination");
        JsonNode operation = destination.path("operation");
        company(data, "destinationCompany", destination.path("company"));
        put(data, "destinationCap", text(destination, "cap"));
        put(data, "destinationReceptionDate", instant(destination.path("reception"), "date"));
        put(data, "destinationReceptionAcceptationStatus",
                text(destination.path("reception").path("acceptation"), "status"));
        put(data, "destinationReceptionWeight", tonnes(number(operation.path("weight"), "value")));
        String operationCode = text(operation, "code");
        put(data, "destinationPlannedOperationCode", operationCode);
        put(data, "destinationOperationCode", operationCode);
        put(data, "destinationOperationMode", text(operation, "mode"));
        put(data, "destinationOperationDate", instant(operation, "date"));
        data.put("destinationOperationNoTraceability", false);
        return data;
    }

    /** The org ids given, in order, without the missing ones. */
    private static Set<String> orgs(String... orgIds) {
        Set<String> set = new LinkedHashSet<>();
        for (String orgId : orgIds) {
            set.addAll(listOf(orgId));
        }
        return set;
    }
}
