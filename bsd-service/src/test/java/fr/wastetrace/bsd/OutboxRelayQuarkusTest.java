package fr.wastetrace.bsd;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.outbox.OutboxRelay;
import fr.wastetrace.testing.BackingServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox of bsd-service's database reaches its Kafka topic through Debezium, in order, after commit only. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class OutboxRelayQuarkusTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "wastetrace.outbox.relay.topic")
    String topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void committedEventsArePublishedInOrderAndRolledBackOnesAreNot() {
        String aggregate = "BSD-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("bsdd.created", "bsdd", aggregate, 1, 1, Map.of("status", "DRAFT")));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("bsdd.sealed", "bsdd", aggregate, 2, 1, Map.of("status", "ROLLED_BACK"));
            throw new IllegalStateException("business failure after the event was written");
        }));
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("bsdd.sealed", "bsdd", aggregate, 2, 1, Map.of("status", "SEALED")));

        List<EventEnvelope> received = consume(aggregate, 2, Duration.ofSeconds(60));

        assertEquals(List.of(1L, 2L), received.stream().map(EventEnvelope::version).toList());
        assertEquals(List.of("DRAFT", "SEALED"), received.stream().map(e -> e.payload().get("status").asText()).toList());
        assertEquals("bsdd", received.get(0).aggregateType());
        assertEquals(OutboxRelay.State.ACTIVE, relay.state());
        assertTrue(relay.publishedCount() >= 2);
    }

    @Test
    void writingAnEventOutsideATransactionIsRefused() {
        assertThrows(Exception.class, () -> outbox.publish("bsdd.created", "bsdd", "x", 1, 1, Map.of()));
    }

    private List<EventEnvelope> consume(String aggregate, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (received.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (aggregate.equals(record.key())) {
                        received.add(EventCodec.decode(record.value()));
                    }
                }
            }
        }
        return received;
    }
}
