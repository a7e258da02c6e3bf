package io.nightwatch.health;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a host's engine answered, and what it said about itself.
 *
 * @param checked false until the first attempt to reach the engine has finished ("checking", not "unreachable")
 */
public record EngineStatus(String host, String address, boolean checked, boolean reachable, Optional<String> version,
                           Optional<String> apiVersion, String error, Instant checkedAt) {

    public static EngineStatus notCheckedYet(String host, String address, Instant at) {
        return new EngineStatus(host, address, false, false, Optional.empty(), Optional.empty(), "", at);
    }

    public static EngineStatus reachable(String host, String address, String version, String apiVersion, Instant at) {
        return new EngineStatus(host, address, true, true, Optional.ofNullable(version), Optional.ofNullable(apiVersion), "", at);
    }

    public static EngineStatus unreachable(String host, String address, String error, Instant at) {
        return new EngineStatus(host, address, true, false, Optional.empty(), Optional.empty(), error, at);
    }

    /** Checked and found not answering. */
    public boolean unreachable() {
        return checked && !reachable;
    }
}
