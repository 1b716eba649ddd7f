package fr.wastetrace.bsd.core.search;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.subgraph.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The search across every BSD type, and any BSD by its id. */
@GraphQLApi
public class BsdsApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    BsdSearch search;

    private CallerIdentity caller() {
        return Callers.require(identity);
    }

    @Query("bsds")
    @Description("Recherche parmi les bordereaux de tous types visibles par vos établissements : les onglets "
            + "(isDraftFor, isForActionFor, isFollowFor, isArchivedFor, isToCollectFor, isCollectedFor…), les champs "
            + "communs et le texte libre (clue) ; du plus récemment modifié au plus ancien, ou dans l'ordre demandé.")
    public @NonNull BsdConnection bsds(@Name("clue") String clue, @Name("where") BsdWhere where,
                                       @Name("after") String after, @Name("first") Integer first,
                                       @Name("orderBy") OrderBy orderBy) {
        return search.bsds(caller(), clue, where, after, first, orderBy);
    }

    @Query("bsd")
    @Description("Renvoie un bordereau de n'importe quel type à partir de son identifiant.")
    public @NonNull Bsd bsd(@Name("id") @NonNull String id) {
        return search.bsd(caller(), id);
    }
}
