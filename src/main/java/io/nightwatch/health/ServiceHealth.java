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
 */
public record ServiceHealth(ServiceSpec spec, HealthState state, String reason, Optional<ContainerFacts> container,
                            Optional<MemoryUsage> memory, ProbeResult probe, List<String> findings, Instant checkedAt) {

    public ServiceHealth {
        findings = List.copyOf(findings);
    }

    public String id() { return spec.id(); }

    public Optional<String> version() { return container.map(ContainerFacts::imageTag); }

    public Optional<Duration> uptime() {
        return container.filter(ContainerFacts::running).flatMap(ContainerFacts::startedAt)
                .map(started -> Duration.between(started, checkedAt)).filter(d -> !d.isNegative());
    }

    public int restarts() { return container.map(ContainerFacts::restartCount).orElse(0); }
}
