package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsffEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * BSFF states shaped as bsd-service's {@code bsff.upserted} payload (the GraphQL {@code Bsff} type): a published
 * collection BSFF of two bottles with one intervention sheet, two transporters, then each signature, the containers
 * answered one by one.
 */
public final class BsffStates {
    public static final String EMITTER = "11111111100111";
    public static final String DETENTEUR = "33333333300333";
    public static final String TRANSPORTER = "22222222200222";
    public static final String TRANSPORTER_2 = "BE0987654321";
    public static final String DESTINATION = "44444444400444";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BsffStates() {
    }

    private static ObjectNode company(String orgId, String name, String address) {
        ObjectNode c = JSON.objectNode();
        c.put(orgId.startsWith("BE") ? "vatNumber" : "siret", orgId);
        c.put("orgId", orgId);
        c.put("name", name);
        c.put("address", address);
        c.put("mail", "contact@" + orgId + ".test");
        return c;
    }

    private static ObjectNode packaging(String id, String numero, double weight) {
        ObjectNode p = JSON.objectNode();
        p.put("id", id);
        p.put("numero", numero);
        p.put("type", "BOUTEILLE");
        p.put("volume", 13.0);
        p.put("weight", weight);
        p.putNull("acceptation");
        p.putNull("operation");
        p.putArray("previousPackagingIds");
        return p;
    }

    private static ObjectNode transporter(String orgId, String mode) {
        ObjectNode t = JSON.objectNode();
        t.put("id", UUID.randomUUID().toString());
        t.set("company", company(orgId, "Transports " + orgId, "8 quai des Chartrons 33000 Bordeaux"));
        t.putObject("recepisse").put("number", "REC-" + orgId).put("isExempted", false);
        ObjectNode transport = t.putObject("transport");
        transport.put("mode", mode);
        transport.putArray("plates").add("FF-123-FF");
        return t;
    }

    /** Published, nobody signed yet. */
    public static ObjectNode initial(String id) {
        ObjectNode b = JSON.objectNode();
        b.put("id", id);
        b.put("status", "INITIAL");
        b.put("isDraft", false);
        b.put("isDeleted", false);
        b.put("type", "COLLECTE_PETITES_QUANTITES");
        b.put("createdAt", "2026-06-01T08:00:00Z");
        b.put("updatedAt", "2026-06-01T08:00:00Z");
        ObjectNode emitter = b.putObject("emitter");
        emitter.set("company", company(EMITTER, "Froid Service", "5 rue du Froid 33000 Bordeaux"));
        emitter.putNull("emission");
        b.putObject("waste").put("code", "14 06 01*").put("description", "R404A").put("adr", "UN 3163");
        b.putObject("weight").put("value", 4500.0).put("isEstimate", true);
        ObjectNode destination = b.putObject("destination");
        destination.set("company", company(DESTINATION, "Régénération Rhône", "12 route de la Chimie 69007 Lyon"));
        destination.put("plannedOperationCode", "R2");
        destination.putNull("reception");
        ArrayNode transporters = b.putArray("transporters");
        transporters.add(transporter(TRANSPORTER, "ROAD"));
        transporters.add(transporter(TRANSPORTER_2, "RAIL"));
        b.set("transporter", transporters.get(0).deepCopy());
        ObjectNode fiche = b.putArray("ficheInterventions").addObject();
        fiche.put("id", "fi-1").put("numero", "FI-1").put("weight", 4.5).put("postalCode", "33700");
        fiche.putObject("detenteur").put("isPrivateIndividual", false)
                .set("company", company(DETENTEUR, "Supermarché", "1 avenue du Marché 33700 Mérignac"));
        fiche.putObject("operateur").set("company", company(EMITTER, "Froid Service", "5 rue du Froid 33000 Bordeaux"));
        ArrayNode packagings = b.putArray("packagings");
        packagings.add(packaging(id + "-p1", "BT-1", 2500));
        packagings.add(packaging(id + "-p2", "BT-2", 2000));
        return b;
    }

