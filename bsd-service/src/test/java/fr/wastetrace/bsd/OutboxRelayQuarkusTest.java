package fr.wastetrace.bsd;

import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.outbox.Outbox;
import fr.wastetrace.outbox.OutboxRelay;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.List;
import java.util.Map;

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

        List<EventEnvelope> received = KafkaEvents.consume(bootstrap, topic, aggregate, 2, Duration.ofSeconds(60));

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

}
