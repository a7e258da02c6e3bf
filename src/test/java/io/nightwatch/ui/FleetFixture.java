package io.nightwatch.ui;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fleet of 20 hosts × 10 services (issue 16's 200 tiles), emulated: a profile and the snapshots a health monitor
 * would publish for it, all well but host-07's redis (down) and host-13's loki (degraded). Each tick moves the memory
 * figures and uptimes, as a 1 Hz poll of a live fleet does.
 */
public final class FleetFixture {

    public static final Instant START = Instant.parse("2026-12-06T03:12:45Z");
    private static final long MIB = 1024 * 1024;
    private static final ServiceKind[] KINDS = {ServiceKind.PROMETHEUS, ServiceKind.LOKI, ServiceKind.GRAFANA, ServiceKind.OTEL_COLLECTOR,
            ServiceKind.PROMTAIL, ServiceKind.ALERTMANAGER, ServiceKind.REDIS, ServiceKind.REDIS, ServiceKind.PROMETHEUS, ServiceKind.LOKI};

    private FleetFixture() {}

    public static StackProfile profile() {
        List<DockerHostSpec> hosts = new ArrayList<>();
        List<ServiceSpec> services = new ArrayList<>();
        for (int h = 1; h <= 20; h++) {
            DockerHostSpec host = new DockerHostSpec(String.format(Locale.ROOT, "host-%02d", h), Optional.of("tcp://127.0.0.1:" + (2300 + h)),
                    Optional.empty(), Optional.empty());
            hosts.add(host);
            for (int s = 0; s < KINDS.length; s++) {
                String name = s < 7 ? KINDS[s].name().toLowerCase(Locale.ROOT).replace('_', '-') : KINDS[s].name().toLowerCase(Locale.ROOT) + "-" + s;
                services.add(ServiceDefaults.forKind(KINDS[s], host, name, "fleet-" + h + "-" + name, 10_000 + h * 100 + s));
            }
        }
        return new StackProfile(hosts, services, Duration.ofSeconds(1), Duration.ofSeconds(1), "fleet.yaml");
    }

    /** The fleet {@code tick} seconds after {@link #START}. */
    public static HealthSnapshot snapshot(StackProfile profile, int tick) {
        Instant now = START.plusSeconds(tick);
        List<ServiceHealth> all = new ArrayList<>();
        int i = 0;
        for (ServiceSpec spec : profile.services()) {
            i++;
            boolean down = spec.host().equals("host-07") && spec.name().equals("redis");
            boolean degraded = spec.host().equals("host-13") && spec.name().equals("loki");
            HealthState state = down ? HealthState.DOWN : degraded ? HealthState.DEGRADED : HealthState.UP;
            String reason = down ? "exited (code 137) 2 s ago" : degraded ? "/ready returns 503" : "up 3 d";
            ContainerFacts container = new ContainerFacts("c" + i, spec.container(), "image:1", down ? ContainerState.EXITED : ContainerState.RUNNING,
                    HealthcheckStatus.NONE, "", 0, false, down ? 137 : 0, Optional.of(START.minus(Duration.ofDays(3))),
                    Optional.empty(), 512 * MIB, 0, Map.of(), "");
            Optional<MemoryUsage> memory = down ? Optional.empty()
                    : Optional.of(new MemoryUsage((100 + (i * 7 + tick * 3) % 200) * MIB, 512 * MIB));
            all.add(new ServiceHealth(spec, state, reason, Optional.of(container), memory,
                    ProbeResult.of(down ? ProbeOutcome.UNREACHABLE : ProbeOutcome.HEALTHY, ProbeTransport.DIRECT,
                            Duration.ofMillis(1 + (i + tick) % 9), reason), List.of(), now));
        }
        List<EngineStatus> engines = profile.hosts().stream()
                .map(h -> EngineStatus.reachable(h.name(), h.address().orElseThrow(), "27.5.1", "1.47", now)).toList();
        return new HealthSnapshot(now, engines, all);
    }
}
