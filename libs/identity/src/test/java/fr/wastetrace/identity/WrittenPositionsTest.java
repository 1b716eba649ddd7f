package fr.wastetrace.identity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrittenPositionsTest {
    @Test
    void headerRoundTrips() {
        Map<String, Map<String, Long>> written = Map.of(
                "kc-alice", Map.of(WrittenPositions.company("c1"), 3L, WrittenPositions.accessToken("t1"), 1L),
                "kc-bob", Map.of(WrittenPositions.company("c1"), 3L));
        assertEquals(written, WrittenPositions.parse(WrittenPositions.format(written)));
    }

    @Test
    void missingOrMalformedHeaderWritesNothing() {
        assertTrue(WrittenPositions.parse(null).isEmpty());
        assertTrue(WrittenPositions.parse("").isEmpty());
        assertTrue(WrittenPositions.parse("company:c1=3").isEmpty());
        assertTrue(WrittenPositions.parse("[1, 2]").isEmpty());
        assertEquals(Map.of("kc", Map.of("company:c1", 2L)),
                WrittenPositions.parse("{\"kc\": {\"company:c1\": 2, \"company:c2\": \"x\", \"company:c3\": 0}, \"other\": 5}"));
    }

    @Test
    void raiseKeepsTheHighestVersionOfEachKey() {
        Map<String, Long> raised = WrittenPositions.raise(Map.of("company:a", 5L, "company:b", 2L),
                Map.of("company:a", 4L, "company:b", 3L, "company:c", 1L));
        assertEquals(Map.of("company:a", 5L, "company:b", 3L, "company:c", 1L), raised);
    }
}
