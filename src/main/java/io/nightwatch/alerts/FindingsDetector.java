package io.nightwatch.alerts;

import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import io.nightwatch.flow.StageRole;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.text.Bytes;
import io.nightwatch.text.Durations;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nightwatch's own detections, recorded as alerts of source {@code nightwatch} so they exist even when
 * Prometheus or Alertmanager is the thing that is down: a service DOWN, an OOM kill, a restart loop, an engine
 * out of reach, a stalled flow, a data volume running out. Each is raised once when it appears and resolved
 * when it goes away.
 *
 * The findings' summaries and descriptions are alert annotations: stored in the history, served as JSON and compared
 * with Alertmanager's own (English) rules, so they stay English like any rule's annotations (marked "tool text").
 */
public final class FindingsDetector {

    public static final String SOURCE = "nightwatch";
    static final double DISK_WARNING_FREE = 0.10;
    static final double DISK_CRITICAL_FREE = 0.05;
    static final Duration DISK_WARNING_TTF = Duration.ofHours(24);
    static final Duration DISK_CRITICAL_TTF = Duration.ofHours(6);
    static final Duration RESTART_LOOP_RECENT = Duration.ofMinutes(10);
    static final int RESTART_LOOP_COUNT = 3;
    /** How long a tile may stay DEGRADED before it is a finding: long enough to ignore one slow probe. */
    public static final Duration DEGRADED_GRACE = Duration.ofSeconds(30);

    /** The pipelines whose failure counters mean data is lost on its way in. */
    private static final java.util.Set<Pipeline> INGESTION = java.util.EnumSet.of(Pipeline.LOGS, Pipeline.METRICS, Pipeline.TRACES);

    /** A finding as it stands now; the key says what it is about (so the same trouble is one alert). */
    record Finding(String key, Map<String, String> labels, Map<String, String> annotations) {}

    private record Open(Finding finding, Instant since) {}

    private final Clock clock;
    private final Map<String, Open> openHealth = new LinkedHashMap<>();
    private final Map<String, Open> openFlow = new LinkedHashMap<>();
    private final Map<String, Open> openBackups = new LinkedHashMap<>();
    private final Map<String, Instant> degradedSince = new HashMap<>();
    private final Duration degradedGrace;

    public FindingsDetector(Clock clock) {
        this(clock, DEGRADED_GRACE);
    }

    /** @param degradedGrace how long a service may be DEGRADED before a warning finding is raised */
    public FindingsDetector(Clock clock, Duration degradedGrace) {
        this.clock = clock;
        this.degradedGrace = degradedGrace;
    }

    public synchronized List<IncomingAlert> onHealth(HealthSnapshot snapshot) {
        List<Finding> now = new ArrayList<>();
        for (EngineStatus engine : snapshot.engines()) {
            if (engine.unreachable()) {
                now.add(finding("engine:" + engine.host(), "NightwatchEngineUnreachable", "critical", Map.of("host", engine.host()),
                        "Docker engine of " + engine.host() + " unreachable", engine.error())); // tool text
            }
        }
        for (ServiceHealth s : snapshot.services()) {
            if (s.state() == HealthState.NOT_DEPLOYED) continue; // the operator said it does not run there: nothing to raise
            Map<String, String> where = Map.of("service", s.spec().name(), "host", s.spec().host(), "component", s.spec().kind().id());
            if (s.state() == HealthState.DOWN) {
                now.add(finding("down:" + s.id(), "NightwatchServiceDown", "critical", where, s.spec().name() + " is down", s.reason())); // tool text
            }
            if (s.state() == HealthState.DEGRADED) {
                Instant since = degradedSince.computeIfAbsent(s.id(), id -> snapshot.takenAt());
                Duration degraded = Duration.between(since, snapshot.takenAt());
                if (degraded.compareTo(degradedGrace) >= 0) {
                    now.add(finding("degraded:" + s.id(), "NightwatchServiceDegraded", "warning", where,
                            s.spec().name() + " degraded for " + Durations.human(degraded), s.reason())); // tool text
                }
            } else {
                degradedSince.remove(s.id());
            }
            boolean oom = s.container().map(c -> c.oomKilled()).orElse(false) || s.reason().contains("OOM-killed");
            if (oom) {
                now.add(finding("oom:" + s.id(), "NightwatchOOMKilled", "critical", where,
                        s.spec().name() + " was killed for exceeding its memory limit", s.reason())); // tool text
            }
            if (restartLoop(s, snapshot.takenAt())) {
                now.add(finding("restarts:" + s.id(), "NightwatchRestartLoop", "critical", where,
                        s.spec().name() + " keeps restarting", "restarted " + s.restarts() + "×; " + s.reason())); // tool text
            }
        }
        return diff(openHealth, now, snapshot.takenAt());
    }

