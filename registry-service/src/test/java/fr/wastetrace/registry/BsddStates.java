package fr.wastetrace.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.bsd.BsddEvents;

import java.time.Instant;
import java.util.UUID;

/** BSDD states shaped as bsd-service's {@code bsdd.upserted} payload (schema bsdd-state.v1.json), for tests. */
public final class BsddStates {
    public static final String EMITTER = "11111111100011";
    public static final String TRANSPORTER = "22222222200022";
    public static final String TRANSPORTER_2 = "33333333300033";
    public static final String DESTINATION = "44444444400044";
    public static final String TRADER = "55555555500055";
    public static final String ECO_ORGANISME = "66666666600066";
    public static final String INTERMEDIARY = "77777777700077";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BsddStates() {
    }

    /** A sealed BSDD on the direct route: emitter → transporter → destination, with a trader. */
    public static ObjectNode sealed(String id, String readableId, Instant createdAt) {
        ObjectNode form = JSON.objectNode();
        form.put("id", id);
        form.put("readableId", readableId);
        form.putNull("customId");
        form.put("status", "SEALED");
        form.put("createdAt", createdAt.toString());
        form.put("updatedAt", createdAt.toString());
        ObjectNode emitter = form.putObject("emitter");
        emitter.put("type", "PRODUCER");
        emitter.set("company", company(EMITTER, "Producteur SA", "1 rue de la Paix 75002 Paris"));
        ObjectNode recipient = form.putObject("recipient");
        recipient.put("cap", "CAP-1");
        recipient.put("processingOperation", "R 1");
        recipient.set("company", company(DESTINATION, "Incinérateur SAS", "2 avenue du Feu, 69001 Lyon"));
        recipient.put("isTempStorage", false);
        ArrayNode transporters = form.putArray("transporters");
        transporters.add(transporter(TRANSPORTER, "AB-123-CD, EF-456-GH"));
        form.set("transporter", transporters.get(0).deepCopy());
        ObjectNode waste = form.putObject("wasteDetails");
        waste.put("code", "06 05 02*");
        waste.put("name", "Boues de traitement");
        waste.putNull("isDangerous");
        waste.put("pop", false);
        waste.put("onuCode", "UN 3077");
        waste.put("quantity", 1.5);
        ObjectNode trader = form.putObject("trader");
        trader.set("company", company(TRADER, "Négoce & Cie", "3 quai Ouest 13002 Marseille"));
        trader.put("receipt", "REC-TRADER");
        form.putNull("broker");
        form.putNull("ecoOrganisme");
        form.putArray("intermediaries");
        form.put("isDeleted", false);
        return form;
    }

    /** Signed by the (first) transporter: the BSDD is SENT. */
    public static ObjectNode sent(ObjectNode form, Instant at) {
        form.put("status", "SENT");
        form.put("emittedAt", at.minusSeconds(60).toString());
        form.put("sentAt", at.toString());
        form.put("takenOverAt", at.toString());
        ((ObjectNode) form.get("transporters").get(0)).put("takenOverAt", at.toString());
        ((ObjectNode) form.get("transporter")).put("takenOverAt", at.toString());
        form.put("updatedAt", at.toString());
        return form;
    }

    /** Received and accepted by the destination. */
    public static ObjectNode received(ObjectNode form, Instant at) {
        form.put("status", "ACCEPTED");
        form.put("receivedAt", at.toString());
        form.put("signedAt", at.toString());
        form.put("wasteAcceptationStatus", "ACCEPTED");
        form.put("quantityReceived", 1.4);
        form.put("quantityRefused", 0.0);
        form.put("quantityAccepted", 1.4);
        form.put("updatedAt", at.toString());
        return form;
    }

    /** Processed by the destination. */
    public static ObjectNode processed(ObjectNode form, Instant at) {
        form.put("status", "PROCESSED");
        form.put("processingOperationDone", "R 1");
        form.put("destinationOperationMode", "VALORISATION_ENERGETIQUE");
        form.put("processedAt", at.toString());
        form.put("updatedAt", at.toString());
        return form;
    }

    public static ObjectNode company(String siret, String name, String address) {
        ObjectNode company = JSON.objectNode();
        company.put("name", name);
        company.put("orgId", siret);
        company.put("siret", siret);
        company.put("address", address);
        company.put("country", "FR");
        company.put("mail", "contact@" + siret + ".example");
        company.putNull("vatNumber");
        return company;
    }

    public static ObjectNode transporter(String siret, String plates) {
        ObjectNode transporter = JSON.objectNode();
        transporter.put("id", "tr-" + siret);
        transporter.set("company", company(siret, "Transports " + siret, "5 route du Port 76600 Le Havre"));
        transporter.put("isExemptedOfReceipt", false);
        transporter.put("receipt", "REC-" + siret);
        transporter.put("numberPlate", plates);
        transporter.put("mode", "ROAD");
        transporter.putNull("takenOverAt");
        return transporter;
    }

    public static EventEnvelope upserted(ObjectNode form, long version, Instant occurredAt) {
        form.put("version", version);
        return new EventEnvelope(UUID.randomUUID(), BsddEvents.UPSERTED, BsddEvents.AGGREGATE_TYPE, form.get("id").asText(),
                version, occurredAt, BsddEvents.SCHEMA_VERSION, form.deepCopy());
    }

    public static EventEnvelope deleted(ObjectNode form, long version, Instant occurredAt) {
        form.put("version", version);
        form.put("isDeleted", true);
        return new EventEnvelope(UUID.randomUUID(), BsddEvents.DELETED, BsddEvents.AGGREGATE_TYPE, form.get("id").asText(),
                version, occurredAt, BsddEvents.SCHEMA_VERSION, form.deepCopy());
    }
}
