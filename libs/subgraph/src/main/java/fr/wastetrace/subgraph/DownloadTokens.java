package fr.wastetrace.subgraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use download links. A token is a random secret prefixed with the subgraph's name ({@code registry.…},
 * {@code bsd.…}), by which the gateway's {@code GET /download?token=…} routes it to the service that issued it; Redis
 * keeps what the token stands for (JSON) for a short lifetime (10 s in production) and is the only place that knows
 * it, so that any replica can serve the link. Redeeming a token deletes it.
 * <p>
 * Not a bean: a service that serves downloads produces one with its name and settings (and declares the Redis
 * client, an optional dependency of this library).
 */
public final class DownloadTokens {
    /** What {@code /download} answers (HTTP 403, as the reference does) for a token that is unknown, already used or expired. */
    public static final String EXPIRED = "Ce lien de téléchargement est invalide, déjà utilisé ou expiré (il n'est valable "
            + "que 10 secondes) : demandez-en un nouveau.";
    /** What {@code /download} answers (HTTP 400) when the link has no token at all. */
    public static final String MISSING = "Le paramètre token manque : utilisez le lien downloadLink tel qu'il a été donné.";
    /** HTTP status of a download without token. */
    public static final int STATUS_MISSING = 400;
    /** HTTP status of a download whose token is unknown, already used or expired. */
    public static final int STATUS_INVALID = 403;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ValueCommands<String, String> values;
    private final String prefix;
    private final String keyPrefix;
    private final long ttlSeconds;
    private final String publicUrl;
    private final ObjectMapper mapper;

    /**
     * @param subgraph  the subgraph's name in the gateway's configuration
     * @param ttl       lifetime of a link (rounded down to whole seconds, at least one)
     * @param publicUrl public address of the gateway, which serves {@code /download}
     * @param mapper    encodes what a token stands for
     */
    public DownloadTokens(RedisDataSource redis, String subgraph, Duration ttl, String publicUrl, ObjectMapper mapper) {
        this.values = redis.value(String.class);
        this.prefix = subgraph + ".";
        this.keyPrefix = "wastetrace:" + subgraph + ":download:";
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.mapper = mapper;
    }

    /** A new token standing for {@code request}. */
    public String issue(Object request) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            values.setex(key(token), ttlSeconds, mapper.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a download request cannot be encoded", e);
        }
        return token;
    }

    /** The public link of a token: {@code <gateway>/download?token=<token>}. */
    public String link(String token) {
        return publicUrl + "/download?token=" + token;
    }

    /** What a token stands for, which is consumed: a second use, like an expired or unknown token, finds nothing. */
    public <T> Optional<T> redeem(String token, Class<T> type) {
        if (token == null || !token.startsWith(prefix)) {
            return Optional.empty();
        }
        String json = values.getdel(key(token));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored download request cannot be read", e);
        }
    }

    /** The Redis key that holds a token (for operators and tests: its TTL is the link's remaining life). */
    public String key(String token) {
        return keyPrefix + token;
    }
}
