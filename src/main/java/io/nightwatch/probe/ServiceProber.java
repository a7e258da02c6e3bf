package io.nightwatch.probe;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ServiceSpec;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a service for its health through the first transport that reaches it: direct, else exec inside the
 * container, else the engine's own healthcheck (images without a shell, such as the OTEL Collector's).
 */
public final class ServiceProber {

    private static final Texts T = Texts.of(ServiceProber.class);

    private final HttpProbe http;
    private final RedisProbe redis;
    private final ExecProbe exec;
    private final Map<String, String> env;

    public ServiceProber(Duration timeout, Map<String, String> env) {
        this(timeout, env, new OkHttpClient());
    }

    /** Probing over {@code http}'s connection pool (the monitors' shared client). */
    public ServiceProber(Duration timeout, Map<String, String> env, OkHttpClient http) {
        this.http = new HttpProbe(timeout, http);
        this.redis = new RedisProbe(timeout);
        this.exec = new ExecProbe(timeout);
        this.env = env;
    }

    /**
     * @param container the container's facts, empty when there is none
     * @param gateway   empty when the engine cannot be reached (then only the direct path is tried)
     */
    public ProbeResult probe(ServiceSpec spec, Optional<ContainerFacts> container, Optional<DockerGateway> gateway) {
        List<String> notReached = new ArrayList<>();
        Optional<String> password = spec.credentialEnv().map(env::get).filter(p -> !p.isEmpty());

        if (!spec.health().directHost().isEmpty()) {
            ProbeResult direct = spec.health().protocol() == ProbeProtocol.REDIS
                    ? redis.probe(spec.health(), password)
                    : http.probe(spec.health());
            if (direct.reached()) return direct;
            notReached.add(direct.detail());
        }
        boolean running = container.map(ContainerFacts::running).orElse(false);
        if (running && gateway.isPresent()) {
            ProbeResult inside = exec.probe(gateway.get(), container.get().name(), spec.health(), password);
            if (inside.reached()) return inside.withFallback(String.join("; ", notReached));
            notReached.add(inside.detail());
            HealthcheckStatus check = container.get().health();
            if (check != HealthcheckStatus.NONE) return fromHealthcheck(container.get()).withFallback(String.join("; ", notReached));
            notReached.add(T.get("probe.noHealthcheck"));
        } else if (container.isPresent() && !running) {
            notReached.add(T.get("probe.notRunning"));
        }
        return ProbeResult.notProbed(String.join("; ", notReached));
    }

    private static ProbeResult fromHealthcheck(ContainerFacts facts) {
        String output = facts.lastHealthOutput().isEmpty() ? "" : ": " + facts.lastHealthOutput();
        return switch (facts.health()) {
            case HEALTHY -> ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.ENGINE_HEALTHCHECK, null, T.get("probe.healthcheck.healthy"));
            case UNHEALTHY -> ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.ENGINE_HEALTHCHECK, null, T.get("probe.healthcheck.unhealthy") + output);
            case STARTING -> ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.ENGINE_HEALTHCHECK, null, T.get("probe.healthcheck.starting"));
            case NONE -> ProbeResult.notProbed(T.get("probe.noHealthcheck"));
        };
    }
}
