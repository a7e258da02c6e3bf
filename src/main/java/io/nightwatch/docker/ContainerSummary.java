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
}
