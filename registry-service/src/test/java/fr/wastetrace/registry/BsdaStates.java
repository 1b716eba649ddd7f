package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsdaEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * BSDA states shaped as bsd-service's {@code bsda.upserted} payload (the GraphQL {@code Bsda} type), for tests: a
 * published work-site BSDA with a worker and two transporters, then each signature.
 */
public final class BsdaStates {
    public static final String EMITTER = "55555555500055";
    public static final String WORKER = "66666666600066";
    public static final String CARRIER = "77777777700077";
    public static final String CARRIER2 = "88888888800088";
    public static final String DESTINATION = "99999999900099";

    private BsdaStates() {
    }

    private static ObjectNode company(ObjectNode parent, String field, String siret, String name, String address) {
        ObjectNode c = parent.putObject(field);
        c.put("siret", siret).put("orgId", siret).put("name", name).put("address", address)
                .put("mail", name.toLowerCase().replace(' ', '.') + "@wastetrace.test");
        return c;
    }

    /** Published, unsigned: emitter, worker, two road/river transporters, destination (weights in tonnes). */
    public static ObjectNode initial(String id) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode b = f.objectNode();
        b.put("id", id).put("status", "INITIAL").put("isDraft", false).put("type", "OTHER_COLLECTIONS")
                .put("createdAt", "2026-06-01T08:00:00Z").put("updatedAt", "2026-06-01T08:00:00Z");
        ObjectNode emitter = b.putObject("emitter");
        emitter.put("isPrivateIndividual", false);
        company(emitter, "company", EMITTER, "Maître d'ouvrage", "12 quai de la Fosse 44000 Nantes");
        emitter.putObject("pickupSite").put("name", "Chantier école").put("address", "3 rue de l'École")
                .put("postalCode", "44100").put("city", "Nantes");
        ObjectNode worker = b.putObject("worker");
        worker.put("isDisabled", false);
        company(worker, "company", WORKER, "Désamiantage", "5 rue des Ouvriers 44300 Nantes");
        b.putObject("waste").put("code", "17 06 05*").put("materialName", "Plaques fibres-ciment")
                .put("familyCode", "2").put("isSubjectToADR", true).put("adr", "UN 2590").put("pop", false);
        b.putObject("weight").put("value", 1.8).put("isEstimate", true);
        ArrayNode transporters = b.putArray("transporters");
        ObjectNode t1 = transporters.addObject().put("id", "t1");
        company(t1, "company", CARRIER, "Transports Route", "8 route de Paris 44000 Nantes");
        t1.putObject("recepisse").put("number", "REC-1").put("isExempted", false);
        t1.putObject("transport").put("mode", "ROAD").putArray("plates").add("AM-123-IA");
        ObjectNode t2 = transporters.addObject().put("id", "t2");
        company(t2, "company", CARRIER2, "Transports Fleuve", "Port de Cheviré 44100 Nantes");
        t2.putObject("transport").put("mode", "RIVER");
        b.set("transporter", t1.deepCopy());
        ObjectNode destination = b.putObject("destination");
        company(destination, "company", DESTINATION, "Stockage amiante", "Lieu-dit La Lande 44800 Saint-Herblain");
        destination.put("cap", "CAP-1").put("plannedOperationCode", "D 5");
        b.putArray("intermediaries");
        b.putArray("grouping");
        return b;
    }

    /** Emitter and worker signed, then both transporters; the first took it over at {@code at}. */
    public static ObjectNode sent(ObjectNode b, Instant at) {
        sign((ObjectNode) b.get("emitter"), "emission", "Marie", at.minusSeconds(7200));
        sign((ObjectNode) b.get("worker"), "work", "Walter", at.minusSeconds(3600));
        ObjectNode t1 = (ObjectNode) b.get("transporters").get(0).get("transport");
        t1.put("takenOverAt", at.toString()).putObject("signature").put("author", "Théo").put("date", at.toString());
        ObjectNode t2 = (ObjectNode) b.get("transporters").get(1).get("transport");
        t2.putObject("signature").put("author", "Fanny").put("date", at.plusSeconds(3600).toString());
        return b.put("status", "SENT");
    }

    /** The destination received 1.75 t (0.25 t refused) and processed it in D 5. */
    public static ObjectNode processed(ObjectNode b, Instant receivedAt, Instant processedAt) {
        ObjectNode destination = (ObjectNode) b.get("destination");
        ObjectNode reception = destination.putObject("reception");
        reception.put("date", receivedAt.toString()).put("weight", 1.75).put("refusedWeight", 0.25)
                .put("acceptationStatus", "PARTIALLY_REFUSED").put("refusalReason", "Sac percé");
        reception.putObject("signature").put("author", "Denise").put("date", receivedAt.toString());
        ObjectNode operation = destination.putObject("operation");
        operation.put("code", "D 5").put("mode", "ELIMINATION").put("date", processedAt.toString());
        operation.putObject("signature").put("author", "Denise").put("date", processedAt.toString());
        return b.put("status", "PROCESSED");
    }

    private static void sign(ObjectNode party, String step, String author, Instant at) {
        party.putObject(step).putObject("signature").put("author", author).put("date", at.toString());
    }

    public static EventEnvelope upserted(ObjectNode b, long version, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), BsdaEvents.UPSERTED, BsdaEvents.AGGREGATE_TYPE,
                b.get("id").asText(), version, at, BsdaEvents.SCHEMA_VERSION, b.deepCopy().put("version", version));
    }

    public static EventEnvelope deleted(ObjectNode b, long version, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), BsdaEvents.DELETED, BsdaEvents.AGGREGATE_TYPE,
                b.get("id").asText(), version, at, BsdaEvents.SCHEMA_VERSION,
                b.deepCopy().put("version", version).put("isDeleted", true));
    }
}
