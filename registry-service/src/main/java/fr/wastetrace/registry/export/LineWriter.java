package fr.wastetrace.registry.export;

import java.io.IOException;

/** Writes a register file one line at a time, holding no more than a bounded window in memory. */
interface LineWriter extends AutoCloseable {
    /** One line: its values indexed like {@link fr.wastetrace.registry.register.LineColumns#ALL}. */
    void line(Object[] values) throws IOException;

    /** Completes the file (the caller then closes the stream). */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