    public synchronized List<IncomingAlert> onFlow(FlowSnapshot snapshot) {
        List<Finding> now = new ArrayList<>();
        for (StageStatus stage : snapshot.stages()) {
            if (stage.state() != FlowState.STALLED) continue;
            Map<String, String> where = Map.of("service", stage.serviceName(), "host", stage.host(), "component", stage.spec().kind().id(),
                    "stage", stage.spec().qualifiedKey(), "pipeline", stage.spec().pipeline().name().toLowerCase());
            if (stage.spec().role() == StageRole.FAILURES && INGESTION.contains(stage.spec().pipeline())) {
                // Failing ingestion is its own finding: the stage says where data is lost (Loki discards, export failures, drops).
                now.add(finding("ingest:" + stage.id(), "NightwatchIngestionFailing", "warning", where,
                        "ingestion failing at " + stage.spec().qualifiedKey() + " (" + stage.spec().title() + ")", stage.detail())); // tool text
            } else {
                now.add(finding("stall:" + stage.id(), "NightwatchFlowStalled", "warning", where,
                        stage.spec().title() + " stalled", stage.detail()));
            }
        }
        for (DiskHeadroom disk : snapshot.disks()) {
            if (!disk.problem().isEmpty() || disk.sizeBytes() <= 0) continue;
            Optional<String> severity = diskSeverity(disk);
            if (severity.isEmpty()) continue;
            String service = disk.serviceId().substring(disk.serviceId().indexOf('/') + 1);
            String host = disk.serviceId().substring(0, disk.serviceId().indexOf('/'));
            now.add(finding("disk:" + disk.serviceId() + ":" + disk.path(), "NightwatchDiskHeadroomLow", severity.get(),
                    Map.of("service", service, "host", host, "path", disk.path()),
                    "data volume of " + service + " running out", // tool text
                    Bytes.human(disk.freeBytes()) + " free of " + Bytes.human(disk.sizeBytes()) // tool text
                            + disk.timeToFull().map(t -> ", full in " + Durations.human(t)).orElse(""))); // tool text
        }
        return diff(openFlow, now, snapshot.takenAt());
    }

    /**
     * The RPO check: every stateful service needs a verified backup set younger than {@code rpo}.
     *
     * @param newestVerified per service name, when its newest verified set was made (empty: none at all)
     */
    public synchronized List<IncomingAlert> onBackups(Map<String, Optional<Instant>> newestVerified, Duration rpo, Instant now) {
        List<Finding> overdue = new ArrayList<>();
        newestVerified.forEach((service, newest) -> {
            if (newest.isPresent() && Duration.between(newest.get(), now).compareTo(rpo) <= 0) return;
            overdue.add(finding("backup:" + service, "NightwatchBackupOverdue", "warning", Map.of("service", service),
                    "no verified backup of " + service + " within the RPO of " + Durations.human(rpo), // tool text
                    newest.map(t -> "the newest verified set is " + Durations.human(Duration.between(t, now)) + " old") // tool text
                            .orElse("there is no verified backup set of " + service))); // tool text
        });
        return diff(openBackups, overdue, now);
    }

    static Optional<String> diskSeverity(DiskHeadroom disk) {
        double free = disk.freeFraction();
        Optional<Duration> ttf = disk.timeToFull();
        if (free < DISK_CRITICAL_FREE || ttf.map(t -> t.compareTo(DISK_CRITICAL_TTF) < 0).orElse(false)) return Optional.of("critical");
        if (free < DISK_WARNING_FREE || ttf.map(t -> t.compareTo(DISK_WARNING_TTF) < 0).orElse(false)) return Optional.of("warning");
        return Optional.empty();
    }

    private static boolean restartLoop(ServiceHealth s, Instant now) {
        if (s.container().isEmpty()) return false;
        var c = s.container().get();
        boolean recent = c.startedAt().map(t -> Duration.between(t, now).compareTo(RESTART_LOOP_RECENT) < 0).orElse(false);
        return c.restartCount() >= RESTART_LOOP_COUNT
                && (c.state() == io.nightwatch.docker.ContainerState.RESTARTING || recent);
    }

    /** New findings fire, vanished ones resolve; unchanged ones say nothing (the store already has them). */
    private List<IncomingAlert> diff(Map<String, Open> open, List<Finding> now, Instant at) {
        List<IncomingAlert> changes = new ArrayList<>();
        Map<String, Finding> current = new HashMap<>();
        now.forEach(f -> current.put(f.key(), f));
        for (Finding f : now) {
            if (!open.containsKey(f.key())) {
                open.put(f.key(), new Open(f, at));
                changes.add(alert(f, AlertState.FIRING, at, Optional.empty()));
            }
        }
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!current.containsKey(entry.getKey())) {
                changes.add(alert(entry.getValue().finding(), AlertState.RESOLVED, entry.getValue().since(), Optional.of(at)));
                it.remove();
            }
        }
        return changes;
    }

    private IncomingAlert alert(Finding f, AlertState state, Instant startsAt, Optional<Instant> endsAt) {
        return new IncomingAlert(null, f.labels(), f.annotations(), state, startsAt, endsAt, SOURCE, "", "", clock.instant());
    }

    private static Finding finding(String key, String alertname, String severity, Map<String, String> where,
                                   String summary, String description) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("severity", severity);
        labels.putAll(where);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("description", description);
        // Each finding names the recovery runbook that fits, so the first thing an operator reads is what to run.
        RunbookHints.scenarioFor(alertname, where.getOrDefault("component", "")).ifPresent(s -> {
            labels.put("scenario", s.id());
            annotations.put("runbook", s.command() + (where.containsKey("service") ? " --service " + where.get("service") : ""));
        });
        return new Finding(key, labels, annotations);
    }
}
