package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.flow.exposition.Exposition;
import io.nightwatch.flow.exposition.ExpositionParseException;
import io.nightwatch.flow.exposition.ExpositionParser;
import io.nightwatch.flow.exposition.Sample;
import io.nightwatch.text.Bytes;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ServiceSpec;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads every signal one service's stages need, once per round: its own {@code /metrics} (parsed by the
 * project's exposition parser), Redis {@code INFO}, Prometheus' targets. A malformed document fails that
 * round's readings with the parser's message; it never produces a figure.
 */
final class ServiceReader {

    private static final Texts T = Texts.of(ServiceReader.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EndpointReader http;
    private final Duration timeout;
    private final Map<String, String> env;

    ServiceReader(Duration timeout, Map<String, String> env, okhttp3.OkHttpClient shared) {
        this.http = new EndpointReader(timeout, shared);
        this.timeout = timeout;
        this.env = env;
    }

    Map<String, Reading> read(ServiceSpec service, List<StageSpec> stages, Optional<ContainerFacts> container,
                              Optional<DockerGateway> gateway) {
        Map<String, Reading> readings = new HashMap<>();
        Exposition exposition = null;
        String metricsProblem = "";
        if (stages.stream().anyMatch(s -> s.signal() instanceof Signal.Metric)) {
            if (service.metrics().isEmpty()) {
                metricsProblem = T.get("read.noMetricsEndpoint");
            } else {
                Endpoint metrics = service.metrics().get();
                EndpointReader.Fetched fetched = http.get(metrics, metrics.path(), container, gateway);
                if (fetched.body().isEmpty()) {
                    metricsProblem = T.get("read.metrics", fetched.problem());
                } else {
                    try {
                        exposition = ExpositionParser.parse(fetched.body().get());
                    } catch (ExpositionParseException e) {
                        metricsProblem = T.get("read.metricsUnreadable", e.getMessage());
                    }
                }
            }
        }
        Optional<RedisInfo> redis = Optional.empty();
        String redisProblem = "";
        if (stages.stream().anyMatch(s -> s.signal() instanceof Signal.RedisInfo)) {
            try {
                redis = Optional.of(redisInfo(service, container, gateway));
            } catch (IOException e) {
                redisProblem = "INFO: " + e.getMessage();
            }
        }
        for (StageSpec stage : stages) {
            Reading reading;
            if (stage.signal() instanceof Signal.Metric metric) {
                reading = exposition == null ? Reading.unreadable(metricsProblem) : fromExposition(exposition, metric);
                // A labelled failure counter (Loki's discards by reason) has no sample before its first failure: none yet is zero.
                if (reading.raw().isEmpty() && exposition != null && stage.role() == StageRole.FAILURES) reading = Reading.of(0, Map.of());
            } else if (stage.signal() instanceof Signal.RedisInfo field) {
                reading = redis.map(info -> fromRedis(info, field.field())).orElse(Reading.unreadable(redisProblem));
            } else {
                reading = targetsDown(service, container, gateway);
            }
            readings.put(stage.key(), reading);
        }
        return readings;
    }

    static Reading fromExposition(Exposition exposition, Signal.Metric metric) {
        OptionalDouble sum = exposition.sum(metric.sample(), metric.labels());
        if (sum.isEmpty()) return Reading.unreadable(T.get("read.notExposed", metric.sample()));
        Map<String, Double> breakdown = new HashMap<>();
        if (!metric.breakdownLabel().isEmpty()) {
            for (Sample sample : exposition.samples(metric.sample())) {
                String key = sample.label(metric.breakdownLabel());
                if (key != null) breakdown.merge(key, sample.value(), Double::sum);
            }
        }
        return Reading.of(sum.getAsDouble(), breakdown);
    }

    private static Reading fromRedis(RedisInfo info, String field) {
        OptionalDouble value = info.number(field);
        if (value.isEmpty()) return Reading.unreadable(T.get("read.infoHasNo", field));
        if (field.equals("used_memory")) {
            double max = info.number("maxmemory").orElse(0);
            return Reading.level(value.getAsDouble(), max > 0
                    ? T.get("read.maxmemory", String.format(java.util.Locale.ROOT, "%.0f", 100 * value.getAsDouble() / max), Bytes.human((long) max))
                    : T.get("read.noMaxmemory"));
        }
        return Reading.of(value.getAsDouble(), Map.of());
    }

    private RedisInfo redisInfo(ServiceSpec service, Optional<ContainerFacts> container, Optional<DockerGateway> gateway)
            throws IOException {
        Optional<String> password = service.credentialEnv().map(env::get).filter(p -> !p.isEmpty());
        Endpoint endpoint = service.health();
        String directProblem = "";
        if (!endpoint.directHost().isEmpty()) {
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis((int) Math.min(1000, timeout.toMillis())).socketTimeoutMillis((int) timeout.toMillis());
            password.ifPresent(config::password);
            try (Jedis jedis = new Jedis(endpoint.directHost(), endpoint.directPort(), config.build())) {
                return RedisInfo.parse(jedis.info());
            } catch (JedisException e) {
                directProblem = e.getMessage();
            }
        }
        if (container.isEmpty() || !container.get().running() || gateway.isEmpty()) {
            throw new IOException(directProblem.isEmpty() ? T.get("read.notReachable") : directProblem);
        }
        try {
            ExecResult r = gateway.get().exec(container.get().name(),
                    List.of("redis-cli", "-p", String.valueOf(endpoint.containerPort()), "INFO"),
                    password.map(p -> Map.of("REDISCLI_AUTH", p)).orElse(Map.of()), timeout.multipliedBy(2));
            RedisInfo info = RedisInfo.parse(r.stdout());
            if (!r.succeeded() || !info.looksValid()) throw new IOException("redis-cli INFO failed: " + (r.stdout() + r.stderr()).strip());
            return info;
        } catch (ExecUnavailableException | EngineUnreachableException e) {
            throw new IOException(e.getMessage());
        }
    }

    private Reading targetsDown(ServiceSpec service, Optional<ContainerFacts> container, Optional<DockerGateway> gateway) {
        EndpointReader.Fetched fetched = http.get(service.health(), "/api/v1/targets?state=active", container, gateway);
        if (fetched.body().isEmpty()) return Reading.unreadable(T.get("read.targets", fetched.problem()));
        try {
            JsonNode targets = JSON.readTree(fetched.body().get()).path("data").path("activeTargets");
            if (!targets.isArray()) return Reading.unreadable(T.get("read.targets", T.get("read.targetsUnexpected")));
            Map<String, Double> down = new HashMap<>();
            int total = targets.size();
            for (JsonNode t : targets) {
                if ("down".equals(t.path("health").asText())) {
                    String name = t.path("labels").path("job").asText("?") + " " + t.path("labels").path("instance").asText("")
                            + (t.path("lastError").asText("").isEmpty() ? "" : ": " + t.path("lastError").asText());
                    down.put(name, 1.0);
                }
            }
            return new Reading(OptionalDouble.of(down.size()), "", down, T.get("read.targetsUp", total - down.size(), total));
        } catch (IOException e) {
            return Reading.unreadable(T.get("read.targets", T.get("read.notJson", e.getMessage())));
        }
    }
}
