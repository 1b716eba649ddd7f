package fr.wastetrace.gateway.http;

import fr.wastetrace.gateway.federation.SchemaRegistry;
import fr.wastetrace.gateway.federation.SubgraphClient;
import fr.wastetrace.gateway.federation.SubgraphClient.SubgraphUnavailableException;
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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The public file links, served without authentication and streamed through unchanged from the subgraph that issued
 * them (the subgraphs themselves answer only the gateway):
 * <ul>
 *   <li>{@code GET /download?token=...}: the links that {@code formPdf} and the register exports return; the token's
 *   prefix names the subgraph ({@code registry.…}, {@code bsd.…});</li>
 *   <li>{@code GET /road-control/<token>}: the links that {@code createPdfAccessToken} returns, for roadside checks;
 *   they go to the subgraph that serves that mutation.</li>
 * </ul>
 * A link without token answers 400, one no subgraph can serve 403, each with a French plain-text message.
 */
@ApplicationScoped
public class DownloadRoute {
    private static final Logger LOG = Logger.getLogger(DownloadRoute.class);
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Content-Disposition", "Content-Length",
            "Cache-Control");
    private static final String ROAD_CONTROL_PATH = "/road-control";
    /** Road-control tokens are URL-safe; anything else is refused here rather than put into the subgraph's URL. */
    private static final Pattern ROAD_CONTROL_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    @Inject
    SubgraphClient subgraphs;
    @Inject
    IdentityResolver identities;
    @Inject
    SchemaRegistry schemas;

    void register(@Observes Router router) {
        router.get("/download").blockingHandler(this::download, false);
        router.get(ROAD_CONTROL_PATH).handler(this::roadControlWithoutToken);
        router.get(ROAD_CONTROL_PATH + "/").handler(this::roadControlWithoutToken);
        router.get(ROAD_CONTROL_PATH + "/:token").blockingHandler(this::roadControl, false);
    }

    private void download(RoutingContext ctx) {
        String token = ctx.request().getParam("token");
        int dot = token == null ? -1 : token.indexOf('.');
        String subgraph = dot > 0 ? token.substring(0, dot) : null;
        if (token == null || token.isBlank()) {
            text(ctx.response(), 400, "Le paramètre token manque : utilisez le lien downloadLink tel qu'il a été donné.");
            return;
        }
        if (subgraph == null || !subgraphs.knows(subgraph)) {
            text(ctx.response(), 403, "Ce lien de téléchargement est invalide ou expiré : demandez-en un nouveau.");
            return;
        }
        forward(ctx, subgraph, "/download?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private void roadControlWithoutToken(RoutingContext ctx) {
        text(ctx.response(), 400, "Le lien de contrôle routier est incomplet : utilisez l'adresse entière, telle que le "
                + "QR code la donne.");
    }

    private void roadControl(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        if (token == null || !ROAD_CONTROL_TOKEN.matcher(token).matches()) {
            text(ctx.response(), 403, "Ce lien de contrôle routier est invalide ou expiré : demandez au transporteur d'en "
                    + "créer un nouveau.");
            return;
        }
        Optional<String> issuer = schemas.current().flatMap(schema -> schema.ownerOf("Mutation", "createPdfAccessToken"));
        if (issuer.isEmpty()) {
            text(ctx.response(), 503, "Le service des bordereaux est momentanément indisponible : réessayez dans quelques "
                    + "instants.");
            return;
        }
        forward(ctx, issuer.get(), ROAD_CONTROL_PATH + "/" + token);
    }

    /** Streams {@code GET <pathAndQuery>} of {@code subgraph} to the client: status, file headers and body. */
    private void forward(RoutingContext ctx, String subgraph, String pathAndQuery) {
        String identity = identities.identityHeader(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), GraphQLRoutes.clientIp(ctx),
                subgraph);
        try {
            HttpResponse<InputStream> upstream = subgraphs.file(subgraph, pathAndQuery, identity);
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
        } catch (IOException | SubgraphUnavailableException e) {
            LOG.warnf("download from %s failed: %s", subgraph, e.getMessage());
            if (!ctx.response().headWritten()) {
                text(ctx.response(), 502, "Le fichier n'a pas pu être obtenu : réessayez avec un nouveau lien.");
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

    /** Plain text, as the subgraphs answer: these links are opened in browsers. */
    private static void text(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(message);
    }
}
