package io.nightwatch.health;

import io.nightwatch.text.Bytes;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(HealthEvaluator.class);

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
        return new ServiceHealth(spec, HealthState.NOT_DEPLOYED, T.get(byProfile ? "reason.notDeployed.profile" : "reason.notDeployed.window", spec.host()), Optional.empty(), Optional.empty(),
                ProbeResult.notProbed(T.get("probe.notDeployed")), List.of(), now);
    }

    /**
     * A Swarm service: the replicas and the update state come first, the current task's container stands for the
     * rest. A replaced task is the Swarm's restart, so a recent failure colours the tile as a restart would.
     */
    private static Verdict swarmVerdict(Input in, SwarmStatus swarm) {
        String replicas = swarm.service().name() + " " + swarm.replicasText();
        if (!in.engine().reachable()) return verdict(in);
        Optional<io.nightwatch.docker.SwarmService.SwarmTask> task = swarm.task();
        String taskWords = task.map(t -> SwarmStatus.line(t, in.now())).orElseGet(() -> T.get("swarm.noTask"));
        if (in.container().isEmpty() || !in.container().get().running()) {
            String why = in.container().filter(c -> !c.running()).map(c -> notRunning(c, in.now())).orElse(taskWords);
            if (swarm.nodeWithoutEngine().isPresent() && swarm.running() > 0) {
                return new Verdict(HealthState.UNKNOWN, T.get("reason.swarm.nodeWithoutEngine", replicas, swarm.nodeWithoutEngine().get()));
            }
            if (in.probe().healthy()) return new Verdict(HealthState.DEGRADED, T.get("reason.swarm.answers", replicas, why, in.spec().health()));
            return new Verdict(HealthState.DOWN, replicas + "; " + why);
        }
        Verdict base = verdict(in);
        List<String> trouble = new ArrayList<>();
        if (swarm.desired() > 0 && swarm.running() < swarm.desired()) trouble.add(replicas);
        swarm.updateText().filter(t -> swarm.service().failed()).ifPresent(trouble::add);
        List<io.nightwatch.docker.SwarmService.SwarmTask> failed = swarm.recentFailures(in.now(), RECENT);
        if (!failed.isEmpty()) {
            trouble.add(T.get("swarm.taskReplaced", Formats.duration(Duration.between(failed.get(0).timestamp(), in.now())))
                    + (failed.get(0).error().isEmpty() ? "" : " (" + failed.get(0).error() + ")")
                    + (failed.size() > 1 ? ", " + T.get("swarm.failuresIn", failed.size(), Formats.duration(RECENT)) : ""));
        }
        if (base.state == HealthState.UP && !trouble.isEmpty()) {
            return new Verdict(HealthState.DEGRADED, T.get("reason.swarm.degraded", String.join("; ", trouble), in.probe().detail()));
        }
        String prefix = trouble.isEmpty() ? replicas : String.join("; ", trouble);
        return new Verdict(base.state, prefix + ", " + base.reason);
    }

    private record Verdict(HealthState state, String reason) {}

    private static Verdict verdict(Input in) {
        ProbeResult probe = in.probe();
        if (!in.engine().reachable()) {
            return new Verdict(HealthState.UNKNOWN, T.get(probe.healthy() ? "reason.engineUnreachable.answers" : "reason.engineUnreachable", in.engine().address()));
        }
        if (in.container().isEmpty()) {
            if (probe.healthy()) {
                return new Verdict(HealthState.DEGRADED, T.get("reason.noContainer.answers", in.spec().container(), in.spec().host(), in.spec().health()));
            }
            // On a Swarm manager the service may simply not be deployed: say that it was looked for as a service too.
            Optional<String> stack = in.engine().swarmServices().stream().map(io.nightwatch.docker.SwarmService::stack)
                    .filter(st -> !st.isEmpty()).sorted().findFirst();
            if (stack.isPresent()) {
                return new Verdict(HealthState.DOWN, T.get("reason.noSwarmService", stack.get() + "_" + in.spec().name(), in.spec().container(), in.spec().host()));
            }
            return new Verdict(HealthState.DOWN, T.get("reason.noContainer", in.spec().container(), in.spec().host()));
        }
        ContainerFacts c = in.container().get();
        if (!c.running()) return new Verdict(HealthState.DOWN, notRunning(c, in.now()));

        String recentTrouble = recentTrouble(c, in.lastOomKill(), in.now());
        return switch (probe.outcome()) {
            case HEALTHY -> healthyAnswer(in, c, recentTrouble);
            case UNHEALTHY -> new Verdict(HealthState.DEGRADED, T.get("reason.up.unhealthy", probe.detail()));
            case TIMED_OUT -> new Verdict(HealthState.DEGRADED, T.get("reason.up.unhealthy", probe.detail()));
            case REFUSED -> new Verdict(HealthState.DOWN, T.get("reason.up.refused", probe.detail()));
            case UNREACHABLE, NOT_PROBED -> new Verdict(HealthState.UNKNOWN,
                    T.get("reason.up.notMeasurable", probe.detail()));
        };
    }

    private static Verdict healthyAnswer(Input in, ContainerFacts c, String recentTrouble) {
        if (c.health() == HealthcheckStatus.UNHEALTHY) {
            return new Verdict(HealthState.DEGRADED, T.get("reason.healthcheckUnhealthy")
                    + (c.lastHealthOutput().isEmpty() ? "" : ": " + c.lastHealthOutput()));
        }
        if (!recentTrouble.isEmpty()) return new Verdict(HealthState.DEGRADED, recentTrouble);
        Optional<MemoryUsage> memory = in.memory().filter(m -> m.limitBytes() > 0 && c.memoryLimitBytes() > 0);
        if (memory.isPresent() && memory.get().fractionOfLimit() >= MEMORY_PRESSURE) {
            return new Verdict(HealthState.DEGRADED, T.get("reason.memoryPressure",
                    percent(memory.get().fractionOfLimit()), Bytes.human(memory.get().limitBytes())));
        }
        String uptime = c.startedAt().map(s -> T.get("reason.upFor", Formats.duration(Duration.between(s, in.now())))).orElseGet(() -> T.get("reason.up"));
        String latency = in.probe().latency().map(l -> " " + T.get("reason.in", Formats.latency(l))).orElse("");
        return new Verdict(HealthState.UP, uptime + ", " + in.probe().detail() + latency);
    }

    private static String notRunning(ContainerFacts c, Instant now) {
        String oom = c.oomKilled() ? ", " + T.get("reason.oomKilled") : "";
        String restarts = c.restartCount() > 0 ? ", " + T.get("reason.restarted", c.restartCount()) : "";
        String ago = c.finishedAt().map(f -> " " + T.get("reason.ago", Formats.duration(Duration.between(f, now)))).orElse("");
        return switch (c.state()) {
            case RESTARTING -> T.get("reason.restarting", c.exitCode(), oom) + restarts;
            case EXITED -> T.get("reason.exited", c.exitCode(), oom) + ago + restarts;
            case DEAD -> T.get("reason.dead") + (c.error().isEmpty() ? "" : ": " + c.error()) + restarts;
            case CREATED -> T.get("reason.created") + (c.error().isEmpty() ? "" : ": " + c.error());
            case PAUSED -> T.get("reason.paused");
            case REMOVING -> T.get("reason.removing");
            default -> T.get("reason.containerState", c.state().label());
        };
    }

    /** "OOM-killed 2 min ago, restarted 3×" when the container came back from trouble recently. */
    private static String recentTrouble(ContainerFacts c, Optional<Instant> lastOom, Instant now) {
        Optional<Instant> oomAt = lastOom.filter(t -> Duration.between(t, now).compareTo(RECENT) < 0);
        boolean restartedRecently = c.restartCount() > 0 && c.startedAt()
                .map(s -> Duration.between(s, now).compareTo(RECENT) < 0).orElse(false);
        List<String> parts = new ArrayList<>();
        oomAt.ifPresent(t -> parts.add(T.get("reason.oomAgo", Formats.duration(Duration.between(t, now)))));
        if (restartedRecently) parts.add(T.get("reason.restarted", c.restartCount()));
        return String.join(", ", parts);
    }

    private static List<String> findings(Input in) {
        List<String> findings = new ArrayList<>();
        in.swarm().ifPresent(s -> findings.addAll(s.taskLines(in.now())));
        in.container().ifPresent(c -> {
            if (c.memoryLimitBytes() <= 0) findings.add(T.get("finding.noMemoryLimit"));
            if (c.nanoCpus() <= 0) findings.add(T.get("finding.noCpuLimit"));
            if (c.oomKilled()) findings.add(T.get("finding.lastExitOom"));
            if (c.restartCount() > 0 && in.swarm().isEmpty()) findings.add(T.get("reason.restarted", c.restartCount()));
            if (c.health() == HealthcheckStatus.NONE) findings.add(T.get("finding.noHealthcheck"));
        });
        in.memory().filter(m -> m.limitBytes() > 0 && in.container().map(c -> c.memoryLimitBytes() > 0).orElse(false))
                .filter(m -> m.fractionOfLimit() >= MEMORY_WARNING)
                .ifPresent(m -> findings.add(T.get("finding.memory", percent(m.fractionOfLimit()))));
        if (!in.probe().fallback().isEmpty()) findings.add(T.get("finding.directProbe", in.probe().fallback()));
        return findings;
    }

    /** A whole percentage, rounded as before ("95"). */
    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.0f", fraction * 100);
    }
}
