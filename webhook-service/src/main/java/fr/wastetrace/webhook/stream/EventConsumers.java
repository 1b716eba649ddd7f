package fr.wastetrace.webhook.stream;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.kafka.consumer.ConsumerLoop;
import fr.wastetrace.kafka.consumer.ConsumerLoops;
import fr.wastetrace.kafka.consumer.PoisonRecordException;
import fr.wastetrace.tracing.KafkaTraceHeaders;
import fr.wastetrace.webhook.config.WebhookConfig;
import fr.wastetrace.webhook.delivery.Dispatcher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two consumers of the component, each a {@link ConsumerLoop} in its own group so that both scale with their
 * topic's partitions (any number of replicas share them): the company events from the beginning (every setting ever
 * published), the BSD events from the end on the group's first start (history is not replayed to integrators; tests
 * read from the beginning of their own topics). Each poll is applied in one transaction ({@link ChangeLog}), then its
 * offsets are committed: at least once, harmless thanks to the versions. When the poll holds an event that cannot be
 * decoded, or its transaction fails, the events are applied one by one, in partition order (the order of a BSD's
 * events, so of the deliveries to each endpoint, is kept); an event that cannot be decoded goes to the dead-letter
 * topic at once, one that cannot be stored after the configured tries, and while the database is down the loop waits.
 */
@ApplicationScoped
public class EventConsumers {
    public static final String SETTINGS = "webhook-settings";
    public static final String CHANGES = "webhook-changes";

    @Inject
    WebhookConfig config;
    @Inject
    ChangeLog changeLog;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ConsumerLoops loops;

    void start(@Observes StartupEvent event) {
        start(SETTINGS);
        start(CHANGES);
    }

    /** Starts one of the two loops ({@link #SETTINGS}, {@link #CHANGES}); at startup, and by a test that killed it. */
    public void start(String loop) {
        if (loop.equals(SETTINGS)) {
            start(SETTINGS, "settings", config.topics().companyEvents(), "earliest");
        } else {
            start(CHANGES, "changes", config.topics().bsdEvents(), config.consumer().changesReset());
        }
    }

    private void start(String loop, String name, String topic, String reset) {
        ConsumerLoop.Builder builder = loops.loop(loop)
                .subscribe(config.consumer().groupPrefix() + "." + name, topic)
                .property(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset)
                .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
                .pollTimeout(Duration.ofMillis(200))
                .batchHandler(this::applyAll)
                .handler(record -> apply(List.of(record)));
        config.consumer().instanceId().filter(id -> !id.isBlank())
                .ifPresent(id -> builder.property(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "-" + name));
        builder.build().start();
    }

    /** The whole poll in one transaction; false (one by one) when one of its records cannot be decoded. */
    private boolean applyAll(List<ConsumerRecord<String, String>> records) throws Exception {
        try {
            apply(records);
            return true;
        } catch (PoisonRecordException e) {
            return false;
        }
    }

    private void apply(List<ConsumerRecord<String, String>> records) throws Exception {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        Map<UUID, String> traceParents = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event;
            try {
                event = EventCodec.decode(record.value());
            } catch (EventCodec.MalformedEventException | NullPointerException e) {
                throw new PoisonRecordException("malformed event: " + e.getMessage(), e);
            }
            events.add(event);
            String traceParent = KafkaTraceHeaders.traceParent(record.headers());
            if (traceParent != null) {
                traceParents.put(event.id(), traceParent);
            }
        }
        if (changeLog.apply(events, traceParents) > 0) {
            dispatcher.wake();
        }
    }
}
