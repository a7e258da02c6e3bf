package io.nightwatch.docker;

import java.util.Map;

/**
 * A container as listed by the engine (for discovery).
 *
 * @param publishedPorts container port → host port, for TCP ports published on the engine's host
 */
public record ContainerSummary(String id, String name, String image, ContainerState state, Map<String, String> labels,
                               Map<Integer, Integer> publishedPorts) {
    public ContainerSummary {
        labels = Map.copyOf(labels);
        publishedPorts = Map.copyOf(publishedPorts);
    }

    /** A short-lived helper Nightwatch started (label {@link DockerGateway#HELPER_LABEL}): not part of the stack. */
    public boolean nightwatchHelper() {
        return "true".equals(labels.get(DockerGateway.HELPER_LABEL));
    }
}
