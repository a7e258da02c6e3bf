package io.nightwatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One private dockerd: its own data root, exec root, pidfile and log under {@code dir}, so it never
 * touches a system engine and several can run side by side.
 */
final class Dockerd {

    static final String DOCKER_CLI = Files.isExecutable(Path.of("/usr/bin/docker"))
            ? "/usr/bin/docker" : "docker";
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final URI host;
    /** CLI environment; a null value removes an inherited variable. */
    private final Map<String, String> env;
    private final Process process;

    private Dockerd(Path dir, URI host, Map<String, String> env, Process process) {
        this.dir = dir;
        this.host = host;
        this.env = Collections.unmodifiableMap(env);
        this.process = process;
    }

    /**
     * Starts dockerd and waits (bounded) until the CLI gets an answer from it.
     *
     * @param extraEnv   CLI variables beyond DOCKER_HOST (the TLS ones for a TCP engine)
     * @param extraArgs  dockerd flags beyond the common ones (TLS material)
     * @param storageDriver null for dockerd's default choice
     */
    static Dockerd start(Path dir, URI host, Map<String, String> extraEnv, List<String> extraArgs,
            String storageDriver) {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("exec"));
            Files.createDirectories(dir.resolve("cli-config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(dockerdBinary(),
                "--host", host.toString(),
                "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(),
                // No iptables/bridge: containers use --network host or none, only loopback is used.
                "--iptables=false", "--bridge=none",
                // Bounded shutdown: containers still running get SIGKILL after 5 s.
                "--shutdown-timeout", "5"));
        if (storageDriver != null) {
            cmd.addAll(List.of("--storage-driver", storageDriver));
        }
        cmd.addAll(extraArgs);

        Map<String, String> env = new HashMap<>();
        // Our CLI must not be redirected by the caller's context, TLS settings or config dir.
        env.put("DOCKER_CONTEXT", null);
        env.put("DOCKER_TLS_VERIFY", null);
        env.put("DOCKER_CERT_PATH", null);
        env.put("DOCKER_CONFIG", dir.resolve("cli-config").toString());
        env.putAll(extraEnv);
        env.put("DOCKER_HOST", host.toString());

        Process process;
        try {
            Path log = dir.resolve("dockerd.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // dockerd looks up containerd, runc and friends on PATH, which may lack the sbin dirs.
            pb.environment().merge("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", (a, b) -> a + ":" + b);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd", e);
        }
        Dockerd d = new Dockerd(dir, host, env, process);
        d.awaitReady();
        return d;
    }

    URI host() {
        return host;
    }

    Path dir() {
        return dir;
    }

    /** The CLI environment: variables to set, and (null values) inherited ones to remove. */
    Map<String, String> env() {
        return env;
    }

    String docker(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DOCKER_CLI);
        cmd.addAll(List.of(args));
        return Cli.run(env, timeout, cmd);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dockerd exited with " + process.exitValue()
                        + "; log tail:\n" + logTail());
            }
            try {
                docker(Duration.ofSeconds(5), "version", "--format", "{{.Server.Version}}");
                return;
            } catch (Cli.CliException e) {
                last = e.getMessage();
            }
            sleep(300);
        }
        stop();
        throw new IllegalStateException("dockerd did not answer within " + START_TIMEOUT.toSeconds()
                + " s (" + last + "); log tail:\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Removes all containers (fast, and no orphans if dockerd must be killed), then stops dockerd. */
    void stop() {
        try {
            String ids = docker(Duration.ofSeconds(10), "ps", "-aq");
            if (!ids.isBlank()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
                rm.addAll(List.of(ids.split("\\s+")));
                docker(Duration.ofSeconds(20), rm.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            System.err.println("[testbed] could not remove containers of " + host + ": " + e.getMessage());
        }
        stopByPidfile(dir.resolve("docker.pid"));
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** SIGTERM the dockerd named in {@code pidfile}, SIGKILL it (and its containerd) after a bounded wait. */
    static void stopByPidfile(Path pidfile) {
        Optional<ProcessHandle> handle = readPid(pidfile).flatMap(ProcessHandle::of)
                // Guard against pid reuse: only ever signal a dockerd.
                .filter(h -> h.info().command().map(c -> c.endsWith("dockerd")).orElse(false));
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle h = handle.get();
        List<ProcessHandle> children = h.descendants().toList();
        h.destroy();
        try {
            h.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            System.err.println("[testbed] dockerd " + h.pid() + " ignored SIGTERM, killing it");
            h.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<Long> readPid(Path pidfile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidfile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String dockerdBinary() {
        for (String p : List.of("/usr/sbin/dockerd", "/usr/bin/dockerd")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return "dockerd";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
