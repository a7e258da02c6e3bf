package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import com.github.dockerjava.api.DockerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place that talks to a Docker engine. It speaks in intents and returns Nightwatch's own records, so no
 * other package sees docker-java. Any failure to reach the engine becomes {@link EngineUnreachableException}.
 *
 * <p>Over 400 lines on purpose: it is the only class that may import docker-java (ArchUnit checks it), so every
 * engine intent lives here as a short method translating to and from Nightwatch's records. It is split by intent
 * (containers, exec, images, events, Swarm) once the Swarm and copy-transport work settles in it.
 */
public final class DockerGateway implements Closeable {

    private static final Texts T = Texts.of(DockerGateway.class);

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    /** After the grace period the engine kills the container; it answers well within this. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(30);

    private final EngineAddress address;
    private final DockerClient requests;
    /** The event stream may stay silent for hours, so it gets a client without a response timeout. */
    private final DockerClient streams;
    /** Asks "are you there?" with the address's short first-answer timeout, before any real work is sent. */
    private final DockerClient pings;
    private final Object pingLock = new Object();
    /** Set once the engine answered a ping; cleared when it stops answering, so the next call asks again quickly. */
    private volatile boolean answering;

    private final SwarmApi swarm;
    /** Where the transports connect: the address itself, or the local end of the ssh relay for ssh://. */
    private final EngineAddress transportAddress;
    /** Only for ssh:// addresses; null otherwise. */
    private final SshRelay relay;

    private DockerGateway(EngineAddress address, EngineAddress transportAddress, SshRelay relay, DockerClient requests,
                          DockerHttpClient requestTransport, DockerClient streams, DockerClient pings) {
        this.address = address;
        this.transportAddress = transportAddress;
        this.relay = relay;
        this.requests = requests;
        this.streams = streams;
        this.pings = pings;
        this.swarm = new SwarmApi(requestTransport);
    }

    /**
     * Prepares a connection; nothing is sent until the first call, which first pings the engine within the address's
     * first-answer timeout.
     *
     * @throws InvalidEngineAddressException when the address or its TLS files cannot be used
     */
    public static DockerGateway connect(EngineAddress address) {
        address.requireTlsFiles();
        SshRelay relay = SshTarget.is(address.uri()) ? startRelay(address) : null;
        EngineAddress transportAddress = relay == null ? address
                : new EngineAddress(relay.localUri(), false, Optional.empty(), address.firstAnswer());
        try {
            DockerClientConfig config;
            try {
                DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(transportAddress.uri())
                        .withDockerTlsVerify(address.tlsVerify());
                address.certPath().ifPresent(p -> builder.withDockerCertPath(p.toString()));
                config = builder.build();
                config.getSSLConfig(); // a bad TLS setting fails here, where it can be named, rather than mid-command
            } catch (RuntimeException e) {
                throw unusable(address.toString(), address, e);
            }
            Duration connect = address.firstAnswer();
            DockerHttpClient requestTransport = transport(address, config, connect, RESPONSE_TIMEOUT);
            return new DockerGateway(address, transportAddress, relay, DockerClientImpl.getInstance(config, requestTransport),
                    requestTransport, DockerClientImpl.getInstance(config, transport(address, config, connect, Duration.ZERO)),
                    DockerClientImpl.getInstance(config, transport(address, config, connect, address.firstAnswer())));
        } catch (RuntimeException e) {
            if (relay != null) relay.close();
            throw e;
        }
    }

    private static SshRelay startRelay(EngineAddress address) {
        SshTarget target = SshTarget.parse(address.uri());
        Optional<String> sshConfig = Optional.ofNullable(System.getenv(SshTarget.CONFIG_ENV)).filter(s -> !s.isBlank());
        try {
            return SshRelay.start(target, target.command(sshConfig, address.firstAnswer()));
        } catch (IOException e) {
            throw new InvalidEngineAddressException("cannot open the local relay for " + address + ": " + e.getMessage());
        }
    }

