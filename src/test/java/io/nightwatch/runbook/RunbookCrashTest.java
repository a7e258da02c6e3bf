package io.nightwatch.runbook;

import io.nightwatch.runbook.RunResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real crash: a child JVM runs a runbook and is killed with SIGKILL (no shutdown hooks) inside step two. The
 * next start finds the run, and resumes it or aborts it cleanly.
 */
class RunbookCrashTest {

    @TempDir
    Path dir;

    private final RunbookRegistry registry = new RunbookRegistry(List.of(new CrashRunbook()));

    @BeforeEach
    void clearLog() {
        CrashRunbook.LOG.clear();
        CrashRunbook.blockInStepTwo = false;
    }

    @Test
    @Timeout(60)
    void aKilledRunIsFoundAndResumed() throws Exception {
        InterruptedRun run = killInStepTwo();
        assertTrue(run.resumable());
        RunbookRunner runner = new RunbookRunner(dir, Clock.systemUTC());
        RunResult r = runner.resume(run, registry, null);

        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertEquals(run.runId(), r.runId());
        assertEquals(run.journal(), r.journal());
        assertEquals(List.of("execute two", "execute three", "three sees snap-from-child"), CrashRunbook.LOG,
                "step one is not repeated, its state is restored");
        List<String> trace = Journals.trace(r.journal());
        assertEquals(List.of("run-started", "step-started one", "state one", "output one", "step-finished one", "step-started two",
                "run-started", "step-started two", "step-finished two", "step-started three", "step-finished three", "run-finished"), trace);
        assertTrue(Journals.last(r.journal()).has("totalMs"), "the total time since the first start is journaled (RTO)");
        assertEquals(List.of(), runner.interrupted());
    }

    @Test
    @Timeout(60)
    void aKilledRunIsFoundAndAbortedCleanly() throws Exception {
        InterruptedRun run = killInStepTwo();
        RunbookRunner runner = new RunbookRunner(dir, Clock.systemUTC());
        RunResult r = runner.abort(run, registry, null);

        assertEquals(Outcome.ABORTED, r.outcome(), r.message());
        assertEquals(List.of("compensate two", "compensate one", "one undoes snap-from-child"), CrashRunbook.LOG,
                "the cut-off step and then step one are undone, with the journaled state");
        assertTrue(r.message().startsWith("Aborted the interrupted run " + run.runId()), r.message());
        List<String> trace = Journals.trace(r.journal());
        assertEquals(List.of("compensating two", "compensated two", "compensating one", "compensated one", "run-aborted"),
                trace.subList(trace.size() - 5, trace.size()));
        assertEquals(List.of(), runner.interrupted());
    }

    /** Starts the child, waits until it blocks in step two, checks a live run is not offered, then kills it. */
    private InterruptedRun killInStepTwo() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-Xmx128m", "-cp", classPath(), RunbookCrashChild.class.getName(), dir.toString())
                .redirectError(dir.resolve("child.err").toFile()).start();
        CountDownLatch blocked = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) if (line.equals("BLOCKED")) blocked.countDown();
            } catch (IOException e) {
                // the pipe closes with the child
            }
        }, "crash-child-stdout");
        reader.start();
        try {
            assertTrue(blocked.await(40, TimeUnit.SECONDS), "the child never reached step two");
            assertEquals(List.of(), new RunbookRunner(dir, Clock.systemUTC()).interrupted(),
                    "a run another process is still writing is not offered as interrupted");
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        } finally {
            if (child.isAlive()) child.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(reader.isAlive());

        List<InterruptedRun> found = new RunbookRunner(dir, Clock.systemUTC()).interrupted();
        assertEquals(1, found.size(), "the killed run is found");
        InterruptedRun run = found.get(0);
        assertEquals("crashable", run.runbookId());
        assertEquals(List.of("one"), run.finishedSteps());
        assertEquals(List.of("one", "two"), run.startedSteps());
        assertEquals(java.util.Optional.of("two"), run.stoppedInStep());
        assertEquals("snap-from-child", run.state().get("snapshot"));
        assertEquals("/srv/backups", run.params().get("target"));
        assertTrue(run.runId().matches("\\d{8}-\\d{6}-crashable-[0-9a-f]{6}"), run.runId());
        return run;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path in this property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
