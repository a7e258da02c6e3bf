package io.nightwatch.docker;

/** The container cannot run the command at all (no shell, no such binary, not running). */
public class ExecUnavailableException extends Exception {
    public ExecUnavailableException(String message) {
        super(message);
    }
}