    /** For ssh://, what ssh said (unknown host key, refused login, no docker there) explains more than a closed socket. */
    private EngineUnreachableException unreachable(Throwable cause) {
        Optional<String> why = relay == null ? Optional.empty() : relay.failure();
        return new EngineUnreachableException(address, why.<Throwable>map(IOException::new).orElse(cause));
    }

    /** docker-java's words for a bad TLS file are often just "NullPointerException": name the files instead. */
    private static InvalidEngineAddressException unusable(String shown, EngineAddress address, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        // a bare exception name ("NullPointerException") tells an operator nothing; the full trace is in the debug log
        String why = root.getMessage() == null || root.getMessage().isBlank() ? "" : ": " + firstLine(root.getMessage());
        if (address.tlsVerify() && address.certPath().isPresent()) {
            return new InvalidEngineAddressException(T.get("tls.unusable", address.certPath().get(), shown) + why);
        }
        return new InvalidEngineAddressException("cannot use the engine address " + shown + why);
    }

    private static DockerHttpClient transport(EngineAddress address, DockerClientConfig config, Duration connectTimeout,
                                              Duration responseTimeout) {
        try {
            ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(32)
                    .connectionTimeout(connectTimeout);
            if (!responseTimeout.isZero()) http.responseTimeout(responseTimeout);
            return http.build();
        } catch (RuntimeException | LinkageError e) {
            // e.g. unreadable TLS keys, or a transport the platform lacks (npipe off Windows: UnsatisfiedLinkError)
            throw unusable(address.toString(), address, e);
        }
    }

    /**
     * Pings the engine, bounded by the first-answer timeout even when the engine accepts the connection and then
     * says nothing (a TLS handshake to such an engine is not covered by the client's own timeouts).
     *
     * @throws EngineUnreachableException when it does not answer in time
     */
    public void ping() {
        Duration limit = address.firstAnswer();
        try {
            bounded(limit.plusMillis(250), () -> pings.pingCmd().exec());
            answering = true;
        } catch (EngineUnreachableException deadlinePassed) {
            throw deadlinePassed.getCause() instanceof InterruptedException ? deadlinePassed : noAnswer(limit);
        } catch (RuntimeException e) {
            // a refusal (an HTTP server that is no engine) is as useless as silence
            throw isTimeout(e) ? noAnswer(limit) : unreachable(e);
        }
    }

