package fr.wastetrace.registry.feed;

import fr.wastetrace.events.registry.RegisterLineChange;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The national registry's feed: every register change in commit order, from a resumable cursor
 * ({@code GET /internal/registry-feed?after=<cursor>&limit=<n>}; schema {@code schemas/registry-feed-page.v1.json}).
 * A client stores {@code nextCursor} after processing a page and sends it back as {@code after}.
 *
 * <p>Only the national registry reads it: {@code Authorization: Bearer <access token>} of the Keycloak client
 * {@code national-registry} (client-credentials grant), which holds the realm role {@link #ROLE}. A gateway identity
 * header, anonymous or not, and a user's token are refused (401 / 403).
 */
@Path("/internal/registry-feed")
@RolesAllowed(FeedResource.ROLE)
public class FeedResource {
    /** The realm role of the national registry's service account (deploy/keycloak/trackdechets-realm.json). */
    public static final String ROLE = "registry-feed-reader";
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    @Inject
    AgroalDataSource dataSource;

    /**
     * @param changes    the changes after the cursor, oldest first
     * @param nextCursor the cursor to send next time (unchanged when there was nothing new)
     * @param hasMore    true when more changes are already waiting
     */
    public record FeedPage(List<RegisterLineChange> changes, String nextCursor, boolean hasMore) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FeedPage changes(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        long cursor = parseCursor(after);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw badRequest("limit doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            List<RegisterLineChange> changes = ChangeLog.after(connection, cursor, size + 1);
            boolean hasMore = changes.size() > size;
            if (hasMore) {
                changes = changes.subList(0, size);
            }
            long next = changes.isEmpty() ? cursor : changes.get(changes.size() - 1).seq();
            return new FeedPage(changes, Long.toString(next), hasMore);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the change log", e);
        }
    }

    private static long parseCursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(after);
            if (cursor < 0) {
                throw badRequest("Le curseur after doit être un nextCursor renvoyé par ce flux.");
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw badRequest("Le curseur after doit être un nextCursor renvoyé par ce flux.");
        }
    }

    private static WebApplicationException badRequest(String message) {
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build());
    }
}
