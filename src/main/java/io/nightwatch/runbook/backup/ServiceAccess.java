package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.EngineUnreachableException;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.health.SwarmIdentity;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.stack.ServiceSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Talks to one service for the wizards the way the probes do: directly when its published address answers,
 * else from inside its container ({@code wget}, {@code redis-cli}), so backups work against remote engines too.
 */
public final class ServiceAccess {

    private static final Texts T = Texts.of(ServiceAccess.class);

    private final DockerGateway gateway;
    private final ServiceSpec spec;
    private final Optional<String> password;
    private final Duration timeout;
    private final OkHttpClient http;
    private final Optional<String> helperImage;
    private volatile String volumeHolder;
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null: not looked up yet
    private volatile Optional<String> swarmName;
    private volatile DockerGateway holderEngine;
    private volatile Function<SwarmService.SwarmTask, Optional<DockerGateway>> router;
    private volatile SwarmState swarmState;

    public ServiceAccess(DockerGateway gateway, ServiceSpec spec, Map<String, String> env, Duration timeout) {
        this(gateway, spec, env, timeout, Optional.empty());
    }

    /** @param helperImage the host's helper image (profile hosts[].helperImage), for containers without a shell */
    public ServiceAccess(DockerGateway gateway, ServiceSpec spec, Map<String, String> env, Duration timeout, Optional<String> helperImage) {
        this.helperImage = helperImage;
        this.gateway = gateway;
        this.spec = spec;
        this.password = spec.credentialEnv().map(env::get).filter(p -> !p.isEmpty());
        this.timeout = timeout;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(1)).readTimeout(timeout).callTimeout(timeout.plusSeconds(2)).build();
    }

    /**
     * The engine holding the service's container: the host's, or for a Swarm task on another node that node's engine
     * (when {@link #routeTasksBy} was given the host's node engines).
     */
    public DockerGateway gateway() {
        DockerGateway held = holderEngine;
        if (volumeHolder != null && held != null) return held;
        if (router == null || swarmName().isEmpty()) return gateway;
        return swarmService().flatMap(SwarmService::currentTask).map(this::engineOf).orElse(gateway);
    }

    /** The host's engine: for a Swarm service, the manager (scaling, the service's tasks). */
    public DockerGateway manager() { return gateway; }

    /** Routes work on a Swarm task to the engine of its node; without it everything goes to the host's engine. */
    public ServiceAccess routeTasksBy(Function<SwarmService.SwarmTask, Optional<DockerGateway>> nodeEngines) {
        this.router = nodeEngines;
        return this;
    }

    private DockerGateway engineOf(SwarmService.SwarmTask task) {
        if (router == null) return gateway;
        return router.apply(task).orElseThrow(() -> new IllegalStateException(T.get("access.noNodeEngine", spec.name(),
                task.nodeName().isEmpty() ? task.nodeId() : task.nodeName())));
    }

    public ServiceSpec spec() { return spec; }

    /** Shell scripts on the container's files: inside it when it has a shell, else in a helper container. */
    public ContainerShell shell() {
        // built per use: a Swarm task may have moved to another node's engine since the last step
        return new ContainerShell(gateway(), helperImage);
    }

    /** The helper image of {@code spec}'s host in {@code profile}, if the operator named one. */
    public static Optional<String> helperImageOf(io.nightwatch.stack.StackProfile profile, ServiceSpec spec) {
        return profile.host(spec.host()).flatMap(io.nightwatch.stack.DockerHostSpec::helperImage);
    }

    /** A docker CLI line for this service's engine, for the operator to run by hand. */
    public String byHand(List<String> dockerArgs) {
        return io.nightwatch.docker.DockerCli.line(gateway().address(), dockerArgs);
    }


    /**
     * The container to work in: the profile's container; for a service run as a Swarm service (no container of that
     * name) its current task's; while a restore has the service scaled to 0, the container holding its volumes.
     */
    public String container() {
        String pinned = volumeHolder;
        if (pinned != null) return pinned;
        if (swarmName().isEmpty()) return spec.container();
        try {
            return swarmService().flatMap(SwarmService::currentTask).filter(t -> !t.containerId().isEmpty())
                    .flatMap(t -> engineOf(t).inspect(t.containerId())).map(ContainerFacts::name).orElse(spec.container());
        } catch (EngineUnreachableException e) {
            return spec.container(); // the step that needs the engine says so itself
        }
    }

    /**
     * Whether this service runs as a Swarm service, decided once: a container of the profile's name means it does
     * not (and keeps every later call free of engine round trips); an engine that does not answer decides nothing.
     */
    public Optional<String> swarmName() {
        Optional<String> known = swarmName;
        if (known != null) return known;
        try {
            Optional<String> found = gateway.inspect(spec.container()).isPresent() ? Optional.empty()
                    : SwarmIdentity.match(spec, gateway.swarmServices()).map(SwarmService::name);
            swarmName = found;
            return found;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The Swarm service this profile service runs as, when the engine is a Swarm manager and has one. The manager's
     * answer (every service with its tasks) is reused for {@link #SWARM_STATE_FOR}: a step's polling asks for the
     * engine and the container several times a second, and a task does not move that fast; a step that scales or
     * updates the service forgets it at once ({@link #forgetSwarmState}).
     */
    public Optional<SwarmService> swarmService() {
        SwarmState known = swarmState;
        if (known != null && System.nanoTime() - known.askedAt() < SWARM_STATE_FOR.toNanos()) return known.service();
        try {
            Optional<SwarmService> found = SwarmIdentity.match(spec, gateway.swarmServices());
            swarmState = new SwarmState(found, System.nanoTime());
            return found;
        } catch (RuntimeException notAManagerOrNotReached) {
            return Optional.empty();
        }
    }

    /** After the service was scaled or updated: the next question goes to the manager again. */
    public void forgetSwarmState() {
        swarmState = null;
    }

    static final Duration SWARM_STATE_FOR = Duration.ofSeconds(2);

    private record SwarmState(Optional<SwarmService> service, long askedAt) {}

    /** While set, {@link #container()} is this container (a Swarm service scaled to 0 has no task container). */
    void holdVolumesIn(String container, DockerGateway engine) {
        holderEngine = engine;
        volumeHolder = container;
    }

    /** POSTs to the service's HTTP API and returns the body; throws with the service's own words on failure. */
    public String post(String path) throws IOException {
        if (!spec.health().directHost().isEmpty()) {
            String url = "http://" + spec.health().directHost() + ":" + spec.health().directPort() + path;
            try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(new byte[0], MediaType.get("application/json"))).build()).execute()) {
                String body = r.body() == null ? "" : r.body().string();
                if (!r.isSuccessful()) throw new IOException("POST " + path + " returns " + r.code() + ": " + body.strip());
                return body;
            } catch (ConnectException unreachable) {
                // not published here: go through the engine
            }
        }
        ExecResult r = exec(List.of("wget", "-q", "-O", "-", "--post-data=", "http://localhost:" + spec.health().containerPort() + path));
        if (!r.succeeded()) throw new IOException("POST " + path + " inside " + container() + " failed: " + (r.stderr() + r.stdout()).strip());
        return r.stdout();
    }

    /** GETs from the service's HTTP API (direct, else wget inside the container) and returns the body. */
    public String get(String pathAndQuery) throws IOException {
        if (!spec.health().directHost().isEmpty()) {
            String url = "http://" + spec.health().directHost() + ":" + spec.health().directPort() + pathAndQuery;
            try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                String body = r.body() == null ? "" : r.body().string();
                if (!r.isSuccessful()) throw new IOException("GET " + pathAndQuery + " returns " + r.code() + ": " + body.strip());
                return body;
            } catch (ConnectException unreachable) {
                // not published here: go through the engine
            }
        }
        ExecResult r = exec(List.of("wget", "-q", "-O", "-", "http://localhost:" + spec.health().containerPort() + pathAndQuery));
        if (!r.succeeded()) throw new IOException("GET " + pathAndQuery + " inside " + container() + " failed: " + (r.stderr() + r.stdout()).strip());
        return r.stdout();
    }

    /** One Redis command's reply as text (bulk replies joined by newlines). */
    public String redis(String... command) throws IOException {
        if (!spec.health().directHost().isEmpty()) {
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(1000).socketTimeoutMillis((int) timeout.toMillis());
            password.ifPresent(config::password);
            try (Jedis jedis = new Jedis(spec.health().directHost(), spec.health().directPort(), config.build())) {
                Object reply = jedis.sendCommand(Protocol.Command.valueOf(command[0].toUpperCase()),
                        java.util.Arrays.copyOfRange(command, 1, command.length));
                return text(reply);
            } catch (JedisConnectionException e) {
                if (!io.nightwatch.probe.RedisProbe.refused(e)) throw new IOException("redis " + command[0] + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new IOException("redis " + command[0] + ": " + e.getMessage());
            }
        }
        List<String> cli = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(spec.health().containerPort())));
        cli.addAll(List.of(command));
        ExecResult r;
        try {
            r = gateway().exec(container(), cli, password.map(p -> Map.of("REDISCLI_AUTH", p)).orElse(Map.of()), timeout);
        } catch (ExecUnavailableException e) {
            throw new IOException(e.getMessage());
        }
        if (!r.succeeded() || r.stdout().startsWith("ERR") || r.stdout().startsWith("NOAUTH")) {
            throw new IOException("redis-cli " + command[0] + " failed: " + (r.stdout() + r.stderr()).strip());
        }
        return r.stdout().strip();
    }

    /**
     * Probes {@code container} (this service's, or another container of it such as the one an upgrade kept) until it
     * answers healthy or {@code timeout} passes, and returns the last answer. With {@code failFast} a container that
     * has exited or is restarting ends the wait early (a crash loop does not heal by waiting) and the operator's cancel
     * is honoured; without it the wait is an undo's, which is not cancellable.
     */
    public ProbeResult awaitHealthy(ServiceProber prober, String container, Duration timeout, RunContext ctx, boolean failFast)
            throws Exception {
        long begun = System.nanoTime();
        long deadline = begun + timeout.toNanos();
        ProbeResult last = ProbeResult.notProbed(T.get("access.notProbed"));
        while (System.nanoTime() < deadline) {
            if (failFast) ctx.throwIfCancelled();
            DockerGateway engine = gateway();
            Optional<ContainerFacts> facts = engine.inspect(container);
            if (failFast && facts.isPresent() && !facts.get().running() && facts.get().startedAt().isPresent()) {
                return ProbeResult.notProbed(T.get(facts.get().oomKilled() ? "access.exitedOom" : "access.exited",
                        facts.get().state().name().toLowerCase(), facts.get().exitCode()));
            }
            last = prober.probe(spec, facts, Optional.of(engine));
            if (last.healthy()) return last;
            ctx.progress(1 - (double) (deadline - System.nanoTime()) / timeout.toNanos(), T.get("access.waiting", spec.name(), last.detail()));
            // A service is often healthy a fraction of a second after its start: asked again soon at first, then less
            // often, never pausing longer than a fifth of the time waited so far (seen healthy at most ~20 % late), nor
            // longer than half a second.
            long waitedMillis = (System.nanoTime() - begun) / 1_000_000;
            Thread.sleep(Math.max(20, Math.min(500, waitedMillis / 5)));
        }
        return last;
    }

    public ExecResult exec(List<String> command) throws IOException {
        try {
            return gateway().exec(container(), command, timeout);
        } catch (ExecUnavailableException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static String text(Object reply) {
        if (reply instanceof byte[] bytes) return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (reply instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(text(o));
            return String.join("\n", parts);
        }
        return String.valueOf(reply);
    }
}
