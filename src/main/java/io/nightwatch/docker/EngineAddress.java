package io.nightwatch.docker;

import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.text.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine to talk to, resolved the way the Docker CLI does: an explicit address (profile or {@code --host})
 * wins, then {@code DOCKER_HOST}, then the current Docker context, then the local socket. An {@code ssh://} address
 * is reached through the system's ssh, as the CLI does ({@link SshRelay}).
 *
 * @param certPath    directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem} when TLS is verified
 * @param firstAnswer how long a first ping may take before the engine counts as unreachable
 */
public record EngineAddress(String uri, boolean tlsVerify, Optional<Path> certPath, Duration firstAnswer) {

    private static final Texts T = Texts.of(EngineAddress.class);

    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    public EngineAddress {
        if (firstAnswer == null || firstAnswer.isNegative() || firstAnswer.isZero()) firstAnswer = DockerHostSpec.DEFAULT_FIRST_ANSWER;
    }

    public EngineAddress(String uri, boolean tlsVerify, Optional<Path> certPath) {
        this(uri, tlsVerify, certPath, DockerHostSpec.DEFAULT_FIRST_ANSWER);
    }

    /**
     * @throws InvalidEngineAddressException when the address is empty or malformed, or {@code DOCKER_CONTEXT} (or the
     *                                       CLI's current context) names a context that does not exist
     */
    public static EngineAddress resolve(DockerHostSpec host, Map<String, String> env) {
        if (host.address().isPresent() && host.address().get().isBlank()) {
            throw new InvalidEngineAddressException(T.get("address.empty", host.name()));
        }
        Optional<String> explicit = host.address().map(String::trim).or(() -> nonBlank(env.get("DOCKER_HOST")));
        Optional<DockerContexts.Context> context = explicit.isPresent() ? Optional.empty() : DockerContexts.current(env);
        String uri = explicit.or(() -> context.map(DockerContexts.Context::host)).orElse(DEFAULT_SOCKET);
        String origin = host.address().isPresent() ? T.get("origin.host", host.name())
                : env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank() ? "DOCKER_HOST"
                : context.map(c -> T.get("origin.context", c.name())).orElse(T.get("origin.default"));
        checkSyntax(uri, origin);
        if (!isTcp(uri)) return new EngineAddress(uri, false, Optional.empty(), host.firstAnswer());

        // The Docker CLI treats any non-empty DOCKER_TLS_VERIFY as "on"; docker-java only "1"/"true". Follow the CLI.
        boolean verify = host.tlsVerify().orElseGet(() -> context.map(DockerContexts.Context::hasTls)
                .orElse(nonBlank(env.get("DOCKER_TLS_VERIFY")).isPresent()));
        Optional<Path> certs = host.certPath()
                .or(() -> context.flatMap(DockerContexts.Context::tlsDirectory))
                .or(() -> nonBlank(env.get("DOCKER_CERT_PATH")).map(Path::of))
                .or(() -> nonBlank(env.get("HOME")).map(home -> Path.of(home, ".docker")));
        return new EngineAddress(uri, verify, verify ? certs : Optional.empty(), host.firstAnswer());
    }

    /** Only a syntactically usable address reaches docker-java, whose own errors for bad ones are NPEs and parser traces. */
    public static void checkSyntax(String uri, String origin) {
        String why = problem(uri);
        if (why != null) throw new InvalidEngineAddressException(T.get("address.invalid", printable(uri), origin, why));
    }

    private static String problem(String uri) {
        if (uri.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) return T.get("address.spaces");
        if (uri.startsWith("unix://")) {
            String path = uri.substring("unix://".length());
            return path.startsWith("/") && path.length() > 1 ? null : T.get("address.unixRelative");
        }
        if (uri.startsWith("npipe://")) {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                return T.get("address.npipe");
            }
            return uri.length() > "npipe://".length() ? null : T.get("address.npipeName");
        }
        if (SshTarget.is(uri)) return SshTarget.problem(uri);
        if (uri.startsWith("http://") || uri.startsWith("https://")) return T.get("address.http");
        if (!uri.startsWith("tcp://")) return T.get("address.unknown");
        if (uri.length() == "tcp://".length()) return T.get("address.tcpNoHost");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return T.get("address.tcpInvalid");
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) return T.get("address.tcpNoHost");
        if (parsed.getPort() < 1 || parsed.getPort() > 65535) return T.get("address.tcpNoPort", parsed.getHost());
        if (parsed.getUserInfo() != null || parsed.getQuery() != null || parsed.getFragment() != null
                || !(parsed.getPath() == null || parsed.getPath().isEmpty() || parsed.getPath().equals("/"))) {
            return T.get("address.tcpExtra");
        }
        return null;
    }

    /**
     * The TLS files docker-java needs, checked before it reads them (it fails on a missing file with errors far from
     * the cause).
     *
     * @throws InvalidEngineAddressException naming the missing file
     */
    public void requireTlsFiles() {
        if (!tlsVerify) return;
        Path dir = certPath.orElseThrow(() -> new InvalidEngineAddressException(
                T.get("tls.noFolder", uri)));
        for (String file : TLS_FILES) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new InvalidEngineAddressException(T.get("tls.missingFile", uri, dir.resolve(file), String.join(", ", TLS_FILES), dir));
            }
        }
    }

    static boolean isTcp(String uri) {
        return uri.startsWith("tcp://") || uri.startsWith("https://") || uri.startsWith("http://");
    }

    private static String printable(String text) {
        String cut = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        // a user:password part never reaches a message
        return cut.replaceAll("\\p{Cntrl}", "?").replaceAll("//[^/]*@", "//…@");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    @Override
    public String toString() {
        return uri + (tlsVerify ? " (TLS)" : "");
    }
}