    private EngineUnreachableException noAnswer(Duration limit) {
        return unreachable(new IOException("no answer within "
                + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms")));
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.SocketTimeoutException || c instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    /** Every call goes through here first: an engine that does not answer a ping is not sent real work. */
    private void ensureAnswering() {
        if (answering) return;
        synchronized (pingLock) {
            if (!answering) ping();
        }
    }

    public EngineAddress address() { return address; }

    public EngineInfo version() {
        JsonNode v = engineJson("/version").orElseThrow(() -> new DockerException("the engine has no /version", 404));
        // null where the engine gives none, as docker-java's model had it: the status shows "?" for those
        return new EngineInfo(textOrNull(v.path("Version")), textOrNull(v.path("ApiVersion")), textOrNull(v.path("Os")),
                textOrNull(v.path("Arch")));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** Every container, running or not (the engine's list; read as JSON, see {@link ContainerSummaryJson}). */
    public List<ContainerSummary> listContainers() {
        return ContainerSummaryJson.read(engineJson("/containers/json?all=1")
                .orElseThrow(() -> new DockerException("the engine has no container list", 404)));
    }

    /** Empty when no container of that name or id exists. */
    public Optional<ContainerFacts> inspect(String nameOrId) {
        return engineJson(containerPath(nameOrId, "/json")).map(ContainerFactsJson::read);
    }

    /**
     * The container's memory in use now, as {@code docker stats --no-stream} counts it; empty when there is no such
     * container or the engine gives no figure. One request on the calling thread, bounded by the request timeout:
     * {@code one-shot} (API 1.41) makes the engine answer with its next sample (within a second) instead of after two,
     * and docker-java's stats command, which has no such flag, started a thread per call. Older engines ignore the
     * flag and answer after their two samples.
     */
    public Optional<MemoryUsage> memoryUsage(String container) {
        try {
            return engineJson(containerPath(container, "/stats?stream=false&one-shot=true")).flatMap(stats -> toMemory(stats.path("memory_stats")));
        } catch (DockerException refusedOrNoJson) {
            return Optional.empty(); // no figure
        }
    }

    /**
     * One of the engine's JSON answers, read on this thread (docker-java's model lacks or over-reads what is asked);
     * empty when the engine has no such object. A refusal or an answer that is no JSON raises {@link DockerException},
     * as docker-java's commands do; a lost engine, {@link EngineUnreachableException}.
     */
    private Optional<JsonNode> engineJson(String path) {
        ensureAnswering();
        try {
            return Optional.of(swarm.get(path));
        } catch (SwarmApi.NotFound e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DockerException("the engine's answer to " + path + " is no JSON document: " + firstLine(e.getOriginalMessage()), 500);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(" returns ")) throw new DockerException(e.getMessage(), 500);
            answering = false;
            throw unreachable(e);
        } catch (RuntimeException e) {
            answering = false;
            throw unreachable(e);
        }
    }

    private static String containerPath(String nameOrId, String rest) {
        return "/containers/" + java.net.URLEncoder.encode(nameOrId, StandardCharsets.UTF_8) + rest;
    }

    /**
     * Runs a command inside a running container and waits at most {@code timeout}.
     *
     * @throws ExecUnavailableException when the container cannot run it (not running, no such binary)
     */
    public ExecResult exec(String container, List<String> command, Duration timeout) throws ExecUnavailableException {
        return exec(container, command, Map.of(), timeout);
    }

    /** As {@link #exec(String, List, Duration)}, with extra environment (how secrets reach a command without argv). */
    public ExecResult exec(String container, List<String> command, Map<String, String> env, Duration timeout)
            throws ExecUnavailableException {
        List<String> envList = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        long started = System.nanoTime();
        String execId;
        try {
            execId = call(() -> requests.execCreateCmd(container).withCmd(command.toArray(String[]::new))
                    .withEnv(envList).withAttachStdout(true).withAttachStderr(true).exec().getId());
        } catch (NotFoundException e) {
            throw new ExecUnavailableException("no container " + container);
        } catch (EngineUnreachableException e) {
            throw e;
        } catch (DockerException e) {
            throw new ExecUnavailableException("cannot exec in " + container + ": " + firstLine(e.getMessage()));
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                synchronized (out) {
                    (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
                }
            }
        };
        boolean finished;
        try (callback) {
            call(() -> requests.execStartCmd(execId).exec(callback));
            finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } catch (IOException e) {
            finished = false;
        } catch (EngineUnreachableException e) {
            throw e;
        } catch (DockerException e) {
            throw new ExecUnavailableException("cannot exec in " + container + ": " + firstLine(e.getMessage()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String stdout;
        String stderr;
        synchronized (out) {
            stdout = out.toString();
            stderr = err.toString();
        }
        if (!finished) return new ExecResult(-1, stdout, stderr, took);
        InspectExecResponse inspected = call(() -> requests.inspectExecCmd(execId).exec());
        Long exit = inspected.getExitCodeLong();
        int exitCode = exit == null ? -1 : exit.intValue();
        // runc reports a missing binary as exit 126/127 with its own message rather than an API error.
        if ((exitCode == 126 || exitCode == 127)
                && (stdout + stderr).matches("(?s).*(executable file not found|no such file or directory|not found).*")) { // tool text: the engine's words
            throw new ExecUnavailableException(command.get(0) + " is not available in " + container);
        }
        return new ExecResult(exitCode, stdout, stderr, took);
    }

    /**
     * Follows container events until the returned handle is closed. {@code onEnd} is called once if the stream
     * ends or fails (for example because the engine went away), so the caller can reconnect.
     */
    public Closeable followContainerEvents(Consumer<EngineEvent> onEvent, Consumer<Throwable> onEnd) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                        ? Map.of() : event.getActor().getAttributes();
                Instant time = event.getTimeNano() != null
                        ? Instant.ofEpochSecond(0, event.getTimeNano())
                        : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
                String type = event.getType() == null ? "container" : event.getType().getValue();
                // A task's container carries its service's label; a service or node event names itself.
                String service = type.equals("container") ? attributes.getOrDefault("com.docker.swarm.service.name", "")
                        : type.equals("service") ? attributes.getOrDefault("name", "") : "";
                onEvent.accept(new EngineEvent(time, event.getId(), attributes.getOrDefault("name", event.getId()),
                        event.getAction() == null ? String.valueOf(event.getStatus()) : event.getAction(), type, service,
                        attributes.getOrDefault("exitCode", "")));
            }

            @Override
            public void onError(Throwable throwable) {
                onEnd.accept(unreachable(throwable));
            }

            @Override
            public void onComplete() {
                onEnd.accept(unreachable(new IOException("event stream closed by the engine")));
            }
        };
        // Service and node events too: on a Swarm manager a task failing, a node going down or an update pausing
        // must show as fast as a container dying does.
        // Only actions that change what a tile shows: every health check is an exec (create, start, die), three events
        // a service every interval that the engine need not send. "health_status" matches "health_status: healthy".
        call(() -> streams.eventsCmd().withEventTypeFilter(EventType.CONTAINER, EventType.SERVICE, EventType.NODE)
                .withEventFilter(EngineEvent.STATE_ACTIONS.toArray(String[]::new)).exec(callback));
        return callback;
    }

    /**
     * Follows a container's log (stdout and stderr) from {@code sinceEpochSeconds}, line by line, until the returned
     * handle is closed or the container stops; {@code onEnd} is called once when the stream ends.
     */
    public Closeable followLogs(String container, long sinceEpochSeconds, Consumer<String> onLine, Consumer<Throwable> onEnd) {
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            private final StringBuilder partialOut = new StringBuilder();
            private final StringBuilder partialErr = new StringBuilder();

            @Override
            public void onNext(Frame frame) {
                StringBuilder partial = frame.getStreamType() == StreamType.STDERR ? partialErr : partialOut;
                partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    onLine.accept(partial.substring(0, newline));
                    partial.delete(0, newline + 1);
                }
                // A line with no end in sight (binary junk) must not grow without bound.
                if (partial.length() > 64 * 1024) {
                    onLine.accept(partial.toString());
                    partial.setLength(0);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                onEnd.accept(throwable);
            }

            @Override
            public void onComplete() {
                onEnd.accept(new IOException("log stream of " + container + " ended"));
            }
        };
        call(() -> streams.logContainerCmd(container).withFollowStream(true).withStdOut(true).withStdErr(true)
                .withSince((int) Math.max(0, sinceEpochSeconds)).exec(callback));
        return callback;
    }

    /**
     * The last {@code lines} lines a container wrote (stdout and stderr, running or dead), oldest first: read once,
     * not followed, at most 256 KiB and {@code timeout}; what arrived by then is returned.
     */
    public List<String> tailLogs(String container, int lines, Duration timeout) {
        List<String> out = new java.util.ArrayList<>();
        int[] chars = {0};
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onNext(Frame frame) {
                synchronized (out) {
                    if (chars[0] > 256 * 1024) return;
                    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                    chars[0] += text.length();
                    partial.append(text);
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        out.add(partial.substring(0, newline));
                        partial.delete(0, newline + 1);
                    }
                }
            }

            @Override
            public void onComplete() {
                synchronized (out) {
                    if (partial.length() > 0) out.add(partial.toString());
                    partial.setLength(0);
                }
                super.onComplete();
            }
        };
        call(() -> streams.logContainerCmd(container).withFollowStream(false).withStdOut(true).withStdErr(true)
                .withTail(Math.max(1, lines)).exec(callback));
        try {
            callback.awaitCompletion(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(callback);
        }
        synchronized (out) {
            return List.copyOf(out.subList(Math.max(0, out.size() - lines), out.size()));
        }
    }

    /** The archive endpoints' own lean HTTP transport (docker-java's reads them several times slower than docker cp). */
    private volatile ArchiveStreams archives;

    private ArchiveStreams archives() {
        ArchiveStreams a = archives;
        if (a == null) archives = a = new ArchiveStreams(transportAddress, address, ArchiveStreams.CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
        return a;
    }

    /**
     * Streams a file or directory out of a container as a tar archive (the engine's archive API: works for running
     * and stopped containers, locally and remotely). The caller closes the stream.
     *
     * @throws IllegalStateException when the engine refuses (no such container or path), with its reason
     */
    public java.io.InputStream copyOut(String container, String path) {
        if (ArchiveStreams.supports(transportAddress)) {
            try {
                return archives().get(container, path);
            } catch (EngineUnreachableException e) {
                throw relay == null ? e : unreachable(e.getCause());
            }
        }
        try {
            return call(() -> requests.copyArchiveFromContainerCmd(container, path).exec());
        } catch (NotFoundException e) {
            throw new IllegalStateException("no " + path + " in container " + container);
        }
    }

    /**
     * Unpacks a tar stream into a directory of a (running or stopped) container.
     *
     * @throws java.io.UncheckedIOException when reading {@code tar} fails; the engine gets no complete archive then
     */
    public void copyIn(String container, String directory, java.io.InputStream tar) {
        if (ArchiveStreams.supports(transportAddress)) {
            try {
                archives().put(container, directory, tar);
            } catch (EngineUnreachableException e) {
                throw relay == null ? e : unreachable(e.getCause());
            }
            return;
        }
        call(() -> {
            requests.copyArchiveToContainerCmd(container).withRemotePath(directory).withTarInputStream(tar).exec();
            return null;
        });
    }

    /** Stops a container, giving it {@code grace} to shut down on SIGTERM before the engine kills it. */
    public void stop(String container, Duration grace) {
        try {
            // The engine answers only once the container is down, up to the grace period: longer than the request
            // client's response timeout, so this goes through the client without one, under a deadline of its own
            // (grace plus what the engine may need to kill it), in case the engine never answers.
            Duration deadline = grace.plus(STOP_SLACK);
            bounded(deadline, () -> call(() -> streams.stopContainerCmd(container).withTimeout((int) Math.max(1, grace.toSeconds())).exec()));
        } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyStopped) {
            // stopping a stopped container is what the caller wanted
        }
    }

    /** Runs {@code request} on a daemon thread and gives up on it after {@code deadline}: unreachable. */
    private <T> T bounded(Duration deadline, java.util.function.Supplier<T> request) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(request.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "nightwatch-engine-call");
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            worker.interrupt();
            answering = false;
            throw noAnswer(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw unreachable(e.getCause());
        }
    }

    public void start(String container) {
        try {
            call(() -> requests.startContainerCmd(container).exec());
        } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyRunning) {
            // already running
        }
    }

