package fr.wastetrace.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Where a loop parks a record it gives up on. {@link #topic(Producer)} sends it, unchanged (same key, value and
 * headers), to {@code <topic>.dlt} with headers saying where it came from, who gave up and why, and waits for Kafka's
 * acknowledgement before the loop commits past it. {@link #logOnly()} only logs it, for consumers that must not
 * publish it again (a replay of a topic the live consumers already parked its poison records from).
 */
@FunctionalInterface
public interface DeadLetters {
    String SUFFIX = ".dlt";
    String HEADER_CONSUMER = "wastetrace-dlt-consumer";
    String HEADER_TOPIC = "wastetrace-dlt-topic";
    String HEADER_PARTITION = "wastetrace-dlt-partition";
    String HEADER_OFFSET = "wastetrace-dlt-offset";
    String HEADER_TRIES = "wastetrace-dlt-tries";
    String HEADER_ERROR_CLASS = "wastetrace-dlt-error-class";
    String HEADER_ERROR_MESSAGE = "wastetrace-dlt-error-message";

    /** Parks {@code record}; returns once it is safely stored, throws when it could not be (the loop retries). */
    void park(String consumer, ConsumerRecord<String, String> record, Throwable error, int tries) throws Exception;

    static String topicOf(String topic) {
        return topic + SUFFIX;
    }

    static DeadLetters topic(Producer<String, String> producer) {
        Logger log = Logger.getLogger(DeadLetters.class);
        return (consumer, record, error, tries) -> {
            String target = topicOf(record.topic());
            ProducerRecord<String, String> parked = new ProducerRecord<>(target, null, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray()));
            Headers headers = parked.headers();
            for (String name : new String[]{HEADER_CONSUMER, HEADER_TOPIC, HEADER_PARTITION, HEADER_OFFSET, HEADER_TRIES,
                    HEADER_ERROR_CLASS, HEADER_ERROR_MESSAGE}) {
                headers.remove(name);
            }
            add(headers, HEADER_CONSUMER, consumer);
            add(headers, HEADER_TOPIC, record.topic());
            add(headers, HEADER_PARTITION, Integer.toString(record.partition()));
            add(headers, HEADER_OFFSET, Long.toString(record.offset()));
            add(headers, HEADER_TRIES, Integer.toString(tries));
            add(headers, HEADER_ERROR_CLASS, error.getClass().getName());
            add(headers, HEADER_ERROR_MESSAGE, String.valueOf(error.getMessage()));
            producer.send(parked).get(30, TimeUnit.SECONDS);
            log.warnf("%s: record %s-%d@%d (key %s) sent to %s after %d tries: %s", consumer, record.topic(),
                    record.partition(), record.offset(), record.key(), target, tries, error.toString());
        };
    }

    static DeadLetters logOnly() {
        Logger log = Logger.getLogger(DeadLetters.class);
        return (consumer, record, error, tries) -> log.warnf("%s: skipped record %s-%d@%d (key %s) after %d tries: %s",
                consumer, record.topic(), record.partition(), record.offset(), record.key(), tries, error.toString());
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
