package fr.wastetrace.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** GraphQL through the gateway. Every failure is an {@link ApiFailure}, never fatal to the caller's thread. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Why a call did not succeed: the service's refusal (an answer with errors) or no answer at all. */
    static final class ApiFailure extends Exception {
        final boolean answered;

        ApiFailure(String message, boolean answered) {
            super(message, null, false, false);
            this.answered = answered;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String gatewayUrl;

    Api(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** {@code data} of the answer; throws when the answer is not HTTP 200 with data and no errors. */
    JsonNode call(String token, String query, Map<String, ?> variables, Duration timeout) throws ApiFailure {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure("interrupted", false);
        } catch (Exception e) {
            throw new ApiFailure("no answer: " + e, false);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (Exception e) {
            throw new ApiFailure("HTTP " + response.statusCode() + ", not JSON: " + abbreviate(response.body()), response.statusCode() < 500);
        }
        if (response.statusCode() != 200 || json.hasNonNull("errors") || !json.hasNonNull("data")) {
            throw new ApiFailure("HTTP " + response.statusCode() + ": " + abbreviate(json.path("errors").toString()),
                    response.statusCode() < 500);
        }
        return json.get("data");
    }

    JsonNode call(String token, String query, Map<String, ?> variables) throws ApiFailure {
        return call(token, query, variables, Duration.ofSeconds(30));
    }

    /** A GET to a service's own port (health), or null when it does not answer. */
    HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
