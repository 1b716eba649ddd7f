package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** The restrictions of a personal access token, as its owner sees them. */
@Type("WastetraceAccessTokenScope")
@Description("Les restrictions d'un jeton d'accès personnel.")
public class WastetraceAccessTokenScope {
    @NonNull
    @Description("Vrai : le jeton ne peut exécuter aucune mutation.")
    public boolean readOnly;
    @Description("Les seuls établissements pour lesquels le jeton agit ; null : tous ceux de son propriétaire.")
    public List<@NonNull String> orgIds;

    static WastetraceAccessTokenScope of(AccessTokenEntity entity) {
        WastetraceAccessTokenScope scope = new WastetraceAccessTokenScope();
        scope.readOnly = entity.readOnly;
        scope.orgIds = entity.scopeOrgIds();
        return scope;
    }
}
