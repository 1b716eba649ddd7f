package fr.wastetrace.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a delivery, beyond the reference API: {@code X-Wastetrace-Signature: t=<unix seconds>,v1=<hex>}
 * where {@code <hex>} is HMAC-SHA256, keyed by the setting's signing secret, of {@code <unix seconds>.<body>}. The
 * timestamp inside the signed text lets a receiver refuse old replays (we suggest 5 minutes of tolerance).
 */
public final class DeliverySignature {
    public static final String HEADER = "X-Wastetrace-Signature";

    private DeliverySignature() {
    }

    public static String header(String signingSecret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(signingSecret, unixSeconds + "." + body);
    }

    /** What a receiver does: true when the header signs this body with this secret. */
    public static boolean verify(String signingSecret, String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        return MessageDigest.isEqual(hmac(signingSecret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
