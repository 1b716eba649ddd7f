package fr.wastetrace.gateway.http;

import fr.wastetrace.gateway.federation.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a schema is composed. A subgraph that is down does not make the gateway unready (its fields fail alone);
 * the check's data says which subgraphs are composed.
 */
@Readiness
@ApplicationScoped
public class FederationHealth implements HealthCheck {
    @Inject
    SchemaRegistry registry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("federation").status(registry.current().isPresent());
        registry.status().forEach(response::withData);
        return response.build();
    }
}
