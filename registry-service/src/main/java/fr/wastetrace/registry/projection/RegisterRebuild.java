package fr.wastetrace.registry.projection;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.registry.config.KafkaClients;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.registry.register.UnmappableStateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every register line by replaying the BSD topic from its beginning (the {@code rebuild} command).
 *
 * <p>It forgets the applied versions, then replays each partition up to the end offsets seen at that moment, through
 * the same version-guarded apply as the live consumer; a line whose content is unchanged is not rewritten. Events the
 * live consumers apply meanwhile are newer than anything replayed, so the guard keeps them. Finally the lines of BSDs
 * absent from the topic are removed. Lines and the change log end exactly as a fresh projection of the topic.
 */
@ApplicationScoped
public class RegisterRebuild {
    private static final Logger LOG = Logger.getLogger(RegisterRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Inject
    KafkaClients kafka;
    @Inject
    RegistryConfig config;
    @Inject
    RegisterProjection registers;

    public record Summary(long events, long applied, long skipped, int orphansRemoved) {
    }

    public Summary run() throws SQLException {
        String topic = config.topics().bsdEvents();
        registers.forgetAppliedVersions();
        long events = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = kafka.standaloneConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
            LOG.infof("rebuild: replaying %d events of %s (%d partitions)", total, topic, partitions.size());
            Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    events++;
                    try {
                        EventEnvelope event = EventCodec.decode(record.value());
                        if (registers.apply(event) == RegisterProjection.Outcome.APPLIED) {
                            applied++;
                        }
                    } catch (EventCodec.MalformedEventException | UnmappableStateException | NullPointerException e) {
                        skipped++;
                        LOG.warnf("rebuild: skipped %s-%d@%d, which the live consumer parked on the dead-letter topic: %s",
                                record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                    if (Instant.now().isAfter(nextProgress)) {
                        LOG.infof("rebuild: %d/%d events replayed (%d applied, %d skipped)", events, total, applied, skipped);
                        nextProgress = Instant.now().plus(PROGRESS_EVERY);
                    }
                }
            }
        }
        int orphans = registers.deleteOrphans();
        LOG.infof("rebuild: done, %d events replayed (%d applied, %d skipped), %d lines of unknown BSDs removed",
                events, applied, skipped, orphans);
        return new Summary(events, applied, skipped, orphans);
    }
}
