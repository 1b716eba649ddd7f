package fr.wastetrace.bsd.common;

import java.security.SecureRandom;

/** Opaque ids of BSD-related rows: a letter then 24 random base-36 characters, like the reference's cuids. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    public static String newId() {
        StringBuilder id = new StringBuilder("c");
        for (int i = 0; i < 24; i++) {
            id.append(BASE36[RANDOM.nextInt(BASE36.length)]);
        }
        return id.toString();
    }

    /** {@code length} random base-32 digits (0-9, A-V). */
    public static String base32(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(Character.toUpperCase(Character.forDigit(RANDOM.nextInt(32), 32)));
        }
        return s.toString();
    }
}
