package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthState;
import io.nightwatch.stack.DockerHostSpec;

import java.util.List;

/**
 * What a host section's header shows about its Docker engine, already worded, and the Swarm services it manages (the
 * stack in production runs as one).
 */
public record HostFacts(String name, String address, EngineState engine, String engineLine, String error, List<SwarmRow> swarm) {

    private static final Texts T = Texts.of(HostFacts.class);

    public HostFacts {
        swarm = List.copyOf(swarm);
    }

    /**
     * One Swarm service, worded: "2/2 running", "update paused: task failed", the image a rollback returns to, and its
     * tasks one by one.
     */
    public record SwarmRow(String name, String image, HealthState state, String replicas, String update, String rollbackTo,
                           List<String> tasks) {

        static SwarmRow of(SwarmService s) {
            HealthState state = s.failed() || (s.replicas() > 0 && s.running() == 0) ? HealthState.DOWN
                    : s.converged() ? HealthState.UP : HealthState.DEGRADED;
            String update = switch (s.updateState()) {
                case "" -> "";
                case "updating" -> T.get("swarm.updating");
                case "rollback_started" -> T.get("swarm.rollingBack");
                case "completed" -> T.get("swarm.updateCompleted");
                case "rollback_completed" -> T.get("swarm.rolledBack");
                default -> s.updateState().replace('_', ' ') + (s.updateMessage().isEmpty() ? "" : ": " + s.updateMessage());
            };
            List<String> tasks = s.current().stream().map(t -> "." + t.slot() + " " + t.state()
                    + (t.image().equals(s.image()) ? "" : " (" + t.image() + ")") + (t.error().isEmpty() ? "" : " — " + t.error())).toList();
            return new SwarmRow(s.name(), s.image(), state, T.get("swarm.running", s.running(), s.replicas() == 0 ? T.get("swarm.global") : s.replicas()),
                    update, s.previousImage().map(p -> T.get("swarm.rollbackTo", p)).orElse(""), tasks);
        }
    }

    /** Whether the engine has answered; CHECKING until the first answer or failure. */
    public enum EngineState { CHECKING, REACHABLE, UNREACHABLE }

    static HostFacts checking(DockerHostSpec host) {
        String address = host.address().orElseGet(() -> T.get("host.defaultAddress"));
        return new HostFacts(host.name(), address, EngineState.CHECKING, T.get("host.checking"), "", List.of());
    }

    static HostFacts of(EngineStatus status) {
        if (status.reachable()) {
            String line = "Docker " + status.version().orElse("?") + " · API " + status.apiVersion().orElse("?");
            return new HostFacts(status.host(), status.address(), EngineState.REACHABLE, line, "",
                    status.swarmServices().stream().map(SwarmRow::of).toList());
        }
        if (!status.checked()) {
            return new HostFacts(status.host(), status.address(), EngineState.CHECKING, T.get("host.checking"), "", List.of());
        }
        return new HostFacts(status.host(), status.address(), EngineState.UNREACHABLE,
                T.get("host.unreachableAt", status.address()), status.error(), List.of());
    }
}
