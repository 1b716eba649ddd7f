package fr.wastetrace.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on 127.0.0.1 (the JDK's HTTP server): records the deliveries it accepts and the moment it
 * got them; answers 200, or the failing statuses it is told to answer first.
 */
public final class WebhookReceiver implements AutoCloseable {
    static {
        // The JDK's server writes a response's headers and body apart; without TCP_NODELAY the body waits for the
        // client's delayed ACK (40 ms on Linux), which would time the receiver rather than the deliveries.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public record Received(Instant at, String path, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Integer status = nextStatuses.poll();
            int code = status == null ? 200 : status;
            if (code == 200) {
                received.add(new Received(Instant.now(), exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
                        Map.copyOf(exchange.getRequestHeaders())));
            }
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        // Handlers on a pool of their own: with the default executor they would run on the server's only dispatcher
        // thread, which also accepts and reads connections.
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests are answered with {@code status} (and not recorded as received). */
    public void fail(int count, int status) {
        for (int i = 0; i < count; i++) {
            nextStatuses.add(status);
        }
    }

    public int requests() {
        return requests.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} deliveries were received. */
    public List<Received> await(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
