package fr.wastetrace.resilience;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The calls to one peer, guarded by SmallRye Fault Tolerance as its {@link CallPolicy} says: every call has a timeout
 * and goes through the peer's circuit breaker; reads are also retried. Mutations are never retried: a mutation whose
 * answer was lost may have been applied, and sending it again could apply it twice.
 *
 * <p>Only the peer's faults count: what {@code peerFault} recognises (unreachable, 5xx) and timeouts. An answer the
 * peer meant (a refusal, "not found") is neither retried nor held against the breaker. An open breaker fails a call
 * at once with {@link CircuitBreakerOpenException}, a late answer with {@link TimeoutException}: callers turn both into
 * the same error as the peer's own faults ({@link #unavailable}).
 */
public final class GuardedPeer {
    private static final Logger LOG = Logger.getLogger(GuardedPeer.class);

    private final String name;
    /** Circuit breaker around a timeout, shared by the peer's reads and mutations. */
    private final Guard guarded;
    /** Retry around {@link #guarded}, for reads. */
    private final Guard retried;

    public GuardedPeer(String name, CallPolicy policy, Predicate<Throwable> peerFault) {
        this.name = name;
        Predicate<Throwable> failure = e -> {
            Throwable cause = unwrap(e);
            return cause instanceof TimeoutException || peerFault.test(cause);
        };
        CallPolicy.CircuitBreaker breaker = policy.circuitBreaker();
        this.guarded = Guard.create().withDescription(name)
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(failure)
                .onStateChange(state -> LOG.warnf("circuit breaker of %s: %s", name, state))
                .done()
                .withTimeout().duration(policy.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withThreadOffload(false)
                .build();
        CallPolicy.Retry retry = policy.retry();
        this.retried = Guard.create().withDescription(name + " (reads)")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> !(unwrap(e) instanceof CircuitBreakerOpenException) && failure.test(e))
                .onRetry(() -> LOG.debugf("retrying a read from %s", name))
                .done()
                .withThreadOffload(false)
                .build();
    }

    public String name() {
        return name;
    }

    /** A blocking read: timeout, breaker, retries. */
    @SuppressWarnings("unchecked")
    public <T> T read(Supplier<T> call) {
        Supplier<Object> action = (Supplier<Object>) call;
        return (T) retried.get(() -> guarded.get(action, Object.class), Object.class);
    }

    /** A blocking mutation: timeout and breaker, sent once. */
    @SuppressWarnings("unchecked")
    public <T> T write(Supplier<T> call) {
        return (T) guarded.get((Supplier<Object>) call, Object.class);
    }

    /** A non-blocking read: the stage fails with the last attempt's failure. */
    public <T> CompletionStage<T> readAsync(Supplier<CompletionStage<T>> call) {
        TypeLiteral<CompletionStage<T>> type = new TypeLiteral<>() {
        };
        return retried.get(() -> guarded.get(call, type), type);
    }

    /** A non-blocking mutation: timeout and breaker, sent once. */
    public <T> CompletionStage<T> writeAsync(Supplier<CompletionStage<T>> call) {
        return guarded.get(call, new TypeLiteral<CompletionStage<T>>() {
        });
    }

    /** Whether a failure means the peer is unavailable: its breaker is open, or it did not answer in time. */
    public static boolean unavailable(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof CircuitBreakerOpenException || cause instanceof TimeoutException;
    }

    /** Whether a failure is the peer's open circuit breaker refusing the call. */
    public static boolean breakerOpen(Throwable failure) {
        return unwrap(failure) instanceof CircuitBreakerOpenException;
    }

    /** The failure inside the wrappers of futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
