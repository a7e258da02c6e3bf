package io.nightwatch.health;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.stack.ServiceSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one health tile shows: the verdict with its one-line reason, the container facts behind it and
 * the probe that was made.
 *
 * @param findings standing observations that are not the verdict itself ("no memory limit", "restarted 3×")
 * @param swarm    the Swarm service and its current task when the service runs as one; {@code container} is then
 *                 that task's container
 * @param offBaseline in words, how far the service's queries are off its performance baseline (empty when within it)
 */
public record ServiceHealth(ServiceSpec spec, HealthState state, String reason, Optional<ContainerFacts> container,
                            Optional<MemoryUsage> memory, ProbeResult probe, List<String> findings, Instant checkedAt,
                            Optional<SwarmStatus> swarm, Optional<String> offBaseline) {

    public ServiceHealth {
        findings = List.copyOf(findings);
        offBaseline = offBaseline == null ? Optional.empty() : offBaseline;
    }

    public ServiceHealth(ServiceSpec spec, HealthState state, String reason, Optional<ContainerFacts> container,
                         Optional<MemoryUsage> memory, ProbeResult probe, List<String> findings, Instant checkedAt,
                         Optional<SwarmStatus> swarm) {
        this(spec, state, reason, container, memory, probe, findings, checkedAt, swarm, Optional.empty());
    }

    /** The same verdict with the baseline recorder's judgement added. */
    public ServiceHealth withOffBaseline(Optional<String> words) {
        return new ServiceHealth(spec, state, reason, container, memory, probe, findings, checkedAt, swarm, words);
    }

    /** A service run as a container of its own (not a Swarm service). */
    public ServiceHealth(ServiceSpec spec, HealthState state, String reason, Optional<ContainerFacts> container,
                         Optional<MemoryUsage> memory, ProbeResult probe, List<String> findings, Instant checkedAt) {
        this(spec, state, reason, container, memory, probe, findings, checkedAt, Optional.empty());
    }

    public String id() { return spec.id(); }

    public Optional<String> version() { return container.map(ContainerFacts::imageTag); }

    public Optional<Duration> uptime() {
        return container.filter(ContainerFacts::running).flatMap(ContainerFacts::startedAt)
                .map(started -> Duration.between(started, checkedAt)).filter(d -> !d.isNegative());
    }

    /** The container's restarts; for a Swarm service the failed tasks the engine still remembers (it replaces, not restarts). */
    public int restarts() {
        if (swarm.isPresent()) return swarm.get().service().failures().size();
        return container.map(ContainerFacts::restartCount).orElse(0);
    }
}
