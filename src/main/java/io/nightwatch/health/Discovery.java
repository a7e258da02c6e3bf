package io.nightwatch.health;

import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises stack services the profile does not name: by compose or Swarm labels, or by a known image.
 * They are probed through their published port when there is one, else only from inside the container.
 */
public final class Discovery {

    static final String COMPOSE_SERVICE = "com.docker.compose.service";
    static final String SWARM_SERVICE = "com.docker.swarm.service.name";
    static final String STACK_COMPONENT = "com.sva-studio.component";

    private Discovery() {}

    public static List<ServiceSpec> discover(List<ContainerSummary> containers, List<ServiceSpec> known, DockerHostSpec host) {
        return discover(containers, known, host, Set.of());
    }

    /**
     * As {@link #discover(List, List, DockerHostSpec)}; a Swarm task belongs to its service: tasks of the services in
     * {@code claimedSwarmServices} (the profile's) are no tiles of their own, and the tasks of any other Swarm
     * service make one tile named after that service, which outlives every task replacement.
     */
    public static List<ServiceSpec> discover(List<ContainerSummary> containers, List<ServiceSpec> known, DockerHostSpec host,
                                             Set<String> claimedSwarmServices) {
        Set<String> claimed = known.stream().map(ServiceSpec::container).collect(Collectors.toSet());
        Set<String> swarmSeen = new java.util.HashSet<>(claimedSwarmServices);
        List<ServiceSpec> found = new ArrayList<>();
        for (ContainerSummary c : containers) {
            if (claimed.contains(c.name())) continue;
            if (c.nightwatchHelper()) continue; // a few seconds' helper of a backup or restore, same image as the service
            String swarmService = c.labels().getOrDefault(SWARM_SERVICE, "");
            if (!swarmService.isEmpty()) {
                if (!swarmSeen.add(swarmService)) continue;
                kindOf(c).ifPresent(k -> found.add(specFor(c, k, host, swarmService)));
                continue;
            }
            // a stopped old version kept by an upgrade is the way back, not a service of its own to watch
            if (known.stream().anyMatch(k -> k.isKeptCopy(c.name()))) continue;
            Optional<ServiceKind> kind = kindOf(c);
            kind.ifPresent(k -> found.add(specFor(c, k, host)));
        }
        return found;
    }

    static Optional<ServiceKind> kindOf(ContainerSummary c) {
        return ServiceKind.fromImage(c.image())
                .or(() -> labelKind(c, COMPOSE_SERVICE))
                .or(() -> labelKind(c, STACK_COMPONENT))
                .or(() -> Optional.ofNullable(c.labels().get(SWARM_SERVICE))
                        .map(name -> name.contains("_") ? name.substring(name.lastIndexOf('_') + 1) : name)
                        .flatMap(ServiceKind::fromId));
    }

    private static Optional<ServiceKind> labelKind(ContainerSummary c, String label) {
        return Optional.ofNullable(c.labels().get(label)).flatMap(ServiceKind::fromId);
    }

    private static ServiceSpec specFor(ContainerSummary c, ServiceKind kind, DockerHostSpec host) {
        return specFor(c, kind, host, c.name());
    }

    /** {@code name} is the container's, or for a Swarm task its service's (the tile's lasting identity). */
    private static ServiceSpec specFor(ContainerSummary c, ServiceKind kind, DockerHostSpec host, String name) {
        ServiceSpec defaults = ServiceDefaults.forKind(kind, host, name, name, kind.defaultHostPort());
        Integer published = c.publishedPorts().get(kind.containerPort());
        Endpoint health = published != null
                ? new Endpoint(kind.protocol(), defaults.health().directHost(), published, kind.containerPort(), kind.healthPath())
                // Not published: an empty direct host tells the prober to go straight to exec.
                : new Endpoint(kind.protocol(), "", kind.containerPort(), kind.containerPort(), kind.healthPath());
        return new ServiceSpec(name, kind, host.name(), name, health, defaults.metrics(), kind.dataPath(),
                java.util.Optional.empty(), true);
    }
}
