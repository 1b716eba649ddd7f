package fr.wastetrace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GraphQL-over-WebSocket client for tests (JDK {@link WebSocket}): connects with a subprotocol and headers, sends
 * protocol messages, and hands back what the server sends, message by message, and how it closed the socket.
 */
public final class GraphQLWebSocket implements AutoCloseable {
    /** How long a test waits for a message or a close at most: a bound on a hung test, not a timing assertion. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile boolean paused;
    private volatile boolean demandOwed;

    /** The close frame the server sent (or 1006 when the connection broke). */
    public record Closed(int code, String reason) {
    }

    private GraphQLWebSocket(URI uri, String subprotocol, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        headers.forEach(builder::header);
        try {
            socket = builder.buildAsync(uri, new Listener()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new UpgradeRefused(uri, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no WebSocket handshake with " + uri, e);
        }
    }

    /** The upgrade request failed (for instance an HTTP 401 instead of a 101). */
    public static final class UpgradeRefused extends RuntimeException {
        UpgradeRefused(URI uri, Throwable cause) {
            super("WebSocket upgrade to " + uri + " refused: " + cause, cause);
        }
    }

    /** Opens {@code uri} (ws://...) offering {@code subprotocol} (none when null), with extra upgrade headers. */
    public static GraphQLWebSocket connect(URI uri, String subprotocol, Map<String, String> headers) {
        return new GraphQLWebSocket(uri, subprotocol, headers);
    }

    /** {@code http://host:port/path} → {@code ws://host:port/path}. */
    public static URI ws(String httpUrl) {
        return URI.create(httpUrl.replaceFirst("^http", "ws"));
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(JsonNode message) {
        send(message.toString());
    }

    /** Sends a text frame as is (even one that is not JSON). */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** {@code {"id": id, "type": type, "payload": {"query": query, "variables": variables}}}. */
    public static ObjectNode operation(String type, String id, String query, Map<String, ?> variables) {
        ObjectNode message = message(type).put("id", id);
        ObjectNode payload = message.putObject("payload").put("query", query);
        payload.set("variables", JSON.valueToTree(variables));
        return message;
    }

    /** The next message the server sent, waiting for it; fails when none comes. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message from the server" + (closed.isDone() ? ": it closed with "
                        + closed.join() : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next message that is not a keep-alive, if one comes within {@code wait}: for a test that must act (send
     * something again) while it waits, never to assert that nothing came.
     */
    public Optional<JsonNode> poll(Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        try {
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.MILLISECONDS);
                if (message == null) {
                    return Optional.empty();
                }
                if (!isKeepAlive(message)) {
                    return Optional.of(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isKeepAlive(JsonNode message) {
        String type = message.path("type").asText();
        return type.equals("ka") || type.equals("ping") || type.equals("pong");
    }

    /** The next message that is not a keep-alive ({@code ka}, {@code ping}, {@code pong}). */
    public JsonNode nextSkippingKeepAlive() {
        while (true) {
            JsonNode message = next();
            if (!isKeepAlive(message)) {
                return message;
            }
        }
    }

    /** Stops reading from the socket (the server's messages then wait in its buffers), as a client too slow would. */
    public void pauseReading() {
        paused = true;
    }

    public void resumeReading() {
        paused = false;
        if (demandOwed) {
            demandOwed = false;
            socket.request(1);
        }
    }

    /** Waits until the server closes the socket. */
    public Closed awaitClose() {
        try {
            return closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not close the WebSocket", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    received.add(JSON.createObjectNode().put("type", "not-json").put("text", text.toString()));
                }
                text.setLength(0);
            }
            if (paused) {
                demandOwed = true;
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(1006, String.valueOf(error)));
        }
    }
}
