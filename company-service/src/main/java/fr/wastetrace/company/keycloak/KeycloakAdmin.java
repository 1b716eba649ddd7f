package fr.wastetrace.company.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keycloak's admin REST API, as the confidential client {@code company-service} (client-credentials grant). Keycloak
 * holds the credentials; company-service creates and looks up accounts there.
 */
@ApplicationScoped
public class KeycloakAdmin {
    private final KeycloakConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    @Inject
    public KeycloakAdmin(KeycloakConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** A Keycloak account, as far as company-service needs it. */
    public record Account(String id, String email, String firstName, String lastName) {
        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? null : name;
        }
    }

    /**
     * Creates an account whose username is its e-mail.
     *
     * @param active true: usable at once; false: the user must verify the e-mail first
     * @return the new account's id (the subject of its tokens), or empty when the e-mail is already taken
     */
    public Optional<String> createUser(String email, String password, String name, boolean active) {
        String[] names = splitName(name);
        ObjectNode user = json.createObjectNode()
                .put("username", email)
                .put("email", email)
                .put("firstName", names[0])
                .put("lastName", names[1])
                .put("enabled", true)
                .put("emailVerified", active);
        if (!active) {
            user.putArray("requiredActions").add("VERIFY_EMAIL");
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> response = sendAdmin(() -> admin("/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (response.statusCode() == 409) {
            return Optional.empty();
        }
        expect(response, 201, "create the account");
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new KeycloakException("Keycloak created an account without returning its address"));
        return Optional.of(location.substring(location.lastIndexOf('/') + 1));
    }

    public Optional<Account> findByEmail(String email) {
        HttpResponse<String> response = sendAdmin(() -> admin("/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)).GET());
        expect(response, 200, "look up an account");
        for (JsonNode node : read(response)) {
            if (email.equalsIgnoreCase(node.path("email").asText())) {
                return Optional.of(new Account(node.get("id").asText(), node.path("email").asText(),
                        node.path("firstName").asText(null), node.path("lastName").asText(null)));
            }
        }
        return Optional.empty();
    }

    /** Deletes an account; a missing account is not an error. */
    public void deleteUser(String id) {
        HttpResponse<String> response = sendAdmin(() -> admin("/users/" + id).DELETE());
        if (response.statusCode() != 404) {
            expect(response, 204, "delete the account");
        }
    }

    /**
     * Keycloak requires both a first and a last name before an account may log in; the platform has one display
     * name, split at its first space (a single word fills both).
     */
    static String[] splitName(String name) {
        String trimmed = name == null ? "" : name.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new String[]{trimmed, trimmed};
        }
        return new String[]{trimmed.substring(0, space), trimmed.substring(space + 1).trim()};
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(config.url() + "/admin/realms/" + config.realm() + path))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + accessToken());
    }

    /**
     * Sends an admin request; on 401 (Keycloak restarted, or revoked the cached token before its expiry) it drops the
     * cached token and sends the request once more with a new one.
     */
    private HttpResponse<String> sendAdmin(Supplier<HttpRequest.Builder> request) {
        HttpResponse<String> response = send(request.get());
        if (response.statusCode() == 401) {
            forgetToken();
            response = send(request.get());
        }
        return response;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private synchronized String accessToken() {
        if (token != null && Instant.now().isBefore(tokenExpiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(config.adminClientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.adminClientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(config.url() + "/realms/" + config.realm() + "/protocol/openid-connect/token"))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(response, 200, "obtain an admin token");
        JsonNode body = read(response);
        token = body.get("access_token").asText();
        // Renew well before expiry so that a token never expires between this check and Keycloak's.
        tokenExpiresAt = Instant.now().plusSeconds(Math.max(5, body.path("expires_in").asLong(60) - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakException("Keycloak is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted while calling Keycloak", e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new KeycloakException("Keycloak answered with invalid JSON", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new KeycloakException("Keycloak refused to " + what + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Keycloak could not do what was asked; reported to API users as a server error. */
    public static class KeycloakException extends RuntimeException {
        public KeycloakException(String message) {
            super(message);
        }

        public KeycloakException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
