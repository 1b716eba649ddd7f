package fr.wastetrace.subgraph;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * What every subgraph shares ({@code wastetrace.subgraph.*}). The identity headers' keys are
 * {@link fr.wastetrace.identity.IdentityConfig}, read-your-writes {@link ReadYourWritesConfig}.
 */
@ConfigMapping(prefix = "wastetrace.subgraph")
public interface SubgraphConfig {
    /**
     * Exact paths that do not come through the gateway and authenticate their callers otherwise (registry-service's
     * national registry feed: a Keycloak token and a role).
     */
    Optional<List<String>> openPaths();

    /** The largest JSON body the NUL-character check reads: Quarkus' own request limit unless set. */
    @WithDefault("${quarkus.http.limits.max-body-size:10240K}")
    MemorySize requestBodyLimit();
}
