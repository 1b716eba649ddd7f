package fr.wastetrace.webhook.stream;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.webhook.config.WebhookConfig;
import fr.wastetrace.webhook.delivery.Dispatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two consumers of the component, each in its own group so that both scale with their topic's partitions (any
 * number of replicas share them): the company events from the beginning (every setting ever published), the BSD
 * events from the end on the group's first start (history is not replayed to integrators; tests read from the
 * beginning of their own topics). Each poll is applied in one
 * transaction ({@link ChangeLog}), then its offsets are committed: at least once, harmless thanks to the versions.
 */
@ApplicationScoped
public class EventConsumers {
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;
    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    @Inject
    WebhookConfig config;
    @Inject
    ChangeLog changeLog;
    @Inject
    Dispatcher dispatcher;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final List<Loop> loops = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent event) {
        loops.add(new Loop("settings", config.topics().companyEvents(), "earliest"));
        loops.add(new Loop("changes", config.topics().bsdEvents(), config.consumer().changesReset()));
        loops.forEach(Loop::start);
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(Loop::stop);
    }

    /** True while every consumer loop runs (readiness). */
    public boolean running() {
        return !loops.isEmpty() && loops.stream().allMatch(loop -> loop.thread.isAlive());
    }

    private final class Loop {
        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics clientMetrics;
        private final Thread thread;
        private volatile boolean running = true;

        Loop(String name, String topic, String reset) {
            this.topic = topic;
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupPrefix() + "." + name);
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
            config.consumer().instanceId().filter(id -> !id.isBlank())
                    .ifPresent(id -> p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "-" + name));
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(p);
            this.clientMetrics = new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(consumer);
            this.thread = new Thread(this::run, "webhook-" + name + "-consumer");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                // The consumer's own metrics, among them its lag (kafka_consumer_fetch_manager_records_lag_max).
                clientMetrics.bindTo(meters);
                consumer.subscribe(List.of(topic));
                while (running) {
                    ConsumerRecords<String, String> records = consumer.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<EventEnvelope> events = decode(records);
                    int queued = applyUntilStored(events);
                    consumer.commitSync();
                    if (queued > 0) {
                        dispatcher.wake();
                    }
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.error("webhook consumer woken up unexpectedly", e);
                }
            } catch (RuntimeException e) {
                LOG.error("webhook consumer of " + topic + " stopped", e);
            } finally {
                clientMetrics.close();
                consumer.close();
            }
        }

        /** The trace context of each event of the current poll (its record's header), by event id. */
        private final java.util.Map<java.util.UUID, String> traceParents = new java.util.HashMap<>();

        private List<EventEnvelope> decode(ConsumerRecords<String, String> records) {
            List<EventEnvelope> events = new ArrayList<>(records.count());
            traceParents.clear();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    EventEnvelope event = EventCodec.decode(record.value());
                    events.add(event);
                    String traceParent = fr.wastetrace.tracing.KafkaTraceHeaders.traceParent(record.headers());
                    if (traceParent != null) {
                        traceParents.put(event.id(), traceParent);
                    }
                } catch (EventCodec.MalformedEventException e) {
                    LOG.warnf("skipping malformed event at %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
            return events;
        }

        /** A poll that cannot be stored (database down) is retried until it is: nothing is skipped. */
        private int applyUntilStored(List<EventEnvelope> events) {
            while (running) {
                try {
                    return changeLog.apply(events, traceParents);
                } catch (Exception e) {
                    LOG.errorf(e, "could not store %d events of %s, retrying", events.size(), topic);
                    try {
                        Thread.sleep(RETRY_DELAY.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return 0;
                    }
                }
            }
            throw new WakeupException();
        }

        void stop() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
