package fr.wastetrace.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The producer settings the relay's ordering guarantee rests on (see {@link OutboxRelay#producerProperties()}). */
class OutboxRelayProducerSettingsTest {
    @Test
    void oneRequestInFlightIdempotentAndAcknowledgedByAllReplicas() {
        Properties p = relay().producerProperties();
        assertEquals("1", p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION),
                "a retried request must not be overtaken by the next one");
        assertEquals("true", p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
    }

    private static OutboxRelay relay() {
        RelayConfig config = new TestRelayConfig("settings", "wastetrace.test.settings", Duration.ofSeconds(2));
        return new OutboxRelay(config, "jdbc:postgresql://127.0.0.1:5432/unused", "u", "p", "127.0.0.1:9092",
                new SimpleMeterRegistry());
    }
}
