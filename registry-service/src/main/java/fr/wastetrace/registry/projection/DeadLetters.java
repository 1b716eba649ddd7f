package fr.wastetrace.registry.projection;

import fr.wastetrace.registry.config.KafkaClients;
import fr.wastetrace.registry.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks an event the projection could not apply on the dead-letter topic, unchanged (same key and value), with
 * headers saying where it came from and why. The send is acknowledged before the consumer moves on.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String HEADER_REASON = "wastetrace-dlt-reason";
    public static final String HEADER_TOPIC = "wastetrace-dlt-topic";
    public static final String HEADER_PARTITION = "wastetrace-dlt-partition";
    public static final String HEADER_OFFSET = "wastetrace-dlt-offset";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    KafkaClients kafka;
    @Inject
    RegistryConfig config;

    public void send(ConsumerRecord<String, String> record, String reason)
            throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, String> parked = new ProducerRecord<>(config.topics().deadLetters(), record.key(), record.value());
        parked.headers().add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        parked.headers().add(HEADER_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        parked.headers().add(HEADER_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        parked.headers().add(HEADER_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        kafka.producer().send(parked).get(30, TimeUnit.SECONDS);
        LOG.warnf("event %s-%d@%d (key %s) sent to %s: %s", record.topic(), record.partition(), record.offset(), record.key(),
                config.topics().deadLetters(), reason);
    }
}
