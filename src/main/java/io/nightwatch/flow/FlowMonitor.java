package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.MonitorResources;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The data-flow capability: every interval it reads each service's own figures (directly, or through the
 * engine), turns counters into rates, decides which stages are STALLED, follows error lines in container logs,
 * measures data volumes and, if asked, runs canaries. It stands on the health monitor for containers, engines
 * and "is upstream up", and publishes {@link FlowSnapshot}s to its listeners on its own thread.
 */
public final class FlowMonitor implements AutoCloseable {

    private static final Texts T = Texts.of(FlowMonitor.class);

    private static final Logger LOG = LoggerFactory.getLogger(FlowMonitor.class);
    /**
     * A data volume fills over hours, and the time to full comes from the trend: a reading a minute is plenty. Each
     * is an exec in the container (create, start, inspect), at 30 s a twelfth of the idle window's CPU.
     */
    private static final Duration DISK_EVERY = Duration.ofSeconds(60);
    private static final Duration CANARY_EVERY = Duration.ofSeconds(60);

    private final HealthMonitor health;
    private final FlowSettings settings;
    private final Clock clock;
    private final ServiceReader reader;
    private final LokiCanary lokiCanary;
    private final OtlpCanary otlpCanary;
    private final Instant startedAt;
    private final Map<String, StageTracker> trackers = new LinkedHashMap<>();
    private final Map<String, LogErrorWatcher> logWatchers = new HashMap<>();
    private final Map<String, DiskWatcher> diskWatchers = new HashMap<>();
    private final Map<String, CanaryResult> canaries = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean canaryInFlight = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Consumer<FlowSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<FlowSnapshot> latest = new AtomicReference<>();
    private final ScheduledExecutorService rounds;
    private final ExecutorService reads;
    private final ExecutorService canaryRunner;
    private Instant lastDiskRound = Instant.EPOCH;
    private Instant lastCanaryRound = Instant.EPOCH;
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean closed;

    public FlowMonitor(HealthMonitor health, FlowSettings settings, Map<String, String> env, Clock clock) {
        this.health = health;
        this.settings = settings;
        this.clock = clock;
        Duration timeout = health.profile().probeTimeout();
        // the health monitor's threads and HTTP client: one set for all monitors (see MonitorResources)
        MonitorResources shared = health.shared();
        this.reader = new ServiceReader(timeout, env, shared.http());
        this.lokiCanary = new LokiCanary(timeout, Duration.ofSeconds(15), clock, shared.http());
        this.otlpCanary = new OtlpCanary(timeout, Duration.ofSeconds(20), clock, shared.http());
        this.startedAt = clock.instant();
        this.rounds = shared.rounds();
        this.reads = shared.workers();
        this.canaryRunner = shared.workers();
        latest.set(new FlowSnapshot(startedAt, settings, List.of(), List.of(), List.of(), List.of()));
    }

    public FlowSettings settings() { return settings; }

    public void addListener(Consumer<FlowSnapshot> listener) { listeners.add(listener); }

    public void removeListener(Consumer<FlowSnapshot> listener) { listeners.remove(listener); }

    public FlowSnapshot snapshot() { return latest.get(); }

