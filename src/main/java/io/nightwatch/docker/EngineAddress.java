package io.nightwatch.docker;

import io.nightwatch.stack.DockerHostSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The engine to talk to, resolved the way the Docker CLI does: an explicit address (profile or {@code --host})
 * wins, then {@code DOCKER_HOST}, then the current Docker context, then the local socket.
 *
 * @param certPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem} when TLS is verified
 */
public record EngineAddress(String uri, boolean tlsVerify, Optional<Path> certPath) {

    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    public static EngineAddress resolve(DockerHostSpec host, Map<String, String> env) {
        Optional<String> explicit = host.address().or(() -> nonBlank(env.get("DOCKER_HOST")));
        Optional<DockerContexts.Context> context = explicit.isPresent() ? Optional.empty() : DockerContexts.current(env);
        String uri = explicit.or(() -> context.map(DockerContexts.Context::host)).orElse(DEFAULT_SOCKET);
        if (!isTcp(uri)) return new EngineAddress(uri, false, Optional.empty());

        // The Docker CLI treats any non-empty DOCKER_TLS_VERIFY as "on"; docker-java only "1"/"true". Follow the CLI.
        boolean verify = host.tlsVerify().orElseGet(() -> context.map(DockerContexts.Context::hasTls)
                .orElse(nonBlank(env.get("DOCKER_TLS_VERIFY")).isPresent()));
        Optional<Path> certs = host.certPath()
                .or(() -> context.flatMap(DockerContexts.Context::tlsDirectory))
                .or(() -> nonBlank(env.get("DOCKER_CERT_PATH")).map(Path::of))
                .or(() -> nonBlank(env.get("HOME")).map(home -> Path.of(home, ".docker")));
        return new EngineAddress(uri, verify, verify ? certs : Optional.empty());
    }

    static boolean isTcp(String uri) {
        return uri.startsWith("tcp://") || uri.startsWith("https://") || uri.startsWith("http://");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return uri + (tlsVerify ? " (TLS)" : "");
    }
}
