package fr.wastetrace.gateway.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static VerifiedTokens.Claims claims(String subject, Instant expiresAt) {
        return new VerifiedTokens.Claims(subject, subject + "@example.fr", "Name", expiresAt);
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpires() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.put("a.b.c", claims("user-1", NOW.plusSeconds(300)));

        assertEquals("user-1", tokens.get("a.b.c").subject());
        assertNull(tokens.get("a.b.x"), "another token, even one byte apart, is not known");
        clock.now = NOW.plusSeconds(299);
        assertEquals("user-1", tokens.get("a.b.c").subject());
        clock.now = NOW.plusSeconds(300);
        assertNull(tokens.get("a.b.c"), "expired: to be verified again (and refused)");
        assertEquals(0, tokens.size());
    }

    @Test
    void anExpiredOrUnboundedTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(10, new MovableClock());
        tokens.put("expired", claims("user-1", NOW.minus(Duration.ofSeconds(1))));
        tokens.put("no-expiry", claims("user-2", null));
        assertNull(tokens.get("expired"));
        assertNull(tokens.get("no-expiry"));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(3, clock);
        tokens.put("t1", claims("u1", NOW.plusSeconds(10)));
        tokens.put("t2", claims("u2", NOW.plusSeconds(10)));
        tokens.put("t3", claims("u3", NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(60);
        tokens.put("t4", claims("u4", NOW.plusSeconds(600)));
        assertEquals(2, tokens.size(), "the two expired entries made room");
        assertEquals("u3", tokens.get("t3").subject());
        tokens.put("t5", claims("u5", NOW.plusSeconds(600)));
        tokens.put("t6", claims("u6", NOW.plusSeconds(600)));
        assertEquals(1, tokens.size(), "nothing expired: all dropped, then the new one kept");
        assertEquals("u6", tokens.get("t6").subject());
    }
}
