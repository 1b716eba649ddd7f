package fr.wastetrace.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bsd-service's event loops, which bound the mutations a pod runs at once (SmallRye GraphQL runs blocking resolvers in
 * order per event loop): a Helm value whose default is the service's own, and a chart that refuses fewer database
 * connections than event loops.
 */
class ConcurrencyValuesTest {
    private static String configValue(Chart.Manifests manifests, String name) {
        return manifests.get("ConfigMap", Chart.RELEASE + "-wastetrace-bsd-service").path("data").path(name).asText(null);
    }

    @Test
    void theDefaultIsTheServicesOwnAndAValueReachesThePods() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("..", "bsd-service", "src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String serviceDefault = properties.getProperty("quarkus.vertx.event-loops-pool-size").replaceAll("^\\$\\{EVENT_LOOPS:(.*)}$", "$1");
        assertEquals(serviceDefault, configValue(Chart.render(Chart.NATIONAL), "EVENT_LOOPS"));
        assertEquals("12", configValue(Chart.render(Chart.NATIONAL, Map.of("bsdService.eventLoops", 12)), "EVENT_LOOPS"));
        assertEquals("8", configValue(Chart.render(Chart.SMALL_CLUSTER), "EVENT_LOOPS"), "small pods, 10 connections");
    }

    @Test
    void fewerConnectionsThanEventLoopsAndZeroLoopsAreRefused() {
        IllegalStateException tooFewConnections = assertThrows(IllegalStateException.class, () -> Chart.render(
                Chart.NATIONAL, Map.of("bsdService.eventLoops", 20, "bsdService.database.poolMax", 20)));
        assertTrue(tooFewConnections.getMessage().contains("bsdService.database.poolMax (20) must exceed bsdService.eventLoops (20)"),
                tooFewConnections::getMessage);
        IllegalStateException zero = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.NATIONAL,
                Map.of("bsdService.eventLoops", 0)));
        assertTrue(zero.getMessage().contains("eventLoops"), zero::getMessage);
    }
}
