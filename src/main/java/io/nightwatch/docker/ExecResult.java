package io.nightwatch.docker;

import java.time.Duration;

/**
 * The outcome of a command run inside a container.
 *
 * @param exitCode -1 when the command had not finished within the timeout
 */
public record ExecResult(int exitCode, String stdout, String stderr, Duration took) {
    public boolean timedOut() { return exitCode == -1; }
    public boolean succeeded() { return exitCode == 0; }
}
