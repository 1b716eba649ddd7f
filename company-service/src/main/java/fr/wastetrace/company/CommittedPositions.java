package fr.wastetrace.company;

import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes, the owner's part: every GraphQL answer tells the gateway, in the header
 * {@link WrittenPositions#HEADER}, the positions of the events its request committed (company versions, revoked
 * access tokens), for the caller and for the users whose access the write changed (a member added, removed, whose
 * role changed, an invitation accepted at signup). A position is reported only once its transaction committed: a
 * rolled-back write reports nothing.
 */
@ApplicationScoped
public class CommittedPositions {
    private static final String WRITTEN = "wastetrace.written";

    @Inject
    CurrentVertxRequest request;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    SecurityIdentity identity;

    void registerOn(@Observes Router router) {
        router.route("/graphql").method(HttpMethod.POST).order(Integer.MIN_VALUE + 1).handler(this::collect);
    }

    private void collect(RoutingContext ctx) {
        Map<String, Map<String, Long>> written = new ConcurrentHashMap<>();
        ctx.put(WRITTEN, written);
        ctx.addHeadersEndHandler(ended -> {
            if (!written.isEmpty()) {
                ctx.response().putHeader(WrittenPositions.HEADER, WrittenPositions.format(written));
            }
        });
        ctx.next();
    }

    /**
     * Reports that the current transaction, once committed, brought {@code key} to {@code version}, to the caller and
     * to the users {@code alsoFor} (subjects). Outside a GraphQL request (start-up data, tests), it reports nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void committed(String key, long version, String... alsoFor) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext ctx = request.getCurrent();
        Map<String, Map<String, Long>> written = ctx == null ? null : ctx.get(WRITTEN);
        if (written == null) {
            return;
        }
        Set<String> subjects = new LinkedHashSet<>();
        Callers.of(identity).filter(c -> c.isAuthenticated()).ifPresent(c -> subjects.add(c.subject()));
        for (String subject : alsoFor) {
            if (subject != null) {
                subjects.add(subject);
            }
        }
        if (subjects.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    subjects.forEach(subject -> written.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                            .merge(key, version, Math::max));
                }
            }
        });
    }
}
