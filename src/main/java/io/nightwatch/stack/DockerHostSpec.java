package io.nightwatch.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Docker engine the stack runs on. An empty address means "as the environment says"
 * ({@code DOCKER_HOST}, else the local socket).
 *
 * @param helperImage a local image with a shell that Nightwatch may run short-lived helper containers from, for
 *                    containers whose image has no shell or tools (distroless, scratch)
 */
public record DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath,
                             Optional<String> helperImage) {

    public DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath) {
        this(name, address, tlsVerify, certPath, Optional.empty());
    }

    public static final String LOCAL = "local";

    public static DockerHostSpec fromEnvironment(String name) {
        return new DockerHostSpec(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DockerHostSpec withAddress(String newAddress) {
        return new DockerHostSpec(name, Optional.of(newAddress), tlsVerify, certPath, helperImage);
    }

    public DockerHostSpec withHelperImage(String image) {
        return new DockerHostSpec(name, address, tlsVerify, certPath, Optional.of(image));
    }
}
