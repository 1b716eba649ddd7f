package fr.wastetrace.gateway.status;

import fr.wastetrace.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uptime from the suite's own samples, in Redis. Every {@code sample-period} (60 s), the first gateway replica whose
 * probe round ends in the period records one sample: a counter per available component, plus one for the sample
 * itself, in an hourly hash (kept 26 h) and a daily hash (kept 91 days). A component's uptime over a window is the
 * number of samples it was available in divided by the number of periods elapsed in the window since the first sample
 * ever recorded: a period without any sample (no gateway running, Redis down) counts as unavailable for every
 * component. "24 h" is the current hour and the 24 before it, "90 days" today (UTC) and the 89 days before.
 */
@ApplicationScoped
public class UptimeStore {
    private static final Logger LOG = Logger.getLogger(UptimeStore.class);
    private static final String SCRIPT = load();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Inject
    RedisDataSource redis;
    @Inject
    GatewayConfig gateway;

    private volatile Uptime cached;

    /** Uptime per component id (percent, null without samples), and since when samples exist. */
    public record Uptime(Instant computedAt, Instant measuredSince, Map<String, Double> last24Hours,
                         Map<String, Double> last90Days) {
    }

    /** Offers a round as this period's sample; ignored if another replica already recorded the period. */
    void record(StatusProbe.Snapshot snapshot) {
        long now = snapshot.checkedAt().getEpochSecond();
        long period = gateway.status().samplePeriod().toSeconds();
        List<String> args = new ArrayList<>(List.of("EVAL", SCRIPT, "4",
                key("period:" + (now / period)), key("h:" + HOUR.format(snapshot.checkedAt())),
                key("d:" + DAY.format(snapshot.checkedAt())), key("since"),
                String.valueOf(period * 2), String.valueOf(Duration.ofHours(26).toSeconds()),
                String.valueOf(Duration.ofDays(91).toSeconds()), String.valueOf(now)));
        snapshot.components().stream().filter(c -> c.state().available()).forEach(c -> args.add(c.id()));
        try {
            redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.debugf("uptime sample not recorded (Redis unavailable): %s", e.getMessage());
        }
    }

    /** The uptime figures, computed at most once a minute (about 116 hash reads). Empty without Redis. */
    public Optional<Uptime> uptime(List<String> ids) {
        Uptime current = cached;
        Instant now = Instant.now();
        if (current != null && current.computedAt().isAfter(now.minus(gateway.status().samplePeriod()))) {
            return Optional.of(current);
        }
        try {
            Long since = redis.value(Long.class).get(key("since"));
            if (since == null) {
                return Optional.empty();
            }
            Instant first = Instant.ofEpochSecond(since);
            Instant hourStart = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(24));
            Instant dayStart = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(89));
            List<String> hourKeys = new ArrayList<>();
            for (Instant h = hourStart; !h.isAfter(now); h = h.plus(Duration.ofHours(1))) {
                hourKeys.add(key("h:" + HOUR.format(h)));
            }
            List<String> dayKeys = new ArrayList<>();
            for (Instant d = dayStart; !d.isAfter(now); d = d.plus(Duration.ofDays(1))) {
                dayKeys.add(key("d:" + DAY.format(d)));
            }
            Uptime uptime = new Uptime(now, first, ratios(ids, hourKeys, hourStart, first, now),
                    ratios(ids, dayKeys, dayStart, first, now));
            cached = uptime;
            return Optional.of(uptime);
        } catch (RuntimeException e) {
            LOG.debugf("uptime not available (Redis unavailable): %s", e.getMessage());
            return Optional.empty();
        }
    }

    private Map<String, Double> ratios(List<String> ids, List<String> keys, Instant windowStart, Instant first, Instant now) {
        Map<String, Long> counts = new HashMap<>();
        for (String hash : keys) {
            redis.hash(Long.class).hgetall(hash).forEach((field, count) -> counts.merge(field, count, Long::sum));
        }
        long period = gateway.status().samplePeriod().toSeconds();
        Instant start = first.isAfter(windowStart) ? first : windowStart;
        long elapsedPeriods = now.getEpochSecond() / period - start.getEpochSecond() / period;
        long expected = Math.max(counts.getOrDefault("_samples", 0L), elapsedPeriods);
        Map<String, Double> ratios = new HashMap<>();
        for (String id : ids) {
            ratios.put(id, expected == 0 ? null : Math.round(10_000.0 * counts.getOrDefault(id, 0L) / expected) / 100.0);
        }
        return ratios;
    }

    private String key(String suffix) {
        return gateway.status().redisPrefix() + ":" + suffix;
    }

    private static String load() {
        try (InputStream in = UptimeStore.class.getResourceAsStream("/status/record-sample.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
