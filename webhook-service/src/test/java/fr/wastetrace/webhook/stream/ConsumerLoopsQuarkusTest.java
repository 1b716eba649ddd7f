package fr.wastetrace.webhook.stream;

import fr.wastetrace.kafka.consumer.DeadLetters;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** webhook-service's two consumer loops: a malformed event is parked at once; a dead loop makes liveness DOWN. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ConsumerLoopsQuarkusTest {
    @Inject
    EventConsumers consumers;
    @ConfigProperty(name = "wastetrace.webhook.topics.bsd-events")
    String bsdTopic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMalformedBsdEventGoesToTheDeadLetterTopicAtOnce() {
        String key = "malformed-" + UUID.randomUUID();
        try (KafkaEvents kafka = new KafkaEvents(bootstrap)) {
            kafka.send(bsdTopic, key, "{ pas un événement");
        }
        List<ConsumerRecord<String, String>> parked = KafkaEvents.records(bootstrap, DeadLetters.topicOf(bsdTopic), key, 1,
                Duration.ofSeconds(60));
        assertEquals(1, parked.size());
        assertEquals("1", KafkaEvents.header(parked.get(0), DeadLetters.HEADER_TRIES));
        assertEquals(EventConsumers.CHANGES, KafkaEvents.header(parked.get(0), DeadLetters.HEADER_CONSUMER));
        assertEquals("{ pas un événement", parked.get(0).value());
    }

    @Test
    void livenessGoesDownWhenEitherLoopDies() throws Exception {
        for (String loop : List.of(EventConsumers.SETTINGS, EventConsumers.CHANGES)) {
            awaitLive(200);
            KafkaEvents.interruptThread("consumer-" + loop);
            awaitLive(503);
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == 'kafka-consumers' }.data.'" + loop + ".state'", equalTo("FAILED"));
            given().get("/q/health/ready").then().statusCode(503);
            consumers.start(loop);
            awaitLive(200);
        }
    }

    private static void awaitLive(int status) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (given().get("/q/health/live").statusCode() != status && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        given().get("/q/health/live").then().statusCode(status);
    }
}
