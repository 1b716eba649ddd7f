package fr.wastetrace.kafka.consumer;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import static fr.wastetrace.kafka.consumer.RetryPolicy.Action.DEAD_LETTER;
import static fr.wastetrace.kafka.consumer.RetryPolicy.Action.RETRY;
import static fr.wastetrace.kafka.consumer.RetryPolicy.Action.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.defaults().withBackoff(Duration.ofMillis(100));

    @Test
    void aFailingRecordIsRetriedTwiceThenDeadLetteredOnItsThirdTry() {
        RuntimeException failure = new IllegalStateException("boom");
        RetryPolicy.Decision first = policy.decide(failure, 0, 0);
        assertEquals(RETRY, first.action());
        assertEquals(1, first.tries());
        assertEquals(Duration.ofMillis(100), first.delay());
        RetryPolicy.Decision second = policy.decide(failure, first.tries(), 0);
        assertEquals(RETRY, second.action());
        assertEquals(2, second.tries());
        assertEquals(Duration.ofMillis(200), second.delay());
        RetryPolicy.Decision third = policy.decide(failure, second.tries(), 0);
        assertEquals(DEAD_LETTER, third.action());
        assertEquals(3, third.tries());
        assertEquals(Duration.ZERO, third.delay());
    }

    @Test
    void theNumberOfTriesIsConfigurable() {
        RetryPolicy once = policy.withMaxTries(1);
        assertEquals(DEAD_LETTER, once.decide(new RuntimeException(), 0, 0).action());
        RetryPolicy five = policy.withMaxTries(5);
        int tries = 0;
        for (int i = 0; i < 4; i++) {
            RetryPolicy.Decision d = five.decide(new RuntimeException(), tries, 0);
            assertEquals(RETRY, d.action(), "try " + (i + 1));
            tries = d.tries();
        }
        assertEquals(DEAD_LETTER, five.decide(new RuntimeException(), tries, 0).action());
        assertThrows(IllegalArgumentException.class, () -> policy.withMaxTries(0));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAtOnce() {
        RetryPolicy.Decision d = policy.decide(new PoisonRecordException("not JSON"), 0, 0);
        assertEquals(DEAD_LETTER, d.action());
        assertEquals(1, d.tries());
    }

    @Test
    void anUnreachableDatabaseIsWaitedForWithoutCountingTries() {
        Exception down = new RuntimeException("wrapped", new SQLException("connection refused", "08001"));
        RetryPolicy.Decision d = policy.decide(down, 2, 0);
        assertEquals(WAIT, d.action());
        assertEquals(2, d.tries(), "a wait does not count a try");
        for (int waits = 0; waits < 50; waits++) {
            assertEquals(WAIT, policy.decide(down, 2, waits).action(), "never dead-lettered while the database is down");
        }
        assertEquals(Duration.ofSeconds(30), policy.decide(down, 2, 49).delay(), "the backoff is capped");
        assertEquals(WAIT, policy.decide(new SQLTransientConnectionException("pool"), 0, 0).action());
    }

    @Test
    void otherSqlErrorsAreTheRecordsFault() {
        assertFalse(RetryPolicy.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(RetryPolicy.databaseUnreachable(new SQLException("no state")));
        assertTrue(RetryPolicy.databaseUnreachable(new IllegalStateException(new SQLException("gone", "08006"))));
        assertEquals(RETRY, policy.decide(new SQLException("duplicate key", "23505"), 0, 0).action());
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        assertEquals(Duration.ofMillis(100), policy.delay(1));
        assertEquals(Duration.ofMillis(400), policy.delay(3));
        assertEquals(Duration.ofSeconds(30), policy.delay(200));
    }
}
