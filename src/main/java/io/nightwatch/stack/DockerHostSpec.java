package io.nightwatch.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Docker engine the stack runs on. An empty address means "as the environment says"
 * ({@code DOCKER_HOST}, else the local socket).
 */
public record DockerHostSpec(String name, Optional<String> address, Optional<Boolean> tlsVerify, Optional<Path> certPath) {

    public static final String LOCAL = "local";

    public static DockerHostSpec fromEnvironment(String name) {
        return new DockerHostSpec(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DockerHostSpec withAddress(String newAddress) {
        return new DockerHostSpec(name, Optional.of(newAddress), tlsVerify, certPath);
    }
}
