package fr.wastetrace.gateway.identity;

import fr.wastetrace.gateway.config.GatewayConfig;
import fr.wastetrace.identity.WrittenPositions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes, the gateway's part. The owner of a write (company-service) reports in its answer the positions
 * the write committed and for whom ({@link WrittenPositions#HEADER}); they are kept here per user in Redis (a hash
 * {@code wastetrace:ryw:<subject>}, each key raised to the highest version, expiring
 * {@code wastetrace.gateway.read-your-writes.ttl} after the user's last write, at most
 * {@code wastetrace.gateway.read-your-writes.max-positions} of them, the latest written), so that every gateway replica hands
 * them to the subgraphs with the user's next requests, which wait until their read model applied them. A revoked
 * access token is forgotten from the access-token cache at once. Without Redis, requests go on without awaited
 * positions (counted in {@code wastetrace_gateway_read_your_writes_redis_failures_total}).
 */
@ApplicationScoped
public class ReadYourWrites {
    private static final Logger LOG = Logger.getLogger(ReadYourWrites.class);
    /**
     * Raises each field of the hash KEYS[1] to the highest version (ARGV: now in ms, TTL in ms, most fields kept, then
     * field, version, ...). A field's value is {@code <version>:<written at>}; beyond the most fields kept, those
     * written longest ago are dropped, so that the identity header stays small whatever the user writes.
     */
    private static final String RAISE = """
            for i = 4, #ARGV - 1, 2 do
              local held = redis.call('HGET', KEYS[1], ARGV[i])
              local version = ARGV[i + 1]
              if held and tonumber(string.match(held, '^(%d+)')) > tonumber(version) then
                version = string.match(held, '^(%d+)')
              end
              redis.call('HSET', KEYS[1], ARGV[i], version .. ':' .. ARGV[1])
            end
            local kept = tonumber(ARGV[3])
            if redis.call('HLEN', KEYS[1]) > kept then
              local all = redis.call('HGETALL', KEYS[1])
              local fields = {}
              for i = 1, #all, 2 do
                table.insert(fields, {all[i], tonumber(string.match(all[i + 1], ':(%d+)$'))})
              end
              table.sort(fields, function(a, b) return a[2] < b[2] end)
              for i = 1, #fields - kept do
                redis.call('HDEL', KEYS[1], fields[i][1])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";

    private final RedisDataSource redis;
    private final GatewayConfig config;
    private final HashCommands<String, String, String> positions;
    private final ValueCommands<String, String> values;
    private final Counter redisFailures;

    @Inject
    public ReadYourWrites(RedisDataSource redis, GatewayConfig config, MeterRegistry meters) {
        this.redis = redis;
        this.config = config;
        this.positions = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.redisFailures = Counter.builder("wastetrace.gateway.read_your_writes.redis.failures")
                .description("Requests or writes for which read-your-writes could not use Redis").register(meters);
    }

    /** The positions of the user's recent writes; empty for an anonymous caller or without Redis. */
    Map<String, Long> awaited(String subject) {
        if (subject == null) {
            return Map.of();
        }
        try {
            Map<String, Long> awaited = new HashMap<>();
            positions.hgetall(key(subject)).forEach((position, value) -> {
                int colon = value.indexOf(':');
                awaited.put(position, Long.parseLong(colon < 0 ? value : value.substring(0, colon)));
            });
            return awaited;
        } catch (RuntimeException e) {
            redisFailures.increment();
            LOG.warnf("Redis unavailable, the caller's own writes are not awaited: %s", e.getMessage());
            return Map.of();
        }
    }

    /**
     * Keeps what a subgraph's answer to {@code request} reports it committed ({@link WrittenPositions#HEADER}); done
     * before the client gets its answer, so that its next request, through any gateway replica, awaits them.
     */
    public void recordAnswer(String header, RequestIdentity request) {
        Map<String, Map<String, Long>> written = WrittenPositions.parse(header);
        String caller = request.caller().subject();
        written.forEach((subject, reached) -> {
            Map<String, Long> awaitable = new HashMap<>();
            reached.forEach((position, version) -> {
                if (position.startsWith(WrittenPositions.ACCESS_TOKEN)) {
                    forgetAccessToken(position.substring(WrittenPositions.ACCESS_TOKEN.length()));
                } else {
                    awaitable.put(position, version);
                }
            });
            if (awaitable.isEmpty()) {
                return;
            }
            List<String> args = new ArrayList<>(List.of(RAISE, "1", key(subject), String.valueOf(System.currentTimeMillis()),
                    String.valueOf(config.readYourWrites().ttl().toMillis()),
                    String.valueOf(config.readYourWrites().maxPositions())));
            awaitable.forEach((position, version) -> {
                args.add(position);
                args.add(String.valueOf(version));
            });
            try {
                redis.execute("EVAL", args.toArray(String[]::new));
            } catch (RuntimeException e) {
                redisFailures.increment();
                LOG.warnf("Redis unavailable, a write of %s will not be awaited by its next requests: %s", subject,
                        e.getMessage());
            }
            if (subject.equals(caller)) {
                request.wrote(awaitable);
            }
        });
    }

    private void forgetAccessToken(String tokenId) {
        try {
            String cached = values.getdel(IdentityResolver.accessTokenIndexKey(tokenId));
            if (cached != null) {
                values.getdel(cached);
            }
        } catch (RuntimeException e) {
            redisFailures.increment();
            LOG.warnf("Redis unavailable, a revoked access token stays cached until its entry expires: %s", e.getMessage());
        }
    }

    private static String key(String subject) {
        return "wastetrace:ryw:" + subject;
    }
}
