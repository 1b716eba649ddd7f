package fr.wastetrace.kafka.consumer;

/**
 * Thrown by a handler for a record that can never be handled, however often it is retried (it cannot be decoded, it
 * describes a state the consumer cannot map): the loop parks it on the dead-letter topic at once, without retrying.
 */
public class PoisonRecordException extends Exception {
    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonRecordException(String message) {
        super(message);
    }
}
