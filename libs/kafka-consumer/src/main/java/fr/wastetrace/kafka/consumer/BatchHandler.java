package fr.wastetrace.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * An optional fast path: handles every record of a poll at once (one transaction, say). It returns true when all of
 * them are handled; false when it does not apply to these records, and throws when it failed, having changed nothing
 * (rolled back). In both latter cases the loop hands the records one by one to the {@link RecordHandler}, with its
 * retries and dead letters, as if the batch had not been tried.
 */
@FunctionalInterface
public interface BatchHandler {
    boolean handleAll(List<ConsumerRecord<String, String>> records) throws Exception;
}
