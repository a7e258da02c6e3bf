package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.docker.ContainerSetup;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.health.ServiceDeployment;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * Runs the readiness audit once against the live stack: per host, the engine's record of each container, then the
 * services' own APIs, then Nightwatch's records. Nothing is changed anywhere. One call, one immutable report.
 */
public final class AuditRunner {

    private final Function<DockerHostSpec, DockerGateway> engines;
    private final Duration flowWindow;

    /** Connects to each host as the profile and environment say. */
    public AuditRunner(Map<String, String> env) {
        this(host -> DockerGateway.connect(EngineAddress.resolve(host, env)));
    }

    public AuditRunner(Function<DockerHostSpec, DockerGateway> engines) {
        this(engines, Duration.ZERO);
    }

    private AuditRunner(Function<DockerHostSpec, DockerGateway> engines, Duration flowWindow) {
        this.engines = engines;
        this.flowWindow = flowWindow;
    }

    /** Also samples the data flow for {@code window} (the audit takes that much longer); zero leaves it out. */
    public AuditRunner sampleFlow(Duration window) {
        return new AuditRunner(engines, window);
    }

    /** What the audit is reading now, for a progress bar: {@code done} of {@code total} reads, in words. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, what) -> { };

        void step(int done, int total, String what);
    }

    public AuditReport run(StackProfile profile, AuditInputs in) {
        return run(profile, in, Progress.NONE);
    }

    /** As {@link #run(StackProfile, AuditInputs)}, telling {@code progress} (on this thread) what it reads next. */
    public AuditReport run(StackProfile profile, AuditInputs in, Progress progress) {
        Counter counter = new Counter(progress, profile.hosts().size() + 2 * profile.services().size() + 1);
        Instant now = in.clock().instant();
        List<AuditItem> items = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        AuditHttp http = new AuditHttp(in.timeout());
        try {
            List<ServiceSpec> present = new ArrayList<>();
            for (DockerHostSpec host : profile.hosts()) {
                counter.next(say("progress.engine", host.name()));
                try (DockerGateway engine = engines.apply(host)) {
                    present.addAll(auditHost(profile, host, engine, http, in, items, counter));
                } catch (EngineUnreachableException e) {
                    unreachable.add(host.name());
                    items.add(AuditItem.of("engine", Category.ENGINE, host.name(), Status.UNKNOWN, Risk.CRITICAL,
                            say("engine.unreachable", host.name(), e.getMessage()), say("engine.unreachable.fix")));
                }
            }
            if (!flowWindow.isZero() && !present.isEmpty()) items.addAll(flow(profile, in));
            counter.next(say("progress.records"));
            DataSafetyChecks safety = new DataSafetyChecks(in);
            items.addAll(safety.backups(present.stream().filter(s -> s.dataPath().isPresent()).toList(), now));
            items.addAll(safety.targets());
            items.addAll(new BaselineChecks(in).slos(present, now));
        } finally {
            http.close();
        }
        counter.end();
        return AuditReport.of(now, items, unreachable);
    }

    /** Counts reads for {@link Progress}; never past the total (a host's services are skipped when it is unreachable). */
    private static final class Counter {
        private final Progress progress;
        private final int total;
        private int done;

        Counter(Progress progress, int total) {
            this.progress = progress;
            this.total = Math.max(1, total);
        }

        /** {@code what} in the reader's language: the window shows it. */
        void next(Words what) {
            progress.step(Math.min(done, total - 1), total, what.text());
            done++;
        }

        void end() {
            progress.step(total, total, say("progress.done").text());
        }
    }

