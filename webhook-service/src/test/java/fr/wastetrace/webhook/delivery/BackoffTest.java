package fr.wastetrace.webhook.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void doublesFromTheInitialDelay() {
        assertEquals(Duration.ofSeconds(1), backoff.after(1, 0.5));
        assertEquals(Duration.ofSeconds(2), backoff.after(2, 0.5));
        assertEquals(Duration.ofSeconds(4), backoff.after(3, 0.5));
        assertEquals(Duration.ofSeconds(256), backoff.after(9, 0.5));
    }

    @Test
    void neverExceedsTheBoundEvenAfterManyAttempts() {
        assertEquals(Duration.ofMinutes(10), backoff.after(11, 0.5));
        assertEquals(Duration.ofMinutes(10), backoff.after(64, 0.99));
        assertTrue(backoff.after(Integer.MAX_VALUE, 0.0).compareTo(Duration.ofMinutes(10)) <= 0);
    }

    @Test
    void spreadsByAFifthEitherWay() {
        assertEquals(Duration.ofMillis(3200), backoff.after(3, 0.0));
        assertTrue(backoff.after(3, 0.999).toMillis() <= 4800);
        assertEquals(Duration.ZERO, backoff.after(0, 0.5));
    }
}
