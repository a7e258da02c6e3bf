package io.nightwatch.store;

/** The alert history cannot be written where it is (permissions, an immutable file, a read-only mount). */
public final class ReadOnlyStoreException extends StoreException {
    public ReadOnlyStoreException(String message) {
        super(message);
    }
}
