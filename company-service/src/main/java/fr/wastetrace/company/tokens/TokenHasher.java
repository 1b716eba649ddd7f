package fr.wastetrace.company.tokens;

import fr.wastetrace.company.config.CompanyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints opaque personal access tokens and computes the keyed hash (HMAC-SHA256) under which they are stored. */
@ApplicationScoped
public class TokenHasher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 30;
    private final SecretKeySpec key;

    @Inject
    public TokenHasher(CompanyConfig config) {
        String secret = config.accessTokens().hashSecret();
        if (secret.length() < 16) {
            throw new IllegalArgumentException("wastetrace.access-token.hash-secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** 40 URL-safe characters, 240 bits of entropy. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
