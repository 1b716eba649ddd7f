package fr.wastetrace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the stack's real Keycloak: users' (password grant of the public client {@code trackdechets}) and
 * confidential clients' (client-credentials grant).
 */
public final class KeycloakTokens {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    /** The national registry's token (client {@code national-registry} of the local realm, its local secret). */
    public static String nationalRegistry() {
        return clientCredentials("national-registry", "national-registry-local-secret");
    }

    public static String clientCredentials(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), clientId);
    }

    public static String passwordGrant(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "trackdechets", "username", username,
                "password", password, "scope", "openid"), username);
    }

    private static String token(Map<String, String> parameters, String who) {
        String issuer = Stack.env().get("OIDC_ISSUER");
        String form = parameters
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the " + parameters.get("grant_type") + " grant for " + who + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
