package fr.wastetrace.bsd.company;

import fr.wastetrace.bsd.bsdd.subscription.BsddChangeFeed;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.events.company.CompanyState;
import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.kafka.consumer.DeadLetters;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
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
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * bsd-service's consumer loops: an event the company read model cannot apply is parked after three tries and the
 * events after it are applied (a removed member loses access); a dead loop makes {@code /q/health/live} DOWN.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ConsumerLoopsQuarkusTest {
    private static final String SIRET = "70000000000088";

    @Inject
    CompanyDirectory directory;
    @Inject
    CompanyEventsConsumer companyEvents;
    @Inject
    BsddChangeFeed feed;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    String topic;
    @ConfigProperty(name = "wastetrace.bsd.subscriptions.topic")
    String bsdTopic;

    @Test
    void anEventThatCannotBeAppliedIsParkedAfterThreeTriesAndPermissionsKeepFollowing() {
        String companyId = "company-poison-" + UUID.randomUUID().toString().substring(0, 8);
        CallerIdentity bob = new CallerIdentity("poison-bob", "bob@x.fr", null, CallerIdentity.AuthType.JWT,
                "127.0.0.1", Instant.now().plusSeconds(60));
        try (CompanyEventsFixture fixture = new CompanyEventsFixture(bootstrap, topic)) {
            fixture.upsert(companyId, 1, CompanyEventsFixture.company(SIRET, "Avec Bob", List.of("PRODUCER"),
                    List.of(CompanyEventsFixture.member("poison-bob", UserRole.ADMIN)), null, null));
            CompanyEventsFixture.awaitRole(directory, "poison-bob", SIRET, UserRole.ADMIN);
            // A well-formed envelope whose payload the read model cannot store (a security code that is not a number).
            var payload = EventCodec.mapper().valueToTree(CompanyEventsFixture.company(SIRET, "Illisible",
                    List.of("PRODUCER"), List.of(), null, null));
            ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("securityCode", "pas un nombre");
            fixture.sendRaw(companyId, EventCodec.encode(new EventEnvelope(UUID.randomUUID(), CompanyState.UPSERTED,
                    CompanyState.AGGREGATE_TYPE, companyId, 2, Instant.now(), CompanyState.SCHEMA_VERSION, payload)));
            fixture.upsert(companyId, 3, CompanyEventsFixture.company(SIRET, "Sans Bob", List.of("PRODUCER"),
                    List.of(), null, null));
            CompanyEventsFixture.await(() -> !directory.companiesOf(bob).roles().containsKey(SIRET),
                    "bob removed by the event after the one that fails");
        }
        List<ConsumerRecord<String, String>> parked = KafkaEvents.records(bootstrap, DeadLetters.topicOf(topic), companyId,
                1, Duration.ofSeconds(30));
        assertEquals(1, parked.size());
        assertEquals("3", KafkaEvents.header(parked.get(0), DeadLetters.HEADER_TRIES));
        assertEquals(CompanyEventsConsumer.LOOP, KafkaEvents.header(parked.get(0), DeadLetters.HEADER_CONSUMER));
        assertEquals(topic, KafkaEvents.header(parked.get(0), DeadLetters.HEADER_TOPIC));
        assertFalse(KafkaEvents.header(parked.get(0), DeadLetters.HEADER_ERROR_CLASS).isBlank());
    }

    /**
     * The forms subscriptions feed parks a BSD event it cannot read on the dead-letter topic, as the other consumers
     * do (its own name in the consumer header), and goes on feeding its subscribers.
     */
    @Test
    void theSubscriptionsFeedParksAnUnreadableEventOnTheDeadLetterTopic() {
        CallerIdentity carol = new CallerIdentity("feed-carol", "carol@x.fr", null, CallerIdentity.AuthType.JWT,
                "127.0.0.1", Instant.now().plusSeconds(60));
        // The feed reads events only while someone subscribes.
        Cancellable subscription = feed.subscribe(carol).subscribe().with(change -> { }, failure -> { });
        try {
            String key = "form-poison-" + UUID.randomUUID().toString().substring(0, 8);
            try (KafkaEvents kafka = new KafkaEvents(bootstrap)) {
                kafka.send(bsdTopic, key, "{ not a BSD event");
            }
            List<ConsumerRecord<String, String>> parked = KafkaEvents.records(bootstrap, DeadLetters.topicOf(bsdTopic), key,
                    1, Duration.ofSeconds(60));
            assertEquals(1, parked.size());
            assertEquals(BsddChangeFeed.LOOP, KafkaEvents.header(parked.get(0), DeadLetters.HEADER_CONSUMER));
            assertEquals(bsdTopic, KafkaEvents.header(parked.get(0), DeadLetters.HEADER_TOPIC));
            assertEquals("1", KafkaEvents.header(parked.get(0), DeadLetters.HEADER_TRIES), "unreadable: parked at once");
            assertEquals("{ not a BSD event", parked.get(0).value());
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void livenessGoesDownWhenAConsumerLoopDies() throws Exception {
        awaitLive(200);
        given().get("/q/health/live").then().body("checks.find { it.name == 'kafka-consumers' }.data.'"
                + CompanyEventsConsumer.LOOP + ".state'", equalTo("RUNNING"));

        KafkaEvents.interruptThread("consumer-" + CompanyEventsConsumer.LOOP);
        awaitLive(503);
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-consumers' }.data.'" + CompanyEventsConsumer.LOOP + ".state'",
                        equalTo("FAILED"));
        companyEvents.start();
        awaitLive(200);

        KafkaEvents.interruptThread("consumer-" + BsddChangeFeed.LOOP);
        awaitLive(503);
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-consumers' }.data.'" + BsddChangeFeed.LOOP + ".state'",
                        equalTo("FAILED"));
        feed.start();
        awaitLive(200);
    }

    private static void awaitLive(int status) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (given().get("/q/health/live").statusCode() != status && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        given().get("/q/health/live").then().statusCode(status);
    }
}
