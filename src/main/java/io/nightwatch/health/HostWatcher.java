package io.nightwatch.health;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.EngineEvent;
import io.nightwatch.docker.EngineInfo;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the services of one Docker host: polls them, follows the engine's event stream so a dying container
 * shows at once, and keeps the newest verdict per service.
 */
final class HostWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HostWatcher.class);
    /** How long {@code refreshAll(true)} (the status command) waits for memory figures before answering without. */
    private static final Duration MEMORY_WAIT = Duration.ofSeconds(5);

    /** A verdict with the sequence number of the check that produced it, so a slow old check never wins. */
    private record Stamped(long sequence, ServiceHealth health) {}

    /** What the last inspection of a service found, kept so a light round can probe again without asking the engine. */
    private record Inspected(long sequence, Optional<ContainerFacts> facts, Optional<SwarmStatus> swarm, Optional<DockerGateway> where) {}

    /**
     * Light rounds between two full ones. While the event stream is open the engine reports every change of a
     * container (start, die, health, update, OOM), so a round between two full ones only probes the endpoints again;
     * the full round (list, inspections, memory figures; see {@link InspectionNet}) is the net under the events.
     */
    static final int LIGHT_ROUNDS_PER_FULL = 4;

    private static final java.util.Set<String> MEMORY_RESETS = java.util.Set.of("start", "restart", "die", "oom", "destroy");

    private final DockerHostSpec host;
    private final List<ServiceSpec> profileServices;
    private final DockerGateway gateway;
    private final ServiceProber prober;
    private final ExecutorService probes;
    private final ExecutorService stats;
    /** Full rescans run here, never on the probe pool, whose threads a rescan waits for. */
    private final ExecutorService rescans;
    private final Clock clock;
    private final Runnable onChange;

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Stamped> verdicts = new ConcurrentHashMap<>();
    private final Map<String, Inspected> inspected = new ConcurrentHashMap<>();
    /** Only the schedule's thread touches it (rounds of one watcher never overlap). */
    private int lightRounds;
    private final InspectionNet net = new InspectionNet();
    /** The engine's last clean answer listed no Swarm services (only the schedule's and rescans' rounds write it). */
    private volatile boolean noSwarmServices;
    private final Map<String, MemoryUsage> memory = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastOomKill = new ConcurrentHashMap<>();
    private final AtomicReference<List<ServiceSpec>> services;
    private final AtomicReference<EngineStatus> engine;
    private final AtomicReference<Closeable> events = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean rescanQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean followEvents;
    /** Profile (or discovered) service id → the Swarm service it runs as, when this engine manages a Swarm. */
    private final AtomicReference<Map<String, String>> swarmNames = new AtomicReference<>(Map.of());
    private final SwarmNodes nodes;
    private volatile java.util.function.Consumer<ContainerDeath> onDeath = d -> { };
    private final io.nightwatch.stack.NotDeployed notDeployed;

    HostWatcher(DockerHostSpec host, List<ServiceSpec> profileServices, EngineAddress address, ServiceProber prober,
                ExecutorService probes, ExecutorService stats, ExecutorService rescans, Clock clock, Runnable onChange,
                io.nightwatch.stack.NotDeployed notDeployed) {
        this.notDeployed = notDeployed;
        this.host = host;
        this.profileServices = List.copyOf(profileServices);
        this.gateway = DockerGateway.connect(address);
        this.prober = prober;
        this.probes = probes;
        this.stats = stats;
        this.rescans = rescans;
        this.clock = clock;
        this.onChange = onChange;
        this.services = new AtomicReference<>(this.profileServices);
        this.engine = new AtomicReference<>(EngineStatus.notCheckedYet(host.name(), address.toString(), clock.instant()));
        this.nodes = new SwarmNodes(host, gateway);
    }

    /**
     * The engine that holds {@code health}'s container: for a Swarm task on another node that node's engine from
     * the profile; empty when it cannot be reached (or the node has none).
     */
    Optional<DockerGateway> gatewayFor(ServiceHealth health) {
        if (!engine.get().reachable()) return Optional.empty();
        Optional<io.nightwatch.docker.SwarmService.SwarmTask> task = health.swarm().flatMap(SwarmStatus::task);
        return task.isPresent() ? nodes.gatewayFor(task.get()) : Optional.of(gateway);
    }

    EngineStatus engine() { return engine.get(); }

    /** Who hears of a container dying (the crash-line recorder), called on the event thread: it must not block. */
    void onDeath(java.util.function.Consumer<ContainerDeath> listener) {
        this.onDeath = listener;
    }

    String hostName() { return host.name(); }

    /** The engine connection, for capabilities that read more than health (metrics via exec, logs). */
    Optional<DockerGateway> gatewayIfReachable() {
        return engine.get().reachable() ? Optional.of(gateway) : Optional.empty();
    }

    List<ServiceHealth> verdicts() {
        return services.get().stream().map(s -> verdicts.get(s.id())).filter(java.util.Objects::nonNull)
                .map(Stamped::health).sorted(Comparator.comparing(h -> h.spec().name())).toList();
    }

    /** Keep the event stream open from now on (the GUI and {@code --watch}); a one-shot check does not need it. */
    void followEvents() {
        followEvents = true;
    }

    /**
     * The schedule's round: a full one (engine, containers, memory, inspections) when the event stream is not
     * open, the engine did not answer, or {@link #LIGHT_ROUNDS_PER_FULL} light rounds have passed; else a light one
     * that probes every endpoint again with the container facts the last inspection (or event) left. A full round
     * with the stream open inspects only what {@link InspectionNet} asks for.
     */
    void poll() {
        boolean blind = events.get() == null || !engine.get().reachable();
        if (blind || lightRounds >= LIGHT_ROUNDS_PER_FULL) {
            lightRounds = 0;
            boolean sweep = net.sweepNow() || blind;
            refreshAll(false, sweep);
        } else {
            lightRounds++;
            reprobeAll();
        }
    }

    private void reprobeAll() {
        List<CompletableFuture<Void>> checks = services.get().stream()
                .map(spec -> CompletableFuture.runAsync(() -> reprobe(spec), probes))
                .toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
        onChange.run();
    }

    /** Probes again with the last inspection's facts, under that inspection's sequence number: a newer check still wins. */
    private void reprobe(ServiceSpec spec) {
        Inspected last = inspected.get(spec.id());
        if (notDeployed.contains(spec.id()) || last == null) {
            refresh(spec);
            return;
        }
        record(spec, last.sequence(), last.facts(), last.swarm(), last.where());
    }

    /** Checks the engine and every service; with {@code awaitMemory} also waits for fresh memory figures. */
    void refreshAll(boolean awaitMemory) {
        refreshAll(awaitMemory, true);
    }

    /**
     * As {@link #refreshAll(boolean)}; without {@code sweep} a container the list shows unchanged is only probed again,
     * and memory figures are left as they are.
     */
    private void refreshAll(boolean awaitMemory, boolean sweep) {
        Optional<EngineInfo> info = checkEngine(sweep);
        if (info.isEmpty()) {
            List<CompletableFuture<Void>> checks = services.get().stream()
                    .map(spec -> CompletableFuture.runAsync(() -> record(spec, sequence.incrementAndGet(), Optional.empty()), probes))
                    .toList();
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
            onChange.run();
            return;
        }
        if (followEvents) ensureEventStream();
        List<ContainerSummary> containers;
        try {
            containers = gateway.listContainers();
        } catch (EngineUnreachableException e) {
            markUnreachable(e);
            return;
        }
        List<io.nightwatch.docker.SwarmService> swarm = engine.get().swarmServices();
        Map<String, String> mapped = new java.util.HashMap<>();
        for (ServiceSpec spec : profileServices) {
            SwarmIdentity.match(spec, swarm).ifPresent(s -> mapped.put(spec.id(), s.name()));
        }
        List<ServiceSpec> all = new ArrayList<>(profileServices);
        List<ServiceSpec> discovered = Discovery.discover(containers, profileServices, host, java.util.Set.copyOf(mapped.values()));
        for (ServiceSpec d : discovered) {
            if (swarm.stream().anyMatch(s -> s.name().equals(d.container()))) mapped.put(d.id(), d.container());
        }
        all.addAll(discovered);
        swarmNames.set(Map.copyOf(mapped));
        services.set(List.copyOf(all));
        if (!swarm.isEmpty()) nodes.refresh();

        List<CompletableFuture<?>> memoryChecks = new ArrayList<>();
        // Memory figures at sweeps (every 30 s at the default interval), and for a container that has none (started,
        // restarted, OOM-killed: its events drop the old figure): at every full round they were 8 % of the idle
        // window's CPU. A tile turns DEGRADED near the limit up to 30 s later than at every round; the kill itself is an event.
        for (ContainerSummary c : containers) {
            boolean task = mapped.containsValue(c.labels().getOrDefault(SwarmIdentity.SERVICE_LABEL, ""));
            if ((sweep || !memory.containsKey(c.name())) && c.state() == io.nightwatch.docker.ContainerState.RUNNING
                    && (task || all.stream().anyMatch(s -> s.container().equals(c.name())))) {
                memoryChecks.add(CompletableFuture.runAsync(() -> refreshMemory(c.name()), stats));
            }
        }
        if (awaitMemory) {
            try {
                CompletableFuture.allOf(memoryChecks.toArray(CompletableFuture[]::new))
                        .get(MEMORY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("memory figures incomplete for host {}: {}", host.name(), e.toString());
            }
        }
        Map<String, ContainerSummary> listed = new java.util.HashMap<>();
        containers.forEach(c -> listed.putIfAbsent(c.name(), c));
        List<CompletableFuture<Void>> checks = all.stream()
                .map(spec -> CompletableFuture.runAsync(() -> {
                    if (sweep || !unchangedSinceInspected(spec, listed)) refresh(spec);
                    else reprobe(spec);
                }, probes))
                .toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
        onChange.run();
    }

    /** A plain container whose last inspection the engine's list still agrees with; Swarm services always ask their manager. */
    private boolean unchangedSinceInspected(ServiceSpec spec, Map<String, ContainerSummary> listed) {
        Inspected last = inspected.get(spec.id());
        return last != null && !swarmNames.get().containsKey(spec.id())
                && InspectionNet.unchanged(last.facts(), spec.container(), listed);
    }

    /** Re-checks one service now (an engine event said its container changed). */
    void refresh(ServiceSpec spec) {
        if (notDeployed.contains(spec.id())) {
            recordNotDeployed(spec, sequence.incrementAndGet());
            return;
        }
        String swarmName = swarmNames.get().get(spec.id());
        if (swarmName != null) {
            refreshSwarm(spec, swarmName);
            return;
        }
        long seq = sequence.incrementAndGet();
        Optional<ContainerFacts> facts;
        try {
            facts = gateway.inspect(spec.container());
        } catch (EngineUnreachableException e) {
            markUnreachable(e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("inspecting {} failed: {}", spec.container(), e.getMessage());
            facts = Optional.empty();
        }
        record(spec, seq, facts);
    }

    /**
     * A Swarm service: the manager says which task stands for it and where that runs; the task's container is
     * inspected and probed on its node's engine.
     */
    private void refreshSwarm(ServiceSpec spec, String swarmName) {
        long seq = sequence.incrementAndGet();
        Optional<io.nightwatch.docker.SwarmService> service;
        try {
            service = gateway.swarmService(swarmName);
        } catch (EngineUnreachableException e) {
            markUnreachable(e);
            return;
        } catch (IllegalStateException e) {
            service = Optional.empty();
        }
        if (service.isEmpty()) { // removed since the last scan: the next one maps it again
            record(spec, seq, Optional.empty(), Optional.empty(), Optional.of(gateway));
            requestRescan();
            return;
        }
        Optional<io.nightwatch.docker.SwarmService.SwarmTask> task = service.get().currentTask();
        Optional<DockerGateway> where = task.isPresent() ? nodes.gatewayFor(task.get()) : Optional.of(gateway);
        Optional<String> missing = task.filter(t -> where.isEmpty()).map(t -> t.nodeName().isEmpty() ? t.nodeId() : t.nodeName());
        Optional<ContainerFacts> facts = Optional.empty();
        if (task.isPresent() && !task.get().containerId().isEmpty() && where.isPresent()) {
            try {
                facts = where.get().inspect(task.get().containerId());
            } catch (RuntimeException e) {
                LOG.debug("inspecting task {} of {} failed: {}", task.get().id(), swarmName, e.getMessage());
            }
        }
        record(spec, seq, facts, Optional.of(new SwarmStatus(service.get(), task, missing)), where);
    }

    private void recordNotDeployed(ServiceSpec spec, long seq) {
        ServiceHealth health = HealthEvaluator.notDeployed(spec, notDeployed.byProfile(spec.id()), clock.instant());
        verdicts.merge(spec.id(), new Stamped(seq, health), (old, fresh) -> fresh.sequence() > old.sequence() ? fresh : old);
    }

    private void record(ServiceSpec spec, long seq, Optional<ContainerFacts> facts) {
        record(spec, seq, facts, Optional.empty(), Optional.of(gateway));
    }

    private void record(ServiceSpec spec, long seq, Optional<ContainerFacts> facts, Optional<SwarmStatus> swarm,
                        Optional<DockerGateway> where) {
        if (notDeployed.contains(spec.id())) {
            recordNotDeployed(spec, seq);
            return;
        }
        inspected.merge(spec.id(), new Inspected(seq, facts, swarm, where), (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
        EngineStatus engineNow = engine.get();
        ProbeResult probe = prober.probe(spec, facts, engineNow.reachable() ? where : Optional.empty());
        Optional<MemoryUsage> mem = facts.filter(ContainerFacts::running).map(f -> memory.get(f.name()));
        String oomKey = facts.map(ContainerFacts::name).orElse(spec.container());
        ServiceHealth health = HealthEvaluator.evaluate(new HealthEvaluator.Input(spec, engineNow, facts, mem, probe,
                Optional.ofNullable(lastOomKill.get(swarm.isPresent() ? oomKey : spec.container())), clock.instant(), swarm));
        // equal: a light round's fresh probe of the same inspection replaces the older probe
        verdicts.merge(spec.id(), new Stamped(seq, health), (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
    }

    /**
     * Asks the engine for its version and, on a Swarm manager, its services. An engine whose last clean answer listed
     * none (no manager: each asking reads its {@code /info}) is asked again only at a sweep; a service created
     * meanwhile sends an event, which rescans at once. After a failed asking it is asked at the next full round.
     */
    private Optional<EngineInfo> checkEngine(boolean sweep) {
        try {
            EngineInfo info = gateway.version();
            boolean askSwarm = sweep || !noSwarmServices; // an engine that was out of reach comes back at a sweep
            engine.set(EngineStatus.reachable(host.name(), gateway.address().toString(), info.version(), info.apiVersion(), clock.instant())
                    .withSwarm(askSwarm ? swarmServices() : List.of()));
            return Optional.of(info);
        } catch (EngineUnreachableException e) {
            engine.set(EngineStatus.unreachable(host.name(), gateway.address().toString(), e.getMessage(), clock.instant()));
            closeEvents();
            return Optional.empty();
        } catch (RuntimeException e) {
            // An engine that answers with an API error is still not one we can work with.
            engine.set(EngineStatus.unreachable(host.name(), gateway.address().toString(), String.valueOf(e.getMessage()), clock.instant()));
            return Optional.empty();
        }
    }

    /** The Swarm services when the engine manages a Swarm (production runs the stack as one); a refusal costs a log line. */
    private List<io.nightwatch.docker.SwarmService> swarmServices() {
        try {
            List<io.nightwatch.docker.SwarmService> listed = gateway.swarmServices();
            noSwarmServices = listed.isEmpty();
            return listed;
        } catch (IllegalStateException e) {
            noSwarmServices = false;
            LOG.debug("no Swarm services from {}: {}", gateway.address(), e.getMessage());
            return List.of();
        }
    }

    private void markUnreachable(EngineUnreachableException e) {
        engine.set(EngineStatus.unreachable(host.name(), gateway.address().toString(), e.getMessage(), clock.instant()));
        closeEvents();
        requestRescan();
    }

    /** Queues one full rescan; further requests while it waits are the same request. */
    private void requestRescan() {
        if (!rescanQueued.compareAndSet(false, true)) return;
        try {
            rescans.execute(() -> {
                rescanQueued.set(false);
                refreshAll(false);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            rescanQueued.set(false); // shutting down
        }
    }

    private void refreshMemory(String container) {
        try {
            gateway.memoryUsage(container).ifPresent(m -> memory.put(container, m));
        } catch (RuntimeException e) {
            LOG.debug("no memory figure for {}: {}", container, e.getMessage());
        }
    }

    private void ensureEventStream() {
        if (events.get() != null) return;
        try {
            Closeable handle = gateway.followContainerEvents(this::onEvent, this::onEventStreamEnd);
            if (!events.compareAndSet(null, handle)) handle.close();
        } catch (EngineUnreachableException | IOException e) {
            LOG.debug("event stream for {} not open: {}", host.name(), e.getMessage());
        }
    }

    private void onEvent(EngineEvent event) {
        if (!event.changesContainerState()) return;
        if (event.baseAction().equals("oom")) lastOomKill.put(event.containerName(), event.time());
        // a figure from before a kill or restart is not this process's: the next full round reads a new one
        if (event.type().equals("container") && MEMORY_RESETS.contains(event.baseAction())) memory.remove(event.containerName());
        Map<String, String> swarmNow = swarmNames.get();
        Optional<ServiceSpec> spec = services.get().stream()
                .filter(s -> event.serviceName().isEmpty() ? s.container().equals(event.containerName())
                        : event.serviceName().equals(swarmNow.get(s.id())))
                .findFirst();
        // Only the stack's own containers: helpers, drills' scratch copies and unrelated containers are not worth keeping.
        if (event.type().equals("container") && event.baseAction().equals("die") && spec.isPresent()) {
            try {
                onDeath.accept(new ContainerDeath(host.name(), spec, event, gateway));
            } catch (RuntimeException e) {
                LOG.warn("a death listener failed for {}: {}", event.containerName(), e.toString());
            }
        }
        if (event.type().equals("node") || (event.type().equals("service") && spec.isEmpty())) {
            requestRescan(); // a node went down or came back, a service appeared or went: look at everything again
            return;
        }
        if (spec.isPresent()) {
            try {
                probes.execute(() -> {
                    try {
                        refresh(spec.get());
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.debug("re-check of {} after {} failed: {}", spec.get().container(), event.action(), e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("monitor closing; event {} ignored", event.action());
            }
        } else if (event.baseAction().equals("start") || event.baseAction().equals("destroy")) {
            requestRescan(); // a container may have appeared or gone: rediscover
        }
    }

    private void onEventStreamEnd(Throwable why) {
        events.set(null);
        if (!followEvents) return;
        LOG.info("event stream of {} ended: {}", host.name(), why.getMessage());
        // The engine may be gone: find out now rather than at the next poll.
        requestRescan();
    }

    private void closeEvents() {
        Closeable handle = events.getAndSet(null);
        if (handle != null) {
            try {
                handle.close();
            } catch (IOException ignored) {
                // the stream is being dropped anyway
            }
        }
    }

    @Override
    public void close() {
        followEvents = false;
        closeEvents();
        nodes.close();
        gateway.close();
    }
}
