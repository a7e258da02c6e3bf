package io.nightwatch.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds the testbed images from Debian's binaries with make-image.sh, since there is no registry
 * to pull from. They live in the private engine, so they are built once per JVM.
 */
final class Images {

    static final String PROMETHEUS = "local/prometheus:2.42.0";
    static final String PROMETHEUS_BROKEN = "local/prometheus:broken";
    /** The same binary under a newer tag and version label: a second good image to upgrade to and roll back from. */
    static final String PROMETHEUS_NEXT = "local/prometheus:2.42.1";
    static final String ALERTMANAGER = "local/alertmanager:0.25.0";
    static final String REDIS = "local/redis:7.0.15";
    static final String BUSYBOX = "local/busybox:latest";
    /** Lean images as production meets them: Prometheus with only /bin/sh (busybox, no links), and with no shell. */
    static final String PROMETHEUS_SH_ONLY = "local/prometheus-lean:sh";
    static final String PROMETHEUS_SH_ONLY_NEXT = "local/prometheus-lean:sh-next";
    static final String PROMETHEUS_NO_SHELL = "local/prometheus-lean:noshell";
    static final String PROMETHEUS_NO_SHELL_NEXT = "local/prometheus-lean:noshell-next";

    private static boolean leanBuilt;

    // The broken tag keeps PID 1 a shell that never listens (so it never gets healthy) but still
    // exits at once on SIGTERM, so `docker stop` on it stays fast. Arguments are ignored.
    private static final String BROKEN_ENTRYPOINT = "ENTRYPOINT [\"/bin/sh\", \"-c\", "
            + "\"trap 'exit 143' TERM INT; echo 'prometheus: broken build, hanging at startup' >&2; "
            + "while :; do sleep 1 & wait $!; done\", \"prometheus\"]";

    private static final ExecutorService POOL = Executors.newFixedThreadPool(5, r -> {
        Thread t = new Thread(r, "testbed-image-build");
        t.setDaemon(true);
        return t;
    });

    private Images() {
    }

