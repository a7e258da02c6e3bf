package io.nightwatch.baseline;

import io.nightwatch.store.PerformanceHistory;
import io.nightwatch.store.PerformanceHistory.Stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The recorded baselines and states in the store, judged by the settings' thresholds. */
public final class StoredBaselines implements PerformanceRecords {

    private final PerformanceHistory history;
    private final BaselineSettings settings;
    private final Clock clock;

    public StoredBaselines(PerformanceHistory history, BaselineSettings settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Baseline> baseline(String serviceId, String image) {
        return baseline(serviceId, image, Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** The baseline from samples before {@code before} (so "now" is not compared with itself). */
    Optional<Baseline> baseline(String serviceId, String image, Instant before) {
        Instant from = clock.instant().minus(settings.keep());
        return history.stats(serviceId, image, Metric.QUERY_LATENCY, from, before)
                .filter(s -> s.count() >= settings.minSamples())
                .map(s -> new Baseline(serviceId, image, s.count(), millis(s.p50()), millis(s.p95()), s.first(), s.last()));
    }

    @Override
    public int minSamples() { return settings.minSamples(); }

    @Override
    public Optional<String> currentImage(String serviceId) {
        return history.newestImage(serviceId, Metric.QUERY_LATENCY);
    }

    @Override
    public int samples(String serviceId, String image) {
        return history.stats(serviceId, image, Metric.QUERY_LATENCY, clock.instant().minus(settings.keep())).map(Stats::count).orElse(0);
    }

    @Override
    public Optional<java.util.Map.Entry<Instant, Long>> oldestDiskUse(String serviceId, Instant from) {
        return history.oldest(serviceId, Metric.DISK_USED, from).map(s -> java.util.Map.entry(s.at(), (long) s.value()));
    }

    @Override
    public Availability availability(String serviceId, Instant from, Instant to) {
        PerformanceHistory.Availability a = history.availability(serviceId, from, to);
        return new Availability(a.serving(), a.observed());
    }

    /**
     * Whether the service's query latency of the recent window is far off the image's baseline from before it: p95 at
     * least {@code offFactor} times and {@code offFloor} above the baseline's p95, over at least three recent rounds.
     */
    public Optional<OffBaseline> offBaseline(String serviceId, String image) {
        Instant now = clock.instant();
        Instant recentFrom = now.minus(settings.recent());
        Optional<Stats> recent = history.stats(serviceId, image, Metric.QUERY_LATENCY, recentFrom);
        if (recent.isEmpty() || recent.get().count() < 3) return Optional.empty();
        Optional<Baseline> base = baseline(serviceId, image, recentFrom);
        if (base.isEmpty()) return Optional.empty();
        return OffBaseline.judge(base.get(), millis(recent.get().p95()), settings);
    }

    static Duration millis(double ms) {
        return Duration.ofNanos((long) (ms * 1_000_000));
    }
}
