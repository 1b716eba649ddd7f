package fr.wastetrace.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands the stack's real PostgreSQL, Kafka, Redis and Keycloak to a {@code @QuarkusTest}: a database of its own (created for
 * the run, dropped after it, with its replication slots), topic names and a Redis database of its own, so that tests
 * never touch the data of a running local suite nor of another test run.
 *
 * <p>Use with {@code @WithTestResource(BackingServices.class)}; every test class of a module that declares the same
 * resource shares one Quarkus boot.
 */
public class BackingServices implements QuarkusTestResourceLifecycleManager {
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        // Keycloak is started here too: the end-to-end tests need it anyway, and starting it once, early, costs less.
        Map<String, String> env = Stack.ensureKeycloak();
        String module = System.getProperty("wastetrace.module", "tests");
        database = TestDatabase.create(module);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        config.put("kafka.bootstrap.servers", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        config.put("quarkus.redis.hosts", env.get("REDIS_URL") + "/" + ThreadLocalRandom.current().nextInt(1, 16));
        config.put("wastetrace.identity.secret", TestIdentity.SECRET);
        config.put("wastetrace.keycloak.url", env.get("KEYCLOAK_URL"));
        config.put("mp.jwt.verify.issuer", env.get("OIDC_ISSUER"));
        config.put("quarkus.oidc.auth-server-url", env.get("OIDC_ISSUER"));
        config.put("wastetrace.test.run-id", database.runId());
        config.put("wastetrace.topics.suffix", "." + module.replaceAll("[^a-z0-9]", "_") + "." + database.runId());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
