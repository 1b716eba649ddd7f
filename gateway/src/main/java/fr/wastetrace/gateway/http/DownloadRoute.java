package fr.wastetrace.gateway.http;

import fr.wastetrace.gateway.federation.GraphQLErrors;
import fr.wastetrace.gateway.federation.SubgraphClient;
import fr.wastetrace.gateway.identity.IdentityResolver;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /download?token=...}: the links that {@code formPdf} and the register exports return. The token's prefix
 * names the subgraph that issued it ({@code registry.…}, {@code bsd.…}); the file is streamed through unchanged.
 */
@ApplicationScoped
public class DownloadRoute {
    private static final Logger LOG = Logger.getLogger(DownloadRoute.class);
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Content-Disposition", "Content-Length");

    @Inject
    SubgraphClient subgraphs;
    @Inject
    IdentityResolver identities;

    void register(@Observes Router router) {
        router.get("/download").blockingHandler(this::download, false);
    }

    private void download(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        int dot = token == null ? -1 : token.indexOf('.');
        String subgraph = dot > 0 ? token.substring(0, dot) : null;
        if (token == null || token.isBlank()) {
            json(ctx.response(), 400, "Le paramètre token manque : utilisez le lien downloadLink tel qu'il a été donné.");
            return;
        }
        if (subgraph == null || !subgraphs.knows(subgraph)) {
            json(ctx.response(), 403, "Lien de téléchargement inconnu ou expiré : demandez un nouveau lien.");
            return;
        }
        String identity = identities.identityHeader(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), GraphQLRoutes.clientIp(ctx));
        try {
            HttpResponse<InputStream> upstream = subgraphs.download(subgraph, token, identity);
            HttpServerResponse response = ctx.response().setStatusCode(upstream.statusCode());
            for (String header : FORWARDED_HEADERS) {
                upstream.headers().firstValue(header).ifPresent(value -> response.putHeader(header, value));
            }
            if (response.headers().get("Content-Length") == null) {
                response.setChunked(true);
            }
            try (InputStream in = upstream.body()) {
                byte[] chunk = new byte[64 * 1024];
                int read;
                while ((read = in.read(chunk)) > 0) {
                    awaitDrain(response);
                    response.write(Buffer.buffer().appendBytes(chunk, 0, read));
                }
            }
            response.end();
        } catch (IOException e) {
            LOG.warnf("download from %s failed: %s", subgraph, e.getMessage());
            if (!ctx.response().headWritten()) {
                json(ctx.response(), 502, "Le fichier n'a pas pu être obtenu : réessayez avec un nouveau lien.");
            } else {
                ctx.response().reset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.response().reset();
        }
    }

    private static void awaitDrain(HttpServerResponse response) throws InterruptedException {
        if (!response.writeQueueFull()) {
            return;
        }
        CountDownLatch drained = new CountDownLatch(1);
        response.drainHandler(v -> drained.countDown());
        if (response.writeQueueFull()) {
            drained.await(60, TimeUnit.SECONDS);
        }
    }

    private static void json(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(io.vertx.core.json.Json.encode(GraphQLErrors.response(message, GraphQLErrors.BAD_USER_INPUT)));
    }
}
