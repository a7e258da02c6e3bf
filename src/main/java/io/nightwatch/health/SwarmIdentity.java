package io.nightwatch.health;

import io.nightwatch.docker.SwarmService;
import io.nightwatch.stack.ServiceSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which Swarm service a profile service is. A stack deploys {@code <service>} as {@code <stack>_<service>} with the
 * label {@code com.docker.stack.namespace=<stack>}; the tasks' containers have generated names
 * ({@code <stack>_<service>.<slot>.<task id>}), so the service, never a container name, is the identity.
 */
public final class SwarmIdentity {

    public static final String STACK_LABEL = "com.docker.stack.namespace";
    public static final String SERVICE_LABEL = "com.docker.swarm.service.name";

    private SwarmIdentity() {}

    public static Optional<SwarmService> match(ServiceSpec spec, List<SwarmService> services) {
        // The profile may name the Swarm service itself as the container.
        Optional<SwarmService> exact = services.stream().filter(s -> s.name().equals(spec.container())).findFirst();
        if (exact.isPresent()) return exact;
        List<SwarmService> inStacks = services.stream()
                .filter(s -> !s.stack().isEmpty() && s.name().equals(s.stack() + "_" + spec.name()))
                .sorted(Comparator.comparing(SwarmService::name)).toList();
        if (inStacks.size() <= 1) return inStacks.stream().findFirst();
        // Several stacks deploy a service of that name: the one the compose-style container name points at
        // (sva-studio-redis → stack sva-studio).
        String stackOfContainer = spec.container().endsWith("-" + spec.name())
                ? spec.container().substring(0, spec.container().length() - spec.name().length() - 1) : "";
        return inStacks.stream().filter(s -> s.stack().equals(stackOfContainer)).findFirst().or(() -> inStacks.stream().findFirst());
    }
}
