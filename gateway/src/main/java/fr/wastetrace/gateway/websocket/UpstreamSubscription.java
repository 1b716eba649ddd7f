package fr.wastetrace.gateway.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.wastetrace.identity.IdentityCodec;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client subscription forwarded to the subgraph that owns it, over a WebSocket of its own
 * ({@code graphql-transport-ws}, whatever the client speaks), opened with the caller's signed identity on the upgrade
 * request: {@code connection_init}, then one {@code subscribe}; what the subgraph sends back goes to the
 * {@link Listener}, which hears exactly one of {@code onError}, {@code onComplete}, {@code onFailure} at the end,
 * unless the subscription is cancelled first.
 */
final class UpstreamSubscription {
    private static final Logger LOG = Logger.getLogger(UpstreamSubscription.class);
    private static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final String ID = "1";

    interface Listener {
        /** A result: {@code {data, errors}}. */
        void onNext(JsonNode payload);

        /** The subgraph refused the operation: a list of errors. */
        void onError(JsonNode errors);

        void onComplete();

        /** The subgraph could not be reached, or dropped the subscription. */
        void onFailure(String reason);
    }

    private final ObjectMapper mapper;
    private final ObjectNode subscribe;
    private final Listener listener;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile boolean subscribed;

    private UpstreamSubscription(ObjectMapper mapper, ObjectNode subscribe, Listener listener) {
        this.mapper = mapper;
        this.subscribe = subscribe;
        this.listener = listener;
    }

    /** @param payload the {@code subscribe} payload: {@code {query, variables, operationName}} */
    static UpstreamSubscription open(WebSocketClient client, ObjectMapper mapper, URI endpoint, String identityHeader,
                                     Duration connectTimeout, ObjectNode payload, Listener listener) {
        ObjectNode subscribe = mapper.createObjectNode().put("id", ID).put("type", "subscribe");
        subscribe.set("payload", payload);
        UpstreamSubscription upstream = new UpstreamSubscription(mapper, subscribe, listener);
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.getHost())
                .setPort(endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80)
                .setSsl("https".equals(endpoint.getScheme()))
                .setURI(endpoint.getRawPath())
                .setConnectTimeout(connectTimeout.toMillis())
                .addSubProtocol(SUBPROTOCOL)
                .addHeader(IdentityCodec.HEADER, identityHeader);
        client.connect(options).onComplete(result -> {
            if (result.failed()) {
                upstream.fail("connection failed: " + result.cause().getMessage());
            } else {
                upstream.connected(result.result());
            }
        });
        return upstream;
    }

    private void connected(WebSocket webSocket) {
        socket = webSocket;
        if (finished.get()) {
            webSocket.close();
            return;
        }
        webSocket.textMessageHandler(this::onText);
        webSocket.closeHandler(v -> fail("closed by the subgraph (" + webSocket.closeStatusCode() + " "
                + webSocket.closeReason() + ")"));
        webSocket.exceptionHandler(e -> LOG.debugf("upstream WebSocket error: %s", e.getMessage()));
        send(mapper.createObjectNode().put("type", "connection_init"));
    }

    private void onText(String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (IOException e) {
            fail("a message that is not JSON");
            return;
        }
        switch (message.path("type").asText()) {
            case "connection_ack" -> {
                subscribed = true;
                send(subscribe);
            }
            case "ping" -> send(mapper.createObjectNode().put("type", "pong"));
            case "next" -> {
                if (!finished.get()) {
                    listener.onNext(message.path("payload"));
                }
            }
            case "error" -> {
                if (finish()) {
                    listener.onError(message.path("payload"));
                }
            }
            case "complete" -> {
                if (finish()) {
                    listener.onComplete();
                }
            }
            default -> LOG.debugf("ignoring upstream message %s", message.path("type").asText());
        }
    }

    /** The client stopped: ends the subscription on the subgraph and closes its socket; the listener hears no more. */
    void cancel() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        WebSocket current = socket;
        if (current != null && !current.isClosed()) {
            if (subscribed) {
                send(mapper.createObjectNode().put("id", ID).put("type", "complete"));
            }
            current.close();
        }
    }

    private void fail(String reason) {
        if (finish()) {
            listener.onFailure(reason);
        }
    }

    /** Marks the end; true the first time only. Closes the socket. */
    private boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        WebSocket current = socket;
        if (current != null && !current.isClosed()) {
            current.close();
        }
        return true;
    }

    private void send(JsonNode message) {
        WebSocket current = socket;
        if (current != null && !current.isClosed()) {
            current.writeTextMessage(message.toString());
        }
    }
}
