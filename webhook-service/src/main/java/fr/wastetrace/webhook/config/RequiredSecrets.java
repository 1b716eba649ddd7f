package fr.wastetrace.webhook.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Production has no default for any secret: without {@code DB_PASSWORD} the service must refuse to start, naming the
 * setting, instead of trying the database without a password. Nothing else reads the password here (Agroal treats it
 * as optional), so this injection point is what Quarkus checks at start-up.
 */
@Startup
@ApplicationScoped
class RequiredSecrets {
    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;
}
