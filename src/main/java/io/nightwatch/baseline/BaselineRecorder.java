package io.nightwatch.baseline;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.StageRole;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.store.PerformanceHistory;
import io.nightwatch.store.PerformanceHistory.Sample;
import io.nightwatch.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records the baselines while Nightwatch watches: every round (60 s) one cheap query per service, one after the other
 * on one thread (so the stack sees at most one extra query at a time), plus the memory the health monitor read and the
 * ingestion rates the flow monitor computed, all under the container's image; the services' states as they change;
 * the data volumes' use (for the time to full); samples older than the kept period pruned hourly. Tells the health monitor which services run far off their baseline
 * (the tile's flag). Never throws into the monitors; a failing store only costs samples.
 */
public final class BaselineRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineRecorder.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final HealthMonitor health;
    private final Optional<FlowMonitor> flow;
    private final PerformanceHistory history;
    private final StoredBaselines baselines;
    private final BaselineSettings settings;
    private final Clock clock;
    private final QueryTimer timer;
    private final ScheduledExecutorService scheduler;
    private final Map<String, String> lastState = new ConcurrentHashMap<>();
    private final Map<String, OffBaseline> off = new ConcurrentHashMap<>();
    private Instant lastPrune = Instant.EPOCH;

    public BaselineRecorder(HealthMonitor health, Optional<FlowMonitor> flow, PerformanceHistory history, Map<String, String> env,
                            BaselineSettings settings, Clock clock) {
        this.health = health;
        this.flow = flow;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
        this.baselines = new StoredBaselines(history, settings, clock);
        this.timer = new QueryTimer(settings.timeout(), env);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightwatch-baseline");
            t.setDaemon(true);
            return t;
        });
        health.annotateWith(this::annotate);
        health.addListener(this::onHealth);
    }

    /** The baselines as recorded, for the audit and the upgrade gate. */
    public StoredBaselines baselines() { return baselines; }

    /** The services running far off their baseline now, by service id. */
    public Map<String, OffBaseline> offBaseline() { return Map.copyOf(off); }

    /** First round after one period: the monitors' first readings are in by then. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::roundQuietly, settings.every().toMillis(), settings.every().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("baseline round failed: {}", e.toString()); // one bad round must not end the schedule
        }
    }

    /** One round now, on the caller's thread: the samples written, the verdicts renewed. Returns the samples. */
    public List<Sample> round() {
        Instant at = clock.instant();
        HealthSnapshot snapshot = health.snapshot();
        Optional<FlowSnapshot> rates = flow.map(FlowMonitor::snapshot);
        List<Sample> samples = new ArrayList<>();
        for (ServiceHealth s : snapshot.services()) {
            observe(s, at);
            Optional<String> image = s.container().filter(ContainerFacts::running).map(ContainerFacts::image);
            if (image.isEmpty() || s.state() == HealthState.DOWN) continue;
            String id = s.id();
            timer.time(s.spec()).ifPresent(d -> samples.add(new Sample(at, id, image.get(), Metric.QUERY_LATENCY, d.toNanos() / 1e6)));
            s.memory().ifPresent(m -> samples.add(new Sample(at, id, image.get(), Metric.MEMORY, m.usedBytes())));
            rates.ifPresent(f -> {
                for (StageStatus stage : f.stages()) {
                    boolean throughput = stage.spec().role() == StageRole.THROUGHPUT || stage.spec().role() == StageRole.QUIET_THROUGHPUT;
                    if (throughput && stage.serviceId().equals(id) && stage.value().isPresent()) {
                        samples.add(new Sample(at, id, image.get(), Metric.RATE_PREFIX + stage.spec().key(), stage.value().getAsDouble()));
                    }
                }
            });
        }
        rates.ifPresent(f -> f.disks().stream().filter(d -> d.problem().isEmpty() && d.sizeBytes() > 0).forEach(d ->
                snapshot.services().stream().filter(s -> s.id().equals(d.serviceId())).findFirst()
                        .flatMap(s -> s.container().map(ContainerFacts::image))
                        .ifPresent(image -> samples.add(new Sample(at, d.serviceId(), image, Metric.DISK_USED, d.sizeBytes() - d.freeBytes())))));
        try {
            history.record(samples);
            judge(snapshot);
            if (Duration.between(lastPrune, at).compareTo(PRUNE_EVERY) >= 0) {
                lastPrune = at;
                int pruned = history.prune(at.minus(settings.keep()));
                if (pruned > 0) LOG.info("baselines: {} sample(s) older than {} days pruned", pruned, settings.keep().toDays());
            }
        } catch (StoreException e) {
            LOG.warn("baselines not recorded: {}", e.getMessage());
        }
        return samples;
    }

    private void judge(HealthSnapshot snapshot) {
        for (ServiceHealth s : snapshot.services()) {
            Optional<OffBaseline> verdict = s.container().filter(ContainerFacts::running)
                    .flatMap(c -> baselines.offBaseline(s.id(), c.image()));
            if (verdict.isPresent()) {
                if (off.put(s.id(), verdict.get()) == null) LOG.info("{} off its baseline: {}", s.id(), verdict.get().words());
            } else if (off.remove(s.id()) != null) {
                LOG.info("{} back within its baseline", s.id());
            }
        }
    }

    /** Every round extends the state span; a change between rounds is recorded when the health monitor sees it. */
    private void observe(ServiceHealth s, Instant at) {
        try {
            history.observed(s.id(), s.state().name(), at, settings.stateGap());
            lastState.put(s.id(), s.state().name());
        } catch (StoreException e) {
            LOG.warn("state of {} not recorded: {}", s.id(), e.getMessage());
        }
    }

    /** On the health thread: only a changed state is handed to the recorder's own thread, which writes it. */
    private void onHealth(HealthSnapshot snapshot) {
        for (ServiceHealth s : snapshot.services()) {
            String before = lastState.get(s.id());
            if (before == null || before.equals(s.state().name())) continue;
            lastState.put(s.id(), s.state().name());
            try {
                scheduler.execute(() -> observe(s, s.checkedAt()));
            } catch (RejectedExecutionException closing) {
                return;
            }
        }
    }

    private ServiceHealth annotate(ServiceHealth s) {
        OffBaseline o = off.get(s.id());
        return o == null ? s : s.withOffBaseline(Optional.of(o.words()));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.close();
    }
}
