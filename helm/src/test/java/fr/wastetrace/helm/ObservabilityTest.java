package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional monitoring objects (ServiceMonitor, PrometheusRule, Grafana dashboard) and the tracing value. */
class ObservabilityTest {
    private static final Map<String, Object> ALL_ON = Map.of(
            "monitoring.serviceMonitor.enabled", true,
            "monitoring.serviceMonitor.labels.release", "kube-prometheus-stack",
            "monitoring.prometheusRule.enabled", true,
            "monitoring.prometheusRule.thresholds.mutationP99Seconds", 2, // helm --set reads integers only
            "monitoring.grafanaDashboard.enabled", true,
            "tracing.otlpEndpoint", "http://otel-collector.monitoring:4318");
    private static final Set<String> SCRAPED = Set.of("gateway", "bsd-service", "company-service", "registry-service",
            "webhook-service", "bsd-relay", "company-relay");
    /** Series every service exposes whatever its code: Prometheus' own, Quarkus' HTTP server metrics. */
    private static final Pattern SERIES = Pattern.compile("\\b(wastetrace_[a-z_]+|kafka_consumer_[a-z_]+|http_server_[a-z_]+|up)\\b");

    static Stream<Path> valuesFiles() {
        return Stream.of(Chart.SMALL_CLUSTER, Chart.NATIONAL);
    }

    private static String name(String component) {
        return Chart.RELEASE + "-wastetrace-" + component;
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void nothingOfItRendersByDefault(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);
        assertTrue(manifests.ofKind("ServiceMonitor").isEmpty());
        assertTrue(manifests.ofKind("PrometheusRule").isEmpty());
        assertTrue(manifests.ofKind("ConfigMap").stream().noneMatch(c -> c.path("data").has("wastetrace.json")));
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            assertFalse(configMap.path("data").has("OTEL_EXPORTER_OTLP_ENDPOINT"), "no trace export unless configured");
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theServiceMonitorScrapesEveryServiceAndRelayOnce(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile, ALL_ON);
        List<JsonNode> monitors = manifests.ofKind("ServiceMonitor");
        assertEquals(1, monitors.size());
        JsonNode monitor = monitors.get(0);
        assertEquals("kube-prometheus-stack", monitor.path("metadata").path("labels").path("release").asText());
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals("http", endpoint.path("port").asText());
        Map<String, String> selector = new HashMap<>();
        monitor.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        List<String> selected = new ArrayList<>();
        for (JsonNode service : manifests.ofKind("Service")) {
            Map<String, String> labels = new HashMap<>();
            service.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            if (labels.entrySet().containsAll(selector.entrySet())) {
                selected.add(Chart.component(service));
                assertFalse("None".equals(service.path("spec").path("clusterIP").asText()), "not the headless Services");
                assertTrue(service.path("spec").path("ports").toString().contains("\"name\":\"http\""));
            }
        }
        assertEquals(SCRAPED.size(), selected.size(), selected::toString);
        assertEquals(SCRAPED, new HashSet<>(selected));
    }

