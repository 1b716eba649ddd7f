package fr.wastetrace.bsd.core.search;

import fr.wastetrace.bsd.config.BsdConfig;
import fr.wastetrace.bsd.core.persistence.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fills {@code bsd_search} with the BSDs that have no row in it: those written before the search existed (an upgrade
 * from a version without it) or while a type had no mapper. It runs in the background at start-up (the service is
 * ready at once; `bsds` then shows the older BSDs as they come in) and on demand ({@link #run()}). Each BSD is indexed
 * in its own transaction with its row locked, so a concurrent change waits and indexes after it; an already indexed
 * BSD is left alone, and several replicas may run it at once. A BSD whose state cannot be mapped is logged and skipped.
 */
@ApplicationScoped
public class SearchBackfill {
    private static final Logger LOG = Logger.getLogger(SearchBackfill.class);

    @Inject
    BsdSearchProjection projection;
    @Inject
    @Any
    Instance<BsdSearchMapper> mappers;
    @Inject
    Jdbc jdbc;
    @Inject
    BsdConfig config;

    private ExecutorService executor;

    void onStart(@Observes StartupEvent event) {
        if (!config.search().backfill().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bsd-search-backfill");
            t.setDaemon(true);
            return t;
        });
        executor.submit(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.error("bsd_search backfill stopped; it runs again at the next start", e);
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Indexes every BSD missing from {@code bsd_search}; returns how many were indexed. */
    public int run() {
        int indexed = 0;
        for (BsdSearchMapper mapper : mappers) {
            Set<String> failed = new HashSet<>(); // skipped in this run (failed, or nothing to do)
            while (!Thread.currentThread().isInterrupted()) {
                List<String> ids = mapper.unindexed(config.search().backfill().batchSize() + failed.size()).stream()
                        .filter(id -> !failed.contains(id)).toList();
                if (ids.isEmpty()) {
                    break;
                }
                for (String id : ids) {
                    try {
                        if (QuarkusTransaction.requiringNew().call(() -> index(mapper, id))) {
                            indexed++;
                        } else {
                            failed.add(id); // indexed meanwhile, or gone: not to be listed again in this run
                        }
                    } catch (RuntimeException e) {
                        failed.add(id);
                        LOG.errorf(e, "bsd_search backfill: %s %s could not be indexed", mapper.aggregateType(), id);
                    }
                }
            }
        }
        if (indexed > 0) {
            LOG.infof("bsd_search backfill: %d BSD(s) indexed", indexed);
        }
        return indexed;
    }

    private boolean index(BsdSearchMapper mapper, String id) {
        var state = mapper.lockedState(id);
        boolean already = !jdbc.query("select 1 from bsd_search where id = ?", List.of(id), rs -> true).isEmpty();
        if (state.isEmpty() || already) {
            return false;
        }
        String type = mapper.aggregateType();
        projection.apply(type + ".upserted", type, id, state.get());
        return true;
    }
}
