package io.nightwatch.health;

import java.time.Instant;
import java.util.List;

/** All tiles and engines at one moment; the unit the core hands to its listeners. */
public record HealthSnapshot(Instant takenAt, List<EngineStatus> engines, List<ServiceHealth> services) {

    public HealthSnapshot {
        engines = List.copyOf(engines);
        services = List.copyOf(services);
    }

    public boolean anyEngineUnreachable() {
        return engines.stream().anyMatch(EngineStatus::unreachable);
    }

    public HealthState worstState() {
        return services.stream().map(ServiceHealth::state).reduce(HealthState.UP, (a, b) -> b.worseThan(a) ? b : a);
    }

    /** The CLI's contract: 0 all UP, 1 any DEGRADED/UNKNOWN, 2 any DOWN, 3 an engine unreachable. */
    public int exitCode() {
        if (anyEngineUnreachable()) return 3;
        return switch (worstState()) {
            case NOT_DEPLOYED, UP -> 0;
            case UNKNOWN, DEGRADED -> 1;
            case DOWN -> 2;
        };
    }
}
