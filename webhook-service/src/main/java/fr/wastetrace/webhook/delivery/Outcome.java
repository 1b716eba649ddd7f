package fr.wastetrace.webhook.delivery;

/**
 * What one POST to an endpoint gave. Only the status is kept of a response: its body is read (up to the bound, to
 * reuse the connection) and thrown away, never logged.
 */
public record Outcome(Kind kind, Integer httpStatus, long latencyMillis) {
    public enum Kind { DELIVERED, HTTP_ERROR, TIMEOUT, CONNECTION_ERROR, REFUSED_ADDRESS, RESPONSE_TOO_LARGE }

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }
}
