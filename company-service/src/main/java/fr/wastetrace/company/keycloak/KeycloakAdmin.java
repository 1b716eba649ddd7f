package fr.wastetrace.company.keycloak;

import fr.wastetrace.company.config.CompanyConfig;
import fr.wastetrace.resilience.GuardedPeer;
import fr.wastetrace.subgraph.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keycloak's admin REST API through the Quarkus Keycloak admin client ({@code quarkus-keycloak-admin-rest-client}),
 * as the confidential client {@code company-service} (client-credentials grant: {@code quarkus.keycloak.admin-client.*},
 * the client's token obtained and renewed by the admin client). Keycloak holds the credentials; company-service
 * creates and looks up accounts there.
 *
 * <p>Every call has a timeout and goes through Keycloak's circuit breaker ({@code wastetrace.company.keycloak-calls.*});
 * look-ups are retried, creations and deletions never. When Keycloak is unreachable, answers 5xx, is late or its
 * breaker is open, the API user gets {@link ApiException.Unavailable} (the gateway's message for an unavailable
 * service), never a trace.
 */
@ApplicationScoped
public class KeycloakAdmin {
    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);
    static final String PEER = "keycloak";

    private final Keycloak keycloak;
    private final KeycloakConfig config;
    private final GuardedPeer peer;

    @Inject
    public KeycloakAdmin(Keycloak keycloak, KeycloakConfig config, CompanyConfig company) {
        this.keycloak = keycloak;
        this.config = config;
        this.peer = new GuardedPeer(PEER, company.keycloakCalls(),
                failure -> failure instanceof KeycloakException refusal && refusal.unavailable);
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
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(names[0]);
        user.setLastName(names[1]);
        user.setEnabled(true);
        user.setEmailVerified(active);
        if (!active) {
            user.setRequiredActions(List.of("VERIFY_EMAIL"));
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = write("create the account", () -> users().create(user))) {
            if (response.getStatus() == 409) {
                return Optional.empty();
            }
            expect(response, 201, "create the account");
            String location = response.getLocation() == null ? null : response.getLocation().getPath();
            if (location == null) {
                throw new KeycloakException("Keycloak created an account without returning its address");
            }
            return Optional.of(location.substring(location.lastIndexOf('/') + 1));
        }
    }

    public Optional<Account> findByEmail(String email) {
        List<UserRepresentation> found = read("look up an account", () -> users().searchByEmail(email, true));
        return found.stream().filter(user -> email.equalsIgnoreCase(user.getEmail())).findFirst()
                .map(user -> new Account(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName()));
    }

    /** Deletes an account; a missing account is not an error. */
    public void deleteUser(String id) {
        try (Response response = write("delete the account", () -> users().delete(id))) {
            if (response.getStatus() != 404) {
                expect(response, 204, "delete the account");
            }
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

    private UsersResource users() {
        return keycloak.realm(config.realm()).users();
    }

    /** A look-up: retried when Keycloak fails. */
    private <T> T read(String what, Supplier<T> call) {
        return guarded(what, () -> peer.read(() -> attempt(what, call)));
    }

    /** A creation or deletion: sent once. */
    private <T> T write(String what, Supplier<T> call) {
        return guarded(what, () -> peer.write(() -> attempt(what, call)));
    }

    private static <T> T guarded(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (GuardedPeer.unavailable(e) || e instanceof KeycloakException refusal && refusal.unavailable) {
                LOG.warnf("Keycloak could not %s: %s", what, e.getMessage());
                throw new ApiException.Unavailable(PEER);
            }
            throw e;
        }
    }

    /**
     * One admin call. On 401 (Keycloak restarted, or revoked the client's token before its expiry) the admin client's
     * token is dropped and the call made once more with a new one; other failures become {@link KeycloakException},
     * marked unavailable when Keycloak could not be reached or failed (5xx).
     */
    private <T> T attempt(String what, Supplier<T> call) {
        T result;
        try {
            try {
                result = call.get();
            } catch (NotAuthorizedException expired) {
                keycloak.tokenManager().invalidate(keycloak.tokenManager().getAccessTokenString());
                result = call.get();
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new KeycloakException("Keycloak refused to " + what + ": HTTP " + status, e, status >= 500);
        } catch (ProcessingException e) {
            throw new KeycloakException("Keycloak is unreachable: " + e.getMessage(), e, true);
        }
        if (result instanceof Response response && response.getStatus() >= 500) {
            response.close();
            throw new KeycloakException("Keycloak failed to " + what + ": HTTP " + response.getStatus(), null, true);
        }
        return result;
    }

    private static void expect(Response response, int status, String what) {
        if (response.getStatus() != status) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            throw new KeycloakException("Keycloak refused to " + what + ": HTTP " + response.getStatus() + " " + body);
        }
    }

    /** Keycloak could not do what was asked; reported to API users as a server error. */
    public static class KeycloakException extends RuntimeException {
        /** Keycloak could not be reached or failed itself (not a refusal of this request). */
        final boolean unavailable;

        public KeycloakException(String message) {
            this(message, null, false);
        }

        KeycloakException(String message, Throwable cause, boolean unavailable) {
            super(message, cause);
            this.unavailable = unavailable;
        }
    }
}
