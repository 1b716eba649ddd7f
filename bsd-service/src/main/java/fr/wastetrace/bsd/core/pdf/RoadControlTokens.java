package fr.wastetrace.bsd.core.pdf;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.wastetrace.bsd.config.BsdConfig;
import fr.wastetrace.events.EventCodec;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Road-control links ({@code createPdfAccessToken}): a transporter shows the link as a QR code at a roadside check and
 * the officer opens the BSDD's PDF without logging in. Unlike the single-use {@code DownloadTokens} of
 * {@code /download}, such a token may be opened any number of times during its lifetime (30 minutes), and it needs no
 * routing prefix: the gateway sends the whole {@code /road-control/} path to the service that issues these links.
 * Redis keeps what the token stands for, so that any replica serves it, and forgets it when it expires.
 */
@ApplicationScoped
public class RoadControlTokens {
    /** The path under the gateway's public address, as in the reference API. */
    public static final String PATH = "road-control";
    /** Length of a token, as in the reference API. */
    public static final int LENGTH = 50;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ValueCommands<String, String> values;
    private final BsdConfig.Download config;

    @Inject
    public RoadControlTokens(RedisDataSource redis, BsdConfig bsd) {
        this.values = redis.value(String.class);
        this.config = bsd.download();
    }

    /** A new token standing for {@code request}, living {@code wastetrace.bsd.download.road-control-ttl}. */
    public String issue(PdfRequest request) {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        try {
            values.setex(key(token.toString()), Math.max(1, config.roadControlTtl().toSeconds()),
                    EventCodec.mapper().writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a road-control request cannot be encoded", e);
        }
        return token.toString();
    }

    /** The public link of a token: {@code <gateway>/road-control/<token>}. */
    public String link(String token) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + "/" + PATH + "/" + token;
    }

    /** What a token stands for while it lives (it stays usable); empty for an unknown or expired token. */
    public Optional<PdfRequest> read(String token) {
        if (token == null || token.length() != LENGTH) {
            return Optional.empty();
        }
        String json = values.get(key(token));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.mapper().readValue(json, PdfRequest.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored road-control request cannot be read", e);
        }
    }

    /** The Redis key that holds a token (for operators and tests: its TTL is the link's remaining life). */
    public String key(String token) {
        return "wastetrace:bsd:road-control:" + token;
    }
}
