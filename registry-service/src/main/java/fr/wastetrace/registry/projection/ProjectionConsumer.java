package fr.wastetrace.registry.projection;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.registry.company.CompanyAccessProjection;
import fr.wastetrace.registry.config.KafkaClients;
import fr.wastetrace.registry.config.RegistryConfig;
import fr.wastetrace.registry.register.UnmappableStateException;
import fr.wastetrace.subgraph.ReadModelCatchUp;
import fr.wastetrace.tracing.KafkaTraceHeaders;
import fr.wastetrace.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projection's consumer: one member of the group {@code wastetrace.registry.consumer.group-id} per replica
 * (partitions spread over replicas), reading BSD and company events. A poll of BSD events is applied in one database
 * transaction (one by one, each in its own, when that fails or the poll holds other records); offsets are committed
 * only after those commits. An event that cannot be applied goes to the
 * dead-letter topic after bounded retries; when the database or Kafka itself is unreachable the consumer backs off
 * and retries the same record (nothing is skipped, and readiness goes down meanwhile).
 */
@ApplicationScoped
public class ProjectionConsumer {
    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    Tracer tracer;
    @Inject
    RegistryConfig config;
    @Inject
    KafkaClients kafka;
    @Inject
    RegisterProjection registers;
    @Inject
    CompanyAccessProjection companies;
    @Inject
    ReadModelCatchUp catchUp;
    @Inject
    DeadLetters deadLetters;
    @Inject
    RunMode runMode;
    @Inject
    MeterRegistry meters;

    private final AtomicLong handled = new AtomicLong();
    private volatile Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;
    private volatile boolean blocked;
    private Timer lag;

    void onStart(@Observes StartupEvent event) {
        lag = Timer.builder("wastetrace.registry.projection.lag")
                .description("From a BSD change's commit to its register lines' commit")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        if (config.consumer().enabled() && !runMode.isRebuildCommand()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        thread = new Thread(this::run, "registry-projection");
        thread.setDaemon(true);
        thread.start();
    }

    /** Leaves the group after the current event (its offset committed); used at shutdown and by tests. */
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            running.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** True while the database or Kafka is unreachable and the consumer waits to retry. */
    public boolean isBlocked() {
        return blocked;
    }

    private volatile Long lastLagMillis;

    private void recordLag(Duration observed) {
        lag.record(observed);
        lastLagMillis = observed.toMillis();
    }

    /** From the commit of the last BSD change applied to its register lines' commit; empty before the first one. */
    public java.util.Optional<Long> lastLagMillis() {
        return java.util.Optional.ofNullable(lastLagMillis);
    }

    public long handledCount() {
        return handled.get();
    }

    private void run() {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try (KafkaConsumer<String, String> c = kafka.groupConsumer();
             // The consumer's own metrics, among them its lag (kafka_consumer_fetch_manager_records_lag_max).
             io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics clientMetrics =
                     new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(c)) {
            clientMetrics.bindTo(meters);
            consumer = c;
            c.subscribe(List.of(config.topics().bsdEvents(), config.topics().companyEvents()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(c, done);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    LOG.infof("projection assigned %s", partitions);
                }
            });
            Duration backoff = Duration.ZERO;
            while (!stopping) {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && applyBatch(records)) {
                    for (TopicPartition partition : records.partitions()) {
                        List<ConsumerRecord<String, String>> applied = records.records(partition);
                        done.put(partition, new OffsetAndMetadata(applied.get(applied.size() - 1).offset() + 1));
                    }
                    commit(c, done);
                    blocked = false;
                    backoff = Duration.ZERO;
                    continue;
                }
                boolean failed = false;
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, String> record : records.records(partition)) {
                        if (stopping || !handle(record)) {
                            c.seek(partition, record.offset());
                            failed = !stopping;
                            break;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                commit(c, done);
                blocked = failed;
                backoff = failed ? nextBackoff(backoff) : Duration.ZERO;
            }
            commit(c, done);
        } catch (WakeupException e) {
            if (!stopping) {
                LOG.error("projection consumer woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("projection consumer stopped", e);
        } finally {
            consumer = null;
        }
    }

    private void commit(KafkaConsumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        c.commitSync(Map.copyOf(done));
        done.clear();
    }

    private static Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(500) : current.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /**
     * Applies a whole poll of BSD events in one transaction. False when the poll holds anything else (company events,
     * an undecodable record) or the batch fails: the records are then handled one by one, with retries and the
     * dead-letter topic, exactly as if the batch had not been tried (it was rolled back).
     */
    private boolean applyBatch(ConsumerRecords<String, String> records) {
        if (stopping) {
            return false;
        }
        List<EventEnvelope> events = new ArrayList<>(records.count());
        List<String> traceParents = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null || record.topic().equals(config.topics().companyEvents())) {
                return false;
            }
            try {
                events.add(EventCodec.decode(record.value()));
                traceParents.add(KafkaTraceHeaders.traceParent(record.headers()));
            } catch (EventCodec.MalformedEventException e) {
                return false;
            }
        }
        Instant started = Instant.now();
        try {
            List<RegisterProjection.Outcome> outcomes = registers.applyAll(events);
            Instant now = Instant.now();
            for (int i = 0; i < events.size(); i++) {
                RegisterProjection.Outcome outcome = outcomes.get(i);
                // One span per event, in the trace of the request that changed the BSD: the batch's time, shared.
                span(events.get(i), traceParents.get(i), started).setAttribute("wastetrace.outcome", outcome.name())
                        .setAttribute("wastetrace.batch.size", events.size()).end(now);
                meters.counter("wastetrace.registry.projection.events", "topic", "bsd", "outcome", outcome.name().toLowerCase()).increment();
                if (outcome == RegisterProjection.Outcome.APPLIED) {
                    recordLag(Duration.between(events.get(i).occurredAt(), now));
                }
            }
            handled.addAndGet(events.size());
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("a batch of %d events failed (%s): applying them one by one", events.size(), e.toString());
            return false;
        }
    }

