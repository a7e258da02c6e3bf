package io.nightwatch.ui;

import io.nightwatch.flow.CanaryResult;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageCatalog;
import io.nightwatch.flow.StageSpec;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/**
 * Hand-made flow snapshots for the local host of {@link FakeStack}, read every 5 s with 15 min of history:
 * metrics flowing, Promtail's entries flat for 75 s while Promtail is up (STALLED), Loki idle behind it,
 * Alertmanager failing on its webhook, Prometheus' targets unreadable (UNKNOWN), the Loki canary lost, data
 * volumes filling up, and error lines in three containers. {@link #recovered()} is the same a minute later, with
 * Promtail sending again and the canary back.
 */
public final class FakeFlow {

    public static final Instant NOW = FakeStack.NOW;
    /** Reads every 5 s (not the default 15 s): the hand-made series and their wording are drawn at that pace. */
    public static final FlowSettings SETTINGS = FlowSettings.of(new io.nightwatch.stack.FlowOptions(java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(15), false));
    public static final int POINTS = SETTINGS.historyPoints(); // 180
    public static final long GIB = 1024L * 1024 * 1024;

    public static final List<String> LOKI_ERRORS = List.of(
            "level=error ts=2025-03-14T03:10:02.114Z caller=flush.go:143 org_id=fake msg=\"failed to flush\" err=\"mkdir /loki/chunks: no space left on device\"",
            "level=error ts=2025-03-14T03:11:02.118Z caller=flush.go:143 org_id=fake msg=\"failed to flush\" err=\"mkdir /loki/chunks: no space left on device\"",
            "level=error ts=2025-03-14T03:11:47.540Z caller=manager.go:49 component=distributor msg=\"error pushing to ingester\" err=\"rpc error: code = Unavailable\"",
            "level=error ts=2025-03-14T03:12:02.121Z caller=flush.go:143 org_id=fake msg=\"failed to flush\" err=\"mkdir /loki/chunks: no space left on device\"",
            "level=error ts=2025-03-14T03:12:40.003Z caller=ingester.go:312 msg=\"ingester not ready\" err=\"waiting for 15s after being ready\"");

    private FakeFlow() {}

    /** The local host of {@link FakeStack#profile()} alone: one pipeline per lane, as on a single-host stack. */
    public static StackProfile profile() {
        StackProfile full = FakeStack.profile();
        return new StackProfile(List.of(FakeStack.LOCAL), full.servicesOn("local"), full.pollInterval(), full.probeTimeout(),
                full.source());
    }

