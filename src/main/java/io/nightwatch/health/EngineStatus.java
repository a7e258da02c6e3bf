package io.nightwatch.health;

import java.time.Instant;
import java.util.Optional;

/** Whether a host's engine answered, and what it said about itself. */
public record EngineStatus(String host, String address, boolean reachable, Optional<String> version,
                           Optional<String> apiVersion, String error, Instant checkedAt) {

    public static EngineStatus reachable(String host, String address, String version, String apiVersion, Instant at) {
        return new EngineStatus(host, address, true, Optional.ofNullable(version), Optional.ofNullable(apiVersion), "", at);
    }

    public static EngineStatus unreachable(String host, String address, String error, Instant at) {
        return new EngineStatus(host, address, false, Optional.empty(), Optional.empty(), error, at);
    }
}
