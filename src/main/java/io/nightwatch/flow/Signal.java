package io.nightwatch.flow;

import java.util.Map;

/** Where a stage's figure comes from. */
public sealed interface Signal {

    /** The sum of all samples of one name in the service's own {@code /metrics}, optionally filtered by labels. */
    record Metric(String sample, Map<String, String> labels, String breakdownLabel) implements Signal {
        public Metric {
            labels = Map.copyOf(labels);
        }

        public static Metric of(String sample) {
            return new Metric(sample, Map.of(), "");
        }

        /** Also name the figure per value of a label (e.g. failures per Alertmanager integration). */
        public static Metric byLabel(String sample, String label) {
            return new Metric(sample, Map.of(), label);
        }
    }

    /** A field of Redis {@code INFO}; {@code expires} sums the keys with a TTL over all databases. */
    record RedisInfo(String field) implements Signal {}

    /** Prometheus' scrape targets ({@code /api/v1/targets}): the number of active targets that are down. */
    record TargetsDown() implements Signal {}
}
