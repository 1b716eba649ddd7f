package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's list of eco-organismes reaches company-service (its API and its relay) as ECO_ORGANISMES_FILE. */
class EcoOrganismesTest {
    private static final String PREFIX = Chart.RELEASE + "-wastetrace-";

    private static String fileVariable(Manifests manifests) {
        return manifests.get("ConfigMap", PREFIX + "company-service").path("data").path("ECO_ORGANISMES_FILE").asText(null);
    }

    private static JsonNode podSpec(Manifests manifests, String workload) {
        return manifests.get("Deployment", PREFIX + workload).path("spec").path("template").path("spec");
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aConfigMapIsMountedAndItsFileRead() {
        Manifests manifests = Chart.render(Chart.SMALL_CLUSTER, Map.of(
                "companyService.ecoOrganismes.configMap", "eco-organismes-officiels",
                "companyService.ecoOrganismes.key", "liste.json"));
        assertEquals("/etc/wastetrace/eco-organismes/liste.json", fileVariable(manifests));
        for (String workload : new String[] {"company-service", "company-relay"}) {
            JsonNode spec = podSpec(manifests, workload);
            JsonNode volume = named(spec.path("volumes"), "eco-organismes");
            assertTrue(volume != null, () -> workload + ": no volume eco-organismes in " + spec.path("volumes"));
            assertEquals("eco-organismes-officiels", volume.path("configMap").path("name").asText());
            assertEquals("liste.json", volume.path("configMap").path("items").get(0).path("key").asText());
            assertEquals("liste.json", volume.path("configMap").path("items").get(0).path("path").asText());
            JsonNode mount = named(spec.path("containers").get(0).path("volumeMounts"), "eco-organismes");
            assertEquals("/etc/wastetrace/eco-organismes", mount.path("mountPath").asText());
            assertTrue(mount.path("readOnly").asBoolean());
        }
        JsonNode gateway = manifests.get("Deployment", PREFIX + "gateway").path("spec").path("template").path("spec");
        assertEquals(null, named(gateway.path("volumes"), "eco-organismes"));
    }

    @Test
    void aFileThePodAlreadyHoldsIsRead() {
        Manifests manifests = Chart.render(Chart.SMALL_CLUSTER, Map.of(
                "companyService.ecoOrganismes.file", "/opt/listes/eco-organismes.json"));
        assertEquals("/opt/listes/eco-organismes.json", fileVariable(manifests));
        assertEquals(null, named(podSpec(manifests, "company-service").path("volumes"), "eco-organismes"));
    }

    @Test
    void withoutAListNoFileIsGiven() {
        Manifests manifests = Chart.render(Chart.NATIONAL);
        assertFalse(manifests.get("ConfigMap", PREFIX + "company-service").path("data").has("ECO_ORGANISMES_FILE"));
        assertEquals(null, named(podSpec(manifests, "company-service").path("volumes"), "eco-organismes"));
    }

    @Test
    void aRelativePathIsRefused() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.NATIONAL,
                Map.of("companyService.ecoOrganismes.file", "eco-organismes.json")));
        assertTrue(error.getMessage().contains("ecoOrganismes"), error::getMessage);
    }
}