    /** Reads every interval from now on. */
    public void start() {
        schedule = rounds.scheduleWithFixedDelay(() -> {
            if (closed) return;
            try {
                round();
            } catch (RuntimeException e) {
                LOG.warn("flow round failed", e); // one bad round must not end the schedule
            }
        }, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round soon, in the background (F5 in the window); it waits for a round in progress. */
    public void refreshNow() {
        try {
            rounds.execute(() -> {
                if (closed) return;
                try {
                    round();
                } catch (RuntimeException e) {
                    LOG.warn("flow round failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the monitors are closing: nothing to refresh
        }
    }

    /** One round now; rounds never overlap. */
    public synchronized FlowSnapshot round() {
        Instant at = clock.instant();
        HealthSnapshot healthNow = health.snapshot();
        // a service not deployed on its host has no flow to watch: no stages, no stalls, no canary
        List<ServiceHealth> services = deployed(healthNow.services());

        Map<ServiceHealth, Map<String, Reading>> readings = readAll(services);
        readings.forEach((service, byKey) -> byKey.forEach((key, reading) ->
                tracker(service.spec(), key).read(at, reading)));

        List<StageStatus> stages = new ArrayList<>();
        for (ServiceHealth service : services) {
            for (StageSpec spec : StageCatalog.forKind(service.spec().kind())) {
                StageTracker tracker = tracker(service.spec(), spec.key());
                Upstream upstream = upstreamOf(spec, service, services);
                stages.add(tracker.decide(at, settings.window(), upstream.active, upstream.name,
                        service.id(), service.spec().name(), service.spec().host()));
            }
        }
        stages.sort(java.util.Comparator.<StageStatus, Pipeline>comparing(s -> s.spec().pipeline())
                .thenComparing(s -> StageCatalog.all().indexOf(s.spec())).thenComparing(StageStatus::serviceId));
        trackers.keySet().removeIf(id -> services.stream().noneMatch(s -> id.startsWith(s.id() + "#")));

        FlowSnapshot snapshot = new FlowSnapshot(at, settings, stages, logErrors(services, at), disks(services, at),
                canaryRound(services, at));
        latest.set(snapshot);
        for (Consumer<FlowSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("a flow listener failed", e);
            }
        }
        return snapshot;
    }

    private Map<ServiceHealth, Map<String, Reading>> readAll(List<ServiceHealth> services) {
        Map<ServiceHealth, CompletableFuture<Map<String, Reading>>> futures = new LinkedHashMap<>();
        for (ServiceHealth service : services) {
            List<StageSpec> stages = StageCatalog.forKind(service.spec().kind());
            if (stages.isEmpty()) continue;
            Optional<DockerGateway> gateway = health.gatewayFor(service); // a Swarm task's node, else the host
            futures.put(service, CompletableFuture.supplyAsync(
                    () -> reader.read(service.spec(), stages, service.container(), gateway), reads));
        }
        Map<ServiceHealth, Map<String, Reading>> result = new LinkedHashMap<>();
        futures.forEach((service, future) -> {
            try {
                result.put(service, future.get(settings.interval().plus(health.profile().probeTimeout().multipliedBy(4)).toMillis(),
                        TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                Map<String, Reading> failed = new HashMap<>();
                StageCatalog.forKind(service.spec().kind()).forEach(s -> failed.put(s.key(), Reading.unreadable(T.get("read.unfinished", e))));
                result.put(service, failed);
            }
        });
        return result;
    }

    private record Upstream(boolean active, String name) {}

    /**
     * What feeds a stage: the named upstream stage wherever it runs (active when it moves), else the service
     * itself (active when its own endpoint answers healthy).
     */
    private Upstream upstreamOf(StageSpec spec, ServiceHealth service, List<ServiceHealth> services) {
        if (spec.upstream().isPresent()) {
            String key = spec.upstream().get();
            List<StageTracker> feeders = new ArrayList<>();
            for (ServiceHealth other : services) {
                for (StageSpec candidate : StageCatalog.forKind(other.spec().kind())) {
                    if (candidate.qualifiedKey().equals(key)) feeders.add(tracker(other.spec(), candidate.key()));
                }
            }
            if (!feeders.isEmpty()) {
                boolean moving = feeders.stream().anyMatch(StageTracker::moving);
                String title = StageCatalog.title(feeders.get(0).spec());
                // English reads the title as a phrase ("promtail entries sent"); German keeps its nouns capitalised
                return new Upstream(moving, io.nightwatch.text.Language.current() == io.nightwatch.text.Language.EN ? title.toLowerCase() : title);
            }
        }
        return new Upstream(service.probe().healthy(), service.spec().name());
    }

    private StageTracker tracker(ServiceSpec service, String key) {
        return trackers.computeIfAbsent(service.id() + "#" + key, id -> new StageTracker(
                StageCatalog.forKind(service.kind()).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow(),
                settings.historyPoints(), settings.lookBack()));
    }

    private List<ContainerErrors> logErrors(List<ServiceHealth> services, Instant at) {
        List<ContainerErrors> result = new ArrayList<>();
        for (ServiceHealth service : services) {
            if (service.container().isEmpty()) continue;
            LogErrorWatcher watcher = logWatchers.computeIfAbsent(service.id(),
                    id -> new LogErrorWatcher(id, service.spec().container(), settings.historyPoints()));
            if (service.swarm().isPresent()) watcher.retarget(service.container().get().name());
            if (service.container().get().running() && !closed) { // a round racing close() opens no new log stream
                health.gatewayFor(service).ifPresent(g -> watcher.ensureFollowing(g, startedAt));
            }
            result.add(watcher.round(at));
        }
        return result;
    }

    private List<DiskHeadroom> disks(List<ServiceHealth> services, Instant at) {
        boolean measure = Duration.between(lastDiskRound, at).compareTo(DISK_EVERY) >= 0;
        if (measure) lastDiskRound = at;
        List<DiskHeadroom> result = new ArrayList<>();
        for (ServiceHealth service : services) {
            ServiceKind kind = service.spec().kind();
            if (service.spec().dataPath().isEmpty() || (kind != ServiceKind.PROMETHEUS && kind != ServiceKind.LOKI
                    && kind != ServiceKind.REDIS && kind != ServiceKind.ALERTMANAGER && kind != ServiceKind.GRAFANA)) {
                continue;
            }
            DiskWatcher watcher = diskWatchers.computeIfAbsent(service.id(), id -> new DiskWatcher(id,
                    service.spec().container(), service.spec().dataPath().get(), Math.max(2, (int) (settings.history().toSeconds() / DISK_EVERY.toSeconds())),
                    health.profile().host(service.spec().host()).flatMap(io.nightwatch.stack.DockerHostSpec::helperImage)));
            if (service.swarm().isPresent()) service.container().ifPresent(c -> watcher.retarget(c.name()));
            Optional<DockerGateway> gateway = health.gatewayFor(service);
            boolean running = service.container().map(c -> c.running()).orElse(false);
            result.add(measure && running && gateway.isPresent()
                    ? watcher.measure(gateway.get(), at, health.profile().probeTimeout().multipliedBy(2))
                    : watcher.last());
        }
        return result;
    }

    /** Canaries take seconds (they wait for the far side), so they run beside the rounds, never inside one. */
    private List<CanaryResult> canaryRound(List<ServiceHealth> services, Instant at) {
        if (!settings.canary() || closed) return List.of();
        if (Duration.between(lastCanaryRound, at).compareTo(CANARY_EVERY) >= 0 && canaryInFlight.compareAndSet(false, true)) {
            lastCanaryRound = at;
            CompletableFuture.runAsync(() -> {
                try {
                    runCanaries(services);
                } finally {
                    canaryInFlight.set(false);
                }
            }, canaryRunner);
        }
        return canaries.values().stream().sorted(java.util.Comparator.comparing(CanaryResult::serviceId)
                .thenComparing(CanaryResult::name)).toList();
    }

    /** Runs every applicable canary now and waits for them (the CLI's {@code --canary}). */
    public List<CanaryResult> runCanaries() {
        runCanaries(deployed(health.snapshot().services()));
        return canaries.values().stream().toList();
    }

    private static List<ServiceHealth> deployed(List<ServiceHealth> services) {
        return services.stream().filter(s -> s.state() != io.nightwatch.health.HealthState.NOT_DEPLOYED).toList();
    }

    private void runCanaries(List<ServiceHealth> services) {
        for (ServiceHealth service : services) {
            String host = service.spec().health().directHost();
            if (host.isEmpty()) continue;
            HttpUrl base = new HttpUrl.Builder().scheme("http").host(host).port(service.spec().health().directPort()).build();
            if (service.spec().kind() == ServiceKind.LOKI) {
                canaries.put(service.id() + "#loki", lokiCanary.run(service.id(), base));
            } else if (service.spec().kind() == ServiceKind.OTEL_COLLECTOR) {
                canaries.put(service.id() + "#otlp", otlpCanary.run(service.id(), base.newBuilder().port(4318).build(),
                        base.newBuilder().port(8889).build()));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> s = schedule;
        if (s != null) s.cancel(true); // the threads are shared: only this monitor's work ends
        synchronized (this) {
            logWatchers.values().forEach(LogErrorWatcher::close);
        }
    }

}
