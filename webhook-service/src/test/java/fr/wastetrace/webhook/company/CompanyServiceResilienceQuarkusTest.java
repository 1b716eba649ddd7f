package fr.wastetrace.webhook.company;

import com.sun.net.httpserver.HttpServer;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.PeerStubs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * webhook-service's one call to company-service, a deactivation, against a stub company-service on a real local HTTP
 * server: it is a mutation, so a failure is not retried; repeated failures open company-service's breaker, after which
 * deactivations stop reaching it (and report failure, to be asked again later). webhook-service reads nothing from
 * company-service over HTTP (it learns of settings from the event stream), so it has no retried call. The breaker test
 * runs last: its breaker stays open.
 */
@QuarkusTest
@WithTestResource(BackingServices.class)
@TestProfile(CompanyServiceResilienceQuarkusTest.StubCompanyService.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompanyServiceResilienceQuarkusTest {
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger FAILURES_TO_COME = new AtomicInteger();
    static final AtomicBoolean FAILING = new AtomicBoolean();

    public static class StubCompanyService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PeerStubs.testPolicy("wastetrace.webhook.company-service-calls.", "5s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubServer.class));
        }
    }

    public static class StubServer implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            server = PeerStubs.start(routes -> routes.createContext("/internal/webhook-settings/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                CALLS.incrementAndGet();
                PeerStubs.send(exchange, PeerStubs.fails(FAILING, FAILURES_TO_COME) ? 503 : 200, "");
            }));
            return Map.of("wastetrace.webhook.company-service-url", PeerStubs.url(server));
        }

        @Override
        public void stop() {
            PeerStubs.stop(server);
        }
    }

    @Inject
    CompanyService companyService;

    @BeforeEach
    void reset() {
        CALLS.set(0);
        FAILURES_TO_COME.set(0);
        FAILING.set(false);
    }

    @Test
    @Order(1)
    void aDeactivationIsSentOnceEvenWhenItFails() {
        FAILURES_TO_COME.set(1);

        assertFalse(companyService.deactivate("setting-1", 3, 6));

        assertEquals(1, CALLS.get(), "a deactivation is a mutation: never sent again");
        assertTrue(companyService.deactivate("setting-1", 3, 6), "company-service answers again");
    }

    @Test
    @Order(2)
    void companyServiceFailingOpensItsBreaker() {
        FAILING.set(true);
        int sent = 8;
        for (int i = 0; i < sent; i++) {
            assertFalse(companyService.deactivate("setting-2", 1, 6));
        }
        int reached = CALLS.get();
        assertTrue(reached < sent, "the breaker should have opened before " + sent + " calls; " + reached + " reached it");

        FAILING.set(false);
        assertFalse(companyService.deactivate("setting-2", 1, 6), "an open breaker refuses at once");
        assertEquals(reached, CALLS.get());
    }
}
