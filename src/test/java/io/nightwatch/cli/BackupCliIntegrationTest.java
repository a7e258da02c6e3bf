package io.nightwatch.cli;

import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code backup} as an operator runs it against the testbed, where only Prometheus, Alertmanager and Redis are
 * deployed: Loki and Grafana are in the built-in profile but have no container on the host.
 */
@EngineTest
class BackupCliIntegrationTest {

    private static TestEngine engine;

    @TempDir
    Path home;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private record Result(int exit, String out) {}

    private Result nightwatch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("XDG_CONFIG_HOME"); // no operator profile of this machine
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nightwatch " + String.join(" ", args) + " ends");
        return new Result(p.exitValue(), out);
    }

    @Test
    void withoutServiceTheUndeployedServicesAreSkippedWithAWarning() throws Exception {
        Path to = home.resolve("backups");
        Result r = nightwatch("backup", "--host", engine.dockerHost().toString(), "--to", to.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("nightwatch: loki: not deployed on local — skipped"), r.out());
        assertTrue(r.out().contains("nightwatch: grafana: not deployed on local — skipped"), r.out());
        Path set;
        try (Stream<Path> sets = Files.list(to)) {
            set = sets.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Result listed = nightwatch("backups", "--in", to.toString());
        assertEquals(0, listed.exit(), listed.out());
        String line = listed.out().lines().filter(l -> l.startsWith(set.getFileName().toString())).findFirst().orElseThrow();
        assertTrue(line.contains("verified"), line);
        assertTrue(line.contains("prometheus") && line.contains("redis"), line);
        assertFalse(line.contains("loki") || line.contains("grafana"), line);
    }

    @Test
    void namingAnUndeployedServiceFailsAsAUserError() throws Exception {
        Path to = home.resolve("backups");
        Result r = nightwatch("backup", "--host", engine.dockerHost().toString(), "--service", "redis,loki", "--to", to.toString());
        assertEquals(NightwatchCommand.EXIT_USAGE, r.exit(), r.out());
        assertTrue(r.out().contains("nightwatch: loki: not deployed on local (no container sva-studio-loki and no Swarm service); it cannot be backed up"), r.out());
        assertFalse(Files.exists(to), "nothing was started: " + r.out());
    }
}
