package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.ContainerConfig;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.InterruptedRun;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upgrade and rollback of the testbed's real Prometheus ({@code sva-studio-prometheus}: compose labels, named volume,
 * healthcheck, memory limit, restart policy) between two locally built tags, and a "broken" tag whose health never
 * passes: the gate fails and the original container is back automatically. Also a console killed mid-change, whose
 * run the next start aborts back to the original.
 */
@EngineTest
class ImageChangeIntegrationTest {

    private static final String CONTAINER = "sva-studio-prometheus";
    private static TestEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private RunbookCatalog catalog;
    private DockerGateway gateway;

    @TempDir
    Path data;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @AfterAll
    static void restoreTheStack() {
        engine.runReferenceServices(); // later tests expect the reference containers as the testbed made them
    }

    @BeforeEach
    void open() {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        catalog = new RunbookCatalog(profile, Map.of(), data, Clock.systemUTC());
        gateway = catalog.engine("local");
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private RunResult run(ImageChangeRunbook definition, Map<String, String> params) {
        return run(definition, params, new ArrayList<>());
    }

    /** Collects the steps' output lines into {@code outputs}. */
    private RunResult run(ImageChangeRunbook definition, Map<String, String> params, List<String> outputs) {
        return catalog.newRunner().run(definition.build(params), params, new RunListener() {
            @Override
            public void output(io.nightwatch.runbook.Step s, String line) {
                outputs.add(line);
            }
        });
    }

    @Test
    @Timeout(240)
    void upgradeToTheNewTagAndRollBackKeepTheConfigurationAndTheData() throws Exception {
        awaitHealthy(Duration.ofSeconds(60));
        Instant before = Instant.now();
        awaitSeriesAt(before, Duration.ofSeconds(30)); // a scrape after `before`, so there is data to find later
        ContainerConfig original = gateway.containerConfig(CONTAINER).orElseThrow();
        assertEquals(TestEngine.PROMETHEUS, original.image());

        ChangePlan plan = ChangePlan.of(gateway, catalog.profile().services().stream().filter(s -> s.name().equals("prometheus")).findFirst().orElseThrow(),
                TestEngine.PROMETHEUS_NEXT);
        assertEquals(List.of(), plan.lostSettings(), "nothing of the container's own configuration is lost");
        assertTrue(plan.differenceLines().get(0).startsWith("image: " + TestEngine.PROMETHEUS + " → " + TestEngine.PROMETHEUS_NEXT), plan.differenceLines().toString());
        assertTrue(plan.differenceLines().contains("label org.opencontainers.image.version (from the image): 2.42.0 → 2.42.1"), plan.differenceLines().toString());
        assertTrue(plan.composeHint().orElse("").contains("service prometheus"), plan.composeHint().toString());

        // Nightwatch recorded a baseline of the old image: 30 rounds of `up` in 5 ms
        io.nightwatch.store.AlertStore recorded = io.nightwatch.store.AlertStore.open(data.resolve("alerts.db"));
        List<io.nightwatch.store.PerformanceHistory.Sample> rounds = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rounds.add(new io.nightwatch.store.PerformanceHistory.Sample(Instant.now().minusSeconds(60L * i), "local/prometheus",
                    TestEngine.PROMETHEUS, io.nightwatch.baseline.Metric.QUERY_LATENCY, 5));
        }
        recorded.performance().record(rounds);
        catalog.useBaselines(new io.nightwatch.baseline.StoredBaselines(recorded.performance(),
                io.nightwatch.baseline.BaselineSettings.DEFAULT, Clock.systemUTC()));
        List<String> upOutput = new ArrayList<>();
        RunResult up;
        try (recorded) {
            up = run(catalog.upgrade(), Map.of("service", "prometheus", "to", TestEngine.PROMETHEUS_NEXT, "hold", "0s", "gate", "60s",
                    "backup", "yes"), upOutput);
        }
        assertEquals(RunResult.Outcome.SUCCEEDED, up.outcome(), up.message());
        assertTrue(upOutput.stream().anyMatch(l -> l.startsWith("query `up` answered in ")
                && l.contains("within 5× the old image's baseline p95 5 ms (30 rounds of " + TestEngine.PROMETHEUS + ")")), upOutput.toString());
        List<io.nightwatch.runbook.backup.BackupSets.SetInfo> sets = io.nightwatch.runbook.backup.BackupSets.list(catalog.backupRoot());
        assertEquals(1, sets.size(), "the pre-change backup");
        assertTrue(sets.get(0).verified());
        ContainerConfig upgraded = gateway.containerConfig(CONTAINER).orElseThrow();
        assertEquals(TestEngine.PROMETHEUS_NEXT, upgraded.image());
        assertEquals(original.settings(), upgraded.settings(), "same env, volume, ports, labels, network, limits, healthcheck, restart, command");
        assertEquals(List.of(), RollbackTargets.keptContainers(gateway, spec()), "a hold of 0 s removes the old container after the gate");
        assertEquals("2.42.1", gateway.inspect(CONTAINER).orElseThrow().labels().get("org.opencontainers.image.version"));
        awaitSeriesAt(before, Duration.ofSeconds(30));

        // the rollback finds its target in the deployment journal
        assertEquals(TestEngine.PROMETHEUS, RollbackTargets.best(gateway, spec(), catalog.deployments()).orElseThrow());
        catalog.useBaselines(io.nightwatch.baseline.PerformanceRecords.NONE);
        List<String> backOutput = new ArrayList<>();
        RunResult back = run(catalog.rollback(), Map.of("service", "prometheus", "gate", "60s"), backOutput);
        assertEquals(RunResult.Outcome.SUCCEEDED, back.outcome(), back.message());
        assertTrue(backOutput.stream().anyMatch(l -> l.contains("no baseline of " + TestEngine.PROMETHEUS_NEXT + " recorded: judged by the limit only")),
                backOutput.toString());
        ContainerConfig rolledBack = gateway.containerConfig(CONTAINER).orElseThrow();
        assertEquals(TestEngine.PROMETHEUS, rolledBack.image());
        assertEquals(original.settings(), rolledBack.settings());
        assertEquals(original.imageDefaults(), rolledBack.imageDefaults(), "the old image's defaults are back too");
        awaitHealthy(Duration.ofSeconds(10));
        awaitSeriesAt(before, Duration.ofSeconds(30)); // the TSDB on the volume survived both changes

        List<io.nightwatch.docker.ContainerSummary> kept = RollbackTargets.keptContainers(gateway, spec());
        assertEquals(1, kept.size(), "without a hold period the upgraded container is kept for the operator");
        assertEquals(TestEngine.PROMETHEUS_NEXT, kept.get(0).image());
        List<Deployment> history = catalog.deployments().history("local", "prometheus");
        assertEquals(List.of("upgrade", "rollback"), history.stream().map(Deployment::runbook).toList());
        assertEquals(kept.get(0).name(), history.get(1).keptContainer());
        gateway.remove(kept.get(0).id());
    }

