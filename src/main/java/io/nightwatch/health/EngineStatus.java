package io.nightwatch.health;

import io.nightwatch.docker.SwarmService;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a host's engine answered, and what it said about itself.
 *
 * @param swarmServices the Swarm services (with their tasks) when the engine is a Swarm manager, else empty
 * @param checked false until the first attempt to reach the engine has finished ("checking", not "unreachable")
 */
public record EngineStatus(String host, String address, boolean checked, boolean reachable, Optional<String> version,
                           Optional<String> apiVersion, String error, Instant checkedAt, List<SwarmService> swarmServices) {

    public EngineStatus {
        swarmServices = List.copyOf(swarmServices);
    }

    /** The same status with the Swarm services this engine manages (empty when it is no manager). */
    public EngineStatus withSwarm(List<SwarmService> services) {
        return new EngineStatus(host, address, checked, reachable, version, apiVersion, error, checkedAt, services);
    }

    public static EngineStatus notCheckedYet(String host, String address, Instant at) {
        return new EngineStatus(host, address, false, false, Optional.empty(), Optional.empty(), "", at, List.of());
    }

    public static EngineStatus reachable(String host, String address, String version, String apiVersion, Instant at) {
        return new EngineStatus(host, address, true, true, Optional.ofNullable(version), Optional.ofNullable(apiVersion), "", at, List.of());
    }

    public static EngineStatus unreachable(String host, String address, String error, Instant at) {
        return new EngineStatus(host, address, true, false, Optional.empty(), Optional.empty(), error, at, List.of());
    }

    /** Checked and found not answering. */
    public boolean unreachable() {
        return checked && !reachable;
    }
}
