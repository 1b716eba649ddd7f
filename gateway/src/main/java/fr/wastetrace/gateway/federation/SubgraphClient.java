package fr.wastetrace.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.identity.ReadYourWrites;
import fr.wastetrace.gateway.identity.RequestIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Calls a subgraph over HTTP, with the caller's signed identity. Every GraphQL call is counted and timed per subgraph
 * ({@code wastetrace_gateway_subgraph_requests_total}, {@code wastetrace_gateway_subgraph_latency_seconds}), which is
 * how the benchmarks see how many subgraph calls one client request costs.
 */
@ApplicationScoped
public class SubgraphClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @Inject
    ReadYourWrites readYourWrites;
    @Inject
    Tracer tracer;

    public static final class SubgraphUnavailableException extends RuntimeException {
        public SubgraphUnavailableException(String subgraph, String reason, Throwable cause) {
            super("subgraph " + subgraph + " unavailable: " + reason, cause);
        }
    }

    /**
     * Sends a GraphQL request for a client request; completes with the subgraph's JSON answer, or fails with
     * {@link SubgraphUnavailableException}. What the answer reports it committed is kept for read-your-writes before
     * the future completes.
     */
    public CompletableFuture<JsonNode> graphql(String subgraph, String query, Map<String, Object> variables,
                                               RequestIdentity identity) {
        return graphql(subgraph, query, variables, identity.header(subgraph), response -> response.headers()
                .firstValue(WrittenPositions.HEADER).ifPresent(written -> readYourWrites.recordAnswer(written, identity)));
    }

    /** Sends a GraphQL request of the gateway's own (no client request behind it). */
    public CompletableFuture<JsonNode> graphql(String subgraph, String query, Map<String, Object> variables,
                                               String identityHeader) {
        return graphql(subgraph, query, variables, identityHeader, response -> {
        });
    }

    private CompletableFuture<JsonNode> graphql(String subgraph, String query, Map<String, Object> variables,
                                                String identityHeader, Consumer<HttpResponse<byte[]>> onAnswer) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(2);
        body.put("query", query);
        body.put("variables", variables);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("variables cannot be written as JSON", e));
        }
        // One client span per call, child of the client request's span; its context goes to the subgraph in the W3C
        // traceparent header, so that the subgraph's server span (and the outbox rows it writes) join the trace.
        Span span = tracer.spanBuilder("subgraph " + subgraph).setSpanKind(SpanKind.CLIENT)
                .setAttribute("wastetrace.subgraph", subgraph).startSpan();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl(subgraph) + "/graphql"))
                .timeout(config.subgraphTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(IdentityCodec.HEADER, identityHeader);
        String traceParent = TraceContext.traceParent(span.getSpanContext());
        if (traceParent != null) {
            builder.header(TraceContext.HEADER, traceParent);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    boolean answered = failure == null && response.statusCode() < 500 && response.statusCode() != 401
                            && response.statusCode() != 404;
                    record(subgraph, answered ? "answered" : "unavailable", System.nanoTime() - started);
                    if (!answered) {
                        span.setStatus(StatusCode.ERROR);
                    }
                    if (response != null) {
                        span.setAttribute("http.response.status_code", response.statusCode());
                    }
                    span.end();
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        throw new SubgraphUnavailableException(subgraph, cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
                    }
                    if (response.statusCode() >= 500 || response.statusCode() == 401 || response.statusCode() == 404) {
                        throw new SubgraphUnavailableException(subgraph, "HTTP " + response.statusCode(), null);
                    }
                    onAnswer.accept(response);
                    try {
                        return mapper.readTree(response.body());
                    } catch (IOException e) {
                        throw new SubgraphUnavailableException(subgraph, "answer is not JSON", e);
                    }
                });
    }

    private void record(String subgraph, String outcome, long nanos) {
        Counter.builder("wastetrace.gateway.subgraph.requests").description("GraphQL calls from the gateway to a subgraph")
                .tag("subgraph", subgraph).tag("outcome", outcome).register(meters).increment();
        Timer.builder("wastetrace.gateway.subgraph.latency").description("Duration of the gateway's calls to a subgraph")
                .tag("subgraph", subgraph).register(meters).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Streams a file from a subgraph: {@code GET <pathAndQuery>} ({@code /download?token=...}, {@code /road-control/...}). */
    public HttpResponse<InputStream> file(String subgraph, String pathAndQuery, String identityHeader)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(subgraph) + pathAndQuery))
                .timeout(Duration.ofMinutes(30))
                .header(IdentityCodec.HEADER, identityHeader)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** POSTs JSON to an internal endpoint of a subgraph; returns the status and the body. */
    public HttpResponse<String> postInternal(String baseUrl, String path, String json, String identityHeader)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(IdentityCodec.HEADER, identityHeader)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The subgraph's GraphQL endpoint (its WebSocket too). */
    public URI graphqlEndpoint(String subgraph) {
        return URI.create(baseUrl(subgraph) + "/graphql");
    }

    public boolean knows(String subgraph) {
        return config.subgraphs().containsKey(subgraph);
    }

    private String baseUrl(String subgraph) {
        String url = config.subgraphs().get(subgraph);
        if (url == null) {
            throw new IllegalArgumentException("unknown subgraph " + subgraph);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
