package io.nightwatch.health;

import io.nightwatch.text.Bytes;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.text.Durations;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.stack.ServiceSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Combines container facts and the service's own answer into one verdict with a reason a person can act on. */
public final class HealthEvaluator {

    /** A restart or OOM kill this recent still colours the tile. */
    static final Duration RECENT = Duration.ofMinutes(10);
    /** Memory use at which a finding is raised, and at which the tile turns DEGRADED. */
    public static final double MEMORY_WARNING = 0.80;
    public static final double MEMORY_PRESSURE = 0.90;

    private HealthEvaluator() {}

    /** @param swarm the Swarm service when the profile service runs as one ({@code container}: its current task's) */
    public record Input(ServiceSpec spec, EngineStatus engine, Optional<ContainerFacts> container,
                        Optional<MemoryUsage> memory, ProbeResult probe, Optional<Instant> lastOomKill, Instant now,
                        Optional<SwarmStatus> swarm) {

        public Input(ServiceSpec spec, EngineStatus engine, Optional<ContainerFacts> container,
                     Optional<MemoryUsage> memory, ProbeResult probe, Optional<Instant> lastOomKill, Instant now) {
            this(spec, engine, container, memory, probe, lastOomKill, now, Optional.empty());
        }
    }

    public static ServiceHealth evaluate(Input in) {
        List<String> findings = findings(in);
        Verdict verdict = in.swarm().isPresent() ? swarmVerdict(in, in.swarm().get()) : verdict(in);
        return new ServiceHealth(in.spec(), verdict.state, verdict.reason, in.container(), in.memory(), in.probe(),
                findings, in.now(), in.swarm());
    }

    /** The operator said {@code spec} does not run on its host: no container is looked for, nothing is probed. */
    public static ServiceHealth notDeployed(ServiceSpec spec, boolean byProfile, Instant now) {
        return new ServiceHealth(spec, HealthState.NOT_DEPLOYED, "not deployed on " + spec.host()
                + (byProfile ? " (profile)" : " (marked in the window)"), Optional.empty(), Optional.empty(),
                ProbeResult.notProbed("not deployed"), List.of(), now);
    }

    /**
     * A Swarm service: the replicas and the update state come first, the current task's container stands for the
     * rest. A replaced task is the Swarm's restart, so a recent failure colours the tile as a restart would.
     */
    private static Verdict swarmVerdict(Input in, SwarmStatus swarm) {
        String replicas = swarm.service().name() + " " + swarm.replicasText();
        if (!in.engine().reachable()) return verdict(in);
        Optional<io.nightwatch.docker.SwarmService.SwarmTask> task = swarm.task();
        String taskWords = task.map(t -> SwarmStatus.line(t, in.now())).orElse("no task");
        if (in.container().isEmpty() || !in.container().get().running()) {
            String why = in.container().filter(c -> !c.running()).map(c -> notRunning(c, in.now())).orElse(taskWords);
            if (swarm.nodeWithoutEngine().isPresent() && swarm.running() > 0) {
                return new Verdict(HealthState.UNKNOWN, replicas + "; task on node " + swarm.nodeWithoutEngine().get()
                        + ", which has no engine in the profile: health not measurable");
            }
            if (in.probe().healthy()) return new Verdict(HealthState.DEGRADED, replicas + "; " + why + ", but " + in.spec().health() + " answers");
            return new Verdict(HealthState.DOWN, replicas + "; " + why);
        }
        Verdict base = verdict(in);
        List<String> trouble = new ArrayList<>();
        if (swarm.desired() > 0 && swarm.running() < swarm.desired()) trouble.add(replicas);
        swarm.updateText().filter(t -> swarm.service().failed()).ifPresent(trouble::add);
        List<io.nightwatch.docker.SwarmService.SwarmTask> failed = swarm.recentFailures(in.now(), RECENT);
        if (!failed.isEmpty()) {
            trouble.add("task replaced " + Durations.human(Duration.between(failed.get(0).timestamp(), in.now())) + " ago"
                    + (failed.get(0).error().isEmpty() ? "" : " (" + failed.get(0).error() + ")")
                    + (failed.size() > 1 ? ", " + failed.size() + " failures in " + Durations.human(RECENT) : ""));
        }
        if (base.state == HealthState.UP && !trouble.isEmpty()) {
            return new Verdict(HealthState.DEGRADED, String.join("; ", trouble) + "; answers " + in.probe().detail());
        }
        String prefix = trouble.isEmpty() ? replicas : String.join("; ", trouble);
        return new Verdict(base.state, prefix + ", " + base.reason);
    }

    private record Verdict(HealthState state, String reason) {}

