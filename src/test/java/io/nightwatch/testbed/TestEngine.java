package io.nightwatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Docker engine for tests, shared by the whole JVM: its own dockerd (never the system's
 * one), images built from Debian's binaries, and the reference services of the stack Nightwatch
 * operates. Tests call {@link #shared()} in {@code @BeforeAll}; it skips (or, with CI=true, fails)
 * when the machine cannot run the testbed. A shutdown hook removes everything again.
 */
public final class TestEngine {

    public static final String PROMETHEUS = Images.PROMETHEUS;
    public static final String PROMETHEUS_BROKEN = Images.PROMETHEUS_BROKEN;
    public static final String PROMETHEUS_NEXT = Images.PROMETHEUS_NEXT;
    public static final String ALERTMANAGER = Images.ALERTMANAGER;
    public static final String REDIS = Images.REDIS;
    public static final String BUSYBOX = Images.BUSYBOX;
    /** Lean Prometheus images: only /bin/sh (busybox without links), and no shell at all; each with a "next" tag. */
    public static final String PROMETHEUS_SH_ONLY = Images.PROMETHEUS_SH_ONLY;
    public static final String PROMETHEUS_SH_ONLY_NEXT = Images.PROMETHEUS_SH_ONLY_NEXT;
    public static final String PROMETHEUS_NO_SHELL = Images.PROMETHEUS_NO_SHELL;
    public static final String PROMETHEUS_NO_SHELL_NEXT = Images.PROMETHEUS_NO_SHELL_NEXT;
    /** The containers of {@link #runLeanServices()} and their loopback ports. */
    public static final String LEAN_SH_ONLY = LeanStack.SH_ONLY;
    public static final int LEAN_SH_ONLY_PORT = LeanStack.SH_ONLY_PORT;
    public static final String LEAN_NO_SHELL = LeanStack.NO_SHELL;
    public static final int LEAN_NO_SHELL_PORT = LeanStack.NO_SHELL_PORT;
    /** The compose project of the reference services (label com.docker.compose.project). */
    public static final String PROJECT = ReferenceStack.PROJECT;

    static final String INSTALL_HINT = "run as root after: apt-get install -y --no-install-recommends "
            + "docker.io prometheus prometheus-alertmanager redis-server busybox-static openssl chromium";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static TestEngine instance;
    private static String unavailable;

    private final Path root;
    private final Dockerd dockerd;
    private final String storageDriver;
    private final List<Tls> tlsEngines = new CopyOnWriteArrayList<>();
    private final AtomicInteger tlsCount = new AtomicInteger();

    private TestEngine(Path root, Dockerd dockerd, String storageDriver) {
        this.root = root;
        this.dockerd = dockerd;
        this.storageDriver = storageDriver;
    }

    /**
     * The JVM's engine, started on first use. When the testbed cannot run, aborts the calling test
     * (skipped) or, if env CI=true, fails it; the reason is printed either way and remembered, so
     * later callers get the same answer at once.
     */
    public static synchronized TestEngine shared() {
        if (instance != null) {
            return instance;
        }
        if (unavailable == null) {
            unavailable = Prerequisites.missing();
        }
        if (unavailable == null) {
            try {
                instance = start();
                return instance;
            } catch (RuntimeException | IOException e) {
                unavailable = "the private Docker engine failed to start: " + e.getMessage();
            }
        }
        return unavailable(unavailable);
    }

    private static TestEngine unavailable(String why) {
        String message = "Docker testbed unavailable: " + why + "\nTo enable it, " + INSTALL_HINT;
        System.err.println("[testbed] " + message);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(message + "\n(CI=true: a missing testbed is a failure, not a skip)");
        }
        return Assumptions.abort(message);
    }

    private static TestEngine start() throws IOException {
        TempDirs.reapStale();
        Path root = TempDirs.create();
        List<String> failures = new ArrayList<>();
        // overlay2 (dockerd's default) works on most hosts; vfs is slow but works everywhere.
        for (String driver : Arrays.asList(null, "vfs")) {
            Path dir = root.resolve(driver == null ? "local" : "local-" + driver);
            Dockerd d = null;
            try {
                long t0 = System.nanoTime();
                d = Dockerd.start(dir, URI.create("unix://" + dir.resolve("docker.sock")), Map.of(),
                        List.of(), driver);
                long t1 = System.nanoTime();
                Images.buildAll(d, root);
                // A container must really run: some drivers start fine but cannot mount.
                d.docker(DEFAULT_TIMEOUT, "run", "--rm", "--network", "none", BUSYBOX, "true");
                String used = d.docker(Duration.ofSeconds(10), "info", "--format", "{{.Driver}}");
                System.out.printf("[testbed] dockerd up in %d ms (storage driver %s), images built in %d ms%n",
                        (t1 - t0) / 1_000_000, used, (System.nanoTime() - t1) / 1_000_000);
                TestEngine engine = new TestEngine(root, d, driver);
                Runtime.getRuntime().addShutdownHook(new Thread(engine::shutdown, "testbed-shutdown"));
                return engine;
            } catch (RuntimeException e) {
                failures.add("storage driver " + (driver == null ? "default" : driver) + ": "
                        + e.getMessage());
                if (d != null) {
                    d.stop();
                }
                TempDirs.unmountAndDelete(dir);
            }
        }
        TempDirs.unmountAndDelete(root);
        throw new IllegalStateException(String.join("\n", failures));
    }

    /** unix:///tmp/nw-testbed-XXXX/local/docker.sock */
    public URI dockerHost() {
        return dockerd.host();
    }

    /**
     * What a client process needs to reach this engine: DOCKER_HOST and a private DOCKER_CONFIG;
     * null values mean "remove this inherited variable" (DOCKER_CONTEXT, DOCKER_TLS_VERIFY, ...).
     */
    public Map<String, String> dockerEnv() {
        return new HashMap<>(dockerd.env());
    }

    /** This process's environment with {@link #dockerEnv()} applied: what Nightwatch's core is given in tests. */
    public Map<String, String> clientEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        dockerEnv().forEach((k, v) -> {
            if (v == null) env.remove(k);
            else env.put(k, v);
        });
        return env;
    }

    /** Runs the docker CLI against this engine; returns stdout, throws with stderr on failure (60 s bound). */
    public String docker(String... args) {
        return dockerd.docker(DEFAULT_TIMEOUT, args);
    }

    public String docker(Duration timeout, String... args) {
        return dockerd.docker(timeout, args);
    }

    /**
     * (Re)creates sva-studio-prometheus (127.0.0.1:9090), sva-studio-alertmanager (:9093) and
     * sva-studio-redis (:6379) with fresh volumes; returns once all three answer (30 s bound).
     */
    public void runReferenceServices() {
        ReferenceStack.run(dockerd, root.resolve("config"));
    }

    /**
     * (Re)creates Prometheus on the lean images (built on first call): {@link #LEAN_SH_ONLY} (only /bin/sh) on
     * 127.0.0.1:{@value #LEAN_SH_ONLY_PORT} and {@link #LEAN_NO_SHELL} (no shell) on :{@value #LEAN_NO_SHELL_PORT},
     * each with a fresh volume at /prometheus, running as nobody; returns once both answer.
     */
    public void runLeanServices() {
        LeanStack.run(dockerd, root);
    }

    /**
     * Runs {@code image} detached as {@code containerName} with {@code --network none}: its ports are
     * unreachable from the host, only {@code docker exec} gets in (the Swarm/remote case).
     * An old container of that name is removed first.
     */
    public void runIsolated(String containerName, String image, String... cmdArgs) {
        removeIfPresent(containerName);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", containerName,
                "--network", "none", "--label", "io.nightwatch.testbed=isolated", image));
        args.addAll(List.of(cmdArgs));
        docker(args.toArray(String[]::new));
    }

    /** Starts another engine on tcp://127.0.0.1:<free port> with mutual TLS; stop it when done. */
    public Tls remoteTlsEngine() {
        Path dir = root.resolve("tls-" + tlsCount.incrementAndGet());
        long t0 = System.nanoTime();
        Tls tls = Tls.start(dir, storageDriver);
        tlsEngines.add(tls);
        System.out.printf("[testbed] TLS engine on %s up in %d ms (certificates included)%n",
                tls.host(), (System.nanoTime() - t0) / 1_000_000);
        return tls;
    }

    private void removeIfPresent(String containerName) {
        String found = docker("ps", "-aq", "--filter", "name=^/" + containerName + "$");
        if (!found.isBlank()) {
            docker("rm", "-f", "-v", containerName);
        }
    }

    /** Shutdown hook: every engine in parallel (each bounded), then the directories. */
    private void shutdown() {
        List<Thread> stops = new ArrayList<>();
        for (Tls tls : tlsEngines) {
            stops.add(new Thread(tls::stop, "testbed-stop-tls"));
        }
        stops.add(new Thread(dockerd::stop, "testbed-stop-local"));
        stops.forEach(Thread::start);
        for (Thread t : stops) {
            try {
                t.join(Duration.ofSeconds(25).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        TempDirs.unmountAndDelete(root);
    }

    /** Why the testbed cannot run here, or null when it can. */
    static final class Prerequisites {
        private Prerequisites() {
        }

        static String missing() {
            if (!isRoot()) {
                return "not running as root (dockerd needs it)";
            }
            List<String> absent = new ArrayList<>();
            if (!onPath(Dockerd.dockerdBinary())) {
                absent.add("dockerd");
            }
            for (String tool : List.of(Dockerd.DOCKER_CLI, "/usr/bin/prometheus",
                    "/usr/bin/prometheus-alertmanager", "/usr/share/prometheus/alertmanager",
                    "/usr/bin/redis-server", "/usr/bin/redis-cli", "/bin/busybox", "openssl",
                    "bash", "tar", "ldd", "umount")) {
                if (!onPath(tool)) {
                    absent.add(tool);
                }
            }
            return absent.isEmpty() ? null : "missing " + String.join(", ", absent);
        }

        private static boolean isRoot() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("Uid:"))
                        .anyMatch(l -> l.split("\\s+")[1].equals("0"));
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }

        private static boolean onPath(String name) {
            if (name.startsWith("/")) {
                return Files.exists(Path.of(name));
            }
            String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            return Arrays.stream(path.split(":"))
                    .anyMatch(p -> !p.isEmpty() && Files.isExecutable(Path.of(p, name)));
        }
    }
}
