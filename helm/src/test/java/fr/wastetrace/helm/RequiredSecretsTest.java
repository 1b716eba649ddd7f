package fr.wastetrace.helm;

import com.fasterxml.jackson.databind.JsonNode;
import fr.wastetrace.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.wastetrace.helm.Chart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' configuration and the chart agree: every setting a service needs in production and has no default for
 * (an {@code ${VARIABLE}} without {@code :default} outside the {@code %local} and {@code %test} profiles, a service
 * refuses to start without it) is given by the chart, from a Secret; and no secret has a production default.
 */
class RequiredSecretsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]+)}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token-hash).*|.*[.-]key");
    private static final List<String> SERVICES = List.of("gateway", "bsd-service", "company-service", "registry-service",
            "webhook-service");

    /** The production lines (no profile) of a service's own configuration and of the libraries it depends on. */
    private static List<String> productionLines(String module) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        try (var libs = Files.list(ROOT.resolve("libs"))) {
            for (Path lib : libs.toList()) {
                Path config = lib.resolve("src/main/resources/META-INF/microprofile-config.properties");
                if (Files.isRegularFile(config) && pom.contains("<artifactId>" + lib.getFileName() + "</artifactId>")) {
                    files.add(config);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("%")) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }

    static Set<String> requiredVariables(String module) throws IOException {
        Set<String> required = new TreeSet<>();
        for (String line : productionLines(module)) {
            Matcher matcher = REQUIRED.matcher(line);
            while (matcher.find()) {
                required.add(matcher.group(1));
            }
        }
        return required;
    }

    @Test
    void noSecretHasAProductionDefault() throws IOException {
        List<String> defaulted = new ArrayList<>();
        for (String module : SERVICES) {
            for (String line : productionLines(module)) {
                String property = line.split("=", 2)[0];
                Matcher matcher = DEFAULTED.matcher(line);
                if (SECRET_NAME.matcher(property).matches() && matcher.find()) {
                    defaulted.add(module + ": " + line);
                }
            }
        }
        assertEquals(List.of(), defaulted, "secrets with a default outside the local and test profiles");
    }

    @Test
    void theRegistryFeedChecksTokensOfTheSameRealmAsTheGateway() {
        Manifests manifests = Chart.render(Chart.NATIONAL);
        String gateway = manifests.get("ConfigMap", Chart.RELEASE + "-wastetrace-gateway").path("data").path("OIDC_ISSUER").asText();
        String registry = manifests.get("ConfigMap", Chart.RELEASE + "-wastetrace-registry-service").path("data")
                .path("OIDC_ISSUER").asText();
        assertTrue(gateway.contains("/realms/"), gateway);
        assertEquals(gateway, registry);
    }

    @Test
    void theChartGivesEveryRequiredSettingFromASecret() throws IOException {
        assertEquals(Set.of("ACCESS_TOKEN_HASH_SECRET", "DB_PASSWORD", "INTERNAL_IDENTITY_SECRET",
                "KEYCLOAK_ADMIN_CLIENT_SECRET", "WEBHOOK_SECRETS_KEY"), requiredVariables("company-service"),
                "what company-service cannot start without (the parsing itself)");
        for (Path values : List.of(Chart.SMALL_CLUSTER, Chart.NATIONAL)) {
            Manifests manifests = Chart.render(values);
            List<JsonNode> workloads = manifests.workloads();
            assertEquals(7, workloads.size(), () -> manifests.names().toString());
            for (JsonNode workload : workloads) {
                String component = Chart.component(workload);
                String module = component.endsWith("-relay") ? component.replace("-relay", "-service") : component;
                assertTrue(SERVICES.contains(module), component);
                Set<String> required = requiredVariables(module);
                assertTrue(required.contains("INTERNAL_IDENTITY_SECRET"), module + ": " + required);
                JsonNode container = workload.path("spec").path("template").path("spec").path("containers").get(0);
                for (String variable : required) {
                    JsonNode ref = env(container, variable).path("valueFrom").path("secretKeyRef");
                    assertTrue(ref.path("name").isTextual() && ref.path("key").isTextual(),
                            () -> values + ": " + component + " needs " + variable + " and the chart does not give it "
                                    + "from a Secret");
                }
            }
        }
    }
}
