package io.nightwatch.ui.dashboard;

import io.nightwatch.health.EngineStatus;
import io.nightwatch.stack.DockerHostSpec;

/** What a host section's header shows about its Docker engine, already worded. */
public record HostFacts(String name, String address, EngineState engine, String engineLine, String error) {

    /** Whether the engine has answered; CHECKING until the first answer or failure. */
    public enum EngineState { CHECKING, REACHABLE, UNREACHABLE }

    static HostFacts checking(DockerHostSpec host) {
        String address = host.address().orElse("the engine from DOCKER_HOST or the Docker context");
        return new HostFacts(host.name(), address, EngineState.CHECKING, "checking the engine…", "");
    }

    static HostFacts of(EngineStatus status) {
        if (status.reachable()) {
            String line = "Docker " + status.version().orElse("?") + " · API " + status.apiVersion().orElse("?");
            return new HostFacts(status.host(), status.address(), EngineState.REACHABLE, line, "");
        }
        if (!status.checked()) {
            return new HostFacts(status.host(), status.address(), EngineState.CHECKING, "checking the engine…", "");
        }
        return new HostFacts(status.host(), status.address(), EngineState.UNREACHABLE,
                "engine unreachable at " + status.address(), status.error());
    }
}
