package fr.wastetrace.subgraph;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientErrorLogFilterTest {
    private final ClientErrorLogFilter filter = new ClientErrorLogFilter();

    private static LogRecord error(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "SRGQL012000: Data Fetching Error");
        record.setThrown(thrown);
        return record;
    }

    @Test
    void theApisOwnRefusalsAreNotLogged() {
        assertFalse(filter.isLoggable(error(new ApiException.BadUserInput("Déchet : le code est obligatoire."))));
        assertFalse(filter.isLoggable(error(new ApiException.Forbidden("Vous n'avez pas le droit."))));
        assertFalse(filter.isLoggable(error(new CompletionException(new ApiException.TooManyRequests("Trop de requêtes.")))));
    }

    @Test
    void unexpectedFailuresAndOrdinaryRecordsStay() {
        assertTrue(filter.isLoggable(error(new NullPointerException("a bug"))));
        assertTrue(filter.isLoggable(error(new IllegalStateException("database down", new RuntimeException("cause")))));
        assertTrue(filter.isLoggable(new LogRecord(Level.INFO, "bsd-service started")));
    }
}
