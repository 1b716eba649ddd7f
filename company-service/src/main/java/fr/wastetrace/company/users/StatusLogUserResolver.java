package fr.wastetrace.company.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.graphql.api.federation.Resolver;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves {@link StatusLogUser} references in batches: one query for every id of an {@code _entities} call. SmallRye
 * calls batch entity resolvers on the event loop, so the database lookup runs on a worker thread.
 */
@GraphQLApi
public class StatusLogUserResolver {
    @Inject
    ManagedExecutor workers;

    @Resolver
    public CompletionStage<List<StatusLogUser>> statusLogUsers(@Name("id") List<String> ids) {
        return workers.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> lookUp(ids)));
    }

    private static List<StatusLogUser> lookUp(List<String> ids) {
        Map<String, UserAccountEntity> accounts = UserAccountEntity.<UserAccountEntity>list("subject in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.subject, Function.identity(), (a, b) -> a));
        return ids.stream().map(id -> new StatusLogUser(id, accounts.containsKey(id) ? accounts.get(id).email : null))
                .toList();
    }
}
