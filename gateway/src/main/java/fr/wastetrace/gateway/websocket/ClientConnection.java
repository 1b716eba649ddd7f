package fr.wastetrace.gateway.websocket;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.gateway.federation.FederatedExecutor;
import fr.wastetrace.gateway.federation.GraphQLErrors;
import fr.wastetrace.gateway.identity.RequestIdentity;
import fr.wastetrace.identity.CallerIdentity;
import io.vertx.core.http.ServerWebSocket;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's GraphQL WebSocket, in {@code graphql-transport-ws} or the legacy {@code graphql-ws} protocol.
 *
 * <ul>
 *   <li>{@code connection_init} first, within {@link fr.wastetrace.gateway.config.GatewayConfig.WebSocket#connectionInitTimeout()}
 *   (else close 4408); its payload may carry {@code Authorization} (also under {@code headers}), which identifies the
 *   caller of queries and mutations sent over the socket (the upgrade request's header otherwise).</li>
 *   <li>Each operation ({@code subscribe} / {@code start}) counts against the per-IP rate limit and passes the checks
 *   of an HTTP request (size, validation, depth, fields, per-operation limits); at most
 *   {@link fr.wastetrace.gateway.config.GatewayConfig.WebSocket#maxOperationsPerConnection()} run at once.</li>
 *   <li>A subscription's caller is its root field's {@code token} argument, resolved here (an invalid one gets
 *   {@code UNAUTHENTICATED}) and checked again periodically while it runs; the subscription goes to its subgraph over
 *   an {@link UpstreamSubscription} and comes back message by message.</li>
 *   <li>A query or a mutation runs like an HTTP request: one result, then {@code complete}.</li>
 *   <li>A client that does not read its messages is disconnected (1013) once
 *   {@link fr.wastetrace.gateway.config.GatewayConfig.WebSocket#maxPendingBytes()} wait for it; closing the socket
 *   ends all its operations, upstream too.</li>
 *   <li>Keep-alives: {@code ping} (graphql-transport-ws) or {@code ka} (legacy) every
 *   {@link fr.wastetrace.gateway.config.GatewayConfig.WebSocket#keepAlive()}, for proxies that close idle connections.</li>
 * </ul>
 */
final class ClientConnection {
    private static final Logger LOG = Logger.getLogger(ClientConnection.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final GraphQLWebSocketEndpoint endpoint;
    private final ServerWebSocket socket;
    private final String clientIp;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private Protocol protocol;
    private volatile String authorization;
    private volatile boolean initialised;
    private volatile boolean closed;
    private long initTimer = -1;
    private long keepAliveTimer = -1;

    /** One running operation; {@code upstream} once its subscription is forwarded. */
    private final class Operation {
        final String id;
        volatile boolean stopped;
        volatile UpstreamSubscription upstream;
        volatile long recheckTimer = -1;

        Operation(String id) {
            this.id = id;
        }

        /** Ends the operation on the gateway's side (and upstream); true the first time only. */
        boolean stop() {
            if (stopped) {
                return false;
            }
            stopped = true;
            operations.remove(id, this);
            endpoint.operations.decrementAndGet();
            if (recheckTimer >= 0) {
                endpoint.vertx.cancelTimer(recheckTimer);
            }
            if (upstream != null) {
                upstream.cancel();
            }
            return true;
        }
    }

    ClientConnection(GraphQLWebSocketEndpoint endpoint, ServerWebSocket socket, String clientIp, String authorization) {
        this.endpoint = endpoint;
        this.socket = socket;
        this.clientIp = clientIp;
        this.authorization = authorization;
    }

    void start() {
        Optional<Protocol> negotiated = Protocol.of(socket.subProtocol());
        if (negotiated.isEmpty()) {
            socket.close((short) 4406, "Subprotocol not acceptable: graphql-transport-ws or graphql-ws");
            return;
        }
        protocol = negotiated.get();
        endpoint.connections.incrementAndGet();
        socket.setWriteQueueMaxSize(endpoint.config.websocket().maxPendingBytes());
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(b -> socket.close((short) 4400, "Text messages only"));
        socket.closeHandler(v -> onClose());
        socket.exceptionHandler(e -> LOG.debugf("WebSocket error from %s: %s", clientIp, e.getMessage()));
        initTimer = endpoint.vertx.setTimer(endpoint.config.websocket().connectionInitTimeout().toMillis(), id -> {
            if (!initialised) {
                socket.close((short) 4408, "Connection initialisation timeout");
            }
        });
    }

    private void onText(String text) {
        JsonNode message;
        try {
            message = endpoint.mapper.readTree(text);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            socket.close((short) 4400, "Invalid message: a JSON object with a type");
            return;
        }
        String type = message.get("type").asText();
        if (type.equals("connection_init")) {
            init(message.path("payload"));
        } else if (type.equals(protocol.start)) {
            start(message);
        } else if (type.equals(protocol.stop)) {
            Operation operation = operations.get(message.path("id").asText());
            if (operation != null) {
                operation.stop();
            }
        } else if (protocol == Protocol.TRANSPORT && type.equals("ping")) {
            ObjectNode pong = endpoint.mapper.createObjectNode().put("type", "pong");
            if (message.has("payload")) {
                pong.set("payload", message.get("payload"));
            }
            send(pong);
        } else if (protocol == Protocol.TRANSPORT && type.equals("pong")) {
            LOG.tracef("pong from %s", clientIp);
        } else if (protocol == Protocol.LEGACY && type.equals("connection_terminate")) {
            socket.close((short) 1000, "");
        } else {
            socket.close((short) 4400, "Unknown message type: " + abbreviate(type));
        }
    }

    private void init(JsonNode payload) {
        if (initialised) {
            socket.close((short) 4429, "Too many initialisation requests");
            return;
        }
        initialised = true;
        endpoint.vertx.cancelTimer(initTimer);
        authorizationIn(payload).ifPresent(value -> authorization = value);
        send(endpoint.mapper.createObjectNode().put("type", "connection_ack"));
        // keeps idle connections open through proxies (the client answers a ping with a pong; ka needs no answer)
        String keepAlive = protocol == Protocol.LEGACY ? "ka" : "ping";
        if (protocol == Protocol.LEGACY) {
            send(endpoint.mapper.createObjectNode().put("type", keepAlive));
        }
        keepAliveTimer = endpoint.vertx.setPeriodic(endpoint.config.websocket().keepAlive().toMillis(),
                id -> send(endpoint.mapper.createObjectNode().put("type", keepAlive)));
    }

    /** {@code Authorization} (or {@code authorization}) of the init payload, or of its {@code headers}. */
    private static Optional<String> authorizationIn(JsonNode payload) {
        for (JsonNode holder : List.of(payload, payload.path("headers"))) {
            for (String name : List.of("Authorization", "authorization")) {
                JsonNode value = holder.path(name);
                if (value.isTextual() && !value.asText().isBlank()) {
                    String text = value.asText().trim();
                    return Optional.of(text.regionMatches(true, 0, "Bearer ", 0, 7) ? text : "Bearer " + text);
                }
            }
        }
        return Optional.empty();
    }

    private void start(JsonNode message) {
        if (!initialised) {
            socket.close((short) 4401, "Unauthorized");
            return;
        }
        JsonNode payload = message.path("payload");
        if (!message.path("id").isTextual() || message.get("id").asText().isEmpty() || !payload.isObject()) {
            socket.close((short) 4400, "Invalid message: " + protocol.start + " needs an id and a payload");
            return;
        }
        String id = message.get("id").asText();
        if (operations.containsKey(id)) {
            socket.close((short) 4409, "Subscriber for " + abbreviate(id) + " already exists");
            return;
        }
        int limit = endpoint.config.websocket().maxOperationsPerConnection();
        if (operations.size() >= limit) {
            sendErrors(id, List.of(GraphQLErrors.error("Au plus " + limit + " opérations à la fois par connexion : "
                    + "terminez-en une avant d'en commencer une autre.", "TOO_MANY_REQUESTS")));
            return;
        }
        Operation operation = new Operation(id);
        operations.put(id, operation);
        endpoint.operations.incrementAndGet();
        FederatedExecutor.Request request = new FederatedExecutor.Request(
                payload.path("query").isTextual() ? payload.get("query").asText() : null,
                payload.path("operationName").isTextual() ? payload.get("operationName").asText() : null,
                payload.path("variables").isObject() ? endpoint.mapper.convertValue(payload.get("variables"), MAP) : Map.of(),
                false);
        endpoint.limiter.decide("ip:" + clientIp, endpoint.perIp).subscribe().with(decision -> {
            if (!decision.allowed()) {
                finish(operation, () -> sendErrors(id, List.of(GraphQLErrors.error("Quota de " + decision.limit()
                        + " requêtes par " + endpoint.config.rateLimit().window().toMinutes() + " minute(s) dépassé pour cette "
                        + "adresse IP : réessayez après " + decision.retryAfterSeconds() + " secondes.", "TOO_MANY_REQUESTS"))));
                return;
            }
            endpoint.vertx.executeBlocking(() -> {
                run(operation, request);
                return null;
            }, false).onFailure(failure -> {
                LOG.errorf(failure, "WebSocket operation %s failed", abbreviate(id));
                finish(operation, () -> sendErrors(id, List.of(GraphQLErrors.error("Erreur serveur", GraphQLErrors.INTERNAL))));
            });
        }, failure -> finish(operation, () -> sendErrors(id, List.of(GraphQLErrors.error("Erreur serveur",
                GraphQLErrors.INTERNAL)))));
    }

    /** On a worker thread: checks the operation, then runs it (query, mutation) or forwards it (subscription). */
    private void run(Operation operation, FederatedExecutor.Request request) {
        if (operation.stopped) {
            return;
        }
        FederatedExecutor.Routing routing = endpoint.executor.route(request, clientIp);
        if (routing instanceof FederatedExecutor.Routing.Refused refused) {
            finish(operation, () -> sendErrors(operation.id, errorsOf(refused.outcome().body())));
        } else if (routing instanceof FederatedExecutor.Routing.Subscription subscription) {
            subscribe(operation, subscription);
        } else {
            RequestIdentity identity = endpoint.identities.forRequest(authorization, clientIp);
            identity.running(request.operationName());
            FederatedExecutor.Outcome outcome = endpoint.executor.execute(request, identity, clientIp);
            finish(operation, () -> {
                if (outcome.body().containsKey("data")) {
                    sendResult(operation.id, endpoint.mapper.valueToTree(
                            GraphQLErrors.render(outcome.body(), identity.errorContext())));
                    sendComplete(operation.id);
                } else {
                    sendErrors(operation.id, errorsOf(outcome.body()));
                }
            });
        }
    }

    private void subscribe(Operation operation, FederatedExecutor.Routing.Subscription subscription) {
        SubscriptionRequests.Upstream upstream = SubscriptionRequests.upstream(subscription.document(),
                subscription.operation(), subscription.variables());
        CallerIdentity caller = endpoint.identities.resolve(upstream.hasToken() ? upstream.bearer().orElse(null)
                : authorization, clientIp);
        if (upstream.hasToken() && !caller.isAuthenticated()) {
            finish(operation, () -> sendErrors(operation.id, List.of(unauthenticated(upstream))));
            return;
        }
        ObjectNode payload = endpoint.mapper.createObjectNode().put("query", upstream.query());
        payload.set("variables", endpoint.mapper.valueToTree(upstream.variables()));
        if (upstream.operationName() != null) {
            payload.put("operationName", upstream.operationName());
        }
        String subgraph = subscription.subgraph();
        operation.upstream = UpstreamSubscription.open(endpoint.upstreamClient, endpoint.mapper,
                endpoint.subgraphs.graphqlEndpoint(subgraph), endpoint.identities.sign(caller, subgraph),
                endpoint.config.websocket().upstreamConnectTimeout(), payload, new UpstreamSubscription.Listener() {
                    @Override
                    public void onNext(JsonNode result) {
                        if (!operation.stopped) {
                            sendResult(operation.id, withClientErrors(subgraph, result));
                        }
                    }

                    @Override
                    public void onError(JsonNode errors) {
                        finish(operation, () -> sendErrors(operation.id, clientErrors(subgraph, errors)));
                    }

                    @Override
                    public void onComplete() {
                        finish(operation, () -> sendComplete(operation.id));
                    }

                    @Override
                    public void onFailure(String reason) {
                        LOG.warnf("subscription %s forwarded to %s ended: %s", abbreviate(operation.id), subgraph, reason);
                        finish(operation, () -> sendErrors(operation.id, List.of(GraphQLErrors.error("Le service « "
                                + subgraph + " » est momentanément indisponible : réabonnez-vous dans quelques instants.",
                                GraphQLErrors.INTERNAL))));
                    }
                });
        if (upstream.hasToken()) {
            operation.recheckTimer = endpoint.vertx.setPeriodic(
                    endpoint.config.websocket().tokenRecheckInterval().toMillis(), timer -> recheck(operation, upstream));
        }
        if (operation.stopped) { // stopped while the subscription was being set up
            operation.upstream.cancel();
            endpoint.vertx.cancelTimer(operation.recheckTimer);
        }
    }

    /** Ends a subscription whose token no longer identifies anybody (revoked access token, expired JWT). */
    private void recheck(Operation operation, SubscriptionRequests.Upstream upstream) {
        endpoint.vertx.executeBlocking(() -> endpoint.identities.resolve(upstream.bearer().orElse(null), clientIp), false)
                .onSuccess(caller -> {
                    if (!caller.isAuthenticated()) {
                        finish(operation, () -> sendErrors(operation.id, List.of(GraphQLErrors.error("Votre jeton n'est "
                                + "plus valide (révoqué ou expiré) : l'abonnement est terminé. Réabonnez-vous avec un "
                                + "jeton valide.", "UNAUTHENTICATED"))));
                    }
                });
    }

    private static Map<String, Object> unauthenticated(SubscriptionRequests.Upstream upstream) {
        return GraphQLErrors.error("Jeton invalide ou expiré : l'argument " + SubscriptionRequests.TOKEN_ARGUMENT
                + " de « " + upstream.rootField() + " » doit être un jeton d'accès valide (jeton personnel ou jeton "
                + "Keycloak).", "UNAUTHENTICATED");
    }

    /** Sends an operation's last message(s), unless it was stopped meanwhile. */
    private void finish(Operation operation, Runnable lastMessages) {
        if (operation.stop()) {
            lastMessages.run();
        }
    }

    private JsonNode withClientErrors(String subgraph, JsonNode result) {
        if (!result.path("errors").isArray()) {
            return result;
        }
        ObjectNode mapped = result.deepCopy();
        mapped.set("errors", endpoint.mapper.valueToTree(GraphQLErrors.renderErrors(clientErrors(subgraph, result.get("errors")),
                GraphQLErrors.Context.anonymous(null))));
        return mapped;
    }

    private List<Map<String, Object>> clientErrors(String subgraph, JsonNode errors) {
        if (!errors.isArray()) {
            return List.of(endpoint.executor.clientError(subgraph, errors));
        }
        List<Map<String, Object>> mapped = new ArrayList<>();
        errors.forEach(error -> mapped.add(endpoint.executor.clientError(subgraph, error)));
        return mapped;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Map<String, Object> body) {
        Object errors = body.get("errors");
        return errors instanceof List<?> list ? (List<Map<String, Object>>) list
                : List.of(GraphQLErrors.error("Erreur serveur", GraphQLErrors.INTERNAL));
    }

    private void sendResult(String id, JsonNode payload) {
        ObjectNode message = endpoint.mapper.createObjectNode().put("id", id).put("type", protocol.result);
        message.set("payload", payload);
        send(message);
    }

    /** graphql-transport-ws: the list of errors; legacy graphql-ws: the first error. */
    private void sendErrors(String id, List<Map<String, Object>> errors) {
        ObjectNode message = endpoint.mapper.createObjectNode().put("id", id).put("type", "error");
        ArrayNode list = endpoint.mapper.valueToTree(GraphQLErrors.renderErrors(errors, GraphQLErrors.Context.anonymous(null)));
        message.set("payload", protocol == Protocol.TRANSPORT ? list : list.get(0));
        send(message);
    }

    private void sendComplete(String id) {
        send(endpoint.mapper.createObjectNode().put("id", id).put("type", "complete"));
    }

    private void send(JsonNode message) {
        if (closed || socket.isClosed()) {
            return;
        }
        if (socket.writeQueueFull()) {
            endpoint.slowClients.increment();
            LOG.infof("closing the WebSocket of %s: more than %d bytes wait for it", clientIp,
                    endpoint.config.websocket().maxPendingBytes());
            socket.close((short) 1013, "Client too slow: messages were not read");
            return;
        }
        socket.writeTextMessage(message.toString());
    }

    private void onClose() {
        closed = true;
        endpoint.connections.decrementAndGet();
        endpoint.vertx.cancelTimer(initTimer);
        if (keepAliveTimer >= 0) {
            endpoint.vertx.cancelTimer(keepAliveTimer);
        }
        operations.values().forEach(Operation::stop);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