    private static Verdict verdict(Input in) {
        ProbeResult probe = in.probe();
        if (!in.engine().reachable()) {
            return new Verdict(HealthState.UNKNOWN, "engine unreachable at " + in.engine().address()
                    + (probe.healthy() ? "; endpoint still answers directly" : ""));
        }
        if (in.container().isEmpty()) {
            if (probe.healthy()) {
                return new Verdict(HealthState.DEGRADED, "no container " + in.spec().container() + " on " + in.spec().host()
                        + ", but " + in.spec().health() + " answers");
            }
            // On a Swarm manager the service may simply not be deployed: say that it was looked for as a service too.
            Optional<String> stack = in.engine().swarmServices().stream().map(io.nightwatch.docker.SwarmService::stack)
                    .filter(st -> !st.isEmpty()).sorted().findFirst();
            if (stack.isPresent()) {
                return new Verdict(HealthState.DOWN, "no Swarm service " + stack.get() + "_" + in.spec().name() + " and no container "
                        + in.spec().container() + " on " + in.spec().host());
            }
            return new Verdict(HealthState.DOWN, "no container " + in.spec().container() + " on " + in.spec().host());
        }
        ContainerFacts c = in.container().get();
        if (!c.running()) return new Verdict(HealthState.DOWN, notRunning(c, in.now()));

        String recentTrouble = recentTrouble(c, in.lastOomKill(), in.now());
        return switch (probe.outcome()) {
            case HEALTHY -> healthyAnswer(in, c, recentTrouble);
            case UNHEALTHY -> new Verdict(HealthState.DEGRADED, "container up, " + probe.detail());
            case TIMED_OUT -> new Verdict(HealthState.DEGRADED, "container up, " + probe.detail());
            case REFUSED -> new Verdict(HealthState.DOWN, "container up, but " + probe.detail());
            case UNREACHABLE, NOT_PROBED -> new Verdict(HealthState.UNKNOWN,
                    "container up, health not measurable: " + probe.detail());
        };
    }

    private static Verdict healthyAnswer(Input in, ContainerFacts c, String recentTrouble) {
        if (c.health() == HealthcheckStatus.UNHEALTHY) {
            return new Verdict(HealthState.DEGRADED, "answers, but the engine's healthcheck says unhealthy"
                    + (c.lastHealthOutput().isEmpty() ? "" : ": " + c.lastHealthOutput()));
        }
        if (!recentTrouble.isEmpty()) return new Verdict(HealthState.DEGRADED, recentTrouble);
        Optional<MemoryUsage> memory = in.memory().filter(m -> m.limitBytes() > 0 && c.memoryLimitBytes() > 0);
        if (memory.isPresent() && memory.get().fractionOfLimit() >= MEMORY_PRESSURE) {
            return new Verdict(HealthState.DEGRADED, String.format("memory at %.0f%% of its %s limit",
                    memory.get().fractionOfLimit() * 100, Bytes.human(memory.get().limitBytes())));
        }
        String uptime = c.startedAt().map(s -> "up " + Durations.human(Duration.between(s, in.now()))).orElse("up");
        String latency = in.probe().latency().map(l -> " in " + Durations.human(l)).orElse("");
        return new Verdict(HealthState.UP, uptime + ", " + in.probe().detail() + latency);
    }

    private static String notRunning(ContainerFacts c, Instant now) {
        String oom = c.oomKilled() ? ", OOM-killed" : "";
        String restarts = c.restartCount() > 0 ? ", restarted " + c.restartCount() + "×" : "";
        String ago = c.finishedAt().map(f -> " " + Durations.human(Duration.between(f, now)) + " ago").orElse("");
        return switch (c.state()) {
            case RESTARTING -> "restarting (exit " + c.exitCode() + oom + ")" + restarts;
            case EXITED -> "exited (code " + c.exitCode() + oom + ")" + ago + restarts;
            case DEAD -> "dead" + (c.error().isEmpty() ? "" : ": " + c.error()) + restarts;
            case CREATED -> "created but never started" + (c.error().isEmpty() ? "" : ": " + c.error());
            case PAUSED -> "paused";
            case REMOVING -> "being removed";
            default -> "container state " + c.state().label();
        };
    }

    /** "OOM-killed 2 min ago, restarted 3×" when the container came back from trouble recently. */
    private static String recentTrouble(ContainerFacts c, Optional<Instant> lastOom, Instant now) {
        Optional<Instant> oomAt = lastOom.filter(t -> Duration.between(t, now).compareTo(RECENT) < 0);
        boolean restartedRecently = c.restartCount() > 0 && c.startedAt()
                .map(s -> Duration.between(s, now).compareTo(RECENT) < 0).orElse(false);
        List<String> parts = new ArrayList<>();
        oomAt.ifPresent(t -> parts.add("OOM-killed " + Durations.human(Duration.between(t, now)) + " ago"));
        if (restartedRecently) parts.add("restarted " + c.restartCount() + "×");
        return String.join(", ", parts);
    }

    private static List<String> findings(Input in) {
        List<String> findings = new ArrayList<>();
        in.swarm().ifPresent(s -> findings.addAll(s.taskLines(in.now())));
        in.container().ifPresent(c -> {
            if (c.memoryLimitBytes() <= 0) findings.add("no memory limit");
            if (c.nanoCpus() <= 0) findings.add("no CPU limit");
            if (c.oomKilled()) findings.add("last exit was an OOM kill");
            if (c.restartCount() > 0 && in.swarm().isEmpty()) findings.add("restarted " + c.restartCount() + "×");
            if (c.health() == HealthcheckStatus.NONE) findings.add("no engine healthcheck");
        });
        in.memory().filter(m -> m.limitBytes() > 0 && in.container().map(c -> c.memoryLimitBytes() > 0).orElse(false))
                .filter(m -> m.fractionOfLimit() >= MEMORY_WARNING)
                .ifPresent(m -> findings.add(String.format("memory %.0f%% of limit", m.fractionOfLimit() * 100)));
        if (!in.probe().fallback().isEmpty()) findings.add("direct probe: " + in.probe().fallback());
        return findings;
    }
}
