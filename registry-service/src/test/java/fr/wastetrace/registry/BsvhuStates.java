package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsvhuEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * BSVHU states shaped as bsd-service's {@code bsvhu.upserted} payload (the GraphQL {@code Bsvhu} type), for tests: the
 * fixture {@code bsvhu/initial.json} (published, unsigned, two transporters, the second one Belgian), then each signature.
 */
public final class BsvhuStates {
    public static final String EMITTER = "11111111100011";
    public static final String TRANSPORTER = "22222222200022";
    public static final String TRANSPORTER_2 = "BE0123456789";
    public static final String DESTINATION = "44444444400044";
    public static final String TRADER = "55555555500055";
    public static final String ECO_ORGANISME = "66666666600066";
    public static final String BROKER = "77777777700077";
    public static final String INTERMEDIARY = "88888888800088";

    private BsvhuStates() {
    }

    /** The fixture with this id: published, nobody signed yet. */
    public static ObjectNode initial(String id) {
        try (InputStream json = BsvhuStates.class.getResourceAsStream("/bsvhu/initial.json")) {
            ObjectNode bsvhu = (ObjectNode) EventCodec.mapper().readTree(json);
            bsvhu.put("id", id);
            return bsvhu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode draft(String id) {
        return initial(id).put("isDraft", true);
    }

    /** The emitter signed. */
    public static ObjectNode signedByProducer(ObjectNode bsvhu, Instant at) {
        sign((ObjectNode) bsvhu.get("emitter").get("emission"), "Claire Martin", at);
        return step(bsvhu, "SIGNED_BY_PRODUCER", at);
    }

    /** Transporter {@code index} (0: the first) signed its transport, taking the vehicles over at {@code at}. */
    public static ObjectNode transported(ObjectNode bsvhu, int index, Instant at) {
        ObjectNode transport = (ObjectNode) bsvhu.get("transporters").get(index).get("transport");
        sign(transport, "Chauffeur " + index, at);
        transport.put("takenOverAt", at.toString());
        if (index == 0) {
            bsvhu.set("transporter", bsvhu.get("transporters").get(0).deepCopy());
        }
        return step(bsvhu, "SENT", at);
    }

    /** The emitter and the first transporter signed: the BSVHU is SENT. */
    public static ObjectNode sent(ObjectNode bsvhu, Instant at) {
        return transported(signedByProducer(bsvhu, at.minusSeconds(600)), 0, at);
    }

    /** The destination signed the reception, with this acceptation status. */
    public static ObjectNode received(ObjectNode bsvhu, String acceptationStatus, Instant at) {
        ObjectNode reception = ((ObjectNode) bsvhu.get("destination")).putObject("reception");
        reception.put("date", at.toString());
        reception.put("quantity", 2);
        reception.put("weight", 2.35);
        reception.put("acceptationStatus", acceptationStatus);
        if ("REFUSED".equals(acceptationStatus)) {
            reception.put("refusalReason", "Véhicules non dépollués");
        }
        reception.putObject("identification").putArray("numbers").add("VIN-0001").add("VIN-0002");
        sign(reception, "Paul Durand", at);
        return step(bsvhu, "REFUSED".equals(acceptationStatus) ? "REFUSED" : "RECEIVED", at);
    }

    /** The destination signed the operation. */
    public static ObjectNode processed(ObjectNode bsvhu, Instant at) {
        ObjectNode operation = ((ObjectNode) bsvhu.get("destination")).putObject("operation");
        operation.put("date", at.toString());
        operation.put("code", "R 4");
        operation.put("mode", "RECYCLAGE");
        operation.putObject("nextDestination").putNull("company");
        sign(operation, "Paul Durand", at);
        String acceptation = bsvhu.path("destination").path("reception").path("acceptationStatus").asText("");
        return step(bsvhu, "REFUSED".equals(acceptation) ? "REFUSED" : "PROCESSED", at);
    }

    public static EventEnvelope upserted(ObjectNode bsvhu, long version, Instant occurredAt) {
        return event(BsvhuEvents.UPSERTED, bsvhu, version, occurredAt);
    }

    /** The deletion event: the last state, marked deleted. */
    public static EventEnvelope deleted(ObjectNode bsvhu, long version, Instant occurredAt) {
        return event(BsvhuEvents.DELETED, bsvhu.put("isDeleted", true), version, occurredAt);
    }

    private static EventEnvelope event(String type, ObjectNode bsvhu, long version, Instant occurredAt) {
        ObjectNode payload = bsvhu.put("version", version).deepCopy();
        return new EventEnvelope(UUID.randomUUID(), type, BsvhuEvents.AGGREGATE_TYPE, payload.get("id").asText(), version,
                occurredAt, BsvhuEvents.SCHEMA_VERSION, payload);
    }

    private static void sign(ObjectNode step, String author, Instant at) {
        ObjectNode signature = step.putObject("signature");
        signature.put("author", author);
        signature.put("date", at.toString());
    }

    private static ObjectNode step(ObjectNode bsvhu, String status, Instant at) {
        bsvhu.put("status", status);
        bsvhu.put("updatedAt", at.toString());
        return bsvhu;
    }
}
