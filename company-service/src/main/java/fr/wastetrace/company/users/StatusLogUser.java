package fr.wastetrace.company.users;

import io.smallrye.graphql.api.federation.Extends;
import io.smallrye.graphql.api.federation.External;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

/**
 * The author of a BSD status change ({@code formsLifeCycle}), an entity owned by bsd-service, which only knows the
 * author's id (the token subject). company-service completes it with the account's current e-mail: the gateway
 * fetches it from here by key ({@code _entities}), for all the log lines of a response at once.
 */
@Type("StatusLogUser")
@Extends
@Key(fields = @FieldSet("id"))
public class StatusLogUser {
    @External
    @Id
    public String id;
    public String email;

    public StatusLogUser() {
    }

    StatusLogUser(String id, String email) {
        this.id = id;
        this.email = email;
    }
}
