package fr.wastetrace.subgraph;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps the errors the API answers on purpose out of the log. SmallRye GraphQL logs every exception a resolver throws
 * (SRGQL012000, at ERROR, which the subgraphs want for unexpected failures); an {@link ApiException} is not one: it is
 * the client's mistake or a refusal, answered with its code and a message saying what to do, so logging it at ERROR
 * buried the real faults under every invalid input. {@link ApiErrors} logs it instead, once, at INFO, with its error id
 * and the request's context. Other exceptions are logged as before.
 */
@LoggingFilter(name = ClientErrorLogFilter.NAME)
public final class ClientErrorLogFilter implements Filter {
    public static final String NAME = "wastetrace-client-errors";

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException) {
                return false;
            }
        }
        return true;
    }
}
