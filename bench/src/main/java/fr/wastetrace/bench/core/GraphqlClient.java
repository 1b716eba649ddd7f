package fr.wastetrace.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.testing.Gql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** GraphQL over HTTP for the benchmarks: builds requests (bearer token or gateway identity) and reads answers. */
public final class GraphqlClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public GraphqlClient(HttpClient http) {
        this.http = http;
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpClient http() {
        return http;
    }

    /** A request to the gateway ({@code POST /}) as the holder of {@code bearerToken}. */
    public static HttpRequest gateway(String gatewayUrl, String bearerToken, String query, Map<String, ?> variables) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + "/"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(Gql.body(query, variables))).build();
    }

    /** A request straight to a subgraph ({@code POST /graphql}) with a signed gateway identity. */
    public static HttpRequest subgraph(String serviceUrl, String identityHeader, String query, Map<String, ?> variables) {
        return HttpRequest.newBuilder(URI.create(serviceUrl + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header(IdentityCodec.HEADER, identityHeader)
                .POST(HttpRequest.BodyPublishers.ofString(Gql.body(query, variables))).build();
    }

    /** Sends and returns {@code data}; fails on any HTTP or GraphQL error, with the answer in the message. */
    public JsonNode data(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return dataOf(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CompletableFuture<JsonNode> dataAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> dataOf(response.statusCode(), response.body()));
    }

    /** True when the answer is HTTP 200 with data and without errors (the success test of the load driver). */
    public static boolean succeeded(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        // Searching the key is cheap enough for every answer, parsing it would load the driver.
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.contains("\"data\"") && !body.contains("\"errors\":[");
    }

    private static JsonNode dataOf(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + status + ", not JSON: " + body);
        }
        if (status != 200 || json.hasNonNull("errors") || !json.hasNonNull("data")) {
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
        return json.get("data");
    }
}
