package io.nightwatch.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Docker engine the stack runs on. An empty address means "as the environment says"
 * ({@code DOCKER_HOST}, else the local socket).
 *
 * @param nodes when this engine is a Swarm manager: the engines of the other nodes, each named as the Swarm names
 *              the node (its hostname) or matched by address, so work on a task goes to the node that runs it
 */
public record DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                             List<DockerHostSpec> nodes) {

    public static final String LOCAL = "local";

    public DockerHostSpec {
        nodes = List.copyOf(nodes);
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath) {
        this(name, address, tlsVerify, certPath, List.of());
    }

    public static DockerHostSpec fromEnvironment(String name) {
        return new DockerHostSpec(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DockerHostSpec withAddress(String newAddress) {
        return new DockerHostSpec(name, Optional.of(newAddress), tlsVerify, certPath, nodes);
    }

    public DockerHostSpec withNodes(List<DockerHostSpec> newNodes) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, newNodes);
    }
}
