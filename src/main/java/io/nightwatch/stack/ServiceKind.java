package io.nightwatch.stack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of service the reference stack runs, each with the facts the reference compose file fixes:
 * the port the service listens on inside its container, the host port it is published on, how its
 * health is asked, where its own metrics are and where its data lives.
 */
public enum ServiceKind {
    PROMETHEUS("prometheus", 9090, 9090, ProbeProtocol.HTTP, "/-/healthy", "/metrics", "/prometheus",
            List.of("prom/prometheus", "prometheus")),
    LOKI("loki", 3100, 3100, ProbeProtocol.HTTP, "/ready", "/metrics", "/loki", List.of("grafana/loki", "loki")),
    GRAFANA("grafana", 3000, 3001, ProbeProtocol.HTTP, "/api/health", "/metrics", "/var/lib/grafana",
            List.of("grafana/grafana", "grafana")),
    /** Health extension on 13133; the collector's own telemetry is on 8888 and not published by default. */
    OTEL_COLLECTOR("otel-collector", 13133, 13133, ProbeProtocol.HTTP, "/healthz", "/metrics", null,
            List.of("otel/opentelemetry-collector", "opentelemetry-collector", "otelcol")),
    PROMTAIL("promtail", 3101, 3101, ProbeProtocol.HTTP, "/ready", "/metrics", null,
            List.of("grafana/promtail", "promtail")),
    ALERTMANAGER("alertmanager", 9093, 9093, ProbeProtocol.HTTP, "/-/healthy", "/metrics", "/alertmanager",
            List.of("prom/alertmanager", "alertmanager")),
    REDIS("redis", 6379, 6379, ProbeProtocol.REDIS, null, null, "/data", List.of("redis"));

    private final String id;
    private final int containerPort;
    private final int defaultHostPort;
    private final ProbeProtocol protocol;
    private final String healthPath;
    private final String metricsPath;
    private final String dataPath;
    private final List<String> imageNames;

    ServiceKind(String id, int containerPort, int defaultHostPort, ProbeProtocol protocol, String healthPath,
                String metricsPath, String dataPath, List<String> imageNames) {
        this.id = id;
        this.containerPort = containerPort;
        this.defaultHostPort = defaultHostPort;
        this.protocol = protocol;
        this.healthPath = healthPath;
        this.metricsPath = metricsPath;
        this.dataPath = dataPath;
        this.imageNames = imageNames;
    }

    /** The name used in profiles, compose service names and the CLI. */
    public String id() { return id; }
    public int containerPort() { return containerPort; }
    public int defaultHostPort() { return defaultHostPort; }
    public ProbeProtocol protocol() { return protocol; }
    public String healthPath() { return healthPath; }
    public String metricsPath() { return metricsPath; }
    public Optional<String> dataPath() { return Optional.ofNullable(dataPath); }

    /** The reference stack's container name for this kind. */
    public String referenceContainerName() { return "sva-studio-" + id; }

    public static Optional<ServiceKind> fromId(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /**
     * Recognises a kind from an image reference such as {@code prom/prometheus:v2.52.0},
     * {@code otel/opentelemetry-collector-contrib:0.95.0} or {@code docker.io/library/redis:7.2-alpine}.
     */
    public static Optional<ServiceKind> fromImage(String image) {
        if (image == null || image.isBlank()) return Optional.empty();
        String repository = stripTagAndDigest(image.toLowerCase(Locale.ROOT));
        repository = repository.replaceFirst("^(docker\\.io/|registry-1\\.docker\\.io/)", "")
                .replaceFirst("^library/", "");
        for (ServiceKind kind : values()) {
            for (String name : kind.imageNames) {
                if (repository.equals(name) || repository.endsWith("/" + name)
                        || (name.contains("collector") && repository.startsWith(name))) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    private static String stripTagAndDigest(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int lastSlash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > lastSlash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    public static String knownIds() {
        return String.join(", ", Arrays.stream(values()).map(ServiceKind::id).toList());
    }
}
