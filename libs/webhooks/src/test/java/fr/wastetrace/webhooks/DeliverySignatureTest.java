package fr.wastetrace.webhooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliverySignatureTest {
    private static final String BODY = "[{\"action\":\"CREATED\",\"id\":\"BSD-20260101-AAAAAAAAA\"}]";

    @Test
    void signsTheTimestampAndTheBody() {
        // Reference value computed independently: printf '1767225600.%s' "$BODY" | openssl dgst -sha256 -hmac secret
        String header = DeliverySignature.header("secret", 1767225600L, BODY);
        assertEquals("t=1767225600,v1=0dcdcfdd4eafd683ddc31518f82bad8584d5c7a6e99f512c9cb642031cf4fce4", header);
        assertTrue(DeliverySignature.verify("secret", header, BODY));
    }

    @Test
    void refusesAnotherBodySecretOrTimestamp() {
        String header = DeliverySignature.header("secret", 1767225600L, BODY);
        assertFalse(DeliverySignature.verify("other", header, BODY));
        assertFalse(DeliverySignature.verify("secret", header, BODY.replace("CREATED", "DELETED")));
        assertFalse(DeliverySignature.verify("secret", header.replace("t=1767225600", "t=1767225601"), BODY));
        assertFalse(DeliverySignature.verify("secret", null, BODY));
        assertFalse(DeliverySignature.verify("secret", "v1=abc", BODY));
    }
}
