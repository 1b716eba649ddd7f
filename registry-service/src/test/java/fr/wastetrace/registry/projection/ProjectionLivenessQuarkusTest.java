package fr.wastetrace.registry.projection;

import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A projection loop whose thread dies makes liveness DOWN (the pod is restarted), and readiness too. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ProjectionLivenessQuarkusTest {
    @Inject
    ProjectionConsumer consumer;

    @Test
    void livenessGoesDownWhenTheProjectionLoopDies() throws Exception {
        await("/q/health/live", 200);
        given().get("/q/health/live").then()
                .body("checks.find { it.name == 'kafka-consumers' }.data.'" + ProjectionConsumer.LOOP + ".state'", equalTo("RUNNING"));

        KafkaEvents.interruptThread("consumer-" + ProjectionConsumer.LOOP);

        await("/q/health/live", 503);
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-consumers' }.data.'" + ProjectionConsumer.LOOP + ".state'", equalTo("FAILED"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'registry-projection' }.status", equalTo("DOWN"));

        consumer.start();
        await("/q/health/live", 200);
        await("/q/health/ready", 200);
    }

    private static void await(String path, int status) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (given().get(path).statusCode() != status && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        given().get(path).then().statusCode(status);
    }
}