    public void pause(String container) {
        call(() -> requests.pauseContainerCmd(container).exec());
    }

    public void unpause(String container) {
        call(() -> requests.unpauseContainerCmd(container).exec());
    }

    // ---- Swarm services -----------------------------------------------------------------------------------------

    /** The engine's Swarm services with their tasks; empty when it is not a Swarm manager. */
    public List<SwarmService> swarmServices() {
        return swarmCall(() -> swarm.isManager() ? swarm.services() : List.of());
    }

    /** One service by name or id; empty when there is none (or this engine is no manager). */
    public Optional<SwarmService> swarmService(String nameOrId) {
        return swarmCall(() -> swarm.isManager() ? swarm.service(nameOrId) : Optional.empty());
    }

    /** Starts a rolling update of the service to {@code image}, by its update config. Returns at once. */
    public void updateSwarmService(String nameOrId, String image) {
        swarmCall(() -> {
            swarm.updateImage(nameOrId, image);
            return null;
        });
    }

    /** Starts the engine's own rollback of the service to its previous spec. Returns at once. */
    public void rollbackSwarmService(String nameOrId) {
        swarmCall(() -> {
            swarm.rollback(nameOrId);
            return null;
        });
    }

    /** The Swarm's nodes; empty when this engine is no manager. */
    public List<SwarmNode> swarmNodes() {
        return swarmCall(() -> swarm.isManager() ? swarm.nodes() : List.of());
    }

