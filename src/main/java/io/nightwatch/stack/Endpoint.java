package io.nightwatch.stack;

import java.net.URI;

/**
 * Where a service answers: once as seen from the workstation ({@code directHost:directPort}) and once as
 * seen from inside its own container ({@code localhost:containerPort}), which is what the exec transport uses.
 */
public record Endpoint(ProbeProtocol protocol, String directHost, int directPort, int containerPort, String path) {

    public Endpoint {
        if (directPort < 1 || directPort > 65535) throw new IllegalArgumentException("port out of range: " + directPort);
        if (containerPort < 1 || containerPort > 65535) throw new IllegalArgumentException("port out of range: " + containerPort);
        path = path == null || path.isEmpty() ? "/" : path;
    }

    public URI directUri() {
        String scheme = protocol == ProbeProtocol.HTTP ? "http" : "redis";
        String host = directHost.contains(":") ? "[" + directHost + "]" : directHost;
        return URI.create(scheme + "://" + host + ":" + directPort + (protocol == ProbeProtocol.HTTP ? path : ""));
    }

    /** The URL the stack's own healthcheck would use inside the container. */
    public String inContainerUrl() {
        return "http://localhost:" + containerPort + path;
    }

    /** Parses {@code http://host:port/path} or {@code redis://host:port}; the container port defaults to the given one. */
    public static Endpoint parse(String text, int containerPort) {
        URI uri = URI.create(text.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute URL like http://127.0.0.1:9090/-/healthy");
        }
        ProbeProtocol protocol = switch (uri.getScheme()) {
            case "http" -> ProbeProtocol.HTTP;
            case "redis" -> ProbeProtocol.REDIS;
            default -> throw new IllegalArgumentException("scheme '" + uri.getScheme() + "' is not supported (use http or redis)");
        };
        int port = uri.getPort() > 0 ? uri.getPort() : (protocol == ProbeProtocol.HTTP ? 80 : 6379);
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new Endpoint(protocol, host, port, containerPort, uri.getRawPath());
    }

    @Override
    public String toString() { return directUri().toString(); }
}
