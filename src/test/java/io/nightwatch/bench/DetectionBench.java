package io.nightwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.testbed.TestEngine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Container-death detection as a script sees it: {@code status --watch --json} in a child JVM, the reference stack's
 * Alertmanager killed with {@code docker kill} again and again; each latency runs to
 * the DOWN line on stdout, timed from the moment {@code docker kill} is started (the CLI's own start-up included: the
 * DOWN line can arrive before the CLI has even exited, so timing from its return would undercount).
 */
public final class DetectionBench {

    public record Figure(List<Long> latenciesMs) {
        public long percentile(int p) {
            List<Long> sorted = latenciesMs.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VICTIM = "sva-studio-alertmanager";

    private DetectionBench() {}

    public static Figure measure(TestEngine engine, List<String> launcher, int kills) throws Exception {
        engine.runReferenceServices();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("status", "--watch", "--json", "--host", engine.dockerHost().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (Exception ended) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<Long> latencies = new ArrayList<>();
        try {
            await(lines, n -> n.path("service").asText().equals("alertmanager") && n.path("state").asText().equals("UP"), Duration.ofSeconds(60));
            for (int i = 0; i < kills; i++) {
                lines.clear();
                long killed = System.nanoTime(); // before the CLI starts: its own start-up counts too (an upper bound)
                engine.docker("kill", VICTIM);
                await(lines, n -> n.path("service").asText().equals("alertmanager") && n.path("state").asText().equals("DOWN"), Duration.ofSeconds(10));
                latencies.add((System.nanoTime() - killed) / 1_000_000);
                engine.docker("start", VICTIM);
                await(lines, n -> n.path("service").asText().equals("alertmanager") && n.path("state").asText().equals("UP"), Duration.ofSeconds(60));
                Thread.sleep(500);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        return new Figure(latencies);
    }

    private static void await(BlockingQueue<String> lines, Predicate<JsonNode> match, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new IllegalStateException("no matching status line within " + limit);
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) continue;
            if (!line.startsWith("{")) continue;
            if (match.test(JSON.readTree(line))) return;
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
