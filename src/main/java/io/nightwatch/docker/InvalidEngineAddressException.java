package io.nightwatch.docker;

/** An engine address that cannot be used as written: the operator's to fix (exit 64), never worth a retry. */
public class InvalidEngineAddressException extends IllegalArgumentException {

    public InvalidEngineAddressException(String message) {
        super(message);
    }
}
