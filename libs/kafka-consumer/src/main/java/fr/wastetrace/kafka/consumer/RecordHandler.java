package fr.wastetrace.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one record. It may be called again for the same record (a retry, a redelivery after a rebalance or a
 * crash): it must be idempotent. Throw {@link PoisonRecordException} for a record that can never be handled.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record) throws Exception;
}
