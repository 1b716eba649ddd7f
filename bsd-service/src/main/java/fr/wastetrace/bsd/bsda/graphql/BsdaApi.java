package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.bsda.BsdaQueries;
import fr.wastetrace.bsd.bsda.model.Bsda;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

/**
 * The BSDA's own fields resolved when asked for; the operations every type shares are in {@code BsdaOperations},
 * written from this package's {@code @BsdOperations}.
 */
@GraphQLApi
public class BsdaApi {
    @Inject
    BsdaQueries queries;

    public Bsda groupedIn(@Source Bsda bsda) {
        return queries.find(bsda.groupedInId).orElse(null);
    }

    public Bsda forwardedIn(@Source Bsda bsda) {
        return queries.find(bsda.forwardedInId).orElse(null);
    }
}
