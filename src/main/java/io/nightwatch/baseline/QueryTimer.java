package io.nightwatch.baseline;

import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.RedisProbe;
import io.nightwatch.stack.ServiceSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Times one cheap query per service, the same every round so rounds compare: Prometheus {@code up} (instant query),
 * Loki's label names, Redis {@code PING}, Grafana's {@code /api/health}. A query that runs into the timeout counts as
 * the timeout (slowness is what a baseline is for); a refused or failing one counts not at all (that is health's news).
 */
public final class QueryTimer implements AutoCloseable {

    private static final int MAX_BODY = 64 << 10;

    private final Duration timeout;
    private final Map<String, String> env;
    private final OkHttpClient http;
    private final RedisProbe redis;

    QueryTimer(Duration timeout, Map<String, String> env) {
        this.timeout = timeout;
        this.env = Map.copyOf(env);
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
                .followRedirects(false).retryOnConnectionFailure(false).build();
        this.redis = new RedisProbe(timeout);
    }

    /** The query this service kind gets, in words (for the audit's evidence and the gate); empty when none. */
    public static Optional<String> queryOf(ServiceSpec s) {
        return Optional.ofNullable(switch (s.kind()) {
            case PROMETHEUS -> "GET /api/v1/query?query=up";
            case LOKI -> "GET /loki/api/v1/labels";
            case GRAFANA -> "GET /api/health";
            case REDIS -> "PING";
            default -> null;
        });
    }

    Optional<Duration> time(ServiceSpec s) {
        return switch (s.kind()) {
            case PROMETHEUS -> get(s, "/api/v1/query?query=up", "\"success\"");
            case LOKI -> get(s, "/loki/api/v1/labels", "\"success\"");
            case GRAFANA -> get(s, "/api/health", "database");
            case REDIS -> ping(s);
            default -> Optional.empty();
        };
    }

    private Optional<Duration> get(ServiceSpec s, String path, String expected) {
        String host = s.health().directHost().contains(":") ? "[" + s.health().directHost() + "]" : s.health().directHost();
        String url = "http://" + host + ":" + s.health().directPort() + path;
        long t0 = System.nanoTime();
        try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute(); ResponseBody body = r.body()) {
            String text = "";
            if (body != null) {
                try (InputStream in = body.byteStream()) {
                    text = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            return r.code() == 200 && text.contains(expected) ? Optional.of(took) : Optional.empty();
        } catch (InterruptedIOException timedOut) {
            return Optional.of(timeout);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> ping(ServiceSpec s) {
        ProbeResult r = redis.probe(s.health(), s.credentialEnv().map(env::get));
        if (r.outcome() == ProbeOutcome.TIMED_OUT) return Optional.of(timeout);
        return r.healthy() ? r.latency() : Optional.empty();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
