package io.nightwatch.probe;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Formats;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Does inside the container what the stack's own healthchecks do ({@code wget -qO- http://localhost:PORT/...},
 * {@code redis-cli ping}). This reaches services whose ports are not published to this workstation.
 */
public final class ExecProbe {

    private static final Texts T = Texts.of(ExecProbe.class);

    private final Duration timeout;
    private final InContainerHttp http;

    public ExecProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = new InContainerHttp(timeout);
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
        ExecResult r = http.get(gateway, container, endpoint.inContainerUrl());
        if (r.succeeded()) return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.EXEC, r.took(), T.get("probe.answers", endpoint.path()));
        Optional<Integer> status = InContainerHttp.errorStatus(r);
        if (status.isPresent()) {
            return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(), T.get("probe.returns", endpoint.path(), status.get()));
        }
        if (InContainerHttp.refused(r)) {
            return ProbeResult.of(ProbeOutcome.REFUSED, ProbeTransport.EXEC, r.took(),
                    T.get("probe.nothingInside", endpoint.containerPort()));
        }
        if (InContainerHttp.timedOut(r)) return timedOut(endpoint.path());
        return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(),
                T.get("probe.failed", endpoint.path(), firstLine(r.stdout() + "\n" + r.stderr())));
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
        if (said.contains("Connection refused") || said.contains("Could not connect")) { // tool text: redis-cli's words
            return ProbeResult.of(ProbeOutcome.REFUSED, ProbeTransport.EXEC, r.took(),
                    T.get("probe.nothingInside", endpoint.containerPort()));
        }
        return ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.EXEC, r.took(), "PING → " + firstLine(said));
    }

    private ProbeResult timedOut(String what) {
        return ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.EXEC, null, T.get("probe.timedOut", what, Formats.duration(timeout)));
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String line = nl < 0 ? trimmed : trimmed.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
