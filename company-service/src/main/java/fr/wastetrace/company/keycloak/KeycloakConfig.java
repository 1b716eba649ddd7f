package fr.wastetrace.company.keycloak;

import io.smallrye.config.ConfigMapping;

/**
 * The realm whose accounts company-service manages. How it reaches Keycloak's admin API (address, confidential client
 * with the manage-users role, client-credentials grant) is the admin client's configuration,
 * {@code quarkus.keycloak.admin-client.*}, set from the {@code wastetrace.keycloak.*} values in application.properties.
 */
@ConfigMapping(prefix = "wastetrace.keycloak")
public interface KeycloakConfig {
    /** Base address, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    String realm();

    String adminClientId();

    String adminClientSecret();
}
