package fr.wastetrace.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the resilience tests share: a real HTTP server on 127.0.0.1 standing for a peer outside the service under test
 * (Keycloak, another service, a subgraph), the failures it is told to give, and the call policy (libs/resilience) of
 * the test profiles: fast retries, and a breaker that opens after 3 failures in 4 calls and stays open.
 */
public final class PeerStubs {
    private PeerStubs() {
    }

    /** A server on a free port of 127.0.0.1, its routes set by {@code routes}, started. */
    public static HttpServer start(Consumer<HttpServer> routes) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        routes.accept(server);
        server.start();
        return server;
    }

    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void stop(HttpServer server) {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers {@code body} (JSON; none when empty) with {@code status}. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Whether this call fails: while {@code failing}, or as one of the {@code failuresToCome} (then one fewer). */
    public static boolean fails(AtomicBoolean failing, AtomicInteger failuresToCome) {
        return failing.get() || failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** The call policy of the peer whose settings are under {@code prefix} (ending with a dot), for a test profile. */
    public static Map<String, String> testPolicy(String prefix, String timeout) {
        Map<String, String> config = new HashMap<>();
        config.put(prefix + "timeout", timeout);
        config.put(prefix + "retry.max-retries", "2");
        config.put(prefix + "retry.delay", "10ms");
        config.put(prefix + "retry.jitter", "0ms");
        config.put(prefix + "circuit-breaker.request-volume-threshold", "4");
        config.put(prefix + "circuit-breaker.failure-ratio", "0.75");
        config.put(prefix + "circuit-breaker.delay", "1h");
        return config;
    }
}
