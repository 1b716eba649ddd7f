package fr.wastetrace.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.identity.ReadYourWrites;
import fr.wastetrace.gateway.identity.RequestIdentity;
import fr.wastetrace.identity.ErrorMessages;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.resilience.GuardedPeer;
import fr.wastetrace.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls a subgraph over HTTP, with the caller's signed identity. Every GraphQL call is counted and timed per subgraph
 * ({@code wastetrace_gateway_subgraph_requests_total}, {@code wastetrace_gateway_subgraph_latency_seconds}), which is
 * how the benchmarks see how many subgraph calls one client request costs.
 *
 * <p>Resilience, all of it here and every value a setting ({@code wastetrace.gateway.subgraph-calls.*},
 * {@code file-calls.*}, {@code access-token-resolver-calls.*}): each call has a timeout and goes through its
 * subgraph's circuit breaker; reads ({@link #read}: queries, {@code _entities}, access-token resolution) are retried,
 * mutations ({@link #mutate}) and downloads (single-use links) never; the schema registry's polling of the SDL
 * ({@link #schema}) has its own schedule and only the timeout. A call that fails, times out or meets an
 * open breaker fails with {@link SubgraphUnavailableException}, which the executor reports with the usual French
 * message and code.
 *
 * <p>GraphQL calls go through Quarkus' Vert.x HTTP client (non-blocking, one pool of keep-alive connections per
 * subgraph, sized by {@code subgraph-calls.max-pool-size}); their answers are handed to a worker thread, since what
 * follows an answer may block (read-your-writes in Redis, the executor's entity fetches). Downloads, streamed to the
 * client, and access-token resolutions use {@code java.net.http}.
 */
@ApplicationScoped
public class SubgraphClient {
    private static final Logger LOG = Logger.getLogger(SubgraphClient.class);
    /** Peer name of company-service's access-token resolution (its internal endpoint, not its GraphQL). */
    static final String RESOLVER_PEER = "access-token-resolver";

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
    @Inject
    Vertx vertx;

    private HttpClient http;
    private io.vertx.core.http.HttpClient graphqlHttp;
    private final Map<String, GuardedPeer> graphqlPeers = new LinkedHashMap<>();
    private final Map<String, GuardedPeer> filePeers = new LinkedHashMap<>();
    private GuardedPeer accessTokenResolver;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(config.subgraphCalls().connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        GatewayConfig.SubgraphCalls calls = config.subgraphCalls();
        graphqlHttp = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setConnectTimeout((int) calls.connectTimeout().toMillis())
                        .setKeepAlive(calls.keepAlive())
                        .setKeepAliveTimeout((int) Math.max(1, calls.keepAliveTimeout().toSeconds()))
                        .setTcpNoDelay(true)
                        // The call's span is ours (attempt): Quarkus' own span of each Vert.x request would be a second one.
                        .setTracingPolicy(TracingPolicy.IGNORE)
                        .setName("wastetrace-subgraphs"),
                new PoolOptions().setHttp1MaxSize(calls.maxPoolSize()).setMaxWaitQueueSize(calls.maxWaitQueueSize()));
        for (String subgraph : config.subgraphs().keySet()) {
            graphqlPeers.put(subgraph, new GuardedPeer("subgraph " + subgraph, config.subgraphCalls(), SubgraphClient::peerFault));
            filePeers.put(subgraph, new GuardedPeer("files of " + subgraph, config.fileCalls(), SubgraphClient::peerFault));
        }
        accessTokenResolver = new GuardedPeer(RESOLVER_PEER, config.accessTokenResolverCalls(),
                SubgraphClient::peerFault);
    }

    /** The subgraph failed, or could not be reached: what the breaker counts and a read retries. */
    private static boolean peerFault(Throwable failure) {
        return failure instanceof SubgraphUnavailableException || failure instanceof IOException;
    }

    public static final class SubgraphUnavailableException extends RuntimeException {
        public SubgraphUnavailableException(String subgraph, String reason, Throwable cause) {
            super("subgraph " + subgraph + " unavailable: " + reason, cause);
        }
    }

    /**
     * Sends a GraphQL query (or {@code _entities} fetch) for a client request, retried if the subgraph fails; completes
     * with the subgraph's JSON answer, or fails with {@link SubgraphUnavailableException}. What the answer reports it
     * committed is kept for read-your-writes before the future completes.
     */
    public CompletableFuture<JsonNode> read(String subgraph, String query, Map<String, Object> variables,
                                            RequestIdentity identity) {
        return guarded(subgraph, peer -> peer::readAsync, query, variables, headers(subgraph, identity), recorder(identity));
    }

    /** Sends a GraphQL mutation for a client request: as {@link #read}, but sent once whatever happens. */
    public CompletableFuture<JsonNode> mutate(String subgraph, String query, Map<String, Object> variables,
                                              RequestIdentity identity) {
        return guarded(subgraph, peer -> peer::writeAsync, query, variables, headers(subgraph, identity), recorder(identity));
    }

    /**
     * Asks a subgraph for its SDL ({@code _service}), once, within the GraphQL timeout; not through its breaker: the
     * schema registry polls every few seconds while a subgraph is starting, and those failures, kept in the breaker's
     * window of the last calls, would open it for the clients' first calls once the subgraph is up.
     */
    public CompletableFuture<JsonNode> schema(String subgraph, String identityHeader) {
        if (!graphqlPeers.containsKey(subgraph)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown subgraph " + subgraph));
        }
        return attempt(subgraph, "{ _service { sdl } }", Map.of(), Map.of(IdentityCodec.HEADER, identityHeader), response -> {
        }).toCompletableFuture();
    }

    /**
     * The headers of a call for a client request: the caller's identity signed for {@code subgraph}, the language of
     * the client's errors and the operation's name (for the subgraph's error log).
     */
    private static Map<String, String> headers(String subgraph, RequestIdentity identity) {
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put(IdentityCodec.HEADER, identity.header(subgraph));
        headers.put(ErrorMessages.LANGUAGE_HEADER, identity.language());
        if (identity.operation() != null && identity.operation().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            headers.put(ErrorMessages.OPERATION_HEADER, identity.operation());
        }
        return headers;
    }

    /** What to do with the {@link WrittenPositions#HEADER} of an answer (null when it has none): keep it for read-your-writes. */
    private Consumer<String> recorder(RequestIdentity identity) {
        return written -> {
            if (written != null) {
                readYourWrites.recordAnswer(written, identity);
            }
        };
    }

    @PreDestroy
    void close() {
        graphqlHttp.close();
    }

    /** One guarded call: {@code mode} picks the peer's read (retried) or write (sent once) path. */
    private CompletableFuture<JsonNode> guarded(String subgraph,
                                                Function<GuardedPeer, Function<Supplier<CompletionStage<JsonNode>>, CompletionStage<JsonNode>>> mode,
                                                String query, Map<String, Object> variables, Map<String, String> headers,
                                                Consumer<String> onAnswer) {
        GuardedPeer peer = graphqlPeers.get(subgraph);
        if (peer == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown subgraph " + subgraph));
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        try {
            mode.apply(peer).apply(() -> attempt(subgraph, query, variables, headers, onAnswer))
                    .whenComplete((answer, failure) -> {
                        if (failure == null) {
                            result.complete(answer);
                            return;
                        }
                        Throwable cause = GuardedPeer.unwrap(failure);
                        if (GuardedPeer.unavailable(cause)) {
                            countUnanswered(subgraph, cause);
                            cause = new SubgraphUnavailableException(subgraph, cause.getClass().getSimpleName(), cause);
                        }
                        result.completeExceptionally(cause);
                    });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * One HTTP exchange with the subgraph: fails with {@link SubgraphUnavailableException} itself (never wrapped);
     * completes on a worker thread, after {@code onAnswer} got the answer's {@link WrittenPositions#HEADER}.
     */
    private CompletionStage<JsonNode> attempt(String subgraph, String query, Map<String, Object> variables,
                                              Map<String, String> headers, Consumer<String> onAnswer) {
        Map<String, Object> body = new LinkedHashMap<>(2);
        body.put("query", query);
        body.put("variables", variables);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("variables cannot be written as JSON", e));
        }
        // One client span per call, child of the client request's span; its context goes to the subgraph in the W3C
        // traceparent header, so that the subgraph's server span (and the outbox rows it writes) join the trace.
        Span span = tracer.spanBuilder("subgraph " + subgraph).setSpanKind(SpanKind.CLIENT)
                .setAttribute("wastetrace.subgraph", subgraph).startSpan();
        // The guard's timeout fails the call; the request's own (the same setting) frees the connection too.
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl(subgraph) + "/graphql")
                .setIdleTimeout(config.subgraphCalls().timeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        headers.forEach(request::putHeader);
        String traceParent = TraceContext.traceParent(span.getSpanContext());
        if (traceParent != null) {
            request.putHeader(TraceContext.HEADER, traceParent);
        }
        long started = System.nanoTime();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        // The exchange runs on an event loop from its start: built from this (worker) thread, a step's handler could be
        // attached after the response arrived, and its body would be lost (an empty answer).
        vertx.runOnContext(ignored -> graphqlHttp.request(request)
                .compose(sent -> sent.send(Buffer.buffer(json)))
                // The body is copied here, on the event loop: the worker that reads it owns its bytes.
                .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(),
                        response.getHeader(WrittenPositions.HEADER), bytes.getBytes())))
                .onComplete(result -> Infrastructure.getDefaultWorkerPool().execute(() -> {
                    try {
                        answer.complete(answered(subgraph, span, started, result.result(), result.cause(), onAnswer));
                    } catch (RuntimeException failure) {
                        answer.completeExceptionally(failure);
                    }
                })));
        return answer;
    }

    /** A subgraph's HTTP answer: its status, its {@link WrittenPositions#HEADER} (or null) and its body. */
    private record Answer(int status, String written, byte[] body) {
    }

    /** The JSON of an answer, once counted, timed and traced; fails with {@link SubgraphUnavailableException}. */
    private JsonNode answered(String subgraph, Span span, long started, Answer response, Throwable failure,
                              Consumer<String> onAnswer) {
        boolean answered = failure == null && response.status() < 500 && response.status() != 401
                && response.status() != 404;
        record(subgraph, answered ? "answered" : "unavailable", System.nanoTime() - started);
        if (!answered) {
            span.setStatus(StatusCode.ERROR);
        }
        if (response != null) {
            span.setAttribute("http.response.status_code", response.status());
        }
        span.end();
        if (failure != null) {
            throw new SubgraphUnavailableException(subgraph, failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure);
        }
        if (!answered) {
            throw new SubgraphUnavailableException(subgraph, "HTTP " + response.status(), null);
        }
        onAnswer.accept(response.written());
        JsonNode tree;
        try {
            tree = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new SubgraphUnavailableException(subgraph, "answer is not JSON", e);
        }
        if (!tree.isObject()) {
            // Not a GraphQL response (an empty body reads as a missing node): the subgraph's fault, not a null answer.
            String reason = "HTTP " + response.status() + " answer of " + response.body().length + " bytes is not a JSON object";
            LOG.warnf("subgraph %s: %s", subgraph, reason);
            throw new SubgraphUnavailableException(subgraph, reason, null);
        }
        return tree;
    }

    /** Counts a call that got no answer from the subgraph at all: its breaker was open, or it answered too late. */
    private void countUnanswered(String subgraph, Throwable cause) {
        Counter.builder("wastetrace.gateway.subgraph.unanswered")
                .description("Calls from the gateway to a subgraph refused by its open circuit breaker or timed out")
                .tag("subgraph", subgraph).tag("reason", GuardedPeer.breakerOpen(cause) ? "circuit-open" : "timeout")
                .register(meters).increment();
    }

    private void record(String subgraph, String outcome, long nanos) {
        Counter.builder("wastetrace.gateway.subgraph.requests").description("GraphQL calls from the gateway to a subgraph")
                .tag("subgraph", subgraph).tag("outcome", outcome).register(meters).increment();
        Timer.builder("wastetrace.gateway.subgraph.latency").description("Duration of the gateway's calls to a subgraph")
                .tag("subgraph", subgraph).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Streams a file from a subgraph: {@code GET <pathAndQuery>} ({@code /download?token=...}, {@code /road-control/...}),
     * through the subgraph's file breaker and timeout (until the answer's headers); never retried, as download links
     * are single-use.
     */
    public HttpResponse<InputStream> file(String subgraph, String pathAndQuery, String identityHeader)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(subgraph) + pathAndQuery))
                .timeout(config.fileCalls().timeout())
                .header(IdentityCodec.HEADER, identityHeader)
                .GET().build();
        return join(filePeers.get(subgraph).writeAsync(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> unlessFailed(subgraph, response))), subgraph);
    }

    /**
     * Asks company-service's internal endpoint who owns a personal access token (a lookup, so retried like a read);
     * returns the status and the body of its answer, or fails with {@link SubgraphUnavailableException}.
     */
    public HttpResponse<String> resolveAccessToken(String json, String identityHeader)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.accessTokenResolverUrl()
                        + "/internal/access-tokens/resolve"))
                .timeout(config.accessTokenResolverCalls().timeout())
                .header("Content-Type", "application/json")
                .header(IdentityCodec.HEADER, identityHeader)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return join(accessTokenResolver.readAsync(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> unlessFailed(RESOLVER_PEER, response))), RESOLVER_PEER);
    }

    private static <T> HttpResponse<T> unlessFailed(String peer, HttpResponse<T> response) {
        if (response.statusCode() >= 500) {
            throw new SubgraphUnavailableException(peer, "HTTP " + response.statusCode(), null);
        }
        return response;
    }

    /** The answer of a guarded blocking call; an I/O failure stays an {@link IOException}, a guard's refusal is unavailability. */
    private static <T> T join(CompletionStage<T> call, String peer) throws IOException, InterruptedException {
        try {
            return call.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = GuardedPeer.unwrap(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime && !GuardedPeer.unavailable(runtime)) {
                throw runtime;
            }
            throw new SubgraphUnavailableException(peer, cause.getClass().getSimpleName(), cause);
        }
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
