package fr.wastetrace.bsd.core.mutation;

import fr.wastetrace.bsd.core.search.Bsd;
import fr.wastetrace.subgraph.ApiErrors;
import fr.wastetrace.subgraph.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a type's write with the client's {@link WriteOptions}, the same way for every type: a dry run is the whole
 * write (permissions, validation, transitions, status log, save, outbox event) in a transaction that is then rolled
 * back, so it answers and fails exactly as the write would and leaves nothing behind; an expected version is checked by
 * {@link BsdPipeline#open} once the BSD's row is locked, before any other check. {@link #each} runs one write per BSD
 * of a list, each in its own transaction.
 */
@ApplicationScoped
public class Writes {
    /** The most BSDs one call of a "many" mutation takes. */
    public static final int MAX_MANY = 100;
    private static final Logger LOG = Logger.getLogger(Writes.class);
    /** The version the write running on this thread expects of the BSD it changes. */
    private static final ThreadLocal<Expectation> EXPECTED = new ThreadLocal<>();

    private static final class Expectation {
        final String id;
        final long version;
        boolean checked;

        Expectation(String id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    /** Runs {@code write}, the change of the BSD {@code id} ({@code null} for a creation), with {@code options}. */
    public <T> T run(WriteOptions options, String id, Supplier<T> write) {
        if (!options.dryRun() && options.expectedVersion() == null) {
            return write.get();
        }
        Expectation expected = null;
        if (options.expectedVersion() != null) {
            if (options.expectedVersion() < 1) {
                throw new ApiException.BadUserInput("wastetraceExpectedVersion doit être un entier supérieur ou égal "
                        + "à 1 (la version lue du bordereau, son champ wastetraceVersion).");
            }
            expected = new Expectation(id, options.expectedVersion());
        }
        Expectation previous = EXPECTED.get();
        EXPECTED.set(expected);
        try {
            return inTransaction(options.dryRun(), expected, id, write);
        } finally {
            if (previous == null) {
                EXPECTED.remove();
            } else {
                EXPECTED.set(previous);
            }
        }
    }

    /**
     * A dry run gets a transaction of its own, so that rolling it back can never take a caller's with it; its answer
     * leaves the transaction inside the exception that rolls it back.
     */
    private static <T> T inTransaction(boolean dryRun, Expectation expected, String id, Supplier<T> write) {
        try {
            return (dryRun ? QuarkusTransaction.requiringNew() : QuarkusTransaction.joiningExisting()).call(() -> {
                T result = write.get();
                if (expected != null && !expected.checked) {
                    throw new IllegalStateException("the write of " + id + " did not open it through the pipeline: "
                            + "its expected version was not checked");
                }
                if (dryRun) {
                    throw new DryRunDone(result);
                }
                return result;
            });
        } catch (DryRunDone done) {
            @SuppressWarnings("unchecked")
            T result = (T) done.result;
            return result;
        }
    }

    /** Ends a dry run's transaction (rolled back, as for any exception) with the write's answer. */
    private static final class DryRunDone extends RuntimeException {
        final transient Object result;

        DryRunDone(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Checks the version the running write expects of the BSD {@code id}, now locked at {@code current}:
     * {@code BAD_USER_INPUT} when the BSD changed since the client read it.
     */
    static void checkExpected(String id, long current) {
        Expectation expected = EXPECTED.get();
        if (expected == null || !id.equals(expected.id)) {
            return;
        }
        expected.checked = true;
        if (expected.version != current) {
            throw new ApiException.BadUserInput("Le bordereau " + id + " a changé depuis la version "
                    + expected.version + " sur laquelle porte votre demande (version actuelle : " + current
                    + "). Relisez-le, puis renvoyez votre modification avec wastetraceExpectedVersion: " + current
                    + ".");
        }
    }

    /**
     * Runs {@code write} for each of {@code ids} (duplicates once, in the order given), each in its own transaction:
     * one failure does not stop the others. Each result says whether its write was done, with the BSD as it is then,
     * or the error the write alone would have given.
     */
    public List<WastetraceWriteResult> each(List<String> ids, WriteOptions options,
                                            Function<String, ? extends Bsd> write) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_MANY) {
            throw new ApiException.BadUserInput("ids doit contenir de 1 à " + MAX_MANY + " identifiants de bordereaux.");
        }
        List<WastetraceWriteResult> results = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            try {
                results.add(WastetraceWriteResult.done(id, run(options, id, () -> write.apply(id))));
            } catch (ApiException e) {
                results.add(WastetraceWriteResult.failed(id, ApiErrors.item(e, List.of(id))));
            } catch (RuntimeException e) {
                LOG.errorf(e, "write of %s in a list failed", id);
                results.add(WastetraceWriteResult.failed(id, ApiErrors.item("INTERNAL_SERVER_ERROR", "Erreur interne : "
                        + "ce bordereau n'a pas été modifié. Réessayez plus tard.", List.of(id), e)));
            }
        }
        return results;
    }
}