    /** Returns the services that are there (a container, or an answering API) for the stack-wide checks. */
    private List<ServiceSpec> auditHost(StackProfile profile, DockerHostSpec host, DockerGateway engine, AuditHttp http,
                                        AuditInputs in, List<AuditItem> items, Counter counter) {
        List<ContainerSummary> containers = engine.listContainers();
        ContainerChecks containerChecks = new ContainerChecks(engine, in.timeout());
        DataSafetyChecks safety = new DataSafetyChecks(in);
        Map<ServiceSpec, ContainerSetup> deployed = new LinkedHashMap<>();
        List<ServiceSpec> present = new ArrayList<>();
        for (ServiceSpec s : profile.servicesOn(host.name())) {
            counter.next(say("progress.container", s.name()));
            ServiceDeployment deployment = ServiceDeployment.of(engine, s);
            // a Swarm service is audited through its current task's container, when that runs on this engine
            Optional<ContainerSetup> setup = deployment.container().flatMap(engine::containerSetup);
            Optional<SwarmService> swarm = deployment.swarm();
            if (setup.isPresent()) {
                deployed.put(s, setup.get());
                present.add(s);
                List<AuditItem> checked = containerChecks.check(s, setup.get());
                items.addAll(swarm.isEmpty() ? checked : checked.stream().map(i -> swarmRestarts(i, s, swarm.get())).toList());
                boolean kept = containers.stream().anyMatch(c -> s.isKeptCopy(c.name()));
                items.add(safety.wayBack(s, kept));
                if (s.dataPath().isPresent() && setup.get().running()) items.add(headroom(engine, s, setup.get(), in));
                new BaselineChecks(in).baseline(s, setup.get().image()).ifPresent(items::add);
            } else if (swarm.isPresent()) {
                present.add(s);
                items.add(AuditItem.of("deployed", Category.ENGINE, s.id(), Status.UNKNOWN, Risk.LOW,
                        say("deployed.swarm", swarm.get().name(), swarm.get().running(), host.name()), say("deployed.swarm.fix", swarm.get().name())));
            } else if (answers(http, s)) {
                present.add(s);
                items.add(AuditItem.of("deployed", Category.ENGINE, s.id(), Status.UNKNOWN, Risk.LOW,
                        say("deployed.apiOnly", s.container(), host.name(), s.health().directUri()), say("deployed.apiOnly.fix")));
            } else {
                items.add(AuditItem.of("deployed", Category.ENGINE, s.id(), Status.UNKNOWN, Risk.LOW,
                        say("deployed.none", s.container(), host.name(), s.health().directUri()), say("deployed.none.fix")));
            }
        }
        PrometheusChecks prometheus = new PrometheusChecks(http);
        AlertmanagerChecks alertmanager = new AlertmanagerChecks(http);
        GrafanaLokiChecks grafanaLoki = new GrafanaLokiChecks(http);
        RedisChecks redis = new RedisChecks(in.timeout());
        List<ServiceSpec> watched = present.stream().filter(s -> s.metrics().isPresent() || s.kind() == ServiceKind.REDIS).toList();
        for (ServiceSpec s : present) {
            counter.next(say("progress.api", s.name()));
            ContainerSetup setup = deployed.get(s);
            String compose = setup == null ? s.name() : setup.composeService().orElse(s.name());
            switch (s.kind()) {
                case PROMETHEUS -> {
                    items.addAll(prometheus.rules(s));
                    items.addAll(prometheus.alertmanagerLinkAndFiring(s));
                    Optional<VolumeSpace> volume = setup != null && setup.running() && s.dataPath().isPresent()
                            ? Optional.of(VolumeSpace.measure(engine, setup.name(), s.dataPath().get(), in.timeout())) : Optional.empty();
                    items.addAll(prometheus.retention(s, volume, compose));
                    items.addAll(prometheus.targets(s, watched));
                    if (flowWindow.isZero()) {
                        items.add(AuditItem.of("flow-stalled", Category.SELF_MONITORING, s.id(), Status.UNKNOWN, Risk.LOW,
                                say("flow.notSampled"), say("flow.notSampled.fix")));
                    }
                }
                case ALERTMANAGER -> items.addAll(alertmanager.check(s));
                case GRAFANA -> items.add(grafanaLoki.grafanaDefaultLogin(s));
                case LOKI -> items.addAll(grafanaLoki.loki(s, compose));
                case REDIS -> items.addAll(redis.check(s, s.credentialEnv().map(in.env()::get),
                        setup == null ? 0 : setup.memoryLimitBytes(), compose));
                default -> { /* container checks cover the collector and Promtail */ }
            }
        }
        return present;
    }

    private List<AuditItem> flow(StackProfile profile, AuditInputs in) {
        try {
            return FlowSample.items(profile, in.env(), FlowSample.settings(flowWindow), in.clock());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(AuditItem.of("flow-stalled", Category.SELF_MONITORING, "stack", Status.UNKNOWN, Risk.HIGH,
                    say("flow.interrupted"), Words.NONE));
        } catch (RuntimeException e) {
            return List.of(AuditItem.of("flow-stalled", Category.SELF_MONITORING, "stack", Status.UNKNOWN, Risk.HIGH,
                    say("flow.failed", e.getMessage()), Words.NONE));
        }
    }

    private static AuditItem headroom(DockerGateway engine, ServiceSpec s, ContainerSetup setup, AuditInputs in) {
        String path = s.dataPath().orElseThrow();
        VolumeSpace v = VolumeSpace.measure(engine, setup.name(), path, in.timeout());
        if (!v.measured()) {
            return AuditItem.of("disk-headroom", Category.CAPACITY, s.id(), Status.UNKNOWN, Risk.HIGH,
                    say("disk.unmeasured", path, setup.name(), v.problem()), Words.NONE);
        }
        long pct = Math.round(100 * v.freeFraction());
        TimeToFull ttf = TimeToFull.of(in.records(), s.id(), v, in.clock().instant());
        Words evidence = say("disk", path, setup.name(), Units.bytes(v.freeBytes()), Units.bytes(v.sizeBytes()), pct, ttf.text());
        if (v.freeFraction() < 0.10 || ttf.within(Duration.ofDays(1))) {
            return AuditItem.of("disk-headroom", Category.CAPACITY, s.id(), Status.RISK, Risk.CRITICAL, evidence,
                    say("disk.critical.fix"));
        }
        if (v.freeFraction() < 0.20 || ttf.within(Duration.ofDays(7))) {
            return AuditItem.of("disk-headroom", Category.CAPACITY, s.id(), Status.RISK, Risk.HIGH, evidence,
                    say("disk.high.fix"));
        }
        return AuditItem.ok("disk-headroom", Category.CAPACITY, s.id(), Risk.HIGH, evidence);
    }

    /**
     * A task's container has no restart policy of its own: the Swarm replaces a failed task by the service's
     * {@code deploy.restart_policy}, so the container's "no" is not a gap.
     */
    private static AuditItem swarmRestarts(AuditItem item, ServiceSpec s, SwarmService swarm) {
        if (!item.id().equals("restart-policy:" + s.id())) return item;
        return AuditItem.ok("restart-policy", Category.HEALTH, s.id(), item.risk(), say("swarm.restarts", swarm.name()));
    }

    /** A service without a container here may still answer (another engine, a port forward, a test double). */
    private static boolean answers(AuditHttp http, ServiceSpec s) {
        if (s.health().protocol() != ProbeProtocol.HTTP) return false;
        try {
            http.get(s.health().directUri().toString());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
