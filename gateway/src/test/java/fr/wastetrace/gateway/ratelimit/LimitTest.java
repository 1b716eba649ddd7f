package fr.wastetrace.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitTest {
    @Test
    void parsesRequestsAndWindow() {
        assertEquals(new Limit(10, Duration.ofMinutes(3)), Limit.parse("10/3m"));
        assertEquals(new Limit(1000, Duration.ofSeconds(60)), Limit.parse(" 1000 / 60s "));
        assertEquals(new Limit(10, Duration.ofHours(1)), Limit.parse("10/1h"));
    }

    @Test
    void refusesMalformedLimits() {
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("10"));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("10/3d"));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("0/3m"));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("x/3m"));
    }
}
