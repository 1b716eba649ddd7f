package fr.wastetrace.gateway.http;

import fr.wastetrace.gateway.federation.GraphQLErrors;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Any failure the gateway did not answer itself: the client gets a GraphQL error with an error id and nothing of the
 * internals (no stack trace, class name or SQL); the details are logged under that id.
 */
@ApplicationScoped
public class InternalErrorHandler {
    private static final Logger LOG = Logger.getLogger(InternalErrorHandler.class);

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500;
        if (status == 500) {
            // The failure itself, with its stack; the answer's error id (GraphQLErrors.render) is logged next to it.
            LOG.errorf(ctx.failure(), "internal error on %s %s", ctx.request().method(), ctx.normalizedPath());
            reply(ctx, 500, "Erreur serveur", GraphQLErrors.INTERNAL);
        } else {
            reply(ctx, status, "Requête refusée (HTTP " + status + ") : vérifiez son format et sa taille.", GraphQLErrors.BAD_USER_INPUT);
        }
    }

    private static void reply(RoutingContext ctx, int status, String message, String code) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.encode(GraphQLErrors.render(GraphQLErrors.response(message, code), GraphQLRoutes.anonymous(ctx))));
    }
}
