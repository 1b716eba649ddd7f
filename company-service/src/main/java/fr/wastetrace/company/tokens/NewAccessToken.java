package fr.wastetrace.company.tokens;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A token just created: the only time the token itself is shown. */
@Type("NewAccessToken")
public class NewAccessToken {
    @Id
    @NonNull
    public String id;
    @NonNull
    public String description;
    @NonNull
    public String token;
}
