package fr.wastetrace.gateway.identity;

import fr.wastetrace.gateway.federation.GraphQLErrors;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.ErrorMessages;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.WrittenPositions;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The identity one client request hands to the subgraphs: the caller and the positions of its own recent writes that
 * every read model must have applied before answering (read-your-writes). A write made by the request itself (a
 * mutation, then the next one of a batch or of the same document) raises them for its later subgraph calls.
 */
public final class RequestIdentity {
    private final IdentityCodec codec;
    private CallerIdentity caller;
    /** The signed header by subgraph: each is made for one subgraph only (its audience). */
    private final Map<String, String> headers = new HashMap<>(4);
    /** The language the client's errors are written in ({@link ErrorMessages#negotiate}), forwarded to subgraphs. */
    private String language = ErrorMessages.FRENCH;
    /** The name of the operation being run, forwarded to subgraphs for their error logs; null when none. */
    private String operation;

    /** When the personal access token presented expired, if it did: the request is refused. */
    private final Instant credentialsExpiredAt;

    RequestIdentity(IdentityCodec codec, CallerIdentity caller, Instant credentialsExpiredAt) {
        this.codec = codec;
        this.caller = caller;
        this.credentialsExpiredAt = credentialsExpiredAt;
    }

    /** When the personal access token the request presented expired; null when it did not present an expired one. */
    public Instant credentialsExpiredAt() {
        return credentialsExpiredAt;
    }

    /** The signed header {@link IdentityCodec#HEADER} for the next call of {@code subgraph}. */
    public synchronized String header(String subgraph) {
        return headers.computeIfAbsent(subgraph, audience -> codec.sign(caller, audience));
    }

    public synchronized CallerIdentity caller() {
        return caller;
    }

    /** The request's language, negotiated from its {@code Accept-Language} header. */
    public synchronized RequestIdentity speaking(String acceptLanguage) {
        this.language = ErrorMessages.negotiate(acceptLanguage);
        return this;
    }

    public synchronized String language() {
        return language;
    }

    /** The operation this request runs now (each one of a batch in turn). */
    public synchronized void running(String operationName) {
        this.operation = operationName;
    }

    public synchronized String operation() {
        return operation;
    }

    /** The context of the errors of this request, for {@link GraphQLErrors#render}. */
    public synchronized GraphQLErrors.Context errorContext() {
        return new GraphQLErrors.Context(language, operation, caller.isAuthenticated() ? caller.subject() : "anonymous");
    }

    /** The caller's write reached {@code positions}: later calls of this request await them too. */
    synchronized void wrote(Map<String, Long> positions) {
        Map<String, Long> raised = WrittenPositions.raise(caller.awaited(), positions);
        if (!raised.equals(caller.awaited())) {
            caller = caller.awaiting(raised);
            headers.clear();
        }
    }
}
