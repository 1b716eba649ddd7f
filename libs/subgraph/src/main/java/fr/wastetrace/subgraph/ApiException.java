package fr.wastetrace.subgraph;

import io.smallrye.graphql.api.ErrorCode;

/**
 * An error the API reports to its user: a stable {@code extensions.code} from the contract and a French message that
 * says what to fix. Anything else that escapes a resolver is reported as an internal error without details.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcomes, not bugs: no stack trace to build
    }

    /** The request is wrong: an argument is missing, malformed or inconsistent. */
    @ErrorCode("BAD_USER_INPUT")
    public static class BadUserInput extends ApiException {
        public BadUserInput(String message) {
            super(message);
        }
    }

    /** The caller is authenticated but may not do this. */
    @ErrorCode("FORBIDDEN")
    public static class Forbidden extends ApiException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The operation needs an authenticated caller. */
    @ErrorCode("UNAUTHENTICATED")
    public static class Unauthenticated extends ApiException {
        public Unauthenticated(String message) {
            super(message);
        }
    }

    /** The caller went over a limit. */
    @ErrorCode("TOO_MANY_REQUESTS")
    public static class TooManyRequests extends ApiException {
        public TooManyRequests(String message) {
            super(message);
        }
    }

    /**
     * A service this one depends on (Keycloak, another service) failed, did not answer in time, or its circuit breaker
     * is open: the same code and message as the gateway's for an unavailable subgraph.
     */
    @ErrorCode("INTERNAL_SERVER_ERROR")
    public static class Unavailable extends ApiException {
        public Unavailable(String service) {
            super("Le service « " + service + " » est momentanément indisponible : réessayez dans quelques instants.");
        }
    }
}
