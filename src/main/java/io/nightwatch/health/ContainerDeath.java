package io.nightwatch.health;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineEvent;
import io.nightwatch.stack.ServiceSpec;

import java.util.Optional;

/**
 * A container of the stack (a profile or discovered service) died ({@code die} in the engine's event stream), handed
 * to {@link HealthMonitor#addDeathListener} listeners at once, while the engine still has its log.
 *
 * @param service the profile (or discovered) service the container stands for, if any
 * @param gateway the engine that reported it, to read the container's last lines
 */
public record ContainerDeath(String host, Optional<ServiceSpec> service, EngineEvent event, DockerGateway gateway) {

    /** The service's name, else the container's. */
    public String serviceName() {
        return service.map(ServiceSpec::name).orElse(event.containerName());
    }
}