    public static FlowSnapshot stalled() {
        List<StageStatus> stages = new ArrayList<>();
        // metrics
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "metric-points-accepted", FlowState.FLOWING, 1240, "", wave(1240, 180)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "metric-points-refused", FlowState.IDLE, 0, "no failures", flat(0)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "metric-points-sent", FlowState.FLOWING, 1236, "", wave(1236, 180)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "metric-points-failed", FlowState.IDLE, 0, "no failures", flat(0)));
        stages.add(stage(ServiceKind.PROMETHEUS, "samples-appended", FlowState.FLOWING, 2410, "", wave(2410, 260)));
        stages.add(unknown(ServiceKind.PROMETHEUS, "targets-down", "/api/v1/targets returns 503"));
        // logs
        stages.add(stage(ServiceKind.PROMTAIL, "entries-sent", FlowState.STALLED, 0, "nothing for 75 s while promtail is up",
                series(i -> i >= POINTS - 15 ? 0 : 34 + 9 * Math.sin(i / 7.0) + (i % 13 == 0 ? 14 : 0))));
        stages.add(stage(ServiceKind.PROMTAIL, "entries-dropped", FlowState.IDLE, 0, "no failures", flat(0)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "log-records-accepted", FlowState.IDLE, 0, "quiet", flat(0)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "log-records-sent", FlowState.IDLE, 0,
                "nothing for 15 min; collector accepted log records is not sending either", flat(0)));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "log-records-failed", FlowState.IDLE, 0, "no failures", flat(0)));
        stages.add(stage(ServiceKind.LOKI, "lines-received", FlowState.IDLE, 0,
                "nothing for 75 s; promtail entries sent is not sending either",
                series(i -> i >= POINTS - 15 ? 0 : 33 + 9 * Math.sin(i / 7.0))));
        stages.add(stage(ServiceKind.LOKI, "bytes-received", FlowState.IDLE, 0,
                "nothing for 75 s; loki lines received is not sending either",
                series(i -> i >= POINTS - 15 ? 0 : 9_400 + 2_600 * Math.sin(i / 7.0))));
        // traces: a gap where the collector restarted
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "spans-accepted", FlowState.FLOWING, 42, "",
                series(i -> i > 60 && i < 72 ? Double.NaN : 40 + 12 * Math.sin(i / 9.0))));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "spans-sent", FlowState.FLOWING, 41.5, "",
                series(i -> i > 60 && i < 72 ? Double.NaN : 39.5 + 12 * Math.sin(i / 9.0))));
        stages.add(stage(ServiceKind.OTEL_COLLECTOR, "spans-failed", FlowState.IDLE, 0, "no failures", flat(0)));
        // alerts
        stages.add(stage(ServiceKind.PROMETHEUS, "notifications-sent", FlowState.FLOWING, 0.05, "",
                series(i -> i % 12 < 2 ? 0.05 : 0)));
        stages.add(stage(ServiceKind.PROMETHEUS, "notifications-dropped", FlowState.IDLE, 0, "no failures", flat(0)));
        stages.add(stage(ServiceKind.ALERTMANAGER, "notifications", FlowState.FLOWING, 0.05,
                "email 0.02 notifications/s, webhook 0.03 notifications/s", series(i -> i % 12 < 2 ? 0.05 : 0)));
        stages.add(stage(ServiceKind.ALERTMANAGER, "notifications-failed", FlowState.STALLED, 0.03,
                "failing now (webhook 0.03 notifications/s)", series(i -> i > POINTS - 40 && i % 12 < 2 ? 0.03 : 0)));
        // the session store
        stages.add(stage(ServiceKind.REDIS, "ops", FlowState.FLOWING, 312, "", wave(312, 90)));
        stages.add(stage(ServiceKind.REDIS, "clients", FlowState.FLOWING, 12, "", series(i -> 10 + (i / 30) % 3)));
        stages.add(stage(ServiceKind.REDIS, "memory", FlowState.FLOWING, 3.1 * 1024 * 1024, "of maxmemory 256 MiB (1 %)",
                series(i -> (2.4 + 0.7 * i / POINTS) * 1024 * 1024)));
        stages.add(stage(ServiceKind.REDIS, "keys-with-ttl", FlowState.FLOWING, 1840, "", series(i -> 1500 + 2 * i)));
        stages.sort(Comparator.comparing((StageStatus s) -> s.spec().pipeline()).thenComparing(s -> StageCatalog.all().indexOf(s.spec())));

        List<CanaryResult> canaries = List.of(
                new CanaryResult("Loki log canary", "local/loki", FlowState.STALLED, Optional.empty(),
                        "line nw-3f9a2c pushed but not found after 15 s", NOW.minusSeconds(20)),
                new CanaryResult("OTLP metric canary", "local/otel-collector", FlowState.FLOWING,
                        Optional.of(Duration.ofMillis(2300)), "metric nightwatch_canary found", NOW.minusSeconds(20)));
        return new FlowSnapshot(NOW, SETTINGS, stages, errors(true), disks(), canaries);
    }

    /** A minute later: Promtail sends again, Loki receives, the webhook is fixed, the canary arrives. */
    public static FlowSnapshot recovered() {
        Instant later = NOW.plusSeconds(60);
        List<StageStatus> stages = new ArrayList<>();
        for (StageStatus s : stalled().stages()) {
            StageStatus next = switch (s.spec().key()) {
                case "entries-sent" -> with(s, FlowState.FLOWING, 38, "");
                case "lines-received" -> with(s, FlowState.FLOWING, 37, "");
                case "bytes-received" -> with(s, FlowState.FLOWING, 11_200, "");
                case "notifications-failed" -> with(s, FlowState.IDLE, 0, "no failures");
                default -> s;
            };
            stages.add(new StageStatus(next.serviceId(), next.serviceName(), next.host(), next.spec(), next.state(),
                    next.value(), next.detail(), next.history(), later));
        }
        List<CanaryResult> canaries = List.of(
                new CanaryResult("Loki log canary", "local/loki", FlowState.FLOWING, Optional.of(Duration.ofMillis(1400)),
                        "line nw-77d01e found", later),
                new CanaryResult("OTLP metric canary", "local/otel-collector", FlowState.FLOWING,
                        Optional.of(Duration.ofMillis(2100)), "metric nightwatch_canary found", later));
        return new FlowSnapshot(later, SETTINGS, stages, errors(false), disks(), canaries);
    }

    private static StageStatus with(StageStatus s, FlowState state, double value, String detail) {
        double[] v = s.history().values().clone();
        for (int i = v.length - 12; i < v.length; i++) v[i] = value * (0.9 + 0.02 * (i % 7));
        v[v.length - 1] = value;
        return new StageStatus(s.serviceId(), s.serviceName(), s.host(), s.spec(), state, OptionalDouble.of(value), detail,
                new Series(s.history().epochMillis(), v), s.at());
    }

    private static List<ContainerErrors> errors(boolean lokiFailing) {
        List<ContainerErrors> errors = new ArrayList<>();
        // 3 lines in the last minute: 0.2/s for three 5 s rounds
        errors.add(new ContainerErrors("local/loki", "sva-studio-loki", lokiFailing ? 0.2 : 0, 17, LOKI_ERRORS,
                series(i -> lokiFailing && (i == POINTS - 1 || i == POINTS - 5 || i == POINTS - 9) ? 0.2
                        : i < POINTS - 12 && i % 24 == 0 ? 0.2 : 0), ""));
        errors.add(new ContainerErrors("local/promtail", "sva-studio-promtail", 0.4, 57, List.of(
                "level=error ts=2025-03-14T03:12:31.002Z caller=client.go:430 component=client host=loki:3100 msg=\"final error sending batch\" status=-1 error=\"Post \\\"http://loki:3100/loki/api/v1/push\\\": dial tcp 172.18.0.4:3100: connect: connection refused\"",
                "level=error ts=2025-03-14T03:12:41.017Z caller=client.go:430 component=client host=loki:3100 msg=\"final error sending batch\" status=-1 error=\"context deadline exceeded\""),
                series(i -> i >= POINTS - 15 ? 0.4 : 0), ""));
        errors.add(new ContainerErrors("local/alertmanager", "sva-studio-alertmanager", 0, 4, List.of(
                "ts=2025-03-14T03:09:12.551Z caller=dispatch.go:353 level=error component=dispatcher msg=\"Notify for alerts failed\" num_alerts=2 err=\"webhook/webhook[0]: notify retry canceled after 4 attempts: Post \\\"http://hooks.internal/alert\\\": dial tcp: lookup hooks.internal: no such host\""),
                series(i -> i == POINTS - 40 ? 0.2 : 0), ""));
        errors.add(new ContainerErrors("local/prometheus", "sva-studio-prometheus", 0, 0, List.of(), flat(0), ""));
        errors.add(new ContainerErrors("local/redis", "sva-studio-redis", 0, 0, List.of(), flat(0), ""));
        errors.add(new ContainerErrors("local/otel-collector", "sva-studio-otel-collector", 0, 0, List.of(), flat(0), ""));
        errors.add(new ContainerErrors("local/grafana", "sva-studio-grafana", 0, 0, List.of(), flat(0), ""));
        return errors;
    }

    private static List<DiskHeadroom> disks() {
        return List.of(
                new DiskHeadroom("local/prometheus", "/prometheus", 50 * GIB, (long) (12.4 * GIB), Optional.of(Duration.ofHours(70)),
                        diskSeries(37.0 * GIB, 0.6 * GIB), ""),
                new DiskHeadroom("local/loki", "/loki", 20 * GIB, (long) (1.6 * GIB), Optional.of(Duration.ofHours(14)),
                        diskSeries(17.9 * GIB, 0.5 * GIB), ""),
                new DiskHeadroom("local/alertmanager", "/alertmanager", 50 * GIB, 37 * GIB, Optional.empty(),
                        diskSeries(13.0 * GIB, 0), ""),
                new DiskHeadroom("local/redis", "/data", 50 * GIB, 37 * GIB, Optional.empty(), diskSeries(13.0 * GIB, 0), ""),
                new DiskHeadroom("local/grafana", "/var/lib/grafana", 0, 0, Optional.empty(), Series.EMPTY,
                        "cannot run df in the container: no shell in image"));
    }

    /** 30 measurements, one every 30 s, growing by {@code growth} over the quarter hour. */
    private static Series diskSeries(double start, double growth) {
        int n = 30;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = NOW.minusSeconds(30L * (n - 1 - i)).toEpochMilli();
            v[i] = start + growth * i / (n - 1) + (growth > 0 ? 0.02 * growth * Math.sin(i) : 0);
        }
        return new Series(t, v);
    }

    private static StageStatus stage(ServiceKind kind, String key, FlowState state, double value, String detail, Series history) {
        ServiceSpec service = FakeStack.spec(FakeStack.LOCAL, kind);
        StageSpec spec = StageCatalog.forKind(kind).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        return new StageStatus(service.id(), service.name(), service.host(), spec, state, OptionalDouble.of(value), detail,
                history, NOW);
    }

    private static StageStatus unknown(ServiceKind kind, String key, String problem) {
        StageStatus s = stage(kind, key, FlowState.UNKNOWN, 0, problem, series(i -> i < POINTS - 40 ? 0 : Double.NaN));
        return new StageStatus(s.serviceId(), s.serviceName(), s.host(), s.spec(), s.state(), OptionalDouble.empty(),
                s.detail(), s.history(), s.at());
    }

    /** A quarter hour of a rate around {@code mean}, breathing like a real one. */
    public static Series wave(double mean, double amplitude) {
        return series(i -> mean + amplitude * Math.sin(i / 11.0) * 0.6 + amplitude * 0.4 * Math.sin(i / 3.1));
    }

    public static Series flat(double value) {
        return series(i -> value);
    }

    /** {@link #POINTS} points, one per interval, ending at {@link #NOW}. */
    public static Series series(IntToDoubleFunction value) {
        long[] t = new long[POINTS];
        double[] v = new double[POINTS];
        long step = SETTINGS.interval().toMillis();
        for (int i = 0; i < POINTS; i++) {
            t[i] = NOW.toEpochMilli() - step * (POINTS - 1 - i);
            v[i] = value.applyAsDouble(i);
        }
        return new Series(t, v);
    }
}