    /** The Swarm node id of this engine; "" when it is in no Swarm. */
    public String swarmNodeId() {
        return swarmCall(swarm::localNodeId);
    }

    /** Sets a replicated service's desired replicas; returns at once, the engine converges. */
    public void scaleSwarmService(String nameOrId, long replicas) {
        swarmCall(() -> {
            swarm.scale(nameOrId, replicas);
            return null;
        });
    }

    /**
     * Creates (never starts) a container from {@code container}'s image holding its volumes, so the data stays
     * reachable through the archive API and {@link #runWithVolumesOf} after the Swarm removes the task's own
     * container (a restore scales the service to 0). Returns the new container's name.
     */
    public String createVolumeHolder(String container, String name) {
        InspectContainerResponse target = inspectOrThrow(container);
        try {
            call(() -> requests.createContainerCmd(target.getConfig().getImage())
                    .withName(name)
                    .withEntrypoint("true")
                    .withCmd(List.of())
                    .withLabels(Map.of("io.nightwatch.helper", "true"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                            .withVolumesFrom(new com.github.dockerjava.api.model.VolumesFrom(target.getId())))
                    .exec());
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            throw new IllegalStateException("a container called " + name + " exists already: " + e.getMessage());
        }
        return name;
    }

    private interface SwarmRequest<T> {
        T send() throws IOException;
    }

    /** The engine's refusals (4xx/5xx) become IllegalStateException with its words; a lost engine, unreachable. */
    private <T> T swarmCall(SwarmRequest<T> request) {
        ensureAnswering();
        try {
            return request.send();
        } catch (SwarmApi.NotFound e) {
            throw new IllegalStateException("no such Swarm service: " + e.getMessage());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(" returns ")) throw new IllegalStateException(e.getMessage(), e);
            throw unreachable(e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /**
     * How a container is set up for operation (limits, healthcheck, restart, stop, logging, env, mounts), for the
     * readiness audit; empty when there is no such container.
     */
    public Optional<ContainerSetup> containerSetup(String container) {
        try {
            return ContainerSetups.read(swarm, container);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /**
     * Creates (does not start) a throw-away copy of {@code template} for a restore drill: same image and command,
     * its read-only config mounts, a fresh volume at {@code dataPath}, no network. Returns the volume's name.
     */
    public String createScratch(String template, String name, String dataPath) {
        InspectContainerResponse t = inspectOrThrow(template);
        return call(() -> ScratchContainers.create(requests, t, name, dataPath));
    }

    /** Removes a scratch container and its volume (missing ones are fine). */
    public void removeScratch(String name, String volume) {
        call(() -> {
            ScratchContainers.remove(requests, name, volume);
            return null;
        });
    }

    // ---- recreating a container from another image (upgrade, rollback) --------------------------------------

    /** The container's configuration as {@link ContainerConfig}; empty when there is no such container. */
    public Optional<ContainerConfig> containerConfig(String container) {
        try {
            InspectContainerResponse c = call(() -> requests.inspectContainerCmd(container).exec());
            return Optional.of(ContainerRecreation.describe(c, inspectImage(c.getImageId()).orElse(null)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * What {@link #recreate} would make of {@code container} with {@code image}, without changing anything.
     *
     * @throws IllegalArgumentException when the container or the image is not on this engine
     */
    public ContainerConfig plannedConfig(String container, String image) {
        return plannedConfig(container, image, null);
    }

    /** What {@link #recreate(String, String, String, List)} would make, with {@code command} (null: the container's own). */
    public ContainerConfig plannedConfig(String container, String image, List<String> command) {
        InspectContainerResponse c = inspectOrThrow(container);
        InspectImageResponse target = inspectImage(image).orElseThrow(() -> missingImage(image));
        return ContainerRecreation.planned(c, inspectImage(c.getImageId()).orElse(null), target, image, command);
    }

    /** The arguments the container runs with after its entrypoint (its own or its image's); empty when there is no such container. */
    public Optional<List<String>> command(String container) {
        try {
            InspectContainerResponse c = call(() -> requests.inspectContainerCmd(container).exec());
            String[] cmd = c.getConfig() == null ? null : c.getConfig().getCmd();
            return Optional.of(cmd == null ? List.of() : List.of(cmd));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The local image of that reference or id; empty when the engine does not hold it (nothing is pulled). */
    public Optional<ImageInfo> image(String reference) {
        return inspectImage(reference).map(i -> new ImageInfo(i.getId(), i.getRepoTags() == null ? List.of() : i.getRepoTags(),
                ContainerFactsJson.timestamp(i.getCreated()).orElse(Instant.EPOCH), i.getSize() == null ? 0 : i.getSize()));
    }

    /** Every local image, newest first. */
    public List<ImageInfo> images() {
        List<ImageInfo> out = new ArrayList<>();
        for (com.github.dockerjava.api.model.Image i : call(() -> requests.listImagesCmd().exec())) {
            out.add(new ImageInfo(i.getId(), i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags()),
                    Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()), i.getSize() == null ? 0 : i.getSize()));
        }
        out.sort(java.util.Comparator.comparing(ImageInfo::created).reversed());
        return out;
    }

    /**
     * Creates (does not start) {@code name} from {@code image} with {@code template}'s configuration: see
     * {@link ContainerRecreation}. Returns the new container's id.
     *
     * @throws IllegalArgumentException when the template or the image is not on this engine
     * @throws IllegalStateException    when a container called {@code name} exists already
     */
    public String recreate(String template, String name, String image) {
        return recreate(template, name, image, null);
    }

    /**
     * The same, with {@code command} (the arguments after the entrypoint) instead of the template's: a flag changed,
     * everything else kept. Null keeps the template's command.
     */
    public String recreate(String template, String name, String image, List<String> command) {
        InspectContainerResponse c = inspectOrThrow(template);
        if (inspectImage(image).isEmpty()) throw missingImage(image);
        try {
            return call(() -> ContainerRecreation.create(requests, c, inspectImage(c.getImageId()).orElse(null), name, image, command));
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            throw new IllegalStateException("a container called " + name + " exists already: " + e.getMessage());
        }
    }

    public void rename(String container, String newName) {
        call(() -> requests.renameContainerCmd(container).withName(newName).exec());
    }

    /** Removes the container (stopping it if need be); its named volumes stay. No-op when it does not exist. */
    public void remove(String container) {
        try {
            call(() -> requests.removeContainerCmd(container).withForce(true).withRemoveVolumes(false).exec());
        } catch (NotFoundException gone) {
            // already what the caller wanted
        }
    }

    private InspectContainerResponse inspectOrThrow(String container) {
        try {
            return call(() -> requests.inspectContainerCmd(container).exec());
        } catch (NotFoundException e) {
            throw new IllegalArgumentException("no container " + container + " on " + address);
        }
    }

    private Optional<InspectImageResponse> inspectImage(String reference) {
        if (reference == null || reference.isBlank()) return Optional.empty();
        try {
            return Optional.of(call(() -> requests.inspectImageCmd(reference).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private IllegalArgumentException missingImage(String image) {
        return new IllegalArgumentException(T.get("image.missing", image, address));
    }

    /** Label on every helper container Nightwatch starts ({@code io.nightwatch.helper=true}): discovery skips them. */
    public static final String HELPER_LABEL = "io.nightwatch.helper";

    /**
     * Runs {@code command} in a short-lived helper container from {@code image} (root, no network, labelled
     * {@link #HELPER_LABEL}) with {@code --volumes-from volumesOf}, waits at most {@code timeout} and removes it.
     *
     * @throws ExecUnavailableException when the image cannot run the command (no such binary, no such image)
     */
    public ExecResult runHelper(String image, String volumesOf, List<String> command, Duration timeout) throws ExecUnavailableException {
        InspectContainerResponse target;
        try {
            target = call(() -> requests.inspectContainerCmd(volumesOf).exec());
        } catch (NotFoundException e) {
            throw new ExecUnavailableException("no container " + volumesOf);
        }
        String id;
        try {
            id = call(() -> requests.createContainerCmd(image)
                    .withEntrypoint(command.toArray(String[]::new))
                    .withCmd(List.of())
                    .withUser("0")
                    .withLabels(Map.of(HELPER_LABEL, "true"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                            .withVolumesFrom(new com.github.dockerjava.api.model.VolumesFrom(target.getId())))
                    .exec().getId());
        } catch (NotFoundException e) {
            throw new ExecUnavailableException("the helper image " + image + " is not on " + address + " (Nightwatch pulls nothing)");
        }
        long started = System.nanoTime();
        try {
            try {
                call(() -> requests.startContainerCmd(id).exec());
            } catch (DockerException e) {
                // runc refuses to start an entrypoint the image does not have ("executable file not found").
                throw new ExecUnavailableException(command.get(0) + " is not available in the image " + image + ": " + firstLine(e.getMessage()));
            }
            // The wait may outlast the request client's response timeout (emptying a large directory): the client without one.
            Integer exit = streams.waitContainerCmd(id).start().awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            ResultCallback.Adapter<Frame> logs = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    synchronized (out) {
                        (frame.getStreamType() == StreamType.STDERR ? err : out).append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            };
            try (logs) {
                requests.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(logs).awaitCompletion(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // output is a nicety here
            }
            String stdout;
            String stderr;
            synchronized (out) {
                stdout = out.toString();
                stderr = err.toString();
            }
            int code = exit == null ? -1 : exit;
            if ((code == 126 || code == 127) && (stdout + stderr).matches("(?s).*(executable file not found|not found).*")) { // tool text: the engine's words
                throw new ExecUnavailableException("the image " + image + " lacks a tool: " + firstLine(stdout + stderr));
            }
            return new ExecResult(code, stdout, stderr, Duration.ofNanos(System.nanoTime() - started));
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            return new ExecResult(-1, "", e.getMessage(), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            try {
                requests.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException ignored) {
                // a helper left behind is labelled io.nightwatch.helper=true
            }
        }
    }

    /**
     * Where {@code container} has volumes and bind mounts (their paths inside it), which {@code --volumes-from} hands
     * on; tmpfs mounts (no source, no name) are not handed on and left out. Empty when there is none.
     */
    public List<String> mountPoints(String container) {
        try {
            InspectContainerResponse c = call(() -> requests.inspectContainerCmd(container).exec());
            return c.getMounts() == null ? List.of() : c.getMounts().stream()
                    .filter(m -> (m.getSource() != null && !m.getSource().isEmpty()) || (m.getName() != null && !m.getName().isEmpty()))
                    .map(m -> m.getDestination() == null ? null : m.getDestination().getPath()).filter(java.util.Objects::nonNull).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        closeQuietly(requests);
        closeQuietly(streams);
        closeQuietly(pings);
        if (relay != null) relay.close();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing a connection pool cannot fail in a way the operator could act on
        }
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        ensureAnswering();
        try {
            return request.get();
        } catch (DockerException e) {
            throw e;
        } catch (RuntimeException e) {
            answering = false;
            throw unreachable(e);
        }
    }

    /** The engine's {@code memory_stats}: usage less reclaimable page cache, as {@code docker stats} shows it. */
    static Optional<MemoryUsage> toMemory(JsonNode memory) {
        JsonNode usage = memory.path("usage");
        if (!usage.canConvertToLong() || usage.asLong() < 0) return Optional.empty();
        long used = usage.asLong();
        // cgroup v1 and v2 name the reclaimable cache differently
        JsonNode stats = memory.path("stats");
        JsonNode inactive = stats.has("total_inactive_file") ? stats.path("total_inactive_file") : stats.path("inactive_file");
        if (inactive.canConvertToLong() && inactive.asLong() >= 0 && inactive.asLong() < used) used -= inactive.asLong();
        JsonNode limit = memory.path("limit");
        return Optional.of(new MemoryUsage(used, limit.canConvertToLong() && limit.asLong() > 0 ? limit.asLong() : 0));
    }

    static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    static String firstLine(String text) {
        if (text == null) return "";
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
