package fr.wastetrace.testing;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Identity headers for component tests that call a service directly, as the gateway would. */
public final class TestIdentity {
    /** The secret component tests configure ({@link BackingServices} sets it as {@code wastetrace.identity.secret}). */
    public static final String SECRET = "component-tests-identity-secret-0123456789";
    public static final String HEADER = IdentityCodec.HEADER;
    /**
     * The service under test, the audience of the headers made here: the module's name without {@code -service}
     * ({@code bsd}, {@code company}, {@code registry}, {@code webhook}), as each service names itself
     * ({@code wastetrace.identity.audience}).
     */
    public static final String AUDIENCE = System.getProperty("wastetrace.module", "tests").replaceAll("-service$", "");
    private static final IdentityCodec CODEC = new IdentityCodec(SECRET, Clock.systemUTC());

    private TestIdentity() {
    }

    public static String user(String subject, String email, String name) {
        return CODEC.sign(new CallerIdentity(subject, email, name, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60)), AUDIENCE);
    }

    /** A user who awaits the positions of its own recent writes (read-your-writes), as the gateway signs them. */
    public static String user(String subject, String email, String name, Map<String, Long> awaited) {
        return CODEC.sign(new CallerIdentity(subject, email, name, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60), awaited), AUDIENCE);
    }

    public static String anonymous() {
        return anonymousFor(AUDIENCE);
    }

    /** An anonymous caller's header made for another service than the one under test. */
    public static String anonymousFor(String audience) {
        return CODEC.sign(CallerIdentity.anonymous("127.0.0.1", Instant.now().plusSeconds(60)), audience);
    }

    /** A user's header made for another service than the one under test. */
    public static String userFor(String audience, String subject, String email, String name) {
        return CODEC.sign(new CallerIdentity(subject, email, name, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60)), audience);
    }
}
