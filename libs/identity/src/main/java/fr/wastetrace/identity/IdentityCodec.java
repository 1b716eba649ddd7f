package fr.wastetrace.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the identity header that the gateway (or a service calling another) sends to a service:
 * {@code v2.<claims>.<hmac>}, both parts base64url, the HMAC-SHA256 computed over {@code v2.<claims>}.
 * <ul>
 *   <li>The claims name the key that signed ({@code kid}: the first 8 bytes of the key's SHA-256, in hex, see
 *   {@link #keyId(String)}), so that a verifier can accept two keys at once during a rotation (docs/operations.md).</li>
 *   <li>They name the one service the header is for ({@code aud}: {@code bsd}, {@code company}, {@code registry},
 *   {@code webhook}); a service refuses a header made for another.</li>
 *   <li>They carry the caller's awaited positions ({@code await}) when it wrote recently (read-your-writes).</li>
 *   <li>They carry the restrictions of a personal access token: {@code ro} (read-only) and {@code orgs} (the org ids
 *   it may act for), only when the token has them.</li>
 * </ul>
 */
public final class IdentityCodec {
    public static final String HEADER = "X-Wastetrace-Identity";
    private static final String PREFIX = "v2.";
    private static final int MIN_SECRET_BYTES = 32;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String signingKeyId;
    /** Every accepted key by its id, the signing key first. */
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Clock clock;

    /** One key: its HMAC, initialised once per thread (looking the algorithm up and keying it cost more than the MAC). */
    private static final class Key {
        private final ThreadLocal<Mac> macs;

        Key(SecretKeySpec spec) {
            this.macs = ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(spec);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is unavailable", e);
                }
            });
        }

        byte[] mac(String body) {
            // doFinal resets the MAC to its keyed initial state, ready for the next body.
            return macs.get().doFinal(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A codec that signs and verifies with one key. */
    public IdentityCodec(String secret, Clock clock) {
        this(secret, List.of(), clock);
    }

    /**
     * A codec that signs with {@code secret} and also accepts headers signed with any of {@code acceptedSecrets} (the
     * next or the previous key, during a rotation).
     */
    public IdentityCodec(String secret, List<String> acceptedSecrets, Clock clock) {
        this.signingKeyId = add(secret);
        for (String accepted : acceptedSecrets) {
            if (accepted != null && !accepted.isBlank()) {
                add(accepted);
            }
        }
        this.clock = clock;
    }

    private String add(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the identity secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        String id = keyId(secret);
        keys.putIfAbsent(id, new Key(new SecretKeySpec(bytes, "HmacSHA256")));
        return id;
    }

    /** The id of a key: the first 8 bytes of its SHA-256, in hex (it tells keys apart, and reveals nothing usable). */
    public static String keyId(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The id of the key this codec signs with. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** The header that carries {@code identity} to the service {@code audience}, and to no other. */
    public String sign(CallerIdentity identity, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("an identity header is made for one service: name it");
        }
        ObjectNode claims = MAPPER.createObjectNode();
        claims.put("kid", signingKeyId);
        claims.put("aud", audience);
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
        if (identity.readOnly()) {
            claims.put("ro", true);
        }
        if (identity.orgScope() != null) {
            ArrayNode orgs = claims.putArray("orgs");
            identity.orgScope().stream().sorted().forEach(orgs::add);
        }
        String body = PREFIX + ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(keys.get(signingKeyId).mac(body));
    }

    /**
     * The identity, if the header is well formed, signed with an accepted key, made for {@code audience} and not
     * expired.
     */
    public Optional<CallerIdentity> verify(String header, String audience) {
        if (header == null || !header.startsWith(PREFIX) || audience == null) {
            return Optional.empty();
        }
        int dot = header.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return Optional.empty();
        }
        String body = header.substring(0, dot);
        try {
            // The claims are read before the signature is checked only to pick the key they name.
            JsonNode claims = MAPPER.readTree(DECODER.decode(body.substring(PREFIX.length())));
            Key key = keys.get(claims.path("kid").asText(""));
            if (key == null) {
                return Optional.empty();
            }
            byte[] signature = DECODER.decode(header.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, key.mac(body))) {
                return Optional.empty();
            }
            if (!audience.equals(claims.path("aud").asText(null))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
            if (!expiresAt.isAfter(clock.instant())) {
                return Optional.empty();
            }
            Map<String, Long> awaited = new HashMap<>();
            claims.path("await").fields().forEachRemaining(e -> awaited.put(e.getKey(), e.getValue().asLong()));
            Set<String> orgScope = null;
            if (claims.has("orgs")) {
                orgScope = new HashSet<>();
                for (JsonNode org : claims.get("orgs")) {
                    orgScope.add(org.asText());
                }
            }
            return Optional.of(new CallerIdentity(text(claims, "sub"), text(claims, "email"), text(claims, "name"),
                    CallerIdentity.AuthType.valueOf(claims.path("auth").asText()), text(claims, "ip"), expiresAt, awaited,
                    claims.path("ro").asBoolean(false), orgScope));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode claims, String field) {
        JsonNode node = claims.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