    public static ObjectNode draft(String id) {
        return initial(id).put("isDraft", true);
    }

    public static ObjectNode signedByEmitter(ObjectNode bsff, Instant at) {
        sign(((ObjectNode) bsff.get("emitter")).putObject("emission"), "Léa", at);
        return step(bsff, "SIGNED_BY_EMITTER", at);
    }

    /** Transporter {@code index} (0: the first) signed, taking the bottles over at {@code at}. */
    public static ObjectNode transported(ObjectNode bsff, int index, Instant at) {
        ObjectNode transport = (ObjectNode) bsff.get("transporters").get(index).get("transport");
        sign(transport, "Chauffeur " + index, at);
        transport.put("takenOverAt", at.toString());
        if (index == 0) {
            bsff.set("transporter", bsff.get("transporters").get(0).deepCopy());
        }
        return step(bsff, "SENT", at);
    }

    public static ObjectNode sent(ObjectNode bsff, Instant at) {
        return transported(signedByEmitter(bsff, at.minusSeconds(600)), 0, at);
    }

    public static ObjectNode received(ObjectNode bsff, Instant at) {
        ObjectNode reception = ((ObjectNode) bsff.get("destination")).putObject("reception");
        reception.put("date", at.toString());
        sign(reception, "Paul", at);
        return step(bsff, "RECEIVED", at);
    }

    /** Container {@code index} answered: accepted with {@code weight} kg, or refused. */
    public static ObjectNode answered(ObjectNode bsff, int index, boolean accepted, double weight, Instant at,
                                      String status) {
        ObjectNode acceptation = ((ObjectNode) bsff.get("packagings").get(index)).putObject("acceptation");
        acceptation.put("date", at.toString());
        acceptation.put("status", accepted ? "ACCEPTED" : "REFUSED");
        acceptation.put("weight", accepted ? weight : 0);
        acceptation.put("wasteCode", "14 06 01*");
        acceptation.put("wasteDescription", "R404A récupéré");
        if (!accepted) {
            acceptation.put("refusalReason", "Bouteille percée");
        }
        sign(acceptation, "Paul", at);
        return step(bsff, status, at);
    }

    /** Container {@code index} processed with {@code code}. */
    public static ObjectNode operated(ObjectNode bsff, int index, String code, String mode, Instant at, String status) {
        ObjectNode operation = ((ObjectNode) bsff.get("packagings").get(index)).putObject("operation");
        operation.put("date", at.toString());
        operation.put("code", code);
        operation.put("mode", mode);
        operation.put("description", "Régénération");
        operation.put("noTraceability", false);
        sign(operation, "Paul", at);
        return step(bsff, status, at);
    }

    public static EventEnvelope upserted(ObjectNode bsff, long version, Instant occurredAt) {
        return event(BsffEvents.UPSERTED, bsff, version, occurredAt);
    }

    public static EventEnvelope deleted(ObjectNode bsff, long version, Instant occurredAt) {
        return event(BsffEvents.DELETED, bsff.put("isDeleted", true), version, occurredAt);
    }

    private static EventEnvelope event(String type, ObjectNode bsff, long version, Instant occurredAt) {
        ObjectNode payload = bsff.put("version", version).deepCopy();
        return new EventEnvelope(UUID.randomUUID(), type, BsffEvents.AGGREGATE_TYPE, payload.get("id").asText(), version,
                occurredAt, BsffEvents.SCHEMA_VERSION, payload);
    }

    private static void sign(ObjectNode step, String author, Instant at) {
        ObjectNode signature = step.putObject("signature");
        signature.put("author", author);
        signature.put("date", at.toString());
    }

    private static ObjectNode step(ObjectNode bsff, String status, Instant at) {
        bsff.put("status", status);
        bsff.put("updatedAt", at.toString());
        return bsff;
    }
}
