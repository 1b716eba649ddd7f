package fr.wastetrace.outbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseAddressTest {
    @Test
    void parsesHostPortAndDatabase() {
        DatabaseAddress a = DatabaseAddress.parse("jdbc:postgresql://db.internal:6432/bsd?sslmode=require", "u", "p");
        assertEquals("db.internal", a.host());
        assertEquals(6432, a.port());
        assertEquals("bsd", a.name());
    }

    @Test
    void defaultsToPort5432() {
        assertEquals(5432, DatabaseAddress.parse("jdbc:postgresql://127.0.0.1/registry", "u", "p").port());
    }

    @Test
    void rejectsOtherUrls() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseAddress.parse("jdbc:mysql://h/db", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseAddress.parse("jdbc:postgresql://h/", "u", "p"));
    }
}
