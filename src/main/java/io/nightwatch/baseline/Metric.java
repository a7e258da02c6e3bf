package io.nightwatch.baseline;

/** The names of the recorded series (stable: they are stored). */
public final class Metric {

    /** Milliseconds one cheap query took (Prometheus {@code up}, Loki labels, Redis PING, Grafana health). */
    public static final String QUERY_LATENCY = "query.latency_ms";
    /** Bytes of memory the container uses. */
    public static final String MEMORY = "memory.bytes";
    /** Bytes used on the service's data volume (from the flow monitor's {@code df}). */
    public static final String DISK_USED = "disk.used_bytes";
    /** Per second through a flow stage: {@code rate.<stage key>}. */
    public static final String RATE_PREFIX = "rate.";

    private Metric() {}
}
