package io.nightwatch.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prometheus on the two lean images beside the reference stack: {@value #SH_ONLY} (only /bin/sh) on
 * 127.0.0.1:{@value #SH_ONLY_PORT} and {@value #NO_SHELL} (no shell) on 127.0.0.1:{@value #NO_SHELL_PORT}. Other
 * names, ports and volumes than the reference services, no compose labels, no healthcheck (there is nothing to run
 * one with), running as nobody like prom/prometheus.
 */
final class LeanStack {

    static final String SH_ONLY = "lean-prometheus-sh";
    static final String NO_SHELL = "lean-prometheus-noshell";
    static final int SH_ONLY_PORT = 19190; // 19090 is AlertsIntegrationTest's rule Prometheus
    static final int NO_SHELL_PORT = 19191;

    private LeanStack() {
    }

    static void run(Dockerd d, Path workDir) {
        Images.buildLean(d, workDir);
        runOne(d, workDir, SH_ONLY, Images.PROMETHEUS_SH_ONLY, SH_ONLY_PORT);
        runOne(d, workDir, NO_SHELL, Images.PROMETHEUS_NO_SHELL, NO_SHELL_PORT);
        long deadline = System.nanoTime() + ReferenceStack.READY_TIMEOUT.toNanos();
        for (int port : List.of(SH_ONLY_PORT, NO_SHELL_PORT)) {
            while (!ReferenceStack.httpOk("http://127.0.0.1:" + port + "/-/healthy")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("lean Prometheus on :" + port + " did not answer within "
                            + ReferenceStack.READY_TIMEOUT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private static void runOne(Dockerd d, Path workDir, String name, String image, int port) {
        Duration t = Duration.ofSeconds(60);
        if (!d.docker(t, "ps", "-aq", "--filter", "name=^/" + name + "$").isBlank()) {
            d.docker(t, "rm", "-f", "-v", name);
        }
        String volume = name + "-data";
        if (d.docker(t, "volume", "ls", "-q").lines().anyMatch(volume::equals)) {
            d.docker(t, "volume", "rm", "-f", volume);
        }
        Path config = config(workDir.resolve("config").resolve(name), port);
        d.docker(t, "run", "-d", "--name", name, "--network", "host", "--memory", "512m",
                "--label", "io.nightwatch.testbed=lean",
                "--mount", "type=volume,source=" + volume + ",target=/prometheus",
                "-v", config + ":/etc/prometheus:ro",
                image,
                "--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-admin-api");
    }

    /** Scrapes itself every 2 s, so there are series to back up within seconds. */
    private static Path config(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 2s\n"
                    + "scrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['127.0.0.1:" + port + "']\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
