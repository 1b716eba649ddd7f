package fr.wastetrace.company.webhook;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

/**
 * The delivery component's way back: after more than 5 failed deliveries in 10 minutes it asks here to deactivate the
 * setting (the reference's rule). Only platform callers reach {@code /internal/*} (libs/subgraph's
 * GatewayOnlyFilter). Idempotent: a setting that changed since the version the component saw failing is left alone.
 */
@Path("/internal/webhook-settings/{id}/deactivate")
public class WebhookDeactivationResource {
    private static final Logger LOG = Logger.getLogger(WebhookDeactivationResource.class);

    @Inject
    WebhookSettings settings;

    public record Request(long version, int failures) {
    }

    public record Result(boolean deactivated) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Result deactivate(@PathParam("id") String id, Request request) {
        boolean deactivated = settings.deactivateAfterFailures(id, request.version()).isPresent();
        if (deactivated) {
            LOG.infof("webhook setting %s deactivated after %d failed deliveries", id, request.failures());
        }
        return new Result(deactivated);
    }
}
