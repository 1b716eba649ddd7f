package fr.wastetrace.gateway.federation;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the gateway's schema counts as complete (its readiness): every configured subgraph gave its schema once. */
class SchemaRegistryReadinessTest {
    private static final Set<String> CONFIGURED = Set.of("bsd", "company", "registry");

    @Test
    void aSchemaComposedFromSomeSubgraphsOnlyIsNotComplete() {
        assertFalse(SchemaRegistry.complete(false, Set.of(), CONFIGURED), "nothing composed yet");
        assertFalse(SchemaRegistry.complete(true, Set.of("registry"), CONFIGURED));
        assertFalse(SchemaRegistry.complete(true, Set.of("bsd", "registry"), CONFIGURED),
                "a gateway just started, company-service not answered yet");
    }

    @Test
    void everySubgraphOnceMakesItCompleteEvenIfOneIsDownSince() {
        // the registry keeps a subgraph's last schema when it goes down, so the set of schemas stays whole
        assertTrue(SchemaRegistry.complete(true, Set.of("bsd", "company", "registry"), CONFIGURED));
        assertFalse(SchemaRegistry.complete(false, Set.of("bsd", "company", "registry"), CONFIGURED),
                "schemas that do not compose together");
    }
}