    @Test
    @Timeout(180)
    void aBadImageFailsTheGateAndTheOriginalIsBackAutomatically() throws Exception {
        awaitHealthy(Duration.ofSeconds(60));
        ContainerConfig original = gateway.containerConfig(CONTAINER).orElseThrow();
        String originalId = gateway.inspect(CONTAINER).orElseThrow().id();

        long start = System.nanoTime();
        RunResult r = run(catalog.upgrade(), Map.of("service", "prometheus", "to", TestEngine.PROMETHEUS_BROKEN, "gate", "15s",
                "backup", "yes"));
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        List<io.nightwatch.runbook.backup.BackupSets.SetInfo> sets = io.nightwatch.runbook.backup.BackupSets.list(catalog.backupRoot());
        assertEquals(1, sets.size(), "the pre-change backup outlives the revert");
        assertTrue(sets.get(0).verified());
        assertEquals(java.util.Optional.of("health-gate"), r.failedStep());
        assertTrue(r.message().contains("not healthy"), r.message());
        ContainerFacts back = gateway.inspect(CONTAINER).orElseThrow();
        assertEquals(originalId, back.id(), "the very same container, renamed back");
        assertTrue(back.running());
        assertEquals(original.settings(), gateway.containerConfig(CONTAINER).orElseThrow().settings());
        awaitHealthy(Duration.ofSeconds(15));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(15 + 60)) < 0, "serving again within gate + restart: " + took);
        assertEquals(List.of(), RollbackTargets.keptContainers(gateway, spec()));
        assertTrue(gateway.listContainers().stream().noneMatch(c -> c.image().equals(TestEngine.PROMETHEUS_BROKEN)), "the broken container is gone");
        assertTrue(catalog.deployments().history("local", "prometheus").isEmpty(), "a reverted change is not a deployment");
    }

    @Test
    @Timeout(180)
    void aConsoleKilledMidChangeIsAbortedBackToTheOriginalOnTheNextStart() throws Exception {
        awaitHealthy(Duration.ofSeconds(60));
        String originalId = gateway.inspect(CONTAINER).orElseThrow().id();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch",
                "upgrade", "--service", "prometheus", "--to", TestEngine.PROMETHEUS_BROKEN, "--gate", "120s", "--yes",
                "--host", engine.dockerHost().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile());
        pb.environment().put("XDG_DATA_HOME", data.toString());
        pb.environment().put("HOME", data.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("DOCKER_HOST");
        Process child = pb.start();
        Path runs = data.resolve("nightwatch").resolve("runs");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!journalMentions(runs, "\"health-gate\"")) {
                assertTrue(child.isAlive(), "the console ended early: " + Files.readString(data.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "the console never reached the health gate: " + Files.readString(data.resolve("child.log")));
                Thread.sleep(200);
            }
            assertFalse(gateway.inspect(CONTAINER).orElseThrow().id().equals(originalId), "the broken container has the name now");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no undo
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        } finally {
            if (child.isAlive()) child.destroyForcibly();
        }

        // the next start (the data dir the CLI used) finds the run and aborts it
        RunbookCatalog next = new RunbookCatalog(catalog.profile(), Map.of(), data.resolve("nightwatch"), Clock.systemUTC());
        try (next) {
            RunbookRunner runner = next.newRunner();
            List<InterruptedRun> found = runner.interrupted();
            assertEquals(1, found.size());
            assertEquals("upgrade", found.get(0).runbookId());
            RunResult aborted = runner.abort(found.get(0), next.registry(), new RunListener() { });
            assertEquals(RunResult.Outcome.ABORTED, aborted.outcome(), aborted.message());
        }
        ContainerFacts back = gateway.inspect(CONTAINER).orElseThrow();
        assertEquals(originalId, back.id());
        assertTrue(back.running());
        awaitHealthy(Duration.ofSeconds(60));
        assertTrue(gateway.listContainers().stream().noneMatch(c -> c.image().equals(TestEngine.PROMETHEUS_BROKEN)));
    }

    @Test
    @Timeout(180)
    void theCliShowsThePlanRunsTheUpgradeAndListsWhereToGoBack() throws Exception {
        awaitHealthy(Duration.ofSeconds(60));
        Result upgrade = cli("upgrade", "--service", "prometheus", "--to", TestEngine.PROMETHEUS_NEXT, "--hold", "0s", "--yes");
        assertEquals(0, upgrade.exit(), upgrade.output());
        assertTrue(upgrade.output().contains("image: " + TestEngine.PROMETHEUS + " → " + TestEngine.PROMETHEUS_NEXT), upgrade.output());
        assertTrue(upgrade.output().contains("label org.opencontainers.image.version (from the image): 2.42.0 → 2.42.1"), upgrade.output());
        assertTrue(upgrade.output().contains("Compose: compose project sva-studio, service prometheus"), upgrade.output());
        assertTrue(upgrade.output().contains("Health gate: prometheus healthy and fast"), upgrade.output());
        assertTrue(upgrade.output().matches("(?s).*query `up` answered in \\d+ ms.*"), upgrade.output());

        Result history = cli("rollback", "--service", "prometheus", "--history");
        assertEquals(0, history.exit(), history.output());
        assertTrue(history.output().contains(CONTAINER + "): " + TestEngine.PROMETHEUS_NEXT + ", running"), history.output());
        assertTrue(history.output().contains("upgrade  " + TestEngine.PROMETHEUS + " → " + TestEngine.PROMETHEUS_NEXT), history.output());
        assertTrue(history.output().contains(TestEngine.PROMETHEUS + "  — ran before the last change (deployment journal)"), history.output());

        Result missing = cli("upgrade", "--service", "prometheus", "--to", "prom/prometheus:v9.9.9", "--yes");
        assertEquals(64, missing.exit(), missing.output());
        assertTrue(missing.output().contains("the image prom/prometheus:v9.9.9 is not on"), missing.output());

        Result back = cli("rollback", "--service", "prometheus", "--hold", "0s", "--yes");
        assertEquals(0, back.exit(), back.output());
        assertEquals(TestEngine.PROMETHEUS, gateway.containerConfig(CONTAINER).orElseThrow().image());
        System.out.println(upgrade.output());
    }

    private record Result(int exit, String output) {}

    private Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        command.addAll(List.of("--host", engine.dockerHost().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("XDG_DATA_HOME", data.toString());
        pb.environment().put("HOME", data.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("DOCKER_HOST");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(150, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static boolean journalMentions(Path runs, String text) throws Exception {
        if (!Files.isDirectory(runs)) return false;
        try (var files = Files.list(runs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains("\"step-started\"") && Files.readString(f).contains(text)
                        && Files.readAllLines(f).stream().anyMatch(l -> l.contains("step-started") && l.contains(text))) return true;
            }
        }
        return false;
    }

    private io.nightwatch.stack.ServiceSpec spec() {
        return catalog.profile().services().stream().filter(s -> s.name().equals("prometheus")).findFirst().orElseThrow();
    }

    private void awaitHealthy(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ok("http://127.0.0.1:9090/-/healthy")) {
            assertTrue(System.nanoTime() < deadline, "Prometheus is not healthy within " + within);
            Thread.sleep(250);
        }
    }

    /** Prometheus has a sample of its own `up` at {@code at} (it scrapes itself every 5 s). */
    private void awaitSeriesAt(Instant at, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String url = "http://127.0.0.1:9090/api/v1/query?query=up%7Bjob%3D%22prometheus%22%7D&time=" + (at.toEpochMilli() / 1000.0 + 10);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"value\"")) return;
            } catch (java.io.IOException notYet) {
                // restarting
            }
            assertTrue(System.nanoTime() < deadline, "no sample of up{job=prometheus} at " + at);
            Thread.sleep(500);
        }
    }

    private boolean ok(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
