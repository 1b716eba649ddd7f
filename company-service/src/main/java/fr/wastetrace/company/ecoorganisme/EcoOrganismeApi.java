package fr.wastetrace.company.ecoorganisme;

import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

@GraphQLApi
public class EcoOrganismeApi {
    @Inject
    EcoOrganismeRepository repository;

    @Query("ecoOrganismes")
    @Description("Renvoie la liste des éco-organismes, filtrée par type de bordereau géré. Public.")
    public @NonNull List<@NonNull EcoOrganisme> ecoOrganismes(@Name("handleBsdd") Boolean handleBsdd,
                                                            @Name("handleBsda") Boolean handleBsda,
                                                            @Name("handleBsdasri") Boolean handleBsdasri,
                                                            @Name("handleBsvhu") Boolean handleBsvhu) {
        return repository.find(handleBsdd, handleBsda, handleBsdasri, handleBsvhu);
    }
}
