package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** What a personal access token is restricted to (issue #25 item 8). */
@Input("WastetraceAccessTokenScopeInput")
@Description("Les restrictions d'un jeton d'accès personnel.")
public class WastetraceAccessTokenScopeInput {
    @Description("Vrai : le jeton ne peut exécuter que des requêtes (query), aucune mutation.")
    public Boolean readOnly;
    @Description("Les seuls établissements (SIRET ou numéro de TVA) pour lesquels le jeton agit ; vous devez être "
            + "membre de chacun. Sans valeur : tous vos établissements.")
    public List<@NonNull String> orgIds;
}
