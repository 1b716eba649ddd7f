package fr.wastetrace.subgraph;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppliedPositionsTest {
    private static final Duration LONG = Duration.ofSeconds(10);

    /** A read model in a "database": the versions it holds, and how often it was read. */
    private static final class Database implements Function<Collection<String>, Map<String, Long>> {
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Map<String, Long> apply(Collection<String> keys) {
            reads.incrementAndGet();
            Map<String, Long> held = new java.util.HashMap<>();
            keys.forEach(k -> {
                if (versions.containsKey(k)) {
                    held.put(k, versions.get(k));
                }
            });
            return held;
        }
    }

    @Test
    void pendingIsWhatTheMarksDoNotReach() {
        AppliedPositions positions = new AppliedPositions(10);
        positions.raise("company:a", 3);
        positions.raise("company:a", 2);
        assertEquals(Map.of("company:a", 4L, "company:b", 1L),
                positions.pending(Map.of("company:a", 4L, "company:b", 1L)));
        assertTrue(positions.pending(Map.of("company:a", 3L)).isEmpty());
    }

    @Test
    void whatTheDatabaseAlreadyHoldsIsNotWaitedForAndIsRemembered() throws InterruptedException {
        AppliedPositions positions = new AppliedPositions(10);
        Database database = new Database();
        database.versions.put("company:a", 5L);
        assertTrue(positions.await(Map.of("company:a", 5L), database, LONG, LONG));
        assertEquals(1, database.reads.get());
        assertTrue(positions.await(Map.of("company:a", 4L), database, LONG, LONG));
        assertEquals(1, database.reads.get(), "a known mark is never read again");
    }

    @Test
    void theConsumerWakesTheWaitingRequest() throws Exception {
        AppliedPositions positions = new AppliedPositions(10);
        Database database = new Database();
        Thread consumer = new Thread(() -> {
            sleep(100);
            positions.raise("company:a", 2);
        });
        long started = System.nanoTime();
        consumer.start();
        assertTrue(positions.await(Map.of("company:a", 2L), database, LONG, LONG));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 90 && waitedMillis < 5_000, "waited " + waitedMillis + " ms");
        consumer.join();
    }

    @Test
    void anotherReplicaSWriteIsSeenByPollingTheDatabase() throws Exception {
        AppliedPositions positions = new AppliedPositions(10);
        Database database = new Database();
        Thread otherReplica = new Thread(() -> {
            sleep(100);
            database.versions.put("company:a", 7L);
        });
        otherReplica.start();
        assertTrue(positions.await(Map.of("company:a", 7L), database, LONG, Duration.ofMillis(20)));
        assertTrue(database.reads.get() >= 2);
        otherReplica.join();
    }

    @Test
    void theBoundEndsTheWait() throws InterruptedException {
        AppliedPositions positions = new AppliedPositions(10);
        Database database = new Database();
        database.versions.put("company:a", 1L);
        long started = System.nanoTime();
        assertFalse(positions.await(Map.of("company:a", 2L), database, Duration.ofMillis(150), Duration.ofMillis(20)));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 140 && waitedMillis < 2_000, "waited " + waitedMillis + " ms");
    }

    @Test
    void marksBeyondTheCapacityAreForgottenNotWrong() throws InterruptedException {
        AppliedPositions positions = new AppliedPositions(2);
        positions.raise("company:a", 1);
        positions.raise("company:b", 1);
        positions.raise("company:c", 1);
        Database database = new Database();
        database.versions.put("company:a", 1L);
        assertTrue(positions.await(Map.of("company:a", 1L, "company:c", 1L), database, LONG, LONG));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
