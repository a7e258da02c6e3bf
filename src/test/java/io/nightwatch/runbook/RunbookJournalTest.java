package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.runbook.RunResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.nightwatch.runbook.FakeStep.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal under stress: cut-off lines, secrets, a full disk, an unusable directory, a crash while undoing. */
class RunbookJournalTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    private RunbookRegistry registry() {
        return new RunbookRegistry(List.of(SimpleDefinition.of("backup",
                List.of(new Parameter("target", "Where to", true, "/srv/backups"), new Parameter("db-password", "DB", false, "s3cret!")),
                p -> List.of(
                        step("a", log).onCompensate(ctx -> log.add("a sees " + ctx.get("snapshot").orElse("nothing"))),
                        step("b", log).onExecute(ctx -> log.add("b password=" + ctx.params().getOrDefault("db-password", "none"))),
                        step("c", log).onExecute(ctx -> log.add("c sees " + ctx.get("snapshot").orElse("nothing")))))));
    }

    private Path journal(String runId, String... lines) throws IOException {
        Path f = dir.resolve(runId + ".jsonl");
        Files.writeString(f, String.join("\n", lines), StandardCharsets.UTF_8);
        return f;
    }

    private static final String STARTED = "{\"at\":\"2026-11-25T03:12:00Z\",\"event\":\"run-started\",\"runId\":\"20261125-031200-backup-ab12cd\","
            + "\"runbook\":\"backup\",\"title\":\"Runbook backup\",\"params\":{\"target\":\"/srv/backups\"},\"steps\":[\"a\",\"b\",\"c\"]}";

    @Test
    void aLineCutOffByACrashIsToleratedAndTheRunResumes() throws IOException {
        Path f = journal("20261125-031200-backup-ab12cd", STARTED,
                "{\"at\":\"2026-11-25T03:12:01Z\",\"event\":\"step-started\",\"step\":\"a\",\"index\":0}",
                "{\"at\":\"2026-11-25T03:12:02Z\",\"event\":\"state\",\"step\":\"a\",\"key\":\"snapshot\",\"value\":\"snap-7\"}",
                "{\"at\":\"2026-11-25T03:12:03Z\",\"event\":\"step-finished\",\"step\":\"a\",\"index\":0,\"tookMs\":2000}",
                "{\"at\":\"2026-11-25T03:12:04Z\",\"event\":\"step-sta"); // no newline: the crash came mid-write
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock());

        List<InterruptedRun> found = runner.interrupted();
        assertEquals(1, found.size());
        InterruptedRun run = found.get(0);
        assertEquals("20261125-031200-backup-ab12cd", run.runId());
        assertEquals(List.of("a"), run.finishedSteps());
        assertEquals(Map.of("snapshot", "snap-7"), run.state());
        assertEquals(1, run.unreadableLines());
        assertEquals("2026-11-25T03:12:03Z", run.stoppedAt().toString());
        assertTrue(run.resumable());

        RunResult r = runner.resume(run, registry(), null);
        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertEquals(List.of("execute b", "b password=none", "execute c", "c sees snap-7"), log);
        assertEquals(f, r.journal());
        List<String> lines = Files.readAllLines(f);
        assertEquals("{\"at\":\"2026-11-25T03:12:04Z\",\"event\":\"step-sta", lines.get(4), "the half line stays on a line of its own");
        assertTrue(lines.get(5).contains("\"event\":\"run-started\"") && lines.get(5).contains("\"resumed\":true"), lines.get(5));
        assertTrue(lines.get(lines.size() - 1).contains("\"event\":\"run-finished\""));
        assertEquals(List.of(), runner.interrupted());
    }

    @Test
    void secretsAreNeverJournaled() throws IOException {
        String password = "hunter2-very-secret";
        String token = "tok-0123456789";
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock());
        Runbook rb = new Runbook("backup", "Back up", "", List.of(), List.of(
                step("a", log).onExecute(ctx -> {
                    ctx.output("connecting to postgres://nightwatch:" + password + "@db:5432");
                    ctx.put("sessionToken", "session-abcdef");
                    ctx.put("snapshot", "snap-1");
                }),
                step("b", log).onExecute(ctx -> { throw new IOException("login refused for token " + token); })));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.nightwatch.runbook");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        RunResult r;
        try {
            r = runner.run(rb, Map.of("db-password", password, "API_TOKEN", token, "clientSecret", "x", "target", "/srv"), null);
        } finally {
            logger.detachAppender(logged);
        }
        assertFalse(logged.list.isEmpty(), "the failure is logged");
        for (ch.qos.logback.classic.spi.ILoggingEvent e : logged.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(token), "the log leaks the token: " + line);
        }

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        String text = Files.readString(r.journal());
        for (String secret : List.of(password, token, "session-abcdef")) assertFalse(text.contains(secret), "journal leaks " + secret + ":\n" + text);
        JsonNode params = Journals.events(r.journal()).get(0).get("params");
        assertEquals("[redacted]", params.get("db-password").asText());
        assertEquals("[redacted]", params.get("API_TOKEN").asText());
        assertEquals("[redacted]", params.get("clientSecret").asText());
        assertEquals("/srv", params.get("target").asText());
        assertTrue(text.contains("postgres://nightwatch:[redacted]@db:5432"), text);
        assertTrue(text.contains("\"value\":\"snap-1\""), "ordinary state is kept");
    }

    @Test
    void resumingNeedsTheSecretsAgain() throws IOException {
        journal("20261125-031200-backup-ab12cd",
                STARTED.replace("{\"target\":\"/srv/backups\"}", "{\"target\":\"/srv/backups\",\"db-password\":\"[redacted]\"}"),
                "{\"at\":\"2026-11-25T03:12:01Z\",\"event\":\"step-started\",\"step\":\"a\",\"index\":0}",
                "{\"at\":\"2026-11-25T03:12:03Z\",\"event\":\"step-finished\",\"step\":\"a\",\"index\":0,\"tookMs\":2000}", "");
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock());
        InterruptedRun run = runner.interrupted().get(0);
        assertEquals(List.of("db-password"), run.redactedParams());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.resume(run, registry(), null));
        assertTrue(e.getMessage().contains("db-password"), e.getMessage());
        assertEquals(List.of(), log, "nothing ran");

        RunResult r = runner.resume(run.withParams(Map.of("db-password", "typed-again")), registry(), null);
        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertTrue(log.contains("b password=typed-again"), log.toString());
        assertFalse(Files.readString(r.journal()).contains("typed-again"));
    }

    @Test
    void aFullDiskFailsTheStepClearlyAndTheUndoStillRuns() throws IOException {
        AtomicBoolean full = new AtomicBoolean();
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock(), FailingChannel.opener(full));
        Runbook filling = new Runbook("backup", "Back up", "", List.of(), List.of(
                step("a", log).onExecute(ctx -> ctx.put("snapshot", "snap-9"))
                        .onCompensate(ctx -> log.add("a sees " + ctx.get("snapshot").orElse("nothing"))),
                step("b", log).onExecute(ctx -> {
                    full.set(true); // the disk fills up while b works
                    ctx.output("wrote 4 GB");
                }),
                step("c", log)));
        RunResult r = runner.run(filling, Map.of("target", "/srv"), null);

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertEquals(List.of("execute a", "execute b", "compensate b", "compensate a", "a sees snap-9"), log);
        assertTrue(r.message().startsWith("Step 2 of 3 \"Step B\" failed: the run journal " + r.journal()
                + " could not be written: No space left on device."), r.message());
        assertTrue(r.message().contains("The journal is incomplete"), r.message());

        // The space comes back; the record of the undo is missing, so the run is offered again, and aborting is safe.
        log.clear();
        RunbookRunner later = new RunbookRunner(dir, new TickingClock());
        List<InterruptedRun> found = later.interrupted();
        assertEquals(1, found.size());
        assertEquals(List.of("a"), found.get(0).finishedSteps());
        assertEquals(1, found.get(0).unreadableLines(), "the partial line written when the disk filled");
        RunbookRegistry registry = new RunbookRegistry(List.of(SimpleDefinition.of("backup", List.of(), p -> filling.steps())));
        RunResult aborted = later.abort(found.get(0), registry, null);
        assertEquals(Outcome.ABORTED, aborted.outcome(), aborted.message());
        assertEquals(List.of("compensate b", "compensate a", "a sees snap-9"), log, "undo is repeated, with the journaled state");
        assertEquals(List.of(), later.interrupted());
    }

    @Test
    void stateIsForcedBeforePutReturnsWhileOutputLinesAreBatched() throws IOException {
        AtomicInteger forces = new AtomicInteger();
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock(), FailingChannel.opener(new AtomicBoolean(), forces));
        List<Integer> counts = new ArrayList<>();
        RunResult r = runner.run(new Runbook("backup", "Back up", "", List.of(), List.of(step("a", log).onExecute(ctx -> {
            int before = forces.get();
            for (int i = 0; i < 2000; i++) ctx.output("copied block " + i);
            counts.add(forces.get() - before);
            before = forces.get();
            ctx.put("snapshot", "snap-1");
            counts.add(forces.get() - before);
        }))), Map.of(), null);

        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertTrue(counts.get(0) < 100, "2000 output lines cost " + counts.get(0) + " fsyncs");
        assertEquals(1, counts.get(1), "a state change is on disk when put returns");
        assertEquals(2000, Journals.trace(r.journal()).stream().filter(e -> e.equals("output a")).count());
    }

    @Test
    void anUnusableJournalDirectoryStopsTheRunBeforeAnyStep() throws IOException {
        Path notADir = dir.resolve("journals");
        Files.writeString(notADir, "I am a file");
        RunResult r = new RunbookRunner(notADir, new TickingClock()).run(
                new Runbook("backup", "Back up", "", List.of(), List.of(step("a", log))), Map.of(), null);
        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome());
        assertTrue(r.message().startsWith("Could not start \"Back up\": no run journal can be written in " + notADir), r.message());
        assertTrue(r.message().endsWith("Nothing was changed."), r.message());
        assertEquals(List.of(), log);
    }

    @Test
    void aRunThatCrashedWhileUndoingCanOnlyBeAbortedWhichFinishesTheUndo() throws IOException {
        journal("20261125-031200-backup-ab12cd", STARTED,
                "{\"at\":\"2026-11-25T03:12:01Z\",\"event\":\"step-started\",\"step\":\"a\",\"index\":0}",
                "{\"at\":\"2026-11-25T03:12:02Z\",\"event\":\"step-finished\",\"step\":\"a\",\"index\":0,\"tookMs\":1000}",
                "{\"at\":\"2026-11-25T03:12:03Z\",\"event\":\"step-started\",\"step\":\"b\",\"index\":1}",
                "{\"at\":\"2026-11-25T03:12:04Z\",\"event\":\"step-failed\",\"step\":\"b\",\"index\":1,\"reason\":\"boom\"}",
                "{\"at\":\"2026-11-25T03:12:05Z\",\"event\":\"compensating\",\"step\":\"b\"}",
                "{\"at\":\"2026-11-25T03:12:06Z\",\"event\":\"compensated\",\"step\":\"b\",\"tookMs\":1000}", "");
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock());
        InterruptedRun run = runner.interrupted().get(0);
        assertFalse(run.resumable());
        assertEquals(List.of("a"), run.toUndo());
        assertThrows(IllegalStateException.class, () -> runner.resume(run, registry(), null));

        RunResult r = runner.abort(run, registry(), null);
        assertEquals(Outcome.ABORTED, r.outcome(), r.message());
        assertEquals(List.of("compensate a", "a sees nothing"), log);
        assertEquals("run-aborted", Journals.last(r.journal()).get("event").asText());
    }

    @Test
    void journalsWithoutAStartAndUnknownFilesAreIgnored() throws IOException {
        journal("20261125-031200-backup-000000", "{\"at\":\"2026-11-25T03:12:00Z\",\"event\":\"run-sta");
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals(List.of(), new RunbookRunner(dir, new TickingClock()).interrupted());
        assertEquals(List.of(), new RunbookRunner(dir.resolve("missing"), new TickingClock()).interrupted());
    }
}
