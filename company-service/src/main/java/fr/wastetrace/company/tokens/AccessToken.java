package fr.wastetrace.company.tokens;

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

    static AccessToken of(AccessTokenEntity entity) {
        AccessToken view = new AccessToken();
        view.id = entity.id;
        view.description = entity.description;
        view.lastUsed = entity.lastUsed;
        return view;
    }
}
