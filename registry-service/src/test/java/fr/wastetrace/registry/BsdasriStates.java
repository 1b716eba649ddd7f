package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsdasriEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * BSDASRI states shaped as bsd-service's {@code bsdasri.upserted} payload (the GraphQL {@code Bsdasri} type), for
 * tests: a published, unsigned simple BSDASRI, then each signature.
 */
public final class BsdasriStates {
    public static final String EMITTER = "81000000000002";
    public static final String TRANSPORTER = "83000000000000";
    public static final String DESTINATION = "84000000000009";
    public static final String ECO_ORGANISME = "86000000000007";
    public static final String TRADER = "55555555500055";
    public static final String BROKER = "77777777700077";
    public static final String INTERMEDIARY = "88888888800088";

    private BsdasriStates() {
    }

    /** Published, nobody signed yet; {@code type} SIMPLE, GROUPING or SYNTHESIS. */
    public static ObjectNode initial(String id, String type) {
        ObjectNode d = EventCodec.mapper().createObjectNode();
        d.put("id", id).put("status", "INITIAL").put("type", type).put("isDraft", false).put("isDeleted", false)
                .put("version", 1).put("createdAt", "2026-06-01T08:00:00Z").put("updatedAt", "2026-06-01T08:00:00Z");
        d.putObject("waste").put("code", "18 01 03*").put("adr", "UN3291");
        ObjectNode emitter = d.putObject("emitter");
        company(emitter, EMITTER, "Clinique", "1 avenue de l'Hôpital 31000 Toulouse");
        emitter.putObject("pickupSite").put("name", "Bloc B").put("address", "1 avenue de l'Hôpital")
                .put("postalCode", "31000").put("city", "Toulouse");
        emitter.putObject("emission").putObject("weight").put("value", 12.5).put("isEstimate", true);
        d.putObject("ecoOrganisme").put("name", "Éco-organisme").put("siret", ECO_ORGANISME);
        ObjectNode transporter = d.putObject("transporter");
        company(transporter, TRANSPORTER, "Transporteur", "3 rue du Transport 31000 Toulouse");
        transporter.putObject("recepisse").put("number", "REC-1").put("isExempted", false);
        transporter.putObject("transport").put("mode", "ROAD").putArray("plates").add(" DA-123-SR ");
        company(d.putObject("destination"), DESTINATION, "Incinérateur", "9 chemin du Four 31100 Toulouse");
        company(d.putObject("trader"), TRADER, "Négociant", null);
        company(d.putObject("broker"), BROKER, "Courtier", null);
        d.putArray("intermediaries").addObject().put("siret", INTERMEDIARY).put("name", "Intermédiaire");
        return d;
    }

    public static ObjectNode draft(String id) {
        return initial(id, "SIMPLE").put("isDraft", true);
    }

    public static ObjectNode sent(ObjectNode d, Instant takenOverAt) {
        ObjectNode transport = (ObjectNode) d.path("transporter").path("transport");
        transport.put("takenOverAt", takenOverAt.toString());
        transport.putObject("signature").put("author", "Théo").put("date", takenOverAt.plusSeconds(60).toString());
        return d.put("status", "SENT");
    }

    public static ObjectNode received(ObjectNode d, String acceptation, Instant at) {
        ObjectNode reception = ((ObjectNode) d.get("destination")).putObject("reception");
        reception.put("date", at.toString());
        reception.putObject("acceptation").put("status", acceptation);
        reception.putObject("signature").put("author", "Denis").put("date", at.plusSeconds(600).toString());
        return d.put("status", "REFUSED".equals(acceptation) ? "REFUSED" : "RECEIVED");
    }

    public static ObjectNode processed(ObjectNode d, String code, Instant at) {
        ObjectNode operation = ((ObjectNode) d.get("destination")).putObject("operation");
        operation.put("code", code).put("mode", "ELIMINATION").put("date", at.toString());
        operation.putObject("weight").put("value", 12000.0);
        operation.putObject("signature").put("author", "Denis").put("date", at.toString());
        return d.put("status", "D13".equals(code) || "R12".equals(code) ? "AWAITING_GROUP" : "PROCESSED");
    }

    public static EventEnvelope upserted(ObjectNode d, long version, Instant occurredAt) {
        d.put("version", version);
        return new EventEnvelope(UUID.randomUUID(), BsdasriEvents.UPSERTED, BsdasriEvents.AGGREGATE_TYPE,
                d.get("id").asText(), version, occurredAt, BsdasriEvents.SCHEMA_VERSION, d.deepCopy());
    }

    private static void company(ObjectNode parent, String siret, String name, String address) {
        ObjectNode c = parent.putObject("company").put("siret", siret).put("orgId", siret).put("name", name)
                .put("mail", name.toLowerCase().replace(' ', '.') + "@wastetrace.test");
        if (address != null) {
            c.put("address", address);
        }
    }
}
