package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static fr.wastetrace.helm.Chart.component;
import static fr.wastetrace.helm.Chart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart rendered with each commented values file has the properties the deployment relies on. */
class RenderedManifestsTest {

    private static final Set<String> SUBGRAPHS = Set.of("bsd-service", "company-service", "registry-service");
    private static final Set<String> API = Set.of("gateway", "bsd-service", "company-service", "registry-service",
            "webhook-service");
    private static final Map<String, String> RELAYS = Map.of("bsd-relay", "bsd-service", "company-relay", "company-service");
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Stream<Path> valuesFiles() {
        return Stream.of(Chart.SMALL_CLUSTER, Chart.NATIONAL);
    }

    private static Manifests render(Path valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, Chart::render);
    }

    private static String name(String component) {
        return Chart.RELEASE + "-wastetrace-" + component;
    }

    private static JsonNode container(JsonNode workload) {
        JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), () -> "one container in " + workload.path("metadata").path("name"));
        return containers.get(0);
    }

    /** A JSON object of strings (labels, a Service selector) as a map. */
    private static Map<String, String> plainMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Map<String, String> matchLabels(JsonNode labelSelector) {
        return plainMap(labelSelector.path("matchLabels"));
    }

    private static Map<String, String> podLabels(JsonNode workload) {
        return plainMap(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void rendersTheFiveServicesAndOneRelayPerDatabase(Path valuesFile) {
        Set<String> components = new HashSet<>();
        render(valuesFile).workloads().forEach(w -> components.add(component(w)));

        assertEquals(Set.of("gateway", "bsd-service", "company-service", "registry-service", "webhook-service",
                "bsd-relay", "company-relay"), components);
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyContainerHasQuarkusHealthProbesAndResources(Path valuesFile) {
        for (JsonNode workload : render(valuesFile).workloads()) {
            JsonNode container = container(workload);
            String where = workload.path("metadata").path("name").asText();
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), where);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), where);
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), where);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), where + " " + probe);
            }
            assertEquals("http", container.path("ports").get(0).path("name").asText(), where);
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertFalse(container.path("resources").path(bound).path(resource).asText().isBlank(),
                            () -> where + " has no resources." + bound + "." + resource);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void exactlyOneRelayReplicaPerDatabaseWithRecreate(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        List<JsonNode> relays = manifests.workloads().stream()
                .filter(w -> "true".equals(env(container(w), "OUTBOX_RELAY_ENABLED").path("value").asText()))
                .toList();

        assertEquals(2, relays.size(), "one relay for the bsd database, one for the company database");
        for (JsonNode relay : relays) {
            String component = component(relay);
            assertTrue(RELAYS.containsKey(component), component);
            assertEquals("Deployment", relay.path("kind").asText());
            assertEquals(1, relay.path("spec").path("replicas").asInt(), component);
            assertEquals("Recreate", relay.path("spec").path("strategy").path("type").asText(), component);
            String image = container(relay).path("image").asText();
            assertTrue(image.endsWith("/" + RELAYS.get(component) + ":0.1.0"), () -> component + " runs " + image);
            // Same database as its service: the relay reads the service's ConfigMap.
            assertEquals(name(RELAYS.get(component)),
                    container(relay).path("envFrom").get(0).path("configMapRef").path("name").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theBsdRelayLeavesTheCompanyEventConsumerToTheApiPods(Path valuesFile) {
        Manifests manifests = render(valuesFile);

        assertEquals("false", env(container(manifests.get("Deployment", name("bsd-relay"))), "COMPANY_EVENTS_ENABLED")
                .path("value").asText());
        assertTrue(env(container(manifests.get("StatefulSet", name("bsd-service"))), "COMPANY_EVENTS_ENABLED")
                .isMissingNode());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void apiWorkloadsOfOutboxServicesNeverRunTheRelay(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        for (String service : RELAYS.values()) {
            JsonNode workload = manifests.workloads().stream().filter(w -> service.equals(component(w)))
                    .findFirst().orElseThrow();
            assertEquals("false", env(container(workload), "OUTBOX_RELAY_ENABLED").path("value").asText(), service);
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void relaysAreNeitherAutoscaledNorBudgetedNorExposed(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        for (JsonNode hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            assertTrue(Set.of(name("gateway"), name("bsd-service"), name("company-service")).contains(target),
                    () -> "autoscaler on " + target);
        }
        for (JsonNode relay : manifests.workloads().stream().filter(w -> RELAYS.containsKey(component(w))).toList()) {
            Map<String, String> labels = podLabels(relay);
            // Its own Service only (status page and monitoring: its NetworkPolicy admits nobody else).
            for (JsonNode service : manifests.ofKind("Service")) {
                String serviceName = service.path("metadata").path("name").asText();
                assertEquals(serviceName.equals(name(component(relay))),
                        selects(plainMap(service.path("spec").path("selector")), labels),
                        () -> "Service " + serviceName + " and " + component(relay));
            }
            for (JsonNode pdb : manifests.ofKind("PodDisruptionBudget")) {
                assertFalse(selects(matchLabels(pdb.path("spec").path("selector")), labels),
                        () -> "PDB " + pdb.path("metadata").path("name") + " selects " + component(relay));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theIngressRoutesOnlyToTheGatewayService(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        List<JsonNode> ingresses = manifests.ofKind("Ingress");
        assertEquals(1, ingresses.size());

        List<JsonNode> backends = ingresses.get(0).path("spec").path("rules").findValues("backend");
        assertFalse(backends.isEmpty());
        JsonNode gatewayWorkload = manifests.get("Deployment", name("gateway"));
        for (JsonNode backend : backends) {
            String serviceName = backend.path("service").path("name").asText();
            assertEquals(name("gateway"), serviceName);
            JsonNode service = manifests.get("Service", serviceName);
            assertTrue(selects(plainMap(service.path("spec").path("selector")), podLabels(gatewayWorkload)));
            for (String subgraph : SUBGRAPHS) {
                JsonNode workload = manifests.workloads().stream().filter(w -> subgraph.equals(component(w)))
                        .findFirst().orElseThrow();
                assertFalse(selects(plainMap(service.path("spec").path("selector")), podLabels(workload)), subgraph);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void subgraphsAcceptTrafficOnlyFromTheGatewayAndMonitoring(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        Map<String, String> gatewayPods = podLabels(manifests.get("Deployment", name("gateway")));
        Map<String, String> webhookPods = podLabels(manifests.get("StatefulSet", name("webhook-service")));
        for (String subgraph : SUBGRAPHS) {
            JsonNode workload = manifests.workloads().stream().filter(w -> subgraph.equals(component(w)))
                    .findFirst().orElseThrow();
            List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(matchLabels(p.path("spec").path("podSelector")), podLabels(workload)))
                    .toList();
            assertEquals(1, policies.size(), () -> "one NetworkPolicy selects " + subgraph);
            JsonNode spec = policies.get(0).path("spec");
            assertTrue(spec.path("policyTypes").toString().contains("Ingress"));

            boolean gatewayAllowed = false;
            for (JsonNode rule : spec.path("ingress")) {
                assertTrue(rule.has("from"), () -> subgraph + " has a rule open to any source: " + rule);
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("namespaceSelector")) {
                        // The monitoring rule: another namespace, never all of them.
                        assertFalse(peer.path("namespaceSelector").isEmpty(), () -> subgraph + ": " + peer);
                    } else if ("company-service".equals(subgraph)
                            && selects(matchLabels(peer.path("podSelector")), webhookPods)) {
                        // webhook-service reports the settings it deactivates after repeated failures.
                        assertFalse(selects(matchLabels(peer.path("podSelector")), gatewayPods));
                    } else {
                        assertTrue(selects(matchLabels(peer.path("podSelector")), gatewayPods),
                                () -> subgraph + " reachable from " + peer);
                        gatewayAllowed = true;
                    }
                }
            }
            assertTrue(gatewayAllowed, subgraph);
        }
    }

    /** The NetworkPolicy that selects registry-service's pods. */
    private static JsonNode registryPolicy(Manifests manifests) {
        JsonNode workload = manifests.get("StatefulSet", name("registry-service"));
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> selects(matchLabels(p.path("spec").path("podSelector")), podLabels(workload)))
                .toList();
        assertEquals(1, policies.size(), "one NetworkPolicy selects registry-service");
        return policies.get(0);
    }

    /**
     * The national registry reads registry-service's feed (/internal/registry-feed) directly, not through the gateway:
     * its client's peers (selectors of networkPolicy.nationalRegistry, or its CIDRs) reach registry-service's port, and
     * nobody else besides the gateway (and monitoring) does; with nothing set, no such rule.
     */
    @Test
    void theNationalRegistryReachesTheFeedOfRegistryServiceOnlyFromItsConfiguredPeers() {
        int port = Chart.render(Chart.SMALL_CLUSTER).ofKind("Service").stream()
                .filter(s -> s.path("metadata").path("name").asText().equals(name("registry-service")))
                .findFirst().orElseThrow().path("spec").path("ports").get(0).path("port").asInt();

        JsonNode none = registryPolicy(Chart.render(Chart.SMALL_CLUSTER)).path("spec");
        for (JsonNode rule : none.path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                assertFalse(peer.has("ipBlock"), () -> "no address block by default: " + peer);
            }
        }

        Manifests allowed = Chart.render(Chart.SMALL_CLUSTER, Map.of(
                "networkPolicy.nationalRegistry.namespaceSelector.matchLabels.team", "registre-national",
                "networkPolicy.nationalRegistry.podSelector.matchLabels.app", "registre-client",
                "networkPolicy.nationalRegistry.cidrs[0]", "203.0.113.0/24",
                "networkPolicy.nationalRegistry.cidrs[1]", "198.51.100.7/32"));
        JsonNode spec = registryPolicy(allowed).path("spec");
        JsonNode selectorRule = null;
        JsonNode cidrRule = null;
        for (JsonNode rule : spec.path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                if (peer.path("namespaceSelector").path("matchLabels").path("team").asText().equals("registre-national")) {
                    assertEquals("registre-client", peer.path("podSelector").path("matchLabels").path("app").asText(),
                            "both selectors in one peer: those pods in those namespaces");
                    selectorRule = rule;
                }
                if (peer.has("ipBlock")) {
                    cidrRule = rule;
                }
            }
        }
        assertTrue(selectorRule != null, () -> "a rule for the national registry's selectors: " + spec);
        assertTrue(cidrRule != null, () -> "a rule for the national registry's addresses: " + spec);
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), cidrRule.path("from").findValuesAsText("cidr"));
        for (JsonNode rule : List.of(selectorRule, cidrRule)) {
            assertEquals(1, rule.path("ports").size(), () -> "one port: " + rule);
            assertEquals(port, rule.path("ports").get(0).path("port").asInt(), () -> "registry-service's HTTP port: " + rule);
        }
        for (String other : List.of("bsd-service", "company-service")) {
            JsonNode workload = allowed.workloads().stream().filter(w -> other.equals(component(w))).findFirst().orElseThrow();
            allowed.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(matchLabels(p.path("spec").path("podSelector")), podLabels(workload)))
                    .forEach(p -> assertFalse(p.toString().contains("registre-national") || p.toString().contains("203.0.113.0"),
                            () -> other + " stays closed to the national registry: " + p));
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void kafkaConsumersKeepTheirMemberIdentityAcrossRestarts(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        for (String consumer : List.of("bsd-service", "registry-service", "webhook-service")) {
            JsonNode statefulSet = manifests.get("StatefulSet", name(consumer));
            assertEquals("metadata.name",
                    env(container(statefulSet), "POD_NAME").path("valueFrom").path("fieldRef").path("fieldPath").asText());
            manifests.get("Service", statefulSet.path("spec").path("serviceName").asText());
        }
        for (String relay : RELAYS.keySet()) {
            assertEquals(name(relay), env(container(manifests.get("Deployment", name(relay))), "POD_NAME")
                    .path("value").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyServiceHasADisruptionBudget(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        for (String app : API) {
            JsonNode pdb = manifests.get("PodDisruptionBudget", name(app));
            assertEquals(app, matchLabels(pdb.path("spec").path("selector")).get("app.kubernetes.io/component"));
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theGatewayReachesEachSubgraphThroughItsService(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        JsonNode config = manifests.get("ConfigMap", name("gateway")).path("data");
        for (String subgraph : SUBGRAPHS) {
            String variable = subgraph.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            assertEquals("http://" + name(subgraph) + ":8080", config.path(variable).asText(), variable);
            JsonNode service = manifests.get("Service", name(subgraph));
            assertEquals(subgraph, service.path("spec").path("selector").path("app.kubernetes.io/component").asText());
        }
    }

    @Test
    void theGatewayAllowsItsOwnPublicAddressAndTheBrowserOriginsOfItsValues() {
        // GraphiQL's page is served over TLS by the Ingress, the gateway sees plain HTTP: not the same origin to it.
        assertEquals("https://api.wastetrace.example.org,https://app.wastetrace.example.org", render(Chart.NATIONAL)
                .get("ConfigMap", name("gateway")).path("data").path("CORS_ALLOWED_ORIGINS").asText());
        assertEquals("https://api.wastetrace.example.org", render(Chart.SMALL_CLUSTER)
                .get("ConfigMap", name("gateway")).path("data").path("CORS_ALLOWED_ORIGINS").asText());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyConnectionComesFromValues(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        for (JsonNode workload : manifests.workloads()) {
            JsonNode container = container(workload);
            String configMap = container.path("envFrom").get(0).path("configMapRef").path("name").asText();
            JsonNode data = manifests.get("ConfigMap", configMap).path("data");
            String where = workload.path("metadata").path("name").asText();
            assertEquals("0.0.0.0", data.path("HTTP_HOST").asText(), where);
            assertEquals("true", data.path("LOG_JSON").asText(), where);
            assertFalse(data.path("KAFKA_BOOTSTRAP_SERVERS").asText().isBlank(), where);
            assertTrue(env(container, "INTERNAL_IDENTITY_SECRET").has("valueFrom"), where);
            if (!"gateway".equals(component(workload))) {
                assertTrue(data.path("DB_URL").asText().startsWith("jdbc:postgresql://"), where);
                assertTrue(env(container, "DB_PASSWORD").path("valueFrom").has("secretKeyRef"), where);
            }
        }
        JsonNode gateway = manifests.get("ConfigMap", name("gateway")).path("data");
        assertTrue(gateway.path("OIDC_ISSUER").asText().endsWith("/realms/trackdechets"));
        assertFalse(gateway.path("TRUSTED_PROXIES").asText().isBlank());
        assertTrue(gateway.has("CORS_ALLOWED_ORIGINS"), "the allowed browser origins are a setting");
        assertEquals("1000", gateway.path("RATE_LIMIT_PER_MINUTE").asText());
        assertEquals("trackdechets-api", gateway.path("OIDC_AUDIENCE").asText());
        // Download links point at the public gateway, never at registry-service itself.
        assertEquals("https://api.wastetrace.example.org",
                manifests.get("ConfigMap", name("registry-service")).path("data").path("PUBLIC_URL").asText());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theWebhookServiceReachesTheInternetButNotTheCluster(Path valuesFile) {
        Manifests manifests = render(valuesFile);
        JsonNode workload = manifests.get("StatefulSet", name("webhook-service"));
        Map<String, String> companyPods = podLabels(manifests.get("Deployment", name("company-service")));
        Map<String, String> gatewayPods = podLabels(manifests.get("Deployment", name("gateway")));
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> selects(matchLabels(p.path("spec").path("podSelector")), podLabels(workload))).toList();
        assertEquals(1, policies.size());
        JsonNode spec = policies.get(0).path("spec");
        assertTrue(spec.path("policyTypes").toString().contains("Egress"), "egress is restricted");

        for (JsonNode rule : spec.path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                // company-service (attempts, pings), the gateway (its readiness, for the status page), monitoring.
                assertTrue(peer.has("namespaceSelector") || selects(matchLabels(peer.path("podSelector")), companyPods)
                        || selects(matchLabels(peer.path("podSelector")), gatewayPods),
                        () -> "webhook-service reachable from " + peer);
            }
            assertTrue(rule.has("from"), "no ingress rule open to any source");
        }

        Set<String> except = new HashSet<>();
        boolean internet = false;
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                JsonNode block = peer.path("ipBlock");
                if ("0.0.0.0/0".equals(block.path("cidr").asText()) || "::/0".equals(block.path("cidr").asText())) {
                    internet = true;
                    block.path("except").forEach(cidr -> except.add(cidr.asText()));
                } else if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                    assertTrue(selects(matchLabels(peer.path("podSelector")), companyPods),
                            () -> "webhook-service may call " + peer);
                }
            }
        }
        assertTrue(internet, "the internet is reachable");
        assertTrue(except.containsAll(Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                "127.0.0.0/8", "100.64.0.0/10", "fc00::/7", "fe80::/10")), except::toString);
        String denied = manifests.get("ConfigMap", name("webhook-service")).path("data").path("WEBHOOK_DENIED_NETWORKS")
                .asText();
        assertFalse(denied.isBlank(), "the cluster's networks are refused by the service too");
        for (String network : denied.split(",")) {
            assertTrue(except.contains(network), () -> network + " left out of the internet egress");
        }
        assertEquals(denied, manifests.get("ConfigMap", name("company-service")).path("data")
                .path("WEBHOOK_DENIED_NETWORKS").asText(), "registration refuses them as well");
        assertEquals("http://" + name("company-service") + ":8080",
                manifests.get("ConfigMap", name("webhook-service")).path("data").path("COMPANY_SERVICE_URL").asText());
        assertEquals("http://" + name("webhook-service") + ":8080",
                manifests.get("ConfigMap", name("company-service")).path("data").path("WEBHOOK_SERVICE_URL").asText());
    }
}
