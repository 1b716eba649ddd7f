package fr.wastetrace.company;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The current time at the database's precision (microseconds), so that a value reads back as it was written. */
public final class Timestamps {
    private Timestamps() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
