package fr.wastetrace.webhooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {
    private static final String KEY = "fNC2Ksv7PM+6oHb35AnYzPcwHuu30LeHTEo5IfrGOi4=";
    private final SecretBox box = new SecretBox(KEY);

    @Test
    void opensWhatItSealedForTheSameSetting() {
        String sealed = box.seal("a-token-of-twenty-characters", "setting-1");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("twenty"));
        assertEquals("a-token-of-twenty-characters", box.open(sealed, "setting-1"));
    }

    @Test
    void everySealIsDifferent() {
        assertNotEquals(box.seal("same", "s"), box.seal("same", "s"));
    }

    @Test
    void aSealedValueMovedToAnotherSettingOrKeyDoesNotOpen() {
        String sealed = box.seal("secret", "setting-1");
        assertThrows(IllegalArgumentException.class, () -> box.open(sealed, "setting-2"));
        SecretBox other = new SecretBox(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> other.open(sealed, "setting-1"));
        assertThrows(IllegalArgumentException.class, () -> box.open("v1:AAAA", "setting-1"));
        assertThrows(IllegalArgumentException.class, () -> box.open("clear", "setting-1"));
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(null));
    }
}
