package io.nightwatch.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the reference stack that is real here (Prometheus, Alertmanager, Redis), run the way
 * its compose file does: same container names, compose labels, volumes, healthchecks and limits,
 * but with {@code --network host} on loopback ports since there is no bridge network.
 */
final class ReferenceStack {

    static final String PROJECT = "sva-studio";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1)).build();

    private ReferenceStack() {
    }

    static void run(Dockerd d, Path configDir) {
        removeOld(d);
        awaitPortsFree(9090, 9093, 6379);
        Path promConfig = copyResources(configDir.resolve("prometheus"), "prometheus.yml", "alert-rules.yml");
        Path amConfig = copyResources(configDir.resolve("alertmanager"), "alertmanager.yml");

        d.docker(Duration.ofSeconds(60), service("prometheus", "/prometheus", "512m",
                "wget -qO- http://localhost:9090/-/healthy",
                "--cpus", "1",
                "-v", promConfig + ":/etc/prometheus:ro",
                Images.PROMETHEUS,
                "--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.retention.time=7d",
                "--web.listen-address=127.0.0.1:9090",
                "--web.enable-admin-api"));
        d.docker(Duration.ofSeconds(60), service("alertmanager", "/alertmanager", "128m",
                "wget -qO- http://localhost:9093/-/healthy",
                "-v", amConfig + ":/etc/alertmanager:ro",
                Images.ALERTMANAGER,
                "--config.file=/etc/alertmanager/alertmanager.yml",
                "--storage.path=/alertmanager",
                "--web.listen-address=127.0.0.1:9093",
                // A single node: an empty address turns gossip clustering off.
                "--cluster.listen-address="));
        d.docker(Duration.ofSeconds(60), service("redis", "/data", "256m",
                "redis-cli ping",
                Images.REDIS,
                "redis-server", "--bind", "127.0.0.1", "--port", "6379", "--dir", "/data"));

        awaitAnswers(d);
    }

    /**
     * docker run arguments for one service: names, labels, volume, healthcheck (the reference's own
     * command, at a 5 s interval instead of 30 s), limits, then {@code extra}.
     */
    private static String[] service(String name, String dataPath, String memory, String health,
            String... extra) {
        String volume = PROJECT + "_" + name + "-data";
        List<String> args = new ArrayList<>(List.of("run", "-d",
                "--name", PROJECT + "-" + name,
                "--network", "host",
                "--restart", "unless-stopped",
                "--label", "com.docker.compose.project=" + PROJECT,
                "--label", "com.docker.compose.service=" + name,
                "--label", "com.docker.compose.oneoff=False",
                "--label", "com.docker.compose.container-number=1",
                "--memory", memory,
                // A named volume, created on the fly with the labels compose would give it.
                "--mount", "type=volume,source=" + volume + ",target=" + dataPath
                        + ",volume-label=com.docker.compose.project=" + PROJECT
                        + ",volume-label=com.docker.compose.volume=" + name + "-data",
                "--health-cmd", health,
                "--health-interval", "5s", "--health-timeout", "3s", "--health-retries", "3"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Idempotence: drop every container of the project and its volumes, so each run starts empty. */
    private static void removeOld(Dockerd d) {
        String ids = d.docker(Duration.ofSeconds(10), "ps", "-aq",
                "--filter", "label=com.docker.compose.project=" + PROJECT);
        if (!ids.isBlank()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(List.of(ids.split("\\s+")));
            d.docker(Duration.ofSeconds(30), rm.toArray(String[]::new));
        }
        String volumes = d.docker(Duration.ofSeconds(10), "volume", "ls", "-q",
                "--filter", "label=com.docker.compose.project=" + PROJECT);
        if (!volumes.isBlank()) {
            List<String> rm = new ArrayList<>(List.of("volume", "rm", "-f"));
            rm.addAll(List.of(volumes.split("\\s+")));
            d.docker(Duration.ofSeconds(30), rm.toArray(String[]::new));
        }
    }

    /** Host networking shares the host's ports: say clearly when something else holds one. */
    private static void awaitPortsFree(int... ports) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int port : ports) {
            while (answersTcp(port)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("127.0.0.1:" + port
                            + " is in use by something outside this testbed: a system service, another"
                            + " test JVM, or a leftover /tmp/nw-testbed-* engine of a JVM still alive");
                }
                sleep(200);
            }
        }
    }

    private static Path copyResources(Path dir, String... names) {
        try {
            Files.createDirectories(dir);
            for (String name : names) {
                try (InputStream in = ReferenceStack.class.getResourceAsStream("/testbed/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("test resource /testbed/" + name + " not found");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAnswers(Dockerd d) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        boolean prometheus = false;
        boolean alertmanager = false;
        boolean redis = false;
        boolean scraped = false;
        while (System.nanoTime() < deadline) {
            prometheus = prometheus || httpOk("http://127.0.0.1:9090/-/healthy");
            alertmanager = alertmanager || httpOk("http://127.0.0.1:9093/-/healthy");
            redis = redis || redisPong();
            // Prometheus starts first: its first scrape of Alertmanager can fail, and the target reads "down" until
            // the next one (5 s on). Tests that read the targets (the audit) need the stack as it runs, every one up.
            scraped = scraped || (prometheus && alertmanager && everyTargetUp());
            if (scraped && redis) {
                return;
            }
            sleep(250);
        }
        StringBuilder why = new StringBuilder("reference services did not answer within "
                + READY_TIMEOUT.toSeconds() + " s:");
        if (prometheus && alertmanager && !scraped) why.append("\n--- Prometheus has not scraped every target up yet");
        appendLogs(d, why, "prometheus", prometheus);
        appendLogs(d, why, "alertmanager", alertmanager);
        appendLogs(d, why, "redis", redis);
        throw new IllegalStateException(why.toString());
    }

    private static void appendLogs(Dockerd d, StringBuilder why, String service, boolean answered) {
        if (answered) {
            return;
        }
        why.append("\n--- ").append(PROJECT).append('-').append(service).append(" does not answer; logs:\n");
        try {
            // docker logs writes the container's stderr to our stderr; ask for both merged.
            why.append(Cli.run(d.env(), Duration.ofSeconds(10), "sh", "-c",
                    Dockerd.DOCKER_CLI + " logs --tail 20 " + PROJECT + "-" + service + " 2>&1"));
        } catch (RuntimeException e) {
            why.append(e.getMessage());
        }
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether Prometheus's active targets are all up (and there are some). */
    private static boolean everyTargetUp() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/api/v1/targets?state=active"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return false;
            com.fasterxml.jackson.databind.JsonNode targets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                    .path("data").path("activeTargets");
            if (targets.isEmpty()) return false;
            for (com.fasterxml.jackson.databind.JsonNode t : targets) {
                if (!"up".equals(t.path("health").asText())) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** RESP inline command; avoids a client library for one PING. */
    static boolean redisPong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[7];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answersTcp(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
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
