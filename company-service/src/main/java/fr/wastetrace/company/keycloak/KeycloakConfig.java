package fr.wastetrace.company.keycloak;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How company-service reaches Keycloak's admin API (confidential client with the manage-users role). */
@ConfigMapping(prefix = "wastetrace.keycloak")
public interface KeycloakConfig {
    /** Base address, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    String realm();

    String adminClientId();

    String adminClientSecret();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();
}