    /** @return false when the record must be retried later (infrastructure down); true when it is done with */
    private boolean handle(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            if (record.value() == null) {
                return deadLetter(record, "empty record");
            }
            event = EventCodec.decode(record.value());
        } catch (EventCodec.MalformedEventException e) {
            return deadLetter(record, "malformed envelope: " + e.getMessage());
        }
        Exception last = null;
        Duration pause = config.consumer().retryBackoff();
        for (int attempt = 1; attempt <= config.consumer().maxAttempts(); attempt++) {
            try {
                apply(record.topic(), event, KafkaTraceHeaders.traceParent(record.headers()));
                handled.incrementAndGet();
                return true;
            } catch (UnmappableStateException e) {
                return deadLetter(record, "unmappable state: " + e.getMessage());
            } catch (SQLException | RuntimeException e) {
                if (isUnreachable(e)) {
                    LOG.warnf("database unreachable, will retry %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                    return false;
                }
                last = e;
                LOG.warnf("attempt %d to apply %s-%d@%d failed: %s", attempt, record.topic(), record.partition(), record.offset(), e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pause = pause.multipliedBy(2);
            }
        }
        return deadLetter(record, "not applied after " + config.consumer().maxAttempts() + " attempts: " + last);
    }

    /** A consumer span of the projection for one BSD event, child of the span that wrote it (Kafka header). */
    private Span span(EventEnvelope event, String traceParent, Instant start) {
        return tracer.spanBuilder("registry projection " + event.type()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parent(traceParent)).setStartTimestamp(start)
                .setAttribute("wastetrace.aggregate.id", event.aggregateId())
                .setAttribute("wastetrace.aggregate.version", event.version()).startSpan();
    }

    private void apply(String topic, EventEnvelope event, String traceParent) throws SQLException {
        if (topic.equals(config.topics().companyEvents())) {
            boolean applied = companies.apply(event);
            catchUp.applied(WrittenPositions.company(event.aggregateId()), event.version());
            meters.counter("wastetrace.registry.projection.events", "topic", "company", "outcome", applied ? "applied" : "stale").increment();
            return;
        }
        Span span = span(event, traceParent, Instant.now());
        RegisterProjection.Outcome outcome;
        try {
            outcome = registers.apply(event);
        } catch (SQLException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()).end();
            throw e;
        }
        span.setAttribute("wastetrace.outcome", outcome.name()).end();
        meters.counter("wastetrace.registry.projection.events", "topic", "bsd", "outcome", outcome.name().toLowerCase()).increment();
        if (outcome == RegisterProjection.Outcome.APPLIED) {
            recordLag(Duration.between(event.occurredAt(), Instant.now()));
        }
    }

    private boolean deadLetter(ConsumerRecord<String, String> record, String reason) {
        try {
            deadLetters.send(record, reason);
            meters.counter("wastetrace.registry.projection.events", "topic", "bsd", "outcome", "dead_letter").increment();
            handled.incrementAndGet();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.errorf("could not park %s-%d@%d on the dead-letter topic, will retry: %s", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return false;
        }
    }

    private static boolean isUnreachable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
