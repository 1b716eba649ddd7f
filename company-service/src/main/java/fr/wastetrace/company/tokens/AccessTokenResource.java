package fr.wastetrace.company.tokens;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Lets the gateway turn a personal access token into the identity it stands for. Only the gateway reaches
 * {@code /internal/*} (libs/subgraph's GatewayOnlyFilter checks its identity header).
 */
@Path("/internal/access-tokens")
public class AccessTokenResource {
    @Inject
    AccessTokens tokens;

    public record ResolveRequest(String token) {
    }

    /**
     * @param tokenId   lets the gateway match later {@code access-token.revoked} events to what it cached
     * @param expiresAt when the token stops being accepted (ISO 8601); null: never. The gateway checks it on every
     *                  request, cached resolution or not
     * @param readOnly  the token may run no mutation
     * @param orgIds    the only companies the token acts for; null: every company of its owner
     */
    public record ResolvedToken(String userId, String subject, String email, String name, String tokenId,
                                String expiresAt, boolean readOnly, List<String> orgIds) {
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response resolve(ResolveRequest request) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return tokens.resolve(request.token())
                .map(owner -> Response.ok(new ResolvedToken(owner.user().id, owner.user().subject, owner.user().email,
                        owner.user().name, owner.tokenId(),
                        owner.token().expiresAt == null ? null : owner.token().expiresAt.toInstant().toString(),
                        owner.token().readOnly, owner.token().scopeOrgIds())).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }
}
