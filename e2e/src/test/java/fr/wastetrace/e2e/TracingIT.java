package fr.wastetrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.Topics;
import fr.wastetrace.testing.Stack;
import fr.wastetrace.testing.WebhookReceiver;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One BSDD transition is one trace, from the gateway to the register projection. The test is the client of a trace
 * of its own (it sends a W3C {@code traceparent} with a trace id it drew), seals a BSDD through the gateway, then finds
 * that trace id, with each step the child of the one before, in: the gateway's server span and its client span to
 * bsd-service, bsd-service's server span, the outbox row of the event, the Kafka record's {@code traceparent} header,
 * registry-service's projection span and webhook-service's delivery span (the producer's company has a webhook for
 * the occasion). Spans are read from the local stack's span logs
 * ({@code .run/logs/<service>.spans.log}: libs/tracing writes every span there under the profile {@code local}).
 */
class TracingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "1 rue des Essais 75001 Paris";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aBsddTransitionThroughTheGatewayIsOneTraceDownToTheRegisterProjection() throws Exception {
        Map<String, String> env = Suite.env();
        WorkflowAccounts accounts = WorkflowAccounts.create(Stack.root().resolve("e2e/src/test/resources/registers"));
        WebhookReceiver receiver = new WebhookReceiver();
        try {
            traceOf(accounts, env, receiver);
        } finally {
            receiver.close();
        }
    }

    private void traceOf(WorkflowAccounts accounts, Map<String, String> env, WebhookReceiver receiver) throws Exception {
        // The producer's company has a webhook: its delivery of the change is in the trace too.
        String companyId = accounts.call("P", "{ myCompanies { edges { node { id } } } }", JSON.createObjectNode())
                .at("/data/myCompanies/edges/0/node/id").asText();
        String settingId = JSON.readTree(Suite.graphql(Suite.gateway(accounts.ownerToken()), """
                mutation($input: WebhookSettingCreateInput!) { createWebhookSetting(input: $input) { id } }""",
                Map.of("input", Map.of("companyId", companyId, "endpointUri", receiver.url("/trace"),
                        "token", "e2e-trace-webhook-token-of-more-than-20-characters", "activated", true)))
                .extract().asString()).at("/data/createWebhookSetting/id").asText();
        awaitPing(accounts, settingId);

        JsonNode created = accounts.call("P", "mutation($f: CreateFormInput!) { createForm(createFormInput: $f) { id } }",
                EventCodec.mapper().valueToTree(Map.of("f", form(accounts))));
        assertTrue(created.path("errors").isMissingNode(), created::toString);
        String formId = created.at("/data/createForm/id").asText();

        String traceId = HexFormat.of().formatHex(random(16));
        String clientSpanId = HexFormat.of().formatHex(random(8));
        try (KafkaConsumer<String, String> events = consumerAtTheEnd(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
            JsonNode sealed = JSON.readTree(Suite.gateway(accounts.token("P"))
                    .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .body(Map.of("query", "mutation($id: ID!) { markAsSealed(id: $id) { id status } }",
                            "variables", Map.of("id", formId)))
                    .post("/").then().statusCode(200).extract().asString());
            assertEquals("SEALED", sealed.at("/data/markAsSealed/status").asText(), sealed::toString);

            // The gateway: its server span continues the client's trace; its call to bsd-service is its child.
            JsonNode gatewayServer = span("gateway", s -> traceId.equals(s.path("traceId").asText())
                    && "SERVER".equals(s.path("kind").asText()) && clientSpanId.equals(s.path("parentSpanId").asText()));
            JsonNode gatewayCall = span("gateway", s -> traceId.equals(s.path("traceId").asText())
                    && "subgraph bsd".equals(s.path("name").asText())
                    && gatewayServer.path("spanId").asText().equals(s.path("parentSpanId").asText()));
            // bsd-service: its server span is the child of the gateway's call.
            JsonNode bsdServer = span("bsd-service", s -> traceId.equals(s.path("traceId").asText())
                    && "SERVER".equals(s.path("kind").asText())
                    && gatewayCall.path("spanId").asText().equals(s.path("parentSpanId").asText()));
            assertNotNull(bsdServer);

            // The outbox row of the event, written in bsd-service's transaction, keeps the trace context.
            String rowTraceParent = outboxTraceParent(formId, traceId);
            assertTrue(rowTraceParent.startsWith("00-" + traceId + "-"), rowTraceParent);

            // The relay carries it in the Kafka record's headers.
            ConsumerRecord<String, String> record = recordOf(events, formId, traceId);
            Header header = record.headers().lastHeader("traceparent");
            assertEquals(rowTraceParent, new String(header.value(), StandardCharsets.US_ASCII));

            // registry-service's projection span is the child of the span that wrote the row.
            String writerSpanId = rowTraceParent.split("-")[2];
            JsonNode projection = span("registry-service", s -> traceId.equals(s.path("traceId").asText())
                    && s.path("name").asText().startsWith("registry projection bsdd.")
                    && writerSpanId.equals(s.path("parentSpanId").asText()));
            assertEquals("CONSUMER", projection.path("kind").asText());

            // webhook-service's delivery of the change to the producer's endpoint, child of the same span.
            JsonNode delivery = span("webhook-service", s -> traceId.equals(s.path("traceId").asText())
                    && "webhook delivery".equals(s.path("name").asText())
                    && writerSpanId.equals(s.path("parentSpanId").asText()));
            assertEquals("CLIENT", delivery.path("kind").asText());
        }
    }

    private static void awaitPing(WorkflowAccounts accounts, String settingId) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String outcome = null;
        while (Instant.now().isBefore(deadline)) {
            outcome = Suite.graphql(Suite.gateway(accounts.ownerToken()),
                    "mutation($id: ID!) { wastetraceTestWebhookSetting(id: $id) { outcome } }", Map.of("id", settingId))
                    .extract().jsonPath().getString("data.wastetraceTestWebhookSetting.outcome");
            if ("DELIVERED".equals(outcome)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the webhook ping never got through: " + outcome);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros (an invalid id)
        return value;
    }

    private static Map<String, Object> form(WorkflowAccounts accounts) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("emitter", Map.of("type", "PRODUCER", "company", party(accounts, "P")));
        form.put("recipient", Map.of("processingOperation", "D 10", "cap", "CAP-TRACE", "company", party(accounts, "D")));
        form.put("transporter", Map.of("company", party(accounts, "T")));
        form.put("wasteDetails", Map.of("code", "06 05 02*", "name", "Boues", "isSubjectToADR", false,
                "packagingInfos", List.of(Map.of("type", "CITERNE", "quantity", 1)), "quantity", 1,
                "quantityType", "ESTIMATED", "consistences", List.of("LIQUID"), "pop", false));
        return form;
    }

    private static Map<String, Object> party(WorkflowAccounts accounts, String company) {
        return Map.of("siret", accounts.values().get(company + ".siret").asText(), "name", "Entreprise " + company,
                "address", ADDRESS, "contact", "Camille", "phone", "0102030405", "mail", "contact@wastetrace.test");
    }

    /** A consumer of the BSD events topic, every partition, positioned at its end before the transition. */
    private static KafkaConsumer<String, String> consumerAtTheEnd(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BSD_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the mutation
        return consumer;
    }

    private static ConsumerRecord<String, String> recordOf(KafkaConsumer<String, String> consumer, String formId,
                                                           String traceId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Header header = record.headers().lastHeader("traceparent");
                String traceParent = header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
                seen.add(record.key() + " " + traceParent);
                if (formId.equals(record.key()) && traceParent != null && traceParent.contains(traceId)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record of " + formId + " with trace " + traceId + " on " + Topics.BSD_EVENTS
                + " within " + PATIENCE + "; seen: " + seen);
    }

    private static String outboxTraceParent(String formId, String traceId) throws Exception {
        try (Connection bsd = DriverManager.getConnection(Suite.jdbcUrl("bsd"), Suite.env().get("DB_USER"),
                Suite.env().get("DB_PASSWORD"));
             PreparedStatement select = bsd.prepareStatement("select trace_parent from outbox_event "
                     + "where aggregate_id = ? and trace_parent like ? order by occurred_at desc limit 1")) {
            select.setString(1, formId);
            select.setString(2, "00-" + traceId + "-%");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no outbox row of " + formId + " in trace " + traceId);
                return row.getString(1);
            }
        }
    }

    /** The first span of a service's span log that matches, waiting for it (spans are logged when they end). */
    private static JsonNode span(String service, Predicate<JsonNode> matches) throws IOException, InterruptedException {
        Path log = Stack.root().resolve(".run/logs/" + service + ".spans.log");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Optional<JsonNode> found = Optional.empty();
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode span = line.startsWith("{") ? JSON.readTree(line) : null;
                    if (span != null && span.path("message").isTextual()) {
                        span = JSON.readTree(span.path("message").asText()); // a JSON log record around the span
                    }
                    if (span != null && matches.test(span)) {
                        found = Optional.of(span);
                        break;
                    }
                }
            }
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching span in " + log + " within " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }
}
