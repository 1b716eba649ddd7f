package fr.wastetrace.kafka.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's consumer loops: builds them with the service's defaults (the {@code wastetrace.consumers.*}
 * settings, the dead-letter producer, the meter registry), knows those started on a thread of their own (for
 * {@link ConsumerLoopsHealth}), and stops them at shutdown before closing the dead-letter producer.
 */
@ApplicationScoped
public class ConsumerLoops {
    @Inject
    MeterRegistry meters;
    @Inject
    ConsumersConfig config;

    private final Map<String, ConsumerLoop> loops = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;

    /** A builder with this service's defaults; the loop is known to health once started. */
    public ConsumerLoop.Builder loop(String name) {
        return ConsumerLoop.builder(name)
                .property(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers())
                .retryPolicy(RetryPolicy.defaults().withMaxTries(config.maxTries()).withBackoff(config.retryBackoff()))
                .stallTimeout(config.stallTimeout())
                .deadLetters(deadLetters())
                .meters(meters)
                .onStart(this::register);
    }

    /** Parks records on {@code <topic>.dlt} with the service's producer (created on first use). */
    public DeadLetters deadLetters() {
        return (consumer, record, error, tries) -> DeadLetters.topic(producer()).park(consumer, record, error, tries);
    }

    void register(ConsumerLoop loop) {
        ConsumerLoop previous = loops.put(loop.name(), loop);
        if (previous != null && previous != loop) {
            previous.removeMeters();
        }
    }

    public Collection<ConsumerLoop> all() {
        return List.copyOf(loops.values());
    }

    public Optional<ConsumerLoop> named(String name) {
        return Optional.ofNullable(loops.get(name));
    }

    public Optional<Long> readyMaxLag() {
        return config.readyMaxLag();
    }

    /** Idempotent and acks=all: a record is on the dead-letter topic before the loop commits past it. */
    public synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    void stopAll(@Observes ShutdownEvent event) {
        loops.values().forEach(ConsumerLoop::stop);
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }
}
