package io.nightwatch.flow;

import java.util.List;

/**
 * Error-level log lines of one container.
 *
 * @param perSecond rate over the last round
 * @param lastLines the most recent error lines, newest last
 */
public record ContainerErrors(String serviceId, String container, double perSecond, long total, List<String> lastLines,
                              Series history, String problem) {
    public ContainerErrors {
        lastLines = List.copyOf(lastLines);
    }
}
