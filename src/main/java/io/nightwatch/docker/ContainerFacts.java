package io.nightwatch.docker;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows about one container, free of docker-java types.
 *
 * @param memoryLimitBytes 0 when the container has no memory limit
 * @param nanoCpus         CPU limit in billionths of a CPU; 0 when there is none
 * @param lastHealthOutput the last healthcheck log line, trimmed
 */
public record ContainerFacts(String id, String name, String image, ContainerState state, HealthcheckStatus health,
                             String lastHealthOutput, int restartCount, boolean oomKilled, int exitCode,
                             Optional<Instant> startedAt, Optional<Instant> finishedAt, long memoryLimitBytes,
                             long nanoCpus, Map<String, String> labels, String error) {

    public ContainerFacts {
        labels = Map.copyOf(labels);
    }

    public boolean running() { return state == ContainerState.RUNNING; }

    /** The tag of the image reference, e.g. {@code v2.52.0}; "latest" when none is given. */
    public String imageTag() {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : "latest";
    }
}
