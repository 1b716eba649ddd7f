package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calls' resilience settings (timeouts, retries, circuit breakers: #24 item 4) are Helm values: each value renders
 * as the service's own setting, the chart's defaults are the services' defaults, and a misspelt key is refused.
 */
class ResilienceValuesTest {
    /** The services that guard calls to peers, with the prefix of their settings and their module. */
    private static final Map<String, String> PREFIXES = Map.of(
            "gateway", "wastetrace.gateway.", "company-service", "wastetrace.company.",
            "webhook-service", "wastetrace.webhook.");
    private static final Pattern DEFAULT = Pattern.compile("^\\$\\{[A-Z_]+:(.*)}$");

    /** The service's settings of calls to peers as environment variables, with their default values. */
    private static Map<String, String> callSettings(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("..", service, "src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIXES.get(service)) && key.contains("-calls.")) {
                String value = properties.getProperty(key).trim();
                Matcher fallback = DEFAULT.matcher(value);
                settings.put(key.toUpperCase().replaceAll("[.-]", "_"), fallback.matches() ? fallback.group(1) : value);
            }
        }
        return settings;
    }

    private static Map<String, String> rendered(Chart.Manifests manifests, String service) {
        JsonNode data = manifests.get("ConfigMap", Chart.RELEASE + "-wastetrace-" + service).path("data");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith(PREFIXES.get(service).toUpperCase().replace('.', '_'))) {
                out.put(name, data.get(name).asText());
            }
        }
        return out;
    }

    @Test
    void theChartsDefaultsAreTheServicesSettingsOneByOne() throws IOException {
        Chart.Manifests manifests = Chart.render(Chart.NATIONAL);
        for (String service : PREFIXES.keySet()) {
            Map<String, String> expected = callSettings(service);
            assertFalse(expected.isEmpty(), service);
            Map<String, String> actual = rendered(manifests, service);
            // every rendered variable is a setting the service has, with its default; none is left out
            assertEquals(expected.keySet().stream().filter(k -> !k.endsWith("CONNECT_TIMEOUT")).sorted().toList(),
                    actual.keySet().stream().sorted().toList(), service);
            actual.forEach((name, value) -> assertEquals(expected.get(name), value, service + " " + name));
        }
    }

    @Test
    void aValueReachesItsServiceAndAMisspeltKeyIsRefused() {
        Chart.Manifests manifests = Chart.render(Chart.NATIONAL, Map.of(
                "gateway.resilience.subgraphCalls.timeout", "15s",
                "companyService.resilience.keycloakCalls.circuitBreaker.delay", "30s"));
        assertEquals("15s", rendered(manifests, "gateway").get("WASTETRACE_GATEWAY_SUBGRAPH_CALLS_TIMEOUT"));
        assertEquals("30s", rendered(manifests, "company-service")
                .get("WASTETRACE_COMPANY_KEYCLOAK_CALLS_CIRCUIT_BREAKER_DELAY"));

        IllegalStateException misspelt = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.NATIONAL,
                Map.of("gateway.resilience.subgraphCalls.retry.retries", 3)));
        assertTrue(misspelt.getMessage().contains("additional properties 'retries' not allowed"),
                misspelt::getMessage);
        IllegalStateException notADuration = assertThrows(IllegalStateException.class, () -> Chart.render(
                Chart.NATIONAL, Map.of("webhookService.resilience.companyServiceCalls.timeout", "ten seconds")));
        assertTrue(notADuration.getMessage().contains("timeout"), notADuration::getMessage);
    }
}
