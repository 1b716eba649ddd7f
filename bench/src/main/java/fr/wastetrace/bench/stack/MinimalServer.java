package fr.wastetrace.bench.stack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The cold-start baseline: a bare JVM serving {@code /q/health/ready} with the JDK's own HTTP server, nothing else.
 * Started by the benchmark exactly like a service, it gives the floor of "process start → ready" on this machine.
 */
public final class MinimalServer {
    private MinimalServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
