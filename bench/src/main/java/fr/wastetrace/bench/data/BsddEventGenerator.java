package fr.wastetrace.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic {@code bsdd.upserted} events in bulk: the events bsd-service really published for one form driven along the
 * direct route are the templates (one per version, DRAFT to PROCESSED); each generated form copies them with its own
 * id, readable id, real waste code and quantity. Text substitution on the encoded templates keeps a million events
 * cheap to produce, and the envelope is encoded by {@link EventCodec}, the one encoding.
 */
public final class BsddEventGenerator {
    private static final String ID = "__BENCH_ID__";
    private static final String READABLE_ID = "__BENCH_READABLE_ID__";
    private static final String CODE = "__BENCH_CODE__";
    private static final String NAME = "__BENCH_NAME__";
    private static final String QUANTITY = "__BENCH_QUANTITY__";
    private static final String EVENT_ID = "__BENCH_EVENT_ID__";
    private static final String PAYLOAD = "__BENCH_PAYLOAD__";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** One form's events, in version order: record keys and values. */
    public record FormEvents(String formId, List<String> values) {
    }

    private final List<String> templates;
    private final List<ReferenceData.WasteCode> codes;

    public BsddEventGenerator(List<EventEnvelope> lifecycle, ReferenceData reference) {
        this.codes = reference.wasteCodes();
        this.templates = lifecycle.stream().map(BsddEventGenerator::template).toList();
    }

    public int eventsPerForm() {
        return templates.size();
    }

    public FormEvents next(long index) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = "bench" + Long.toString(index, 36) + UUID.randomUUID().toString().substring(0, 8);
        String readableId = "BSD-" + DAY.format(LocalDate.now(ZoneOffset.UTC).minusDays(index % 365)) + "-"
                + String.format(Locale.ROOT, "%9s", Long.toString(index, 32).toUpperCase(Locale.ROOT)).replace(' ', '0');
        ReferenceData.WasteCode code = codes.get(random.nextInt(codes.size()));
        String quantity = String.format(Locale.ROOT, "%.3f", 0.2 + random.nextDouble() * 20);
        String name = jsonText(code.description().length() <= 60 ? code.description() : code.description().substring(0, 60));
        List<String> values = templates.stream().map(t -> t.replace(EVENT_ID, UUID.randomUUID().toString())
                .replace(ID, id).replace(READABLE_ID, readableId).replace(CODE, code.code()).replace(NAME, name)
                .replace("\"" + QUANTITY + "\"", quantity)).toList();
        return new FormEvents(id, values);
    }

    private static String template(EventEnvelope event) {
        ObjectNode payload = event.payload().deepCopy();
        String id = payload.path("id").asText();
        String readableId = payload.path("readableId").asText();
        JsonNode waste = payload.path("wasteDetails");
        String code = waste.path("code").asText();
        String name = waste.path("name").asText();
        ObjectNode wasteDetails = (ObjectNode) payload.get("wasteDetails");
        wasteDetails.put("code", CODE).put("name", NAME).put("quantity", QUANTITY);
        for (String field : List.of("quantityReceived", "quantityAccepted")) {
            if (payload.path(field).isNumber()) {
                payload.put(field, QUANTITY);
            }
        }
        String text = payload.toString().replace(id, ID).replace(readableId, READABLE_ID);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.type(), event.aggregateType(), ID, event.version(),
                Instant.now(), event.schemaVersion(), new TextNode(PAYLOAD));
        String encoded = EventCodec.encode(envelope).replace(envelope.id().toString(), EVENT_ID);
        if (code.isEmpty() || name.isEmpty()) {
            throw new IllegalStateException("the template event has no waste code or name");
        }
        return encoded.replace("\"" + PAYLOAD + "\"", text);
    }

    private static String jsonText(String value) {
        String quoted = TextNode.valueOf(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