    static void buildAll(Dockerd dockerd, Path workDir) {
        Path script = extractScript(workDir);
        // Independent imports: run them side by side (about half the time of one after another).
        List<CompletableFuture<Void>> builds = List.of(
                build(dockerd, script, workDir, BUSYBOX, List.of("/bin/busybox"), List.of("CMD [\"sh\"]")),
                build(dockerd, script, workDir, PROMETHEUS, List.of("/usr/bin/prometheus"), List.of(
                        "ENTRYPOINT [\"/usr/bin/prometheus\"]",
                        "CMD [\"--config.file=/etc/prometheus/prometheus.yml\", \"--storage.tsdb.path=/prometheus\"]",
                        "WORKDIR /prometheus",
                        "LABEL org.opencontainers.image.version=2.42.0")),
                build(dockerd, script, workDir, PROMETHEUS_BROKEN, List.of("/usr/bin/prometheus"), List.of(
                        BROKEN_ENTRYPOINT,
                        "LABEL org.opencontainers.image.version=broken")),
                build(dockerd, script, workDir, ALERTMANAGER,
                        List.of("/usr/bin/prometheus-alertmanager", "/usr/share/prometheus/alertmanager"), List.of(
                        "ENTRYPOINT [\"/usr/bin/prometheus-alertmanager\"]",
                        "CMD [\"--config.file=/etc/alertmanager/alertmanager.yml\", \"--storage.path=/alertmanager\"]",
                        "WORKDIR /alertmanager",
                        "LABEL org.opencontainers.image.version=0.25.0")),
                build(dockerd, script, workDir, REDIS, List.of("/usr/bin/redis-server", "/usr/bin/redis-cli"), List.of(
                        "CMD [\"redis-server\"]",
                        "WORKDIR /data",
                        "LABEL org.opencontainers.image.version=7.0.15")));
        try {
            CompletableFuture.allOf(builds.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        derive(dockerd, workDir, PROMETHEUS, PROMETHEUS_NEXT, "LABEL org.opencontainers.image.version=2.42.1");
    }

    /**
     * The lean images, built on first use (most tests never need them). Like prom/prometheus they run as nobody
     * (65534) with /prometheus owned by it, so ownership after a restore matters.
     */
    static synchronized void buildLean(Dockerd dockerd, Path workDir) {
        if (leanBuilt) {
            return;
        }
        Path script = extractScript(workDir);
        List<String> prometheus = List.of(
                "ENTRYPOINT [\"/usr/bin/prometheus\"]",
                "CMD [\"--config.file=/etc/prometheus/prometheus.yml\", \"--storage.tsdb.path=/prometheus\"]",
                "WORKDIR /prometheus",
                "USER 65534:65534",
                "LABEL org.opencontainers.image.version=2.42.0");
        try {
            CompletableFuture.allOf(
                    build(dockerd, script, workDir, PROMETHEUS_SH_ONLY, List.of("/usr/bin/prometheus"), prometheus,
                            Map.of("SHELL_TOOLS", "sh", "OWNED_DIRS", "/prometheus:65534:65534")),
                    build(dockerd, script, workDir, PROMETHEUS_NO_SHELL, List.of("/usr/bin/prometheus"), prometheus,
                            Map.of("SHELL_TOOLS", "none", "OWNED_DIRS", "/prometheus:65534:65534"))).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        // FROM + LABEL needs no shell in the image: the classic builder only writes metadata.
        derive(dockerd, workDir, PROMETHEUS_SH_ONLY, PROMETHEUS_SH_ONLY_NEXT, "LABEL org.opencontainers.image.version=2.42.1");
        derive(dockerd, workDir, PROMETHEUS_NO_SHELL, PROMETHEUS_NO_SHELL_NEXT, "LABEL org.opencontainers.image.version=2.42.1");
        leanBuilt = true;
    }

    /** A tag built FROM another local image with one more instruction (a new image id in a second, no rootfs copy). */
    private static void derive(Dockerd dockerd, Path workDir, String from, String image, String instruction) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("derive-" + image.replaceAll("[^A-Za-z0-9.-]", "_")));
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + from + "\n" + instruction + "\n");
            Map<String, String> env = new HashMap<>(dockerd.env());
            env.put("DOCKER_BUILDKIT", "0"); // the classic builder: no buildx needed, nothing pulled
            Cli.run(env, Duration.ofSeconds(120), Dockerd.DOCKER_CLI, "build", "-q", "-t", image, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<Void> build(Dockerd dockerd, Path script, Path workDir, String image,
            List<String> paths, List<String> changes) {
        return build(dockerd, script, workDir, image, paths, changes, Map.of());
    }

    private static CompletableFuture<Void> build(Dockerd dockerd, Path script, Path workDir, String image,
            List<String> paths, List<String> changes, Map<String, String> extraEnv) {
        String ref = image.substring("local/".length());
        int colon = ref.lastIndexOf(':');
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString(),
                ref.substring(0, colon), ref.substring(colon + 1)));
        cmd.addAll(paths);
        Map<String, String> env = new HashMap<>(dockerd.env());
        env.put("DOCKER_CLI", Dockerd.DOCKER_CLI);
        env.put("TMPDIR", workDir.toString());
        env.put("IMAGE_CHANGES", String.join("\n", changes));
        env.putAll(extraEnv);
        return CompletableFuture.runAsync(() -> Cli.run(env, Duration.ofSeconds(120), cmd), POOL);
    }

    /** The script is a test resource (maybe inside a jar, without its x bit): copy it out. */
    private static Path extractScript(Path workDir) {
        try (InputStream in = Images.class.getResourceAsStream("/testbed/make-image.sh")) {
            if (in == null) {
                throw new IllegalStateException("test resource /testbed/make-image.sh not found");
            }
            Path script = workDir.resolve("make-image.sh");
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
