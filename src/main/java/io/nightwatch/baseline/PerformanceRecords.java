package io.nightwatch.baseline;

import java.time.Instant;
import java.util.Optional;

/**
 * What Nightwatch has recorded over time, as the audit and the upgrade gate read it. {@link #NONE} when there is no
 * store (then every baseline is missing and no availability is known).
 */
public interface PerformanceRecords {

    /** The query-latency baseline of a service on an image; empty below the minimum sample count. */
    Optional<Baseline> baseline(String serviceId, String image);

    /** The image the newest latency sample was taken on. */
    Optional<String> currentImage(String serviceId);

    /** How many latency samples exist for the service on the image (to say how far a baseline is). */
    int samples(String serviceId, String image);

    Availability availability(String serviceId, Instant from, Instant to);

    /** The oldest recorded disk use of the service's data volume since {@code from}: (when, bytes used). */
    default Optional<java.util.Map.Entry<Instant, Long>> oldestDiskUse(String serviceId, Instant from) { return Optional.empty(); }

    /** Samples a baseline needs before it counts. */
    default int minSamples() { return BaselineSettings.DEFAULT.minSamples(); }

    PerformanceRecords NONE = new PerformanceRecords() {
        public Optional<Baseline> baseline(String serviceId, String image) { return Optional.empty(); }

        public Optional<String> currentImage(String serviceId) { return Optional.empty(); }

        public int samples(String serviceId, String image) { return 0; }

        public Availability availability(String serviceId, Instant from, Instant to) {
            return new Availability(java.time.Duration.ZERO, java.time.Duration.ZERO);
        }
    };
}
