package fr.wastetrace.bsd.company;

import fr.wastetrace.events.company.UserRole;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.Gql;
import fr.wastetrace.testing.TestIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read-your-writes in bsd-service: a request whose caller awaits a company version the read model has not applied
 * waits for the event, boundedly (libs/subgraph {@code ReadModelCatchUp}, {@link CompanyPositions}).
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ReadYourWritesQuarkusTest {
    private static final String FORMS = "query($s: String) { forms(siret: $s, first: 1) { id } }";

    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    String topic;
    @ConfigProperty(name = "wastetrace.read-your-writes.max-wait")
    Duration maxWait;

    private static JsonPath forms(String subject, String siret, Map<String, Long> awaited) {
        return given().contentType("application/json")
                .header(TestIdentity.HEADER, TestIdentity.user(subject, subject + "@wastetrace.test", null, awaited))
                .body(Gql.body(FORMS, Map.of("s", siret))).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRequestWaitsForTheCompanyItsCallerJustCreated() throws Exception {
        String subject = "ryw-" + UUID.randomUUID();
        String companyId = "company-ryw-" + UUID.randomUUID();
        String siret = "70000000000088";
        try (CompanyEventsFixture fixture = new CompanyEventsFixture(bootstrap, topic)) {
            long started = System.nanoTime();
            CompletableFuture<JsonPath> answer = CompletableFuture.supplyAsync(() ->
                    forms(subject, siret, Map.of(WrittenPositions.company(companyId), 1L)));
            Thread.sleep(500);
            fixture.upsert(companyId, 1, CompanyEventsFixture.company(siret, "Créée à l'instant", List.of("PRODUCER"),
                    List.of(CompanyEventsFixture.member(subject, UserRole.ADMIN)), null, null));
            JsonPath body = answer.get();
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertNull(body.get("errors"), body::prettify);
            assertTrue(waitedMillis >= 500, "answered after " + waitedMillis + " ms, before the event");

            long waits = waits();
            assertNull(forms(subject, siret, Map.of(WrittenPositions.company(companyId), 1L)).get("errors"));
            assertEquals(waits, waits(), "a version known applied is not awaited");
        }
    }

    @Test
    void pastTheBoundTheRequestRunsAsItWouldHaveAndIsCounted() {
        String subject = "ryw-" + UUID.randomUUID();
        double timeouts = meters.counter("wastetrace.read_your_writes.timeouts").count();
        long started = System.nanoTime();
        JsonPath body = forms(subject, "70000000000096", Map.of(WrittenPositions.company("company-never-" + UUID.randomUUID()), 3L));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("FORBIDDEN", body.getString("errors[0].extensions.code"), body::prettify);
        assertTrue(waitedMillis >= maxWait.toMillis(), "answered after " + waitedMillis + " ms");
        assertEquals(timeouts + 1, meters.counter("wastetrace.read_your_writes.timeouts").count());
    }

    @Test
    void positionsOfAggregatesTheReadModelDoesNotFollowAreNotAwaited() {
        long waits = waits();
        JsonPath body = forms("ryw-" + UUID.randomUUID(), "70000000000096", Map.of("bsda:never", 9L));
        assertEquals("FORBIDDEN", body.getString("errors[0].extensions.code"), body::prettify);
        assertEquals(waits, waits());
    }

    /** Requests that were held for the read model so far. */
    private long waits() {
        return meters.timer("wastetrace.read_your_writes.wait").count();
    }
}
