package io.nightwatch.stack;

import java.net.URI;
import java.util.Optional;

/** Fills in what a profile leaves out, from the service's kind and the host it runs on. */
public final class ServiceDefaults {

    private ServiceDefaults() {}

    /**
     * The address probes use to reach published ports: the engine's own host name for {@code tcp://} engines,
     * loopback for local sockets. The reference stack publishes on 127.0.0.1 of its host, so for a remote engine
     * this usually refuses and the probe falls back to exec, as intended.
     */
    public static String probeHostFor(DockerHostSpec host) {
        String address = host.address().orElseGet(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse(""));
        if (address.startsWith("tcp://") || address.startsWith("http://") || address.startsWith("https://")) {
            String hostName = URI.create(address).getHost();
            if (hostName != null && !hostName.isBlank()) return hostName;
        }
        return "127.0.0.1";
    }

    public static ServiceSpec forKind(ServiceKind kind, DockerHostSpec host) {
        return forKind(kind, host, kind.id(), kind.referenceContainerName(), kind.defaultHostPort());
    }

    public static ServiceSpec forKind(ServiceKind kind, DockerHostSpec host, String name, String container, int hostPort) {
        String probeHost = probeHostFor(host);
        Endpoint health = new Endpoint(kind.protocol(), probeHost, hostPort, kind.containerPort(), kind.healthPath());
        Optional<Endpoint> metrics = Optional.ofNullable(kind.metricsPath())
                .map(path -> new Endpoint(ProbeProtocol.HTTP, probeHost, metricsPortOnHost(kind, hostPort),
                        metricsPortInContainer(kind), path));
        return new ServiceSpec(name, kind, host.name(), container, health, metrics, kind.dataPath(), Optional.empty(), false);
    }

    /** The collector's health and metrics live on different ports (13133 vs 8888); the others serve both on one. */
    private static int metricsPortInContainer(ServiceKind kind) {
        return kind == ServiceKind.OTEL_COLLECTOR ? 8888 : kind.containerPort();
    }

    private static int metricsPortOnHost(ServiceKind kind, int healthHostPort) {
        return kind == ServiceKind.OTEL_COLLECTOR ? 8888 : healthHostPort;
    }

    static ServiceSpec retarget(ServiceSpec spec, String oldHost, String newHost) {
        Endpoint health = spec.health().directHost().equals(oldHost) ? withHost(spec.health(), newHost) : spec.health();
        Optional<Endpoint> metrics = spec.metrics().map(m -> m.directHost().equals(oldHost) ? withHost(m, newHost) : m);
        return new ServiceSpec(spec.name(), spec.kind(), spec.host(), spec.container(), health, metrics,
                spec.dataPath(), spec.credentialEnv(), spec.discovered());
    }

    private static Endpoint withHost(Endpoint endpoint, String host) {
        return new Endpoint(endpoint.protocol(), host, endpoint.directPort(), endpoint.containerPort(), endpoint.path());
    }
}
