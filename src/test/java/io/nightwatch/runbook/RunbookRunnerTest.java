package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.runbook.RunResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.runbook.FakeStep.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's contract: order, undo in reverse, verification, failing undo, cancel; read back from the journal. */
class RunbookRunnerTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    private RunbookRunner runner() {
        return new RunbookRunner(dir, new TickingClock());
    }

    private static Runbook runbook(Step... steps) {
        return new Runbook("backup", "Back up", "Test runbook.", List.of(), List.of(steps));
    }

    /** Remembers what the listener heard, compactly. */
    private RunListener listener() {
        return new RunListener() {
            @Override public void stepStarted(int index, Step s) { heard.add("started " + index + " " + s.id()); }
            @Override public void output(Step s, String line) { heard.add("output " + s.id() + " " + line); }
            @Override public void stepFinished(int index, Step s, Duration took) { heard.add("finished " + index + " " + s.id()); }
            @Override public void stepFailed(int index, Step s, String why) { heard.add("failed " + index + " " + s.id()); }
            @Override public void compensating(Step s) { heard.add("compensating " + s.id()); }
            @Override public void compensated(Step s, Optional<String> problem) { heard.add("compensated " + s.id() + problem.map(p -> " PROBLEM").orElse("")); }
            @Override public void finished(RunResult r) { heard.add("result " + r.outcome()); }
        };
    }

    @Test
    void happyPathRunsEveryStepAndJournalsIt() throws IOException {
        RunResult r = runner().run(runbook(
                step("a", log).onExecute(ctx -> {
                    ctx.output("snapshot taken");
                    ctx.put("snapshot", "snap-1");
                }),
                step("b", log).onExecute(ctx -> log.add("b sees " + ctx.get("snapshot").orElse("?") + " target=" + ctx.param("target"))),
                step("c", log)), Map.of("target", "/srv/backups"), listener());

        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertEquals(List.of("execute a", "execute b", "b sees snap-1 target=/srv/backups", "execute c"), log);
        assertTrue(r.runId().matches("20261125-0312\\d\\d-backup-[0-9a-f]{6}"), r.runId());
        assertEquals(dir.resolve(r.runId() + ".jsonl"), r.journal());
        assertTrue(r.message().contains("all 3 steps done"), r.message());
        assertTrue(r.took().compareTo(Duration.ZERO) > 0);
        assertEquals(List.of("started 0 a", "output a snapshot taken", "finished 0 a", "started 1 b", "finished 1 b",
                "started 2 c", "finished 2 c", "result SUCCEEDED"), heard);

        assertEquals(List.of("run-started", "step-started a", "output a", "state a", "step-finished a",
                "step-started b", "step-finished b", "step-started c", "step-finished c", "run-finished"), Journals.trace(r.journal()));
        List<JsonNode> events = Journals.events(r.journal());
        for (JsonNode e : events) assertNotNull(Instant.parse(e.get("at").asText()), "every event has an ISO-8601 time");
        JsonNode start = events.get(0);
        assertEquals(r.runId(), start.get("runId").asText());
        assertEquals("backup", start.get("runbook").asText());
        assertEquals("/srv/backups", start.get("params").get("target").asText());
        assertEquals("[\"a\",\"b\",\"c\"]", start.get("steps").toString());
        assertEquals("snapshot taken", events.get(2).get("line").asText());
        assertEquals("snap-1", events.get(3).get("value").asText());
        assertTrue(events.get(4).get("tookMs").asLong() > 0, "step durations are journaled (RTO)");
        JsonNode end = events.get(events.size() - 1);
        assertEquals("SUCCEEDED", end.get("outcome").asText());
        assertTrue(end.get("tookMs").asLong() > 0, "the run duration is journaled (RTO)");
        assertEquals(List.of(), runner().interrupted(), "a finished run is not offered again");
    }

    @Test
    void failureInStepThreeUndoesItThenTwoThenOne() throws IOException {
        RunResult r = runner().run(runbook(step("a", log), step("b", log),
                step("c", log).onExecute(ctx -> { throw new IOException("engine at unix:///var/run/docker.sock went away"); }),
                step("d", log)), Map.of(), listener());

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertEquals(Optional.of("c"), r.failedStep());
        assertEquals(List.of("execute a", "execute b", "execute c", "compensate c", "compensate b", "compensate a"), log);
        assertTrue(r.message().startsWith("Step 3 of 4 \"Step C\" failed: engine at unix:///var/run/docker.sock went away."), r.message());
        assertTrue(r.message().contains("Undone, last step first: Step C, Step B, Step A."), r.message());
        assertEquals(List.of("run-started", "step-started a", "step-finished a", "step-started b", "step-finished b", "step-started c",
                "step-failed c", "compensating c", "compensated c", "compensating b", "compensated b", "compensating a", "compensated a",
                "run-failed"), Journals.trace(r.journal()));
        JsonNode end = Journals.last(r.journal());
        assertEquals("FAILED_COMPENSATED", end.get("outcome").asText());
        assertEquals("c", end.get("step").asText());
        assertEquals("[\"c\",\"b\",\"a\"]", end.get("undone").toString());
        assertTrue(heard.containsAll(List.of("failed 2 c", "compensated c", "compensated a", "result FAILED_COMPENSATED")));
        assertEquals(List.of(), runner().interrupted());
    }

    @Test
    void aFailedPreconditionMeansTheStepDidNothingSoOnlyEarlierStepsAreUndone() {
        RunResult r = runner().run(runbook(step("a", log), step("b", log),
                step("c", log).precondition(ctx -> Check.failed("only 2 GB free, 9 GB needed")), step("d", log)), Map.of(), listener());

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a"), log);
        assertTrue(r.message().contains("the check before it failed: only 2 GB free, 9 GB needed"), r.message());
    }

    @Test
    void aFailedVerificationIsAFailure() throws IOException {
        RunResult r = runner().run(runbook(step("a", log),
                step("b", log).verification(ctx -> Check.failed("snapshot is 0 bytes")), step("c", log)), Map.of(), listener());

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertEquals(Optional.of("b"), r.failedStep());
        assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a"), log);
        assertTrue(r.message().contains("its verification failed: snapshot is 0 bytes"), r.message());
        assertTrue(Journals.trace(r.journal()).contains("step-failed b"));
    }

    @Test
    void aFailingCompensationIsReportedAndTheOthersStillRun() throws IOException {
        RunResult r = runner().run(runbook(step("a", log),
                step("b", log).onCompensate(ctx -> { throw new IllegalStateException("container prometheus is gone"); }),
                step("c", log).onExecute(ctx -> { throw new IOException("disk I/O error"); })), Map.of(), listener());

        assertEquals(Outcome.FAILED_COMPENSATION_INCOMPLETE, r.outcome());
        assertEquals(List.of("execute a", "execute b", "execute c", "compensate c", "compensate b", "compensate a"), log);
        String m = r.message();
        assertTrue(m.contains("UNDOING DID NOT COMPLETE"), m);
        assertTrue(m.contains("\"Step B\": undoing failed (container prometheus is gone). It should have: Undo b by hand."), m);
        assertTrue(m.contains("Undone: Step C, Step A."), m);
        assertTrue(heard.contains("compensated b PROBLEM"));
        List<String> trace = Journals.trace(r.journal());
        assertTrue(trace.contains("compensation-failed b"), trace.toString());
        JsonNode end = Journals.last(r.journal());
        assertEquals("run-failed", end.get("event").asText());
        assertEquals("FAILED_COMPENSATION_INCOMPLETE", end.get("outcome").asText());
        assertEquals("[\"b\"]", end.get("notUndone").toString());
    }

    @Test
    @Timeout(20)
    void cancelMidStepUndoesTheStartedStepsAndTheUndoIsNotCancellable() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        List<Boolean> cancelledSeenByUndo = Collections.synchronizedList(new ArrayList<>());
        RunbookRunner runner = runner();
        Runbook rb = runbook(step("a", log).onCompensate(ctx -> cancelledSeenByUndo.add(ctx.cancelled())),
                step("b", log).onExecute(ctx -> {
                    inStep.countDown();
                    while (true) { // long work that checks for a cancel, as steps must
                        ctx.progress(0.5, "copying");
                        ctx.throwIfCancelled();
                        Thread.sleep(10);
                    }
                }),
                step("c", log));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> running = pool.submit(() -> runner.run(rb, Map.of(), listener()));
            assertTrue(inStep.await(10, TimeUnit.SECONDS));
            assertEquals(List.of(), runner.interrupted(), "a live run is not offered as interrupted");
            runner.cancel();
            RunResult r = running.get(10, TimeUnit.SECONDS);

            assertEquals(Outcome.CANCELLED, r.outcome(), r.message());
            assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a"), log);
            assertEquals(List.of(false), cancelledSeenByUndo);
            assertTrue(r.message().startsWith("Cancelled by the operator during step 2 of 3 \"Step B\"."), r.message());
            assertEquals("run-cancelled", Journals.last(r.journal()).get("event").asText());
            assertEquals("CANCELLED", Journals.last(r.journal()).get("outcome").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(20)
    void aStepThatIgnoresCancelFinishesAndTheRunStopsBeforeTheNext() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        RunbookRunner runner = runner();
        Runbook rb = runbook(step("a", log).onExecute(ctx -> {
            inStep.countDown();
            assertTrue(cancelled.await(10, TimeUnit.SECONDS));
        }), step("b", log));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> running = pool.submit(() -> runner.run(rb, Map.of(), listener()));
            assertTrue(inStep.await(10, TimeUnit.SECONDS));
            runner.cancel();
            cancelled.countDown();
            RunResult r = running.get(10, TimeUnit.SECONDS);
            assertEquals(Outcome.CANCELLED, r.outcome());
            assertEquals(List.of("execute a", "compensate a"), log);
            assertTrue(r.message().startsWith("Cancelled by the operator before step 2 of 2"), r.message());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptLeftByAStepDoesNotCloseTheJournal() throws IOException {
        RunResult r = runner().run(runbook(step("a", log).onExecute(ctx -> Thread.currentThread().interrupt()),
                step("b", log).onExecute(ctx -> ctx.put("k", "v"))), Map.of(), listener());
        boolean stillInterrupted = Thread.interrupted(); // clears it for the next test
        assertTrue(stillInterrupted, "the step's interrupt is put back, not swallowed");
        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertEquals("run-finished", Journals.last(r.journal()).get("event").asText());
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        RunListener broken = new RunListener() {
            @Override public void stepStarted(int index, Step s) { throw new IllegalStateException("GUI bug"); }
            @Override public void compensating(Step s) { throw new IllegalStateException("GUI bug"); }
        };
        RunResult r = runner().run(runbook(step("a", log), step("b", log).onExecute(ctx -> { throw new IOException("boom"); })),
                Map.of(), broken);
        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a"), log);
    }

    @Test
    void anErrorInAStepIsAFailureToo() {
        RunResult r = runner().run(runbook(step("a", log), step("b", log).onExecute(ctx -> { throw new AssertionError("bug"); })),
                Map.of(), listener());
        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a"), log);
    }

    @Test
    @Timeout(20)
    void oneRunAtATimePerRunner() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunbookRunner runner = runner();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> first = pool.submit(() -> runner.run(runbook(step("a", log).onExecute(ctx -> {
                inStep.countDown();
                release.await();
            })), Map.of(), null));
            assertTrue(inStep.await(10, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> runner.run(runbook(step("x", log)), Map.of(), null));
            release.countDown();
            assertEquals(Outcome.SUCCEEDED, first.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.SUCCEEDED, runner.run(runbook(step("y", log)), Map.of(), null).outcome(), "free again afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void progressIsRateLimitedButEndsAndTextChangesGetThrough() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        RunListener l = new RunListener() {
            @Override public void progress(Step s, double f, String what) { progress.add(f + " " + what); }
        };
        RunResult r = runner().run(runbook(step("a", log).onExecute(ctx -> {
            for (int i = 0; i <= 10_000; i++) ctx.progress(i / 10_000.0, "copying");
            ctx.progress(0.2, "verifying");
        })), Map.of(), l);
        assertEquals(Outcome.SUCCEEDED, r.outcome());
        assertTrue(progress.size() < 200, progress.size() + " progress calls reached the listener");
        assertEquals("0.0 copying", progress.get(0));
        assertTrue(progress.contains("1.0 copying"));
        assertEquals("0.2 verifying", progress.get(progress.size() - 1));
    }

    @Test
    void theWorkDirIsPerRunUnderTheJournalDir() {
        List<Path> seen = new ArrayList<>();
        RunResult r = runner().run(runbook(step("a", log).onExecute(ctx -> seen.add(ctx.workDir()))), Map.of(), null);
        assertEquals(dir.resolve(r.runId()), seen.get(0));
        assertTrue(Files.isDirectory(seen.get(0)));
    }
}
