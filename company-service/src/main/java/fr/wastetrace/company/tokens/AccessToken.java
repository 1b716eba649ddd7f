package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/** A personal access token as its owner sees it (never the token itself). */
@Type("AccessToken")
public class AccessToken {
    @Id
    @NonNull
    public String id;
    public String description;
    public OffsetDateTime lastUsed;
    @Description("L'instant au-delà duquel le jeton est refusé ; null : il n'expire pas.")
    public OffsetDateTime wastetraceExpiresAt;
    @NonNull
    @Description("Les restrictions du jeton (lecture seule, établissements).")
    public WastetraceAccessTokenScope wastetraceScope;

    static AccessToken of(AccessTokenEntity entity) {
        AccessToken view = new AccessToken();
        view.id = entity.id;
        view.description = entity.description;
        view.lastUsed = entity.lastUsed;
        view.wastetraceExpiresAt = entity.expiresAt;
        view.wastetraceScope = WastetraceAccessTokenScope.of(entity);
        return view;
    }
}
