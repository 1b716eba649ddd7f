package fr.wastetrace.testing;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;

import java.time.Clock;
import java.time.Instant;

/** Identity headers for component tests that call a subgraph directly, as the gateway would. */
public final class TestIdentity {
    /** The secret component tests configure ({@link BackingServices} sets it as {@code wastetrace.identity.secret}). */
    public static final String SECRET = "component-tests-identity-secret-0123456789";
    public static final String HEADER = IdentityCodec.HEADER;
    private static final IdentityCodec CODEC = new IdentityCodec(SECRET, Clock.systemUTC());

    private TestIdentity() {
    }

    public static String user(String subject, String email, String name) {
        return CODEC.sign(new CallerIdentity(subject, email, name, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60)));
    }

    /** A user who awaits the positions of its own recent writes (read-your-writes), as the gateway signs them. */
    public static String user(String subject, String email, String name, java.util.Map<String, Long> awaited) {
        return CODEC.sign(new CallerIdentity(subject, email, name, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60), awaited));
    }

    public static String anonymous() {
        return CODEC.sign(CallerIdentity.anonymous("127.0.0.1", Instant.now().plusSeconds(60)));
    }
}
