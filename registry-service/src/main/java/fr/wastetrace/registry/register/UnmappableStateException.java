package fr.wastetrace.registry.register;

/** A BSD state the projection cannot turn into register lines: retrying will not help, it goes to the dead letters. */
public class UnmappableStateException extends RuntimeException {
    public UnmappableStateException(String message) {
        super(message);
    }
}
