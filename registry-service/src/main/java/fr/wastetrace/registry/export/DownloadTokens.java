package fr.wastetrace.registry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.registry.config.RegistryConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use download tokens kept in Redis for {@code wastetrace.registry.download.ttl} (10 s). The token's prefix
 * {@code registry.} tells the gateway which service serves it.
 */
@ApplicationScoped
public class DownloadTokens {
    public static final String PREFIX = "registry.";
    private static final String KEY = "wastetrace:registry:download:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ValueCommands<String, String> values;
    private final RegistryConfig config;

    @Inject
    public DownloadTokens(RedisDataSource redis, RegistryConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public String issue(ExportRequest request) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            values.setex(KEY + token, Math.max(1, config.download().ttl().toSeconds()), EventCodec.mapper().writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export request cannot be encoded", e);
        }
        return token;
    }

    /** The request behind a token, which is consumed: a second use finds nothing. */
    public Optional<ExportRequest> redeem(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String json = values.getdel(KEY + token);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.mapper().readValue(json, ExportRequest.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored export request cannot be read", e);
        }
    }
}
