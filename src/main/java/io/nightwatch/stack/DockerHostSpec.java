package io.nightwatch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Docker engine the stack runs on. An empty address means "as the environment says"
 * ({@code DOCKER_HOST}, else the local socket).
 *
 * @param helperImage a local image with a shell that Nightwatch may run short-lived helper containers from, for
 *                    containers whose image has no shell or tools (distroless, scratch)
 * @param firstAnswer how long the engine may take to answer a first ping before it counts as unreachable
 * @param nodes       when this engine is a Swarm manager: the engines of the other nodes, each named as the Swarm names
 *                    the node (its hostname) or matched by address, so work on a task goes to the node that runs it
 */
public record DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                             Optional<String> helperImage, Duration firstAnswer, List<DockerHostSpec> nodes) {

    public static final String LOCAL = "local";
    /** An engine that has not answered a ping in 5 s will not answer the real work in time either. */
    public static final Duration DEFAULT_FIRST_ANSWER = Duration.ofSeconds(5);

    public DockerHostSpec {
        if (helperImage == null) helperImage = Optional.empty();
        if (firstAnswer == null || firstAnswer.isNegative() || firstAnswer.isZero()) firstAnswer = DEFAULT_FIRST_ANSWER;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath) {
        this(name, address, tlsVerify, certPath, Optional.empty(), DEFAULT_FIRST_ANSWER, List.of());
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                          Optional<String> helperImage) {
        this(name, address, tlsVerify, certPath, helperImage, DEFAULT_FIRST_ANSWER, List.of());
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                          Duration firstAnswer) {
        this(name, address, tlsVerify, certPath, Optional.empty(), firstAnswer, List.of());
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                          List<DockerHostSpec> nodes) {
        this(name, address, tlsVerify, certPath, Optional.empty(), DEFAULT_FIRST_ANSWER, nodes);
    }

    public static DockerHostSpec fromEnvironment(String name) {
        return new DockerHostSpec(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DockerHostSpec withAddress(String newAddress) {
        return new DockerHostSpec(name, Optional.of(newAddress), tlsVerify, certPath, helperImage, firstAnswer, nodes);
    }

    public DockerHostSpec withFirstAnswer(Duration timeout) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, helperImage, timeout, nodes);
    }

    public DockerHostSpec withHelperImage(String image) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, Optional.of(image), firstAnswer, nodes);
    }

    public DockerHostSpec withNodes(List<DockerHostSpec> newNodes) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, helperImage, firstAnswer, newNodes);
    }
}
