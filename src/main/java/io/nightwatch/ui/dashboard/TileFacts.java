package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.text.Bytes;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.text.Formats;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.ServiceSpec;

import java.util.List;
import java.util.Optional;

/**
 * What one tile shows, already worded. Built from a {@link ServiceHealth} off the FX thread or on it; being an
 * immutable value, a new one simply replaces the old and unchanged words cause no repaint.
 *
 * @param memoryFraction used/limit, or -1 when nothing was measured or there is no limit
 * @param offBaseline    queries far slower than the service's recorded baseline (the words lead the findings)
 */
public record TileFacts(String id, String title, String subtitle, boolean discovered, String version, HealthState state,
                        String reason, String transport, String latency, String uptime, int restarts,
                        double memoryFraction, boolean memoryLimited, String memoryText, List<String> findings, String kind,
                        boolean offBaseline) {

    private static final Texts T = Texts.of(TileFacts.class);

    public TileFacts withMemory(double fraction, String text) {
        return new TileFacts(id, title, subtitle, discovered, version, state, reason, transport, latency, uptime, restarts,
                fraction, memoryLimited, text, findings, kind, offBaseline);
    }

    /** The reason a tile shows before its first check. */
    public static String waiting() {
        return T.get("tile.waiting");
    }

    public TileFacts {
        findings = List.copyOf(findings);
        kind = kind == null ? "" : kind;
    }

    public TileFacts(String id, String title, String subtitle, boolean discovered, String version, HealthState state,
                     String reason, String transport, String latency, String uptime, int restarts,
                     double memoryFraction, boolean memoryLimited, String memoryText, List<String> findings) {
        this(id, title, subtitle, discovered, version, state, reason, transport, latency, uptime, restarts,
                memoryFraction, memoryLimited, memoryText, findings, "", false);
    }

    /** Before the first snapshot: the profile says the service exists, nothing is known yet. */
    public static TileFacts waiting(ServiceSpec spec) {
        return new TileFacts(spec.id(), spec.name(), subtitle(spec), spec.discovered(), "", HealthState.UNKNOWN,
                waiting(), "", "", "", 0, -1, true, "", List.of(), spec.kind().id(), false);
    }

    /** The profile says the service does not run on its host: grey from the start, nothing to wait for. */
    public static TileFacts notDeployed(ServiceSpec spec) {
        return of(io.nightwatch.health.HealthEvaluator.notDeployed(spec, true, java.time.Instant.EPOCH));
    }

    public static TileFacts of(ServiceHealth health) {
        ServiceSpec spec = health.spec();
        if (health.state() == HealthState.NOT_DEPLOYED) { // nothing was looked at: no figures to show
            return new TileFacts(health.id(), spec.name(), subtitle(spec), spec.discovered(), "", health.state(), health.reason(),
                    "", "", "", 0, -1, true, "", List.of(), spec.kind().id(), false);
        }
        ProbeResult probe = health.probe();
        String transport = probe.transport() == ProbeTransport.NONE ? T.get("tile.notProbed") : probe.transport().label();
        String latency = probe.latency().map(Formats::latency).orElse("");
        String uptime = health.uptime().map(Formats::duration)
                .orElseGet(() -> health.container().map(TileFacts::containerState)
                        // With the engine unreachable nothing is known about the container.
                        .orElse(health.state() == io.nightwatch.health.HealthState.UNKNOWN ? T.get("tile.unknown") : T.get("tile.noContainer")));
        boolean limited = health.container().map(c -> c.memoryLimitBytes() > 0).orElse(true);
        // A Swarm service's tile names the service, never a task's generated container name.
        String subtitle = health.swarm().map(sw -> (spec.name().equals(spec.kind().id()) ? "" : spec.kind().id() + " · ")
                + "Swarm " + sw.service().name()
                + (spec.discovered() ? " · " + T.get("tile.discovered") : "")).orElseGet(() -> subtitle(spec));
        return new TileFacts(health.id(), spec.name(), subtitle, spec.discovered(), health.version().orElse(""),
                health.state(), health.reason(), transport, latency, uptime, health.restarts(),
                memoryFraction(health.memory(), health.container()), limited,
                memoryText(health.memory(), health.container()),
                health.offBaseline().map(off -> java.util.stream.Stream.concat(java.util.stream.Stream.of(off), health.findings().stream()).toList())
                        .orElse(health.findings()), spec.kind().id(), health.offBaseline().isPresent());
    }

    /** Where the uptime would be: the container's state in words ("exited"). */
    private static String containerState(ContainerFacts c) {
        String key = "container.state." + c.state().name();
        return T.get(key);
    }

    /** Kind and container, leaving out whichever the title already says. */
    private static String subtitle(ServiceSpec spec) {
        String kind = spec.kind().id();
        String base;
        if (spec.name().equals(spec.container())) base = kind;
        else if (spec.name().equals(kind)) base = spec.container();
        else base = kind + " · " + spec.container();
        return spec.discovered() ? base + " · " + T.get("tile.discovered") : base;
    }

    private static double memoryFraction(Optional<MemoryUsage> memory, Optional<ContainerFacts> container) {
        long limit = container.map(ContainerFacts::memoryLimitBytes).orElse(0L);
        // Without a container limit the engine reports the host's memory as the limit: not a fraction worth a bar.
        if (memory.isEmpty() || limit <= 0) return -1;
        double fraction = memory.get().limitBytes() > 0 ? memory.get().fractionOfLimit() : (double) memory.get().usedBytes() / limit;
        // Whole percent: the bar is a few dozen pixels wide, and every tiny change would repaint the tile at each poll.
        return Math.round(fraction * 100) / 100.0;
    }

    private static String memoryText(Optional<MemoryUsage> memory, Optional<ContainerFacts> container) {
        long limit = container.map(ContainerFacts::memoryLimitBytes).orElse(0L);
        if (memory.isEmpty()) return limit > 0 ? T.get("tile.memory.limit", Bytes.human(limit)) : "";
        String used = Bytes.human(memory.get().usedBytes());
        return limit > 0 ? used + " / " + Bytes.human(limit) : T.get("tile.memory.noLimit", used);
    }
}
