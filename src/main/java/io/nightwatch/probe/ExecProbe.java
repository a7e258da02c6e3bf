package io.nightwatch.probe;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does inside the container what the stack's own healthchecks do ({@code wget -qO- http://localhost:PORT/...},
 * {@code redis-cli ping}). This reaches services whose ports are not published to this workstation.
 */
public final class ExecProbe {

    private static final Pattern HTTP_ERROR = Pattern.compile("(?:HTTP/\\d(?:\\.\\d)? |ERROR )(\\d{3})");

    private final Duration timeout;
    private final java.util.Set<String> withoutWgetTimeout = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ExecProbe(Duration timeout) {
        this.timeout = timeout;
    }

    public ProbeResult probe(DockerGateway gateway, String container, Endpoint endpoint, Optional<String> password) {
        try {
            return endpoint.protocol() == ProbeProtocol.REDIS
                    ? redis(gateway, container, endpoint, password)
                    : http(gateway, container, endpoint);
        } catch (ExecUnavailableException e) {
            return ProbeResult.unreachable(ProbeTransport.EXEC, e.getMessage());
        }
    }

    private ProbeResult http(DockerGateway gateway, String container, Endpoint endpoint) throws ExecUnavailableException {
        ExecResult r = wget(gateway, container, endpoint);
        if (r.timedOut()) return timedOut(endpoint.path());
        String said = r.stdout() + "\n" + r.stderr();
        if (r.succeeded()) return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.EXEC, r.took(), endpoint.path() + " answers");
        Matcher status = HTTP_ERROR.matcher(said);
        if (status.find()) {
            return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(), endpoint.path() + " returns " + status.group(1));
        }
        if (said.contains("refused") || said.contains("can't connect")) {
            return ProbeResult.of(ProbeOutcome.REFUSED, ProbeTransport.EXEC, r.took(),
                    "nothing answers on :" + endpoint.containerPort() + " inside the container");
        }
        if (said.contains("timed out")) return timedOut(endpoint.path());
        if (r.exitCode() == 126 || r.exitCode() == 127) throw new ExecUnavailableException("wget is not available in " + container);
        return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(),
                endpoint.path() + " failed: " + firstLine(said));
    }

    /**
     * Gives wget its own deadline ({@code -T}) so a hanging endpoint leaves no process behind in the container.
     * Some busybox builds lack that option (Debian's segfaults on it, exit 139); for those containers the probe
     * falls back to the plain form the stack's own healthchecks use, bounded by the exec timeout alone.
     */
    private ExecResult wget(DockerGateway gateway, String container, Endpoint endpoint) throws ExecUnavailableException {
        String url = endpoint.inContainerUrl();
        if (!withoutWgetTimeout.contains(container)) {
            long seconds = Math.max(1, timeout.toSeconds());
            ExecResult r = gateway.exec(container, List.of("wget", "-q", "-T", String.valueOf(seconds), "-O", "-", url),
                    timeout.plusSeconds(1));
            String said = r.stderr() + r.stdout();
            boolean optionRejected = r.exitCode() == 139 || said.contains("unrecognized option") || said.contains("invalid option");
            if (!optionRejected) return r;
            withoutWgetTimeout.add(container);
        }
        return gateway.exec(container, List.of("wget", "-q", "-O", "-", url), timeout);
    }

    private ProbeResult redis(DockerGateway gateway, String container, Endpoint endpoint, Optional<String> password)
            throws ExecUnavailableException {
        // REDISCLI_AUTH keeps the password out of the process list inside the container.
        Map<String, String> env = password.map(p -> Map.of("REDISCLI_AUTH", p)).orElse(Map.of());
        ExecResult r = gateway.exec(container, List.of("redis-cli", "-p", String.valueOf(endpoint.containerPort()), "ping"),
                env, timeout);
        if (r.timedOut()) return timedOut("PING");
        String said = (r.stdout() + "\n" + r.stderr()).trim();
        if (said.startsWith("PONG")) return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.EXEC, r.took(), "PING → PONG");
        if (said.contains("Connection refused") || said.contains("Could not connect")) {
            return ProbeResult.of(ProbeOutcome.REFUSED, ProbeTransport.EXEC, r.took(),
                    "nothing answers on :" + endpoint.containerPort() + " inside the container");
        }
        return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(), "PING → " + firstLine(said));
    }

    private ProbeResult timedOut(String what) {
        return ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.EXEC, null, what + " timed out after " + Durations.human(timeout));
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String line = nl < 0 ? trimmed : trimmed.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
