package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static fr.wastetrace.helm.Chart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets come from Secrets the operator manages, or from values stored in the chart's own Secret. */
class SecretsTest {

    private static final String CHART_SECRET = Chart.RELEASE + "-wastetrace";

    /** The values paths of every secret of the chart. */
    private static final String[] SECRETS = {
        "internalIdentitySecret", "redis.url", "bsdService.database.password", "companyService.database.password",
        "registryService.database.password", "companyService.keycloakAdminClientSecret",
        "companyService.accessTokenHashSecret", "webhookService.database.password", "webhookSecretsKey",
    };

    private static JsonNode secretRef(Manifests manifests, String kind, String workload, String variable) {
        JsonNode container = manifests.get(kind, Chart.RELEASE + "-wastetrace-" + workload)
                .path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode ref = env(container, variable).path("valueFrom").path("secretKeyRef");
        assertTrue(ref.isObject(), () -> workload + " reads " + variable + " from no Secret");
        return ref;
    }

    @Test
    void existingSecretsAreReferencedAndNeverStored() {
        Manifests manifests = Chart.render(Chart.NATIONAL);

        assertTrue(manifests.ofKind("Secret").isEmpty(), () -> "the chart stored a Secret: " + manifests.names());
        assertRef("bsd-db-app", "password", secretRef(manifests, "StatefulSet", "bsd-service", "DB_PASSWORD"));
        assertRef("bsd-db-app", "password", secretRef(manifests, "Deployment", "bsd-relay", "DB_PASSWORD"));
        assertRef("company-db-app", "password", secretRef(manifests, "Deployment", "company-service", "DB_PASSWORD"));
        assertRef("registry-db-app", "password", secretRef(manifests, "StatefulSet", "registry-service", "DB_PASSWORD"));
        assertRef("wastetrace-redis", "url", secretRef(manifests, "Deployment", "gateway", "REDIS_URL"));
        assertRef("wastetrace-redis", "url", secretRef(manifests, "StatefulSet", "registry-service", "REDIS_URL"));
        assertRef("wastetrace-keycloak-admin", "client-secret",
                secretRef(manifests, "Deployment", "company-service", "KEYCLOAK_ADMIN_CLIENT_SECRET"));
        assertRef("wastetrace-access-token-hash", "secret",
                secretRef(manifests, "Deployment", "company-service", "ACCESS_TOKEN_HASH_SECRET"));
        assertRef("webhook-db-app", "password", secretRef(manifests, "StatefulSet", "webhook-service", "DB_PASSWORD"));
        for (String[] workload : new String[][] {{"Deployment", "company-service"}, {"Deployment", "company-relay"},
                {"StatefulSet", "webhook-service"}}) {
            assertRef("wastetrace-webhook-secrets-key", "key",
                    secretRef(manifests, workload[0], workload[1], "WEBHOOK_SECRETS_KEY"));
        }
        for (String[] workload : new String[][] {{"Deployment", "gateway"}, {"StatefulSet", "bsd-service"},
                {"Deployment", "company-relay"}, {"StatefulSet", "registry-service"}, {"StatefulSet", "webhook-service"}}) {
            assertRef("wastetrace-internal-identity", "secret",
                    secretRef(manifests, workload[0], workload[1], "INTERNAL_IDENTITY_SECRET"));
        }
    }

    @Test
    void valuesAreStoredInTheChartSecretAndReferencedFromIt() {
        Map<String, Object> overrides = new HashMap<>();
        for (String secret : SECRETS) {
            overrides.put(secret + ".existingSecret", "");
            overrides.put(secret + ".value", "value of " + secret);
        }
        Manifests manifests = Chart.render(Chart.SMALL_CLUSTER, overrides);

        JsonNode data = manifests.get("Secret", CHART_SECRET).path("data");
        assertEquals(SECRETS.length, data.size());
        assertEquals("value of bsdService.database.password", decode(data.path("bsd-db-password")));
        assertEquals("value of redis.url", decode(data.path("redis-url")));
        assertRef(CHART_SECRET, "bsd-db-password", secretRef(manifests, "StatefulSet", "bsd-service", "DB_PASSWORD"));
        assertRef(CHART_SECRET, "company-db-password",
                secretRef(manifests, "Deployment", "company-relay", "DB_PASSWORD"));
        assertRef(CHART_SECRET, "internal-identity-secret",
                secretRef(manifests, "Deployment", "gateway", "INTERNAL_IDENTITY_SECRET"));
        assertRef(CHART_SECRET, "access-token-hash-secret",
                secretRef(manifests, "Deployment", "company-service", "ACCESS_TOKEN_HASH_SECRET"));
    }

    @Test
    void existingAndStoredSecretsMix() {
        Manifests manifests = Chart.render(Chart.SMALL_CLUSTER, Map.of(
                "bsdService.database.password.existingSecret", "",
                "bsdService.database.password.value", "s3cret"));

        JsonNode data = manifests.get("Secret", CHART_SECRET).path("data");
        assertEquals(1, data.size(), data::toString);
        assertEquals("s3cret", decode(data.path("bsd-db-password")));
        assertRef(CHART_SECRET, "bsd-db-password", secretRef(manifests, "StatefulSet", "bsd-service", "DB_PASSWORD"));
        assertRef("wastetrace-secrets", "db-password",
                secretRef(manifests, "Deployment", "company-service", "DB_PASSWORD"));
    }

    @Test
    void aSecretGivenNeitherWayStopsTheInstallNamingTheValue() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.SMALL_CLUSTER,
                Map.of("companyService.accessTokenHashSecret.existingSecret", "")));

        assertTrue(error.getMessage().contains("companyService.accessTokenHashSecret.value"), error::getMessage);
    }

    private static void assertRef(String name, String key, JsonNode ref) {
        assertEquals(name, ref.path("name").asText(), ref::toString);
        assertEquals(key, ref.path("key").asText(), ref::toString);
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
}
