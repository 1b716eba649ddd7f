package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.wastetrace.helm.Chart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that would break the one-relay-per-database rule are refused instead of rendered. */
class ValuesGuardTest {

    private static void assertRefused(Map<String, Object> overrides, String expectedInMessage) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Chart.render(Chart.NATIONAL, overrides));
        assertTrue(error.getMessage().contains(expectedInMessage), error::getMessage);
    }

    @Test
    void aRelayReplicaCountIsRefused() {
        assertRefused(Map.of("bsdService.relay.replicas", 2), "additional properties 'replicas' not allowed");
    }

    @Test
    void aRelayAutoscalerIsRefused() {
        assertRefused(Map.of("companyService.relay.autoscaling.enabled", true),
                "additional properties 'autoscaling' not allowed");
    }

    @Test
    void anExtraVariableCannotTurnTheRelayOnInTheApi() {
        assertRefused(Map.of("bsdService.extraEnv[0].name", "OUTBOX_RELAY_ENABLED",
                "bsdService.extraEnv[0].value", "true"), "bsdService.extraEnv cannot redefine OUTBOX_RELAY_ENABLED");
    }

    @Test
    void anExtraVariableCannotOverrideAConnection() {
        assertRefused(Map.of("registryService.extraEnv[0].name", "DB_URL",
                "registryService.extraEnv[0].value", "jdbc:postgresql://elsewhere/registry"),
                "registryService.extraEnv cannot redefine DB_URL");
    }

    @Test
    void registryServiceHasNoAutoscaler() {
        assertRefused(Map.of("registryService.autoscaling.enabled", true),
                "at '/registryService': additional properties 'autoscaling' not allowed");
    }

    @Test
    void otherExtraVariablesReachTheServiceAndItsRelay() {
        Manifests manifests = Chart.render(Chart.NATIONAL, Map.of(
                "companyService.extraEnv[0].name", "QUARKUS_LOG_LEVEL",
                "companyService.extraEnv[0].value", "DEBUG"));

        for (String workload : new String[] {"company-service", "company-relay"}) {
            JsonNode container = manifests.get("Deployment", Chart.RELEASE + "-wastetrace-" + workload)
                    .path("spec").path("template").path("spec").path("containers").get(0);
            assertEquals("DEBUG", env(container, "QUARKUS_LOG_LEVEL").path("value").asText(), workload);
        }
    }

    @Test
    void namesStayWithinKubernetesLimitsForALongReleaseName() {
        Manifests manifests = Chart.render(Chart.NATIONAL, Map.of(
                "fullnameOverride", "wastetrace-production-hauts-de-france-region"));

        for (JsonNode object : manifests.objects()) {
            String name = object.path("metadata").path("name").asText();
            int limit = "StatefulSet".equals(object.path("kind").asText()) ? 52 : 63;
            assertTrue(name.length() <= limit, () -> object.path("kind").asText() + " " + name + " is too long");
            assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), name);
        }
    }

    @Test
    void scalingTheServiceUpLeavesItsRelayAtOneReplica() {
        Manifests manifests = Chart.render(Chart.NATIONAL, Map.of(
                "bsdService.autoscaling.enabled", false,
                "bsdService.replicas", 12));

        assertEquals(12, manifests.get("StatefulSet", Chart.RELEASE + "-wastetrace-bsd-service")
                .path("spec").path("replicas").asInt());
        assertEquals(1, manifests.get("Deployment", Chart.RELEASE + "-wastetrace-bsd-relay")
                .path("spec").path("replicas").asInt());
        assertTrue(manifests.ofKind("HorizontalPodAutoscaler").stream()
                .noneMatch(h -> h.path("spec").path("scaleTargetRef").path("name").asText().endsWith("bsd-service")));
    }
}
