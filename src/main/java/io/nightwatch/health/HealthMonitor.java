package io.nightwatch.health;

import io.nightwatch.docker.EngineAddress;
import io.nightwatch.probe.MonitorResources;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.StackProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The health capability's entry point for both the GUI and the CLI: checks every host of a profile, once
 * ({@link #checkOnce()}) or continuously ({@link #start()}), and hands each new {@link HealthSnapshot} to its
 * listeners on a background thread.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final StackProfile profile;
    private final Clock clock;
    private final List<HostWatcher> watchers = new ArrayList<>();
    private final List<Consumer<HealthSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ContainerDeath>> deathListeners = new CopyOnWriteArrayList<>();
    private final MonitorResources shared;
    private final boolean ownsShared;
    private final ScheduledExecutorService polls;
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();
    private final io.nightwatch.stack.NotDeployed notDeployed;
    private volatile java.util.function.UnaryOperator<ServiceHealth> annotator = java.util.function.UnaryOperator.identity();

    /** With threads and an HTTP client of its own (closed with it), which a flow monitor over it shares. */
    public HealthMonitor(StackProfile profile, Map<String, String> env, Clock clock) {
        this(profile, env, clock, new MonitorResources(profile.hosts().size(), profile.services().size()), true);
    }

    /** On threads and an HTTP client shared with other monitors; {@code shared} stays the caller's to close. */
    public HealthMonitor(StackProfile profile, Map<String, String> env, Clock clock, MonitorResources shared) {
        this(profile, env, clock, shared, false);
    }

    private HealthMonitor(StackProfile profile, Map<String, String> env, Clock clock, MonitorResources shared, boolean owns) {
        this.profile = profile;
        this.notDeployed = io.nightwatch.stack.NotDeployed.of(profile);
        this.clock = clock;
        this.shared = shared;
        this.ownsShared = owns;
        this.polls = shared.rounds();
        ServiceProber prober = new ServiceProber(profile.probeTimeout(), env, shared.http());
        for (DockerHostSpec host : profile.hosts()) {
            watchers.add(new HostWatcher(host, profile.servicesOn(host.name()), EngineAddress.resolve(host, env), prober,
                    shared.workers(), shared.workers(), polls, clock, this::publish, notDeployed));
        }
        watchers.forEach(w -> w.onDeath(this::publishDeath));
        notDeployed.addListener(this::recheckSoon);
    }

    /**
     * Which services are not deployed: the profile's list and the window's marks. A change re-checks every host at
     * once, so the tile turns grey (or is watched again) without waiting for the next poll.
     */
    public io.nightwatch.stack.NotDeployed notDeployed() { return notDeployed; }

    /** Checks every host again now, in the background, instead of at the next poll (F5 in the window). */
    public void refreshNow() {
        recheckSoon();
    }

    private void recheckSoon() {
        for (HostWatcher watcher : watchers) {
            try {
                polls.execute(() -> {
                    try {
                        watcher.refreshAll(false);
                    } catch (RuntimeException e) {
                        LOG.warn("re-check failed", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                return;
            }
        }
    }

    /** The threads and HTTP client this monitor runs on, for monitors that build on it (flow). */
    public MonitorResources shared() { return shared; }

    public StackProfile profile() { return profile; }

    public void addListener(Consumer<HealthSnapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<HealthSnapshot> listener) {
        listeners.remove(listener);
    }

    /**
     * Hears of every container that dies on a watched engine, as the event stream reports it (after {@link #start}).
     * Called on the event thread: hand slow work (reading logs) to a thread of your own.
     */
    public void addDeathListener(Consumer<ContainerDeath> listener) {
        deathListeners.add(listener);
    }

    private void publishDeath(ContainerDeath death) {
        for (Consumer<ContainerDeath> listener : deathListeners) {
            try {
                listener.accept(death);
            } catch (RuntimeException e) {
                LOG.warn("a death listener failed", e);
            }
        }
    }

    /** Adds what another capability judged to every verdict before it is published (the baseline recorder's flag). */
    public void annotateWith(java.util.function.UnaryOperator<ServiceHealth> annotator) {
        this.annotator = annotator;
    }

    /** Checks everything once, waiting for memory figures too, and returns the result (the {@code status} command). */
    public HealthSnapshot checkOnce() {
        CompletableFuture.allOf(watchers.stream()
                .map(w -> CompletableFuture.runAsync(() -> w.refreshAll(true), polls))
                .toArray(CompletableFuture[]::new)).join();
        return snapshot();
    }

    /**
     * Starts polling every host at the profile's interval and following its engine events: every round probes each
     * endpoint; containers are inspected on their engine events and, when the engine's list disagrees with the last
     * inspection or every third full round, in every fifth round (see {@link HostWatcher#poll}).
     */
    public void start() {
        for (HostWatcher watcher : watchers) {
            watcher.followEvents();
            schedules.add(polls.scheduleWithFixedDelay(() -> {
                try {
                    watcher.poll();
                } catch (RuntimeException e) {
                    LOG.warn("poll failed", e); // a failed round must not end the schedule
                }
            }, 0, profile.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** The engine of a host while it answers; shared so other capabilities do not open connections of their own. */
    public java.util.Optional<io.nightwatch.docker.DockerGateway> gateway(String host) {
        return watchers.stream().filter(w -> w.hostName().equals(host)).findFirst().flatMap(HostWatcher::gatewayIfReachable);
    }

    /**
     * The engine that holds the service's container now: for a Swarm task on another node, that node's engine
     * (from the profile); empty when it does not answer or the profile names none for that node.
     */
    public java.util.Optional<io.nightwatch.docker.DockerGateway> gatewayFor(ServiceHealth service) {
        return watchers.stream().filter(w -> w.hostName().equals(service.spec().host())).findFirst().flatMap(w -> w.gatewayFor(service));
    }

    public HealthSnapshot snapshot() {
        List<EngineStatus> engines = watchers.stream().map(HostWatcher::engine).toList();
        java.util.function.UnaryOperator<ServiceHealth> annotate = annotator;
        List<ServiceHealth> services = watchers.stream().flatMap(w -> w.verdicts().stream()).map(annotate).toList();
        return new HealthSnapshot(clock.instant(), engines, services);
    }

    private void publish() {
        if (listeners.isEmpty()) return;
        HealthSnapshot snapshot = snapshot();
        for (Consumer<HealthSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("a health listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        schedules.forEach(s -> s.cancel(true));
        if (ownsShared) shared.close();
        watchers.forEach(HostWatcher::close);
    }
}
