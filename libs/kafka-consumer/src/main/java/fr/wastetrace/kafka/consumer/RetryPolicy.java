package fr.wastetrace.kafka.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the loop does with a record whose handler failed (pure logic, no Kafka): retry it after a backoff, park it on
 * the dead-letter topic, or wait for an unavailable dependency without counting the try.
 *
 * <ul>
 *   <li>A {@link PoisonRecordException} goes to the dead-letter topic at once.</li>
 *   <li>A failure for which {@code unavailable} holds (by default: the database cannot be reached, SQL state class
 *       {@code 08} or {@link SQLTransientConnectionException} anywhere in the causes) is not the record's fault: the
 *       record is retried, without limit and without counting a try, and the loop reports itself blocked.</li>
 *   <li>Any other failure counts one try; after {@code maxTries} tries the record goes to the dead-letter topic,
 *       before that it is retried after {@code backoff × 2^(tries-1)}, at most {@code maxBackoff}.</li>
 * </ul>
 */
public record RetryPolicy(int maxTries, Duration backoff, Duration maxBackoff, Predicate<Throwable> unavailable) {
    public static final int DEFAULT_MAX_TRIES = 3;

    public RetryPolicy {
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be at least 1, was " + maxTries);
        }
        Objects.requireNonNull(backoff);
        Objects.requireNonNull(maxBackoff);
        Objects.requireNonNull(unavailable);
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_TRIES, Duration.ofMillis(200), Duration.ofSeconds(30), RetryPolicy::databaseUnreachable);
    }

    public RetryPolicy withMaxTries(int tries) {
        return new RetryPolicy(tries, backoff, maxBackoff, unavailable);
    }

    public RetryPolicy withBackoff(Duration first) {
        return new RetryPolicy(maxTries, first, maxBackoff, unavailable);
    }

    public RetryPolicy withUnavailable(Predicate<Throwable> predicate) {
        return new RetryPolicy(maxTries, backoff, maxBackoff, predicate);
    }

    public enum Action { RETRY, WAIT, DEAD_LETTER }

    /**
     * @param action what to do with the record
     * @param tries  the tries counted so far, this one included (unchanged by a {@code WAIT})
     * @param delay  how long the record's partition is paused before the record is tried again (zero for a dead letter)
     */
    public record Decision(Action action, int tries, Duration delay) {
    }

    /**
     * @param failure       what the handler threw
     * @param previousTries the tries already counted for this record (0 the first time it fails)
     * @param previousWaits how many times in a row the record already waited for an unavailable dependency
     */
    public Decision decide(Throwable failure, int previousTries, int previousWaits) {
        if (failure instanceof PoisonRecordException) {
            return new Decision(Action.DEAD_LETTER, previousTries + 1, Duration.ZERO);
        }
        if (unavailable.test(failure)) {
            return new Decision(Action.WAIT, previousTries, delay(previousWaits + 1));
        }
        int tries = previousTries + 1;
        if (tries >= maxTries) {
            return new Decision(Action.DEAD_LETTER, tries, Duration.ZERO);
        }
        return new Decision(Action.RETRY, tries, delay(tries));
    }

    /** {@code backoff × 2^(n-1)}, capped at {@code maxBackoff}. */
    Duration delay(int n) {
        Duration delay = backoff;
        for (int i = 1; i < n && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** True when the database cannot be reached (connection refused, lost, pool unable to connect). */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
