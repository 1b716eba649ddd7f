package fr.wastetrace.bsd.company;

import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.subgraph.ReadModelCatchUp;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Feeds {@link CompanyDirectory} from the company events topic. Offsets are committed after the read model's
 * transaction commits, so a crash replays events, which the version guard makes harmless. An event that cannot be
 * decoded is logged and skipped (it can never become valid); a failure to store one is retried until it succeeds.
 * Each applied event releases the requests waiting for it (read-your-writes, {@link ReadModelCatchUp}).
 */
@ApplicationScoped
public class CompanyEventsConsumer {
    private static final Logger LOG = Logger.getLogger(CompanyEventsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    @Inject
    CompanyDirectory directory;
    @Inject
    ReadModelCatchUp catchUp;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "wastetrace.company-events.topic")
    String topic;
    @ConfigProperty(name = "wastetrace.company-events.group")
    String group;
    @ConfigProperty(name = "wastetrace.company-events.enabled", defaultValue = "true")
    boolean enabled;

    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        running = true;
        thread = new Thread(this::run, "company-events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                var records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    applyOne(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("company events consumer stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("skipping malformed company event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        while (running) {
            try {
                directory.apply(event);
                catchUp.applied(WrittenPositions.company(event.aggregateId()), event.version());
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not apply company event %s, retrying", event.id());
                sleepBeforeRetry();
            }
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
