package fr.wastetrace.registry.projection;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.kafka.consumer.ConsumerLoop;
import fr.wastetrace.kafka.consumer.ConsumerLoops;
import fr.wastetrace.kafka.consumer.DeadLetters;
import fr.wastetrace.kafka.consumer.PoisonRecordException;
import fr.wastetrace.registry.company.CompanyAccessProjection;
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
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projection's consumer: one member of the group {@code wastetrace.registry.consumer.group-id} per replica
 * (partitions spread over replicas), reading BSD and company events through the shared {@link ConsumerLoop}. A poll
 * of BSD events is applied in one database transaction; when that fails or the poll holds other records, the records
 * are applied one by one, each in its own. Offsets are committed only after those commits. An event that cannot be
 * decoded or mapped goes to the dead-letter topic at once, one that fails otherwise after
 * {@code wastetrace.registry.consumer.max-attempts} tries; while the database is unreachable the loop waits, nothing
 * is skipped, and readiness goes down. The version guard of {@link RegisterProjection} makes redeliveries harmless.
 */
@ApplicationScoped
public class ProjectionConsumer {
    public static final String LOOP = "registry-projection";

    @Inject
    Tracer tracer;
    @Inject
    RegistryConfig config;
    @Inject
    RegisterProjection registers;
    @Inject
    CompanyAccessProjection companies;
    @Inject
    ReadModelCatchUp catchUp;
    @Inject
    ConsumerLoops loops;
    @Inject
    RunMode runMode;
    @Inject
    MeterRegistry meters;

    private volatile ConsumerLoop loop;
    private Timer lag;
    private volatile Long lastLagMillis;

    void onStart(@Observes StartupEvent event) {
        lag = Timer.builder("wastetrace.registry.projection.lag")
                .description("From a BSD change's commit to its register lines' commit")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        if (config.consumer().enabled() && !runMode.isRebuildCommand()) {
            start();
        }
    }

    public synchronized void start() {
        if (loop != null && loop.state() == ConsumerLoop.State.RUNNING) {
            return;
        }
        DeadLetters parking = loops.deadLetters();
        ConsumerLoop.Builder builder = loops.loop(LOOP)
                .subscribe(config.consumer().groupId(), config.topics().bsdEvents(), config.topics().companyEvents())
                // A poll is applied in one transaction whose statement count does not grow with its size
                // (RegisterProjection): bigger polls mean fewer commits when catching up.
                .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000)
                .maxTries(config.consumer().maxAttempts())
                .retryBackoff(config.consumer().retryBackoff())
                .deadLetters((name, record, error, tries) -> {
                    parking.park(name, record, error, tries);
                    meters.counter("wastetrace.registry.projection.events", "topic", topicLabel(record.topic()),
                            "outcome", "dead_letter").increment();
                })
                .handler(this::handle)
                .batchHandler(this::applyBatch);
        config.consumer().instanceId().filter(id -> !id.isBlank())
                .ifPresent(id -> builder.property(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        loop = builder.build().start();
    }

    /** Leaves the group after the current event (its offset committed); used by tests. */
    public synchronized void stop() {
        ConsumerLoop current = loop;
        if (current != null) {
            current.stop();
        }
    }

    public boolean isRunning() {
        ConsumerLoop current = loop;
        return current != null && current.status().state() == ConsumerLoop.State.RUNNING;
    }

    /** True while the database or Kafka is unreachable and the consumer waits to retry. */
    public boolean isBlocked() {
        ConsumerLoop current = loop;
        return current != null && current.status().blocked();
    }

    /** The loop's state, for health; empty when it never started. */
    public Optional<ConsumerLoop.Status> status() {
        ConsumerLoop current = loop;
        return current == null ? Optional.empty() : Optional.of(current.status());
    }

    /** From the commit of the last BSD change applied to its register lines' commit; empty before the first one. */
    public Optional<Long> lastLagMillis() {
        return Optional.ofNullable(lastLagMillis);
    }

    /** Records done with (applied, stale or parked) by the current loop. */
    public long handledCount() {
        ConsumerLoop current = loop;
        if (current == null) {
            return 0;
        }
        ConsumerLoop.Status status = current.status();
        return status.handled() + status.deadLettered();
    }

    private void recordLag(Duration observed) {
        lag.record(observed);
        lastLagMillis = observed.toMillis();
    }

    private String topicLabel(String topic) {
        return topic.equals(config.topics().companyEvents()) ? "company" : "bsd";
    }

    /**
     * Applies a whole poll of BSD events in one transaction. False when the poll holds anything else (company events,
     * an undecodable record); throws when the batch fails (rolled back): the loop then hands the records one by one
     * to {@link #handle}, with its retries and dead letters.
     */
    private boolean applyBatch(List<ConsumerRecord<String, String>> records) throws SQLException {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<String> traceParents = new ArrayList<>(records.size());
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
        return true;
    }

    private void handle(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            throw new PoisonRecordException("empty record");
        }
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventCodec.MalformedEventException e) {
            throw new PoisonRecordException("malformed envelope: " + e.getMessage(), e);
        }
        try {
            apply(record.topic(), event, KafkaTraceHeaders.traceParent(record.headers()));
        } catch (UnmappableStateException e) {
            throw new PoisonRecordException("unmappable state: " + e.getMessage(), e);
        }
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
}
