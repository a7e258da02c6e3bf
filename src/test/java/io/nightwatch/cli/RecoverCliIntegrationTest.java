package io.nightwatch.cli;

import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code nightwatch recover} against the real Redis of the testbed, as an operator runs it (a child process). */
@EngineTest
class RecoverCliIntegrationTest {

    @TempDir
    Path home;

    private record Result(int exit, String out) {}

    private Result nightwatch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "nightwatch " + String.join(" ", args) + " ends");
        return new Result(p.exitValue(), out);
    }

    @Test
    void withoutYesItDiagnosesShowsThePlanAndChangesNothingWithoutAnAnswer() throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.set("session:a", "1");
        }
        String before = engine.docker("inspect", "-f", "{{.State.StartedAt}}", "sva-studio-redis").strip();
        Result r = nightwatch("recover", "redis-down", "--host", engine.dockerHost().toString());
        assertEquals(130, r.exit(), r.out());
        assertTrue(r.out().contains("Redis answers PING; it holds 1 keys now"), r.out());
        assertTrue(r.out().contains("Plan (Recover: The Redis session store is down or lost its data):"), r.out());
        assertTrue(r.out().contains("[only when Redis does not answer]"), r.out());
        assertTrue(r.out().contains("nightwatch: no terminal to confirm on; pass --yes"), r.out());
        assertEquals(before, engine.docker("inspect", "-f", "{{.State.StartedAt}}", "sva-studio-redis").strip(), "nothing was restarted");
        assertFalse(Files.exists(home.resolve("data/nightwatch/runs")) && Files.list(home.resolve("data/nightwatch/runs")).findAny().isPresent(),
                "the diagnosis before the prompt leaves no resumable run");

        Result yes = nightwatch("recover", "redis-down", "--host", engine.dockerHost().toString(), "--yes");
        assertEquals(0, yes.exit(), yes.out());
        assertTrue(yes.out().contains("skipped: not needed (only when Redis does not answer)"), yes.out());
        assertTrue(yes.out().contains("no sessions lost"), yes.out());
        assertTrue(yes.out().contains("nightwatch: recover redis-down succeeded"), yes.out());
    }
}
