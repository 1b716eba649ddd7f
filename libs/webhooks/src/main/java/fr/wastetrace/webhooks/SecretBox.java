package fr.wastetrace.webhooks;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals the secrets of webhook settings (the integrator's token, the signing secret) with AES-256-GCM under the key
 * that company-service and webhook-service share. A sealed value is {@code v1:} followed by the base64 of a random
 * 12-byte IV and the ciphertext with its tag; the setting id is the associated data, so that a sealed value copied onto
 * another setting does not open.
 */
public final class SecretBox {
    public static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key the base64 of 32 random bytes (for instance {@code head -c 32 /dev/urandom | base64}) */
    public SecretBox(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secrets key must be base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the webhook secrets key must be the base64 of " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plaintext, String settingId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(settingId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when the value is not sealed by this key for this setting */
    public String open(String sealedValue, String settingId) {
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value", e);
        }
        if (in.length <= IV_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(settingId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this key and setting", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** A new random secret (32 bytes, base64url without padding): the signing secret of a new setting. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
