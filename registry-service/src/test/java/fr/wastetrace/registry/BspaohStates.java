package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BspaohEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * BSPAOH states shaped as bsd-service's {@code bspaoh.upserted} payload (the GraphQL {@code Bspaoh} type), for tests:
 * the fixture {@code bspaoh/initial.json} (published, unsigned), then each signature.
 */
public final class BspaohStates {
    public static final String PRODUCER = "11111111100011";
    public static final String CARRIER = "22222222200022";
    public static final String CREMATORIUM = "44444444400044";

    private BspaohStates() {
    }

    public static ObjectNode initial(String id) {
        try (InputStream json = BspaohStates.class.getResourceAsStream("/bspaoh/initial.json")) {
            ObjectNode bspaoh = (ObjectNode) EventCodec.mapper().readTree(json);
            bspaoh.put("id", id);
            return bspaoh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer, then the transporter, signed; taken over at {@code at}. */
    public static ObjectNode sent(ObjectNode bspaoh, Instant at) {
        sign((ObjectNode) bspaoh.get("emitter").get("emission"), "Dr Blanc", at.minusSeconds(600));
        ObjectNode transport = (ObjectNode) bspaoh.get("transporter").get("transport");
        sign(transport, "Paul", at);
        transport.put("takenOverAt", at.toString());
        return bspaoh.put("status", "SENT");
    }

    /** The transporter handed the waste over at the crematorium. */
    public static ObjectNode delivered(ObjectNode bspaoh, Instant at) {
        ObjectNode handOver = ((ObjectNode) bspaoh.get("destination")).putObject("handedOverToDestination");
        handOver.put("date", at.toString());
        sign(handOver, "Paul", at);
        return bspaoh;
    }

    /** The crematorium signed the reception with this acceptation status, 12 800 g received. */
    public static ObjectNode received(ObjectNode bspaoh, String acceptation, Instant at) {
        ObjectNode reception = ((ObjectNode) bspaoh.get("destination")).putObject("reception");
        reception.put("date", at.toString());
        reception.putObject("acceptation").put("status", acceptation);
        ObjectNode detail = reception.putObject("detail");
        detail.put("quantity", 2);
        detail.putObject("receivedWeight").put("value", 12.8);
        sign(reception, "Mme Noir", at);
        return bspaoh.put("status", "REFUSED".equals(acceptation) ? "REFUSED" : "RECEIVED");
    }

    /** The crematorium signed the cremation (R 1). */
    public static ObjectNode processed(ObjectNode bspaoh, Instant at) {
        ObjectNode operation = ((ObjectNode) bspaoh.get("destination")).putObject("operation");
        operation.put("code", "R 1");
        operation.put("date", at.toString());
        sign(operation, "Mme Noir", at);
        return bspaoh.put("status", "PROCESSED");
    }

    public static EventEnvelope upserted(ObjectNode bspaoh, long version, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), BspaohEvents.UPSERTED, BspaohEvents.AGGREGATE_TYPE,
                bspaoh.get("id").asText(), version, at, BspaohEvents.SCHEMA_VERSION, bspaoh.deepCopy().put("version", version));
    }

    public static EventEnvelope deleted(ObjectNode bspaoh, long version, Instant at) {
        return new EventEnvelope(UUID.randomUUID(), BspaohEvents.DELETED, BspaohEvents.AGGREGATE_TYPE,
                bspaoh.get("id").asText(), version, at, BspaohEvents.SCHEMA_VERSION,
                bspaoh.deepCopy().put("version", version).put("isDeleted", true));
    }

    private static void sign(ObjectNode step, String author, Instant at) {
        step.putObject("signature").put("author", author).put("date", at.toString());
    }
}
