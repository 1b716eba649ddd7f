package fr.wastetrace.gateway.http;

import fr.wastetrace.gateway.federation.SchemaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every subgraph gave its schema at least once, so that a gateway that has just started (a new pod in a
 * rollout) never answers with part of the API and refuses valid operations as unknown fields. A subgraph that goes
 * down later does not make the gateway unready (its last schema is kept; its fields fail alone); the check's data
 * says which subgraphs are composed, pending, or failing and why.
 */
@Readiness
@ApplicationScoped
public class FederationHealth implements HealthCheck {
    @Inject
    SchemaRegistry registry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("federation").status(registry.complete());
        registry.status().forEach(response::withData);
        return response.build();
    }
}
