package io.nightwatch.health;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.docker.SwarmService.SwarmTask;
import io.nightwatch.text.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A profile service that runs as a Swarm service: the service as the manager sees it, the task whose container
 * stands for it now, and whether Nightwatch can reach the node that task runs on.
 *
 * @param task        the current task (see {@link SwarmService#currentTask()})
 * @param nodeWithoutEngine the node of the task when the profile names no engine for it (then nothing can be
 *                    asked inside the task: no exec probe, flow readings, log lines, disk headroom or backup)
 */
public record SwarmStatus(SwarmService service, Optional<SwarmTask> task, Optional<String> nodeWithoutEngine) {

    private static final Texts T = Texts.of(SwarmStatus.class);

    /** How many failed tasks are shown on the tile (the engine keeps 5 per slot by default). */
    static final int FAILURES_SHOWN = 3;

    public long desired() { return service.replicas(); }

    public long running() { return service.running(); }

    /** "1/1 running" (global services: "2 running"). */
    public String replicasText() {
        return desired() > 0 ? T.get("swarm.replicas", running(), desired()) : T.get("swarm.replicas.global", running());
    }

    /** The engine's update state when it is not the quiet "completed" or "never updated". */
    public Optional<String> updateText() {
        String state = service.updateState();
        if (state.isEmpty() || state.equals("completed")) return Optional.empty();
        String words = state.replace('_', ' ');
        return Optional.of(T.get("swarm.update", words.startsWith("rollback") ? words : words.replace("update ", ""))
                + (service.updateMessage().isEmpty() ? "" : ": " + service.updateMessage()));
    }

    /** Failed tasks within {@code window}: the Swarm's way of restarting a service. */
    public List<SwarmTask> recentFailures(Instant now, Duration window) {
        return service.failures().stream().filter(t -> Duration.between(t.timestamp(), now).compareTo(window) < 0)
                .sorted(java.util.Comparator.comparing(SwarmTask::timestamp).reversed()).toList();
    }

    /** One line per current task and per recent failure: state, node, error. */
    public List<String> taskLines(Instant now) {
        List<String> lines = new ArrayList<>();
        for (SwarmTask t : service.current()) lines.add(line(t, now));
        service.failures().stream().sorted(java.util.Comparator.comparing(SwarmTask::timestamp).reversed())
                .limit(FAILURES_SHOWN).forEach(t -> lines.add(line(t, now)));
        nodeWithoutEngine.ifPresent(n -> lines.add(T.get("swarm.nodeWithoutEngine", n)));
        return lines;
    }

    static String line(SwarmTask t, Instant now) {
        String when = t.timestamp().equals(Instant.EPOCH) ? "" : " " + T.get("reason.ago", Formats.duration(Duration.between(t.timestamp(), now)));
        String node = t.nodeName().isEmpty() ? "" : " " + T.get("swarm.onNode", t.nodeName());
        String err = !t.error().isEmpty() ? ": " + t.error() : "";
        return T.get("swarm.task", t.slot(), t.state()) + node + when + err;
    }
}
