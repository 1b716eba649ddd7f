package fr.wastetrace.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and verifies the identity header that the gateway sends to subgraphs: {@code v1.<claims>.<hmac>}, both parts
 * base64url, the HMAC-SHA256 computed over {@code v1.<claims>} with a secret shared by the gateway and the subgraphs.
 * The claims carry the caller's awaited positions ({@code await}) when it wrote recently (read-your-writes).
 */
public final class IdentityCodec {
    public static final String HEADER = "X-Wastetrace-Identity";
    private static final String PREFIX = "v1.";
    private static final int MIN_SECRET_BYTES = 32;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;
    /** One initialised HMAC per thread: looking the algorithm up and keying it cost more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public IdentityCodec(String secret, Clock clock) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the identity secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.clock = clock;
    }

    public String sign(CallerIdentity identity) {
        ObjectNode claims = MAPPER.createObjectNode();
        claims.put("sub", identity.subject());
        claims.put("email", identity.email());
        claims.put("name", identity.name());
        claims.put("auth", identity.authType().name());
        claims.put("ip", identity.clientIp());
        claims.put("exp", identity.expiresAt().getEpochSecond());
        if (!identity.awaited().isEmpty()) {
            ObjectNode awaited = claims.putObject("await");
            identity.awaited().forEach(awaited::put);
        }
        String body = PREFIX + ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The identity, if the header is well formed, correctly signed and not expired. */
    public Optional<CallerIdentity> verify(String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = header.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return Optional.empty();
        }
        String body = header.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(header.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            JsonNode claims = MAPPER.readTree(DECODER.decode(body.substring(PREFIX.length())));
            Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            if (!expiresAt.isAfter(clock.instant())) {
                return Optional.empty();
            }
            Map<String, Long> awaited = new HashMap<>();
            claims.path("await").fields().forEachRemaining(e -> awaited.put(e.getKey(), e.getValue().asLong()));
            return Optional.of(new CallerIdentity(text(claims, "sub"), text(claims, "email"), text(claims, "name"),
                    CallerIdentity.AuthType.valueOf(claims.path("auth").asText()), text(claims, "ip"), expiresAt, awaited));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode claims, String field) {
        JsonNode node = claims.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private byte[] mac(String body) {
        // doFinal resets the MAC to its keyed initial state, ready for the next body.
        return macs.get().doFinal(body.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
