package fr.wastetrace.bsd.bsdd.model;

import fr.wastetrace.bsd.common.Json;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** One status change of a BSDD, as {@code formsLifeCycle} lists it. */
@Type("StatusLog")
public class StatusLog {
    @Id
    public String id;
    public FormStatus status;
    public Instant loggedAt;
    public Json updatedFields;
    public StatusLogForm form;
    public StatusLogUser user;

    @Type("StatusLogForm")
    public static class StatusLogForm {
        @Id
        public String id;
        @Deprecated
        public String readableId;
    }

    /**
     * The author of the change, by id (the token subject): an entity whose {@code email} company-service resolves
     * (the gateway fetches it there by key), so that a log shows the account's current address.
     */
    @Type("StatusLogUser")
    @Key(fields = @FieldSet("id"))
    public static class StatusLogUser {
        @Id
        public String id;
    }
}
