package fr.wastetrace.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.gateway.federation.SubgraphClient.SubgraphUnavailableException;
import fr.wastetrace.gateway.federation.SubgraphClient;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who is calling: a Keycloak access token (JWT: verified by quarkus-oidc's default tenant, {@code quarkus.oidc.*}:
 * signature against the realm's keys, fetched and refreshed on rotation by the extension, issuer, audience, expiry) or a
 * personal access token (resolved by company-service, cached in Redis for a short time). Anything that does not
 * verify makes the caller anonymous; operations that need a user then answer {@code UNAUTHENTICATED}.
 */
@ApplicationScoped
public class IdentityResolver {
    private static final Logger LOG = Logger.getLogger(IdentityResolver.class);
    private static final String UNKNOWN = "-";
    /** How long the signed identity handed to a subgraph stays valid: just the request. */
    private static final long IDENTITY_TTL_SECONDS = 90;
    /** How long a token's verification may wait (for the realm's keys, the first time or after a rotation). */
    private static final Duration JWT_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    GatewayConfig config;
    @Inject
    TenantIdentityProvider oidc;
    @Inject
    SubgraphClient subgraphs;
    @Inject
    RedisDataSource redis;
    @Inject
    ObjectMapper mapper;
    @Inject
    ReadYourWrites readYourWrites;

    /** The audience of the identity headers for company-service's access-token resolution. */
    static final String ACCESS_TOKEN_RESOLVER = "company";
    /** Verified Keycloak tokens, until their expiry (see {@link VerifiedTokens}). */
    private static final int VERIFIED_TOKENS_CAPACITY = 10_000;

    private IdentityCodec codec;
    private ValueCommands<String, String> cache;
    private final VerifiedTokens verifiedTokens = new VerifiedTokens(VERIFIED_TOKENS_CAPACITY, Clock.systemUTC());

    void onStart(@Observes StartupEvent event) {
        codec = new IdentityCodec(config.identitySecret(), Clock.systemUTC());
        cache = redis.value(String.class);
    }

    /**
     * The identity a client request hands to the subgraphs, from its {@code Authorization} header: the caller, awaiting
     * the positions of its own recent writes (read-your-writes).
     */
    public RequestIdentity forRequest(String authorization, String clientIp) {
        Resolution resolution = resolution(authorization, clientIp);
        CallerIdentity caller = resolution.caller();
        return new RequestIdentity(codec, caller.isAuthenticated() ? caller.awaiting(readYourWrites.awaited(caller.subject()))
                : caller, resolution.expiredAt());
    }

    /**
     * Who presents the credentials, and when they expired if they did: an expired personal access token leaves the
     * caller anonymous, and its request is refused with {@code UNAUTHENTICATED} saying when it expired.
     */
    private record Resolution(CallerIdentity caller, Instant expiredAt) {
    }

    /** The signed identity header for {@code subgraph}, from the request's {@code Authorization} header. */
    public String identityHeader(String authorization, String clientIp, String subgraph) {
        return sign(resolve(authorization, clientIp), subgraph);
    }

    /** The identity header for {@code subgraph} (and no other) that carries {@code identity}. */
    public String sign(CallerIdentity identity, String subgraph) {
        return codec.sign(identity, subgraph);
    }

    /**
     * Who presents {@code authorization} ({@code Bearer <token>}); anonymous when it does not verify (or is an expired
     * personal access token).
     */
    public CallerIdentity resolve(String authorization, String clientIp) {
        return resolution(authorization, clientIp).caller();
    }

    private Resolution resolution(String authorization, String clientIp) {
        Instant expiresAt = Instant.now().plusSeconds(IDENTITY_TTL_SECONDS);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), null);
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty()) {
            return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), null);
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return new Resolution(fromJwt(token, clientIp, expiresAt), null);
        }
        return fromAccessToken(token, clientIp, expiresAt);
    }

    private CallerIdentity fromJwt(String token, String clientIp, Instant expiresAt) {
        VerifiedTokens.Claims known = verifiedTokens.get(token);
        if (known != null) {
            return new CallerIdentity(known.subject(), known.email(), known.name(), CallerIdentity.AuthType.JWT, clientIp, expiresAt);
        }
        try {
            SecurityIdentity verified = oidc.authenticate(new AccessTokenCredential(token)).await().atMost(JWT_TIMEOUT);
            if (!(verified.getPrincipal() instanceof JsonWebToken jwt)) {
                return CallerIdentity.anonymous(clientIp, expiresAt);
            }
            String name = jwt.getClaim("name");
            String email = jwt.getClaim("email");
            if (jwt.getExpirationTime() > 0) {
                verifiedTokens.put(token, new VerifiedTokens.Claims(jwt.getSubject(), email, name,
                        Instant.ofEpochSecond(jwt.getExpirationTime())));
            }
            return new CallerIdentity(jwt.getSubject(), email, name, CallerIdentity.AuthType.JWT, clientIp, expiresAt);
        } catch (RuntimeException e) {
            // Not verified (bad signature, issuer, audience, expiry), or Keycloak's keys cannot be had now.
            LOG.debugf("rejected JWT: %s", e.getMessage());
            return CallerIdentity.anonymous(clientIp, expiresAt);
        }
    }

    private Resolution fromAccessToken(String token, String clientIp, Instant expiresAt) {
        String key = "wastetrace:pat:" + sha256(token);
        String cached = null;
        try {
            cached = cache.get(key);
        } catch (RuntimeException e) {
            LOG.warnf("Redis unavailable for the access-token cache, asking company-service: %s", e.getMessage());
        }
        if (cached == null) {
            cached = lookUp(token);
            if (cached == null) {
                return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), null);
            }
            try {
                cache.setex(key, config.accessTokenCacheTtl().toSeconds(), cached);
                String tokenId = UNKNOWN.equals(cached) ? null : mapper.readTree(cached).path("tokenId").asText(null);
                if (tokenId != null) {
                    cache.setex(accessTokenIndexKey(tokenId), config.accessTokenCacheTtl().toSeconds(), key);
                }
            } catch (IOException e) {
                LOG.debugf("unreadable access-token resolution: %s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.debugf("could not cache the access token: %s", e.getMessage());
            }
        }
        if (UNKNOWN.equals(cached)) {
            return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), null);
        }
        try {
            return fromResolvedToken(mapper.readTree(cached), clientIp, expiresAt, Instant.now());
        } catch (IOException | RuntimeException e) {
            return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), null);
        }
    }

    /**
     * The caller of a token company-service resolved (possibly cached): its expiry is checked now, on every request,
     * so that the cache never extends it; its restrictions (read-only, companies) go with the identity.
     */
    private static Resolution fromResolvedToken(JsonNode user, String clientIp, Instant expiresAt, Instant now) {
        String tokenExpiry = user.path("expiresAt").asText(null);
        if (tokenExpiry != null && !Instant.parse(tokenExpiry).isAfter(now)) {
            return new Resolution(CallerIdentity.anonymous(clientIp, expiresAt), Instant.parse(tokenExpiry));
        }
        Set<String> orgScope = null;
        if (user.path("orgIds").isArray()) {
            orgScope = new HashSet<>();
            for (JsonNode orgId : user.get("orgIds")) {
                orgScope.add(orgId.asText());
            }
        }
        CallerIdentity caller = new CallerIdentity(user.path("subject").asText(), user.path("email").asText(null),
                user.path("name").asText(null), CallerIdentity.AuthType.ACCESS_TOKEN, clientIp, expiresAt)
                .restricted(user.path("readOnly").asBoolean(false), orgScope);
        return new Resolution(caller, null);
    }

    /** The user behind a personal access token as JSON, {@link #UNKNOWN} if none, null if it cannot be known now. */
    private String lookUp(String token) {
        try {
            String gatewayIdentity = codec.sign(CallerIdentity.anonymous("gateway", Instant.now().plusSeconds(30)),
                    ACCESS_TOKEN_RESOLVER);
            HttpResponse<String> response = subgraphs.resolveAccessToken(
                    mapper.createObjectNode().put("token", token).toString(), gatewayIdentity);
            if (response.statusCode() == 200) {
                return response.body();
            }
            if (response.statusCode() == 404) {
                return UNKNOWN;
            }
            LOG.warnf("access-token resolution answered HTTP %d", response.statusCode());
        } catch (IOException | SubgraphUnavailableException e) {
            LOG.warnf("access-token resolution failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Where the cache key of a resolved access token is found by the token's id, to forget it once it is revoked. */
    static String accessTokenIndexKey(String tokenId) {
        return "wastetrace:pat-id:" + tokenId;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
