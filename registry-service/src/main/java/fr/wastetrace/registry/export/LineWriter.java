package fr.wastetrace.registry.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** Writes a register file one line at a time, holding no more than a bounded window in memory. */
interface LineWriter extends AutoCloseable {
    void line(JsonNode data) throws IOException;

    /** Completes the file (the caller then closes the stream). */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
