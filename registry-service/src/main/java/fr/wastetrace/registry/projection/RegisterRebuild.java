package fr.wastetrace.registry.projection;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.kafka.consumer.ConsumerLoop;
import fr.wastetrace.kafka.consumer.ConsumerLoops;
import fr.wastetrace.kafka.consumer.DeadLetters;
import fr.wastetrace.kafka.consumer.PoisonRecordException;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.registry.register.UnmappableStateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every register line by replaying the BSD topic from its beginning (the {@code rebuild} command).
 *
 * <p>It forgets the applied versions, then replays each partition up to the end offsets seen at that moment (a
 * {@link ConsumerLoop} in replay mode, on the calling thread), through the same version-guarded apply as the live
 * consumer; a line whose content is unchanged is not rewritten. Events the live consumers apply meanwhile are newer
 * than anything replayed, so the guard keeps them. Finally the lines of BSDs absent from the topic are removed. Lines
 * and the change log end exactly as a fresh projection of the topic.
 *
 * <p>A record that cannot be applied is retried like in the live consumer, then parked on the dead-letter topic like
 * every consumer's poison (consumer header {@code registry-rebuild}: a record the live projection parked before is
 * parked again, as failing again in the rebuild), and counted as skipped.
 */
@ApplicationScoped
public class RegisterRebuild {
    private static final Logger LOG = Logger.getLogger(RegisterRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Inject
    ConsumerLoops loops;
    @Inject
    RegistryConfig config;
    @Inject
    RegisterProjection registers;

    public record Summary(long events, long applied, long skipped, int orphansRemoved) {
    }

    public Summary run() throws SQLException {
        String topic = config.topics().bsdEvents();
        registers.forgetAppliedVersions();
        AtomicLong events = new AtomicLong();
        AtomicLong applied = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        DeadLetters parking = loops.deadLetters();
        Instant[] nextProgress = {Instant.now().plus(PROGRESS_EVERY)};
        ConsumerLoop replay = loops.loop("registry-rebuild")
                .replay(topic)
                .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200)
                .maxTries(config.consumer().maxAttempts())
                .retryBackoff(config.consumer().retryBackoff())
                .deadLetters((name, record, error, tries) -> {
                    parking.park(name, record, error, tries);
                    events.incrementAndGet();
                    skipped.incrementAndGet();
                })
                .handler(record -> {
                    EventEnvelope event;
                    try {
                        event = EventCodec.decode(record.value());
                    } catch (EventCodec.MalformedEventException | NullPointerException e) {
                        throw new PoisonRecordException("malformed envelope: " + e.getMessage(), e);
                    }
                    RegisterProjection.Outcome outcome;
                    try {
                        outcome = registers.apply(event);
                    } catch (UnmappableStateException e) {
                        throw new PoisonRecordException("unmappable state: " + e.getMessage(), e);
                    }
                    events.incrementAndGet();
                    if (outcome == RegisterProjection.Outcome.APPLIED) {
                        applied.incrementAndGet();
                    }
                    if (Instant.now().isAfter(nextProgress[0])) {
                        LOG.infof("rebuild: %d events replayed (%d applied, %d skipped)", events.get(), applied.get(), skipped.get());
                        nextProgress[0] = Instant.now().plus(PROGRESS_EVERY);
                    }
                })
                .build();
        LOG.infof("rebuild: replaying %s from its beginning", topic);
        replay.runHere();
        int orphans = registers.deleteOrphans();
        LOG.infof("rebuild: done, %d events replayed (%d applied, %d skipped), %d lines of unknown BSDs removed",
                events.get(), applied.get(), skipped.get(), orphans);
        return new Summary(events.get(), applied.get(), skipped.get(), orphans);
    }
}