    @Test
    void theAlertRulesCoverTheIssueAndTakeTheirThresholdsFromValues() {
        JsonNode rule = Chart.render(Chart.NATIONAL, ALL_ON).ofKind("PrometheusRule").get(0);
        Map<String, String> alerts = new HashMap<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                alerts.put(alert.path("alert").asText(), alert.path("expr").asText());
                assertTrue(alert.path("annotations").path("summary").asText().contains("{{"), "templated summary");
            }
        }
        assertEquals(Set.of("WastetraceComponentDown", "WastetraceRelayInactive", "WastetraceMutationLatencyHigh",
                "WastetraceServerErrorsHigh", "WastetraceRegisterLagHigh", "WastetraceRelayLagHigh",
                "WastetraceConsumerLagHigh", "WastetraceDeadLetters", "WastetraceConsumerDown", "WastetraceWebhookLagHigh",
                "WastetraceWebhookDeliveriesAbandoned", "WastetraceExportSlow"), alerts.keySet());
        assertTrue(alerts.get("WastetraceMutationLatencyHigh").endsWith("> 2"), "set in the values");
        assertTrue(alerts.get("WastetraceRegisterLagHigh").endsWith("> 1"), "BENCHMARKS.md lag: p99 ≤ 1 s");
        assertTrue(alerts.get("WastetraceConsumerLagHigh").endsWith("> 2350"), "BENCHMARKS.md catchup: 2,350 events/s");
        assertTrue(alerts.get("WastetraceExportSlow").endsWith("> 180"), "BENCHMARKS.md csv: 2M lines in 89.6 s, twice that");
        for (String expr : alerts.values()) {
            assertTrue(expr.contains("namespace=\"wastetrace\""), () -> "the release's series only: " + expr);
            assertExposed(expr);
        }
    }

    @Test
    void theDashboardIsValidJsonWithAPanelForEachFigureOnRealSeries() throws IOException {
        JsonNode configMap = Chart.render(Chart.SMALL_CLUSTER, ALL_ON).ofKind("ConfigMap").stream()
                .filter(c -> c.path("data").has("wastetrace.json")).findFirst().orElseThrow();
        assertEquals("1", configMap.path("metadata").path("labels").path("grafana_dashboard").asText(), "the sidecar's label");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.path("data").path("wastetrace.json").asText());
        List<String> titles = new ArrayList<>();
        StringBuilder exprs = new StringBuilder();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertExposed(target.path("expr").asText());
                exprs.append(target.path("expr").asText()).append('\n');
            }
        }
        String all = String.join("\n", titles).toLowerCase();
        for (String figure : List.of("requests per second", "errors", "latency", "register lag", "consumer lag",
                "dead letters", "relay lag", "webhook", "export durations")) {
            assertTrue(all.contains(figure), () -> figure + " in " + titles);
        }
        for (String series : List.of("wastetrace_gateway_operations_seconds_bucket", "wastetrace_registry_projection_lag_seconds",
                "kafka_consumer_fetch_manager_records_lag_max", "wastetrace_outbox_relay_lag_seconds_bucket",
                "wastetrace_webhook_attempts_total", "uri=\"/download\"")) {
            assertTrue(exprs.toString().contains(series), series);
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void tracesGoToTheConfiguredCollectorFromEveryPod(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile, ALL_ON);
        for (JsonNode workload : manifests.workloads()) {
            String configMap = workload.path("spec").path("template").path("spec").path("containers").get(0)
                    .path("envFrom").get(0).path("configMapRef").path("name").asText();
            assertEquals("http://otel-collector.monitoring:4318", manifests.get("ConfigMap", configMap).path("data")
                    .path("OTEL_EXPORTER_OTLP_ENDPOINT").asText(), workload.path("metadata").path("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theStatusPageReachesWebhookServiceAndTheRelays(Path valuesFile) {
        Manifests manifests = Chart.render(valuesFile);
        JsonNode gateway = manifests.get("ConfigMap", name("gateway")).path("data");
        assertEquals("http://" + name("webhook-service") + ":8080", gateway.path("WEBHOOK_SERVICE_URL").asText());
        for (String relay : List.of("bsd-relay", "company-relay")) {
            String variable = relay.substring(0, relay.indexOf('-')).toUpperCase() + "_RELAY_URL";
            assertEquals("http://" + name(relay) + ":8080", gateway.path(variable).asText());
            assertEquals(relay, manifests.get("Service", name(relay)).path("spec").path("selector")
                    .path("app.kubernetes.io/component").asText());
            JsonNode policy = manifests.get("NetworkPolicy", name(relay));
            assertTrue(policy.path("spec").path("ingress").toString().contains("\"app.kubernetes.io/component\":\"gateway\""),
                    "the gateway may read the relay's readiness");
        }
    }

    /**
     * Every series a query uses is one the suite exposes: a metric its code registers (the Prometheus name of a
     * Micrometer name found in the services' and libraries' sources), Kafka's client metrics, Quarkus' HTTP metrics.
     */
    private static void assertExposed(String expr) {
        Matcher series = SERIES.matcher(expr);
        while (series.find()) {
            String name = series.group(1);
            if (!name.startsWith("wastetrace_")) {
                continue;
            }
            String micrometer = name.replaceFirst("(_seconds)?(_bucket|_count|_sum|_max)?$", "").replaceFirst("_total$", "")
                    .replace('_', '.');
            assertTrue(SOURCES.contains("\"" + micrometer + "\"") || SOURCES.contains("\"" + micrometer.replace("read.your.writes", "read_your_writes") + "\""),
                    () -> name + " (" + micrometer + ") is registered nowhere in the services' code");
        }
    }

    private static final String SOURCES = sources();

    private static String sources() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src/main/java"))
                    .toList()) {
                all.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
