package fr.wastetrace.webhook.delivery;

import fr.wastetrace.webhook.config.WebhookConfig;
import fr.wastetrace.webhooks.EndpointPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs one body to one endpoint, safely. The endpoint is checked again ({@link EndpointPolicy}), its host resolved
 * here and every address it resolves to checked; the connection then goes to the checked address (the name still
 * serves the {@code Host} header, SNI and the certificate check), so that a name cannot resolve to a public address
 * for the check and to a private one for the connection. Connect and read timeouts apply, redirects are not followed,
 * the response body is read up to a bound and dropped.
 */
@ApplicationScoped
public class Sender {
    @Inject
    Vertx vertx;
    @Inject
    WebhookConfig config;

    private HttpClient client;
    private EndpointPolicy policy;

    @PostConstruct
    void init() {
        policy = new EndpointPolicy(config.endpoints().allowHttp(), config.endpoints().allowPrivateAddresses(),
                config.endpoints().deniedNetworks().orElse(List.of()));
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.http().connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    public Outcome post(String endpointUri, String body, Map<String, String> headers) {
        long start = System.nanoTime();
        URI uri;
        InetAddress address;
        try {
            uri = policy.checkUri(endpointUri);
            address = policy.resolve(uri, EndpointPolicy.Resolver.SYSTEM).get(0);
        } catch (EndpointPolicy.Refused e) {
            return new Outcome(Outcome.Kind.REFUSED_ADDRESS, null, millisSince(start));
        }
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long readTimeout = config.http().readTimeout().toMillis();
        long total = config.http().connectTimeout().toMillis() + readTimeout;
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(config.http().connectTimeout().toMillis())
                .setIdleTimeout(readTimeout)
                .setTimeout(total);
        headers.forEach(request::putHeader);
        request.putHeader("Content-Type", "application/json");
        request.putHeader("Accept", "application/json, text/plain, */*");

        CompletableFuture<Outcome> result = new CompletableFuture<>();
        long limit = config.http().maxResponseBytes();
        // Started on an event-loop context of its own, so that the response is handed to us on that context before
        // its body and end are: handlers set from another thread could come after the end (Vert.x refuses them then).
        vertx.getOrCreateContext().runOnContext(ignored -> client.request(request)
                .compose(req -> req.send(Buffer.buffer(body)))
                .onSuccess(response -> read(response, limit, start, result))
                .onFailure(e -> result.complete(failure(e, null, start))));
        try {
            return result.get(total + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(Outcome.Kind.TIMEOUT, null, millisSince(start));
        } catch (ExecutionException e) {
            return failure(e.getCause(), null, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Kind.CONNECTION_ERROR, null, millisSince(start));
        }
    }

    /** Reads the response's body up to the bound and drops it; only the status is kept. */
    private static void read(HttpClientResponse response, long limit, long start, CompletableFuture<Outcome> result) {
        int status = response.statusCode();
        Outcome.Kind kind = status >= 200 && status < 300 ? Outcome.Kind.DELIVERED : Outcome.Kind.HTTP_ERROR;
        AtomicLong read = new AtomicLong();
        try {
            response.handler(chunk -> {
                if (read.addAndGet(chunk.length()) > limit && !result.isDone()) {
                    result.complete(new Outcome(Outcome.Kind.RESPONSE_TOO_LARGE, status, millisSince(start)));
                    response.request().reset();
                }
            });
            response.exceptionHandler(e -> result.complete(failure(e, status, start)));
            response.endHandler(v -> result.complete(new Outcome(kind, status, millisSince(start))));
        } catch (IllegalStateException alreadyEnded) {
            // The whole response came before the handlers: its status is all there is to keep anyway.
            result.complete(new Outcome(kind, status, millisSince(start)));
        }
    }

    private static Outcome failure(Throwable error, Integer status, long start) {
        String name = error == null ? "" : error.getClass().getSimpleName();
        Outcome.Kind kind = name.contains("Timeout") ? Outcome.Kind.TIMEOUT : Outcome.Kind.CONNECTION_ERROR;
        return new Outcome(kind, status, millisSince(start));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
