package io.nightwatch.store;

/** The alert store cannot do what was asked; the message says which file and why, in operator terms. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
