package fr.wastetrace.gateway.identity;

import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.identity.IdentityCodec;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.testing.BackingServices;
import fr.wastetrace.testing.TestIdentity;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway keeps of a user's writes, in the stack's real Redis, and hands to the subgraphs. */
@QuarkusTest
@WithTestResource(BackingServices.class)
class ReadYourWritesQuarkusTest {
    private static final IdentityCodec CODEC = new IdentityCodec(TestIdentity.SECRET, Clock.systemUTC());

    @Inject
    ReadYourWrites readYourWrites;
    @Inject
    RedisDataSource redis;

    private static RequestIdentity request(String subject) {
        return new RequestIdentity(CODEC, new CallerIdentity(subject, null, null, CallerIdentity.AuthType.JWT, "127.0.0.1",
                Instant.now().plusSeconds(60)), null);
    }

    private static String header(Map<String, Map<String, Long>> written) {
        return WrittenPositions.format(written);
    }

    @Test
    void eachPositionKeepsItsHighestVersionForTheUsersItConcerns() {
        String alice = "ryw-" + UUID.randomUUID();
        String bob = "ryw-" + UUID.randomUUID();
        RequestIdentity request = request(alice);
        String before = request.header("company");
        readYourWrites.recordAnswer(header(Map.of(alice, Map.of("company:a", 3L), bob, Map.of("company:a", 3L))), request);
        readYourWrites.recordAnswer(header(Map.of(alice, Map.of("company:a", 2L, "company:b", 1L))), request);

        assertEquals(Map.of("company:a", 3L, "company:b", 1L), readYourWrites.awaited(alice));
        assertEquals(Map.of("company:a", 3L), readYourWrites.awaited(bob));
        assertTrue(readYourWrites.awaited("ryw-" + UUID.randomUUID()).isEmpty());
        assertTrue(redis.key().pttl("wastetrace:ryw:" + alice) > 0, "the positions expire");

        assertNotEquals(before, request.header("company"), "the request's later calls await its own writes");
        assertEquals(Map.of("company:a", 3L, "company:b", 1L), CODEC.verify(request.header("company"), "company").orElseThrow().awaited());
    }

    @Test
    void aUserKeepsItsLatestPositionsOnly() {
        String bulk = "ryw-" + UUID.randomUUID();
        RequestIdentity request = request(bulk);
        for (int i = 0; i < 70; i++) {
            readYourWrites.recordAnswer(header(Map.of(bulk, Map.of("company:p" + i, 1L))), request);
        }
        Map<String, Long> awaited = readYourWrites.awaited(bulk);
        assertEquals(64, awaited.size(), awaited::toString);
        assertEquals(1L, awaited.get("company:p69"));
    }

    @Test
    void aRevokedAccessTokenIsForgottenFromTheCache() {
        String tokenId = UUID.randomUUID().toString();
        String cacheKey = "wastetrace:pat:" + UUID.randomUUID();
        var values = redis.value(String.class);
        values.setex(cacheKey, 60, "{\"subject\":\"someone\",\"tokenId\":\"" + tokenId + "\"}");
        values.setex(IdentityResolver.accessTokenIndexKey(tokenId), 60, cacheKey);
        String owner = "ryw-" + UUID.randomUUID();

        readYourWrites.recordAnswer(header(Map.of(owner, Map.of(WrittenPositions.accessToken(tokenId), 1L))), request(owner));

        assertNull(values.get(cacheKey));
        assertNull(values.get(IdentityResolver.accessTokenIndexKey(tokenId)));
        assertTrue(readYourWrites.awaited(owner).isEmpty(), "a revocation is not a position to await");
    }
}
