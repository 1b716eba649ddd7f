package fr.wastetrace.subgraph;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The versions a read model is known to hold, kept in memory: a version once applied stays applied (events are
 * version-guarded), so a known mark never needs to be read again. Marks come from the service's own consumer
 * ({@link #raise}, which wakes the waiting requests) and from the database, where another replica's consumer may
 * have written them.
 */
public final class AppliedPositions {
    private final int capacity;
    private final Map<String, Long> marks = new ConcurrentHashMap<>();
    private final Object monitor = new Object();

    /** @param capacity marks kept at most; beyond, they are forgotten (and read again when needed) */
    public AppliedPositions(int capacity) {
        this.capacity = capacity;
    }

    /** The read model holds at least {@code version} of {@code key}. */
    public void raise(String key, long version) {
        remember(key, version);
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** The positions of {@code awaited} that the known marks do not reach yet. */
    public Map<String, Long> pending(Map<String, Long> awaited) {
        Map<String, Long> pending = new HashMap<>();
        awaited.forEach((key, version) -> {
            if (marks.getOrDefault(key, 0L) < version) {
                pending.put(key, version);
            }
        });
        return pending;
    }

    /**
     * Waits until the read model holds every position of {@code awaited}, reading {@code readModel} (the versions it
     * holds of the given keys) at most every {@code poll}, and being woken by {@link #raise} meanwhile.
     *
     * @return true when it caught up, false when {@code maxWait} passed first
     */
    public boolean await(Map<String, Long> awaited, Function<Collection<String>, Map<String, Long>> readModel,
                         Duration maxWait, Duration poll) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Map<String, Long> pending = pending(awaited);
        while (!pending.isEmpty()) {
            readModel.apply(pending.keySet()).forEach(this::remember);
            pending = pending(pending);
            if (pending.isEmpty()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long nextRead = System.nanoTime() + Math.min(poll.toNanos(), left);
            synchronized (monitor) {
                while (!(pending = pending(pending)).isEmpty()) {
                    long sleep = nextRead - System.nanoTime();
                    if (sleep <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, sleep);
                }
            }
        }
        return true;
    }

    private void remember(String key, long version) {
        if (marks.size() >= capacity && !marks.containsKey(key)) {
            marks.clear();
        }
        marks.merge(key, version, Math::max);
    }
}
