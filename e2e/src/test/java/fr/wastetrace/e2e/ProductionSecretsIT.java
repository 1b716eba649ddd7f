package fr.wastetrace.e2e;

import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each built service, started under the production profile with every secret it needs but one, refuses to start and
 * names the missing one (and only that one): no secret has a production default.
 */
class ProductionSecretsIT {
    /** What each service cannot start without in production (docs/operations.md, « Secrets »). */
    static final Map<String, List<String>> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("gateway", List.of("INTERNAL_IDENTITY_SECRET"));
        SECRETS.put("bsd-service", List.of("INTERNAL_IDENTITY_SECRET", "DB_PASSWORD"));
        SECRETS.put("company-service", List.of("INTERNAL_IDENTITY_SECRET", "DB_PASSWORD", "KEYCLOAK_ADMIN_CLIENT_SECRET",
                "ACCESS_TOKEN_HASH_SECRET", "WEBHOOK_SECRETS_KEY"));
        SECRETS.put("registry-service", List.of("INTERNAL_IDENTITY_SECRET", "DB_PASSWORD"));
        SECRETS.put("webhook-service", List.of("INTERNAL_IDENTITY_SECRET", "DB_PASSWORD", "WEBHOOK_SECRETS_KEY"));
    }

    /** The setting each variable gives: Quarkus names either (the variable when it expands it, else the setting). */
    static final Map<String, String> SETTINGS = Map.of(
            "INTERNAL_IDENTITY_SECRET", "wastetrace.identity.secret",
            "DB_PASSWORD", "quarkus.datasource.password",
            "KEYCLOAK_ADMIN_CLIENT_SECRET", "wastetrace.keycloak.admin-client-secret",
            "ACCESS_TOKEN_HASH_SECRET", "wastetrace.access-token.hash-secret",
            "WEBHOOK_SECRETS_KEY", "wastetrace.webhook.secrets-key");

    static boolean names(String output, String variable) {
        return output.contains("Could not expand value " + variable + " ")
                || output.contains("Failed to load config value of type class java.lang.String for: " + SETTINGS.get(variable));
    }

    @BeforeAll
    static void servicesAreBuilt() {
        Suite.env();
    }

    static Stream<Arguments> missingSecrets() {
        return SECRETS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(secret -> Arguments.of(e.getKey(), secret)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("missingSecrets")
    void aServiceWithoutASecretRefusesToStart(String service, String missing) throws Exception {
        Path jar = Stack.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), () -> jar + " is not built");
        Path log = Files.createTempFile("prod-secrets-" + service, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", "0");
        // Addresses where nothing listens: the service must stop before reaching any of them.
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
        env.put("DB_USER", "none");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("REDIS_URL", "redis://127.0.0.1:1");
        env.put("KEYCLOAK_URL", "http://127.0.0.1:1");
        env.put("OIDC_ISSUER", "http://127.0.0.1:1/realms/none");
        env.put("OUTBOX_RELAY_ENABLED", "false");
        for (String secret : SECRETS.get(service)) {
            if (!secret.equals(missing)) {
                env.put(secret, "V2l0aG91dFZhbHVlQnV0TG9uZ0Vub3VnaDEyMzQ1Njc4OTA=");
            }
        }
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(90, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, () -> service + " was still running 90 s after its start without " + missing + ":\n" + output);
            assertNotEquals(0, process.exitValue(), () -> service + " exited normally without " + missing + ":\n" + output);
            assertTrue(names(output, missing), () -> service + " did not name " + missing
                    + ":\n" + output);
            for (String given : SECRETS.get(service)) {
                if (!given.equals(missing)) {
                    assertFalse(names(output, given),
                            () -> service + " named " + given + ", which it was given:\n" + output);
                }
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

}
