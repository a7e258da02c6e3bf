package io.nightwatch.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a container is set up for operation, as the engine records it: what the readiness audit judges. Env values
 * are here because the audit must tell a default password from a strong one; nothing may print them.
 *
 * @param image              the reference it was created from, e.g. {@code prom/prometheus:v2.52.0}
 * @param repoDigests        the image's registry digests ({@code name@sha256:…}); empty for a local-only image
 * @param healthTest         the engine healthcheck ({@code CMD-SHELL wget …} or {@code CMD /bin/x …}); empty: none
 * @param restartPolicy      "no", "always", "unless-stopped", "on-failure" ("" read as "no")
 * @param memoryLimitBytes   0: no limit
 * @param memoryReservationBytes 0: none
 * @param nanoCpus           CPU limit in billionths of a CPU; 0: none
 * @param stopTimeout        empty: the engine's default (10 s)
 * @param stopSignal         empty: SIGTERM
 * @param logDriver          e.g. json-file, local, journald
 */
public record ContainerSetup(String name, String image, List<String> repoDigests, Map<String, String> env,
                             Map<String, String> labels, List<String> healthTest, Duration healthInterval,
                             String restartPolicy, int restartMaxRetries, int restartCount, boolean oomKilled,
                             long memoryLimitBytes, long memoryReservationBytes, long nanoCpus,
                             Optional<Duration> stopTimeout, Optional<String> stopSignal, String logDriver,
                             Map<String, String> logOptions, List<Mount> mounts, boolean running) {

    /** Docker's stop timeout when a container names none. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** A mount: {@code volume} (with its name), {@code bind} (with the host path) or {@code tmpfs}. */
    public record Mount(String type, String source, String destination) {}

    public ContainerSetup {
        repoDigests = List.copyOf(repoDigests);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        healthTest = List.copyOf(healthTest);
        logOptions = Map.copyOf(logOptions);
        mounts = List.copyOf(mounts);
    }

    public boolean hasHealthcheck() {
        return !healthTest.isEmpty() && !"NONE".equals(healthTest.get(0));
    }

    public Duration effectiveStopTimeout() {
        return stopTimeout.orElse(DEFAULT_STOP_TIMEOUT);
    }

    /** The compose service name, if compose made it. */
    public Optional<String> composeService() {
        return Optional.ofNullable(labels.get("com.docker.compose.service"));
    }

    public Optional<Mount> mountAt(String destination) {
        return mounts.stream().filter(m -> m.destination().equals(destination)).findFirst();
    }
}
