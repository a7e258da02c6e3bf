package io.nightwatch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A Docker engine the stack runs on. An empty address means "as the environment says"
 * ({@code DOCKER_HOST}, else the local socket).
 *
 * @param helperImage a local image with a shell that Nightwatch may run short-lived helper containers from, for
 *                    containers whose image has no shell or tools (distroless, scratch)
 * @param firstAnswer how long the engine may take to answer a first ping before it counts as unreachable
 */
public record DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                             Optional<String> helperImage, Duration firstAnswer) {

    public static final String LOCAL = "local";
    /** An engine that has not answered a ping in 5 s will not answer the real work in time either. */
    public static final Duration DEFAULT_FIRST_ANSWER = Duration.ofSeconds(5);

    public DockerHostSpec {
        if (helperImage == null) helperImage = Optional.empty();
        if (firstAnswer == null || firstAnswer.isNegative() || firstAnswer.isZero()) firstAnswer = DEFAULT_FIRST_ANSWER;
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath) {
        this(name, address, tlsVerify, certPath, Optional.empty(), DEFAULT_FIRST_ANSWER);
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                          Optional<String> helperImage) {
        this(name, address, tlsVerify, certPath, helperImage, DEFAULT_FIRST_ANSWER);
    }

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                          Duration firstAnswer) {
        this(name, address, tlsVerify, certPath, Optional.empty(), firstAnswer);
    }

    public static DockerHostSpec fromEnvironment(String name) {
        return new DockerHostSpec(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DockerHostSpec withAddress(String newAddress) {
        return new DockerHostSpec(name, Optional.of(newAddress), tlsVerify, certPath, helperImage, firstAnswer);
    }

    public DockerHostSpec withFirstAnswer(Duration timeout) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, helperImage, timeout);
    }

    public DockerHostSpec withHelperImage(String image) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, Optional.of(image), firstAnswer);
    }
}
