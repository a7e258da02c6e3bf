package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.backup.BackupSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wizard's folding and wording, without a toolkit. */
class WizardFactsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void theTrackerFoldsCallbacksIntoCompleteSnapshots() {
        Runbook runbook = new FakeBackup(0).build(Map.of("services", "redis", "to", "/b"));
        List<RunProgress> published = new ArrayList<>();
        int[] cancels = {0};
        RunTracker t = new RunTracker(runbook, CLOCK, published::add, () -> cancels[0]++);
        var prepare = runbook.steps().get(0);
        var copy = runbook.steps().get(1);

        t.stepStarted(0, prepare);
        t.output(prepare, "backup set /b/x\nsecond line");
        t.stepFinished(0, prepare, Duration.ofMillis(1234));
        t.stepStarted(1, copy);
        t.progress(copy, 0.5, "12 MiB of 24 MiB");
        RunProgress mid = published.get(published.size() - 1);
        assertEquals(StepState.DONE, mid.steps().get(0).state());
        assertEquals("in 1.2 s", mid.steps().get(0).detail());
        assertEquals(StepState.RUNNING, mid.steps().get(1).state());
        assertEquals(StepState.PENDING, mid.steps().get(2).state());
        assertEquals(1, mid.current());
        assertEquals(0.5, mid.fraction());
        assertEquals("12 MiB of 24 MiB", mid.progressText());
        assertEquals(List.of("03:00:00  [1/4] Create the backup set folder", "03:00:00      backup set /b/x", "03:00:00      second line",
                "03:00:00      done in 1.2 s", "03:00:00  [2/4] Copy redis's data out"), mid.outputTail());
        assertEquals(5, mid.outputTotal());

        t.cancel();
        assertEquals(1, cancels[0]);
        t.stepFailed(1, copy, "cancelled by the operator");
        t.compensating(copy);
        assertEquals(StepState.UNDOING, t.snapshot().steps().get(1).state());
        assertTrue(t.snapshot().undoing());
        t.compensated(copy, Optional.empty());
        t.compensating(prepare);
        t.compensated(prepare, Optional.of("permission denied"));
        t.finished(new RunResult("r", "backup", RunResult.Outcome.FAILED_COMPENSATION_INCOMPLETE, Optional.of("copy-redis"),
                "m", Duration.ofSeconds(3), Path.of("/j")));
        RunProgress end = t.snapshot();
        assertEquals(StepState.UNDO_FAILED, end.steps().get(0).state());
        assertEquals("undoing failed: permission denied", end.steps().get(0).detail());
        assertEquals(StepState.UNDONE, end.steps().get(1).state());
        assertEquals("failed: cancelled by the operator; undone", end.steps().get(1).detail());
        assertEquals(StepState.NOT_RUN, end.steps().get(2).state());
        assertTrue(end.ended());
        assertEquals(-1, end.current());

        t.stepStarted(2, runbook.steps().get(2)); // a step start after a cancel asks the runner again
        assertEquals(2, cancels[0]);
    }

    @Test
    void theOutputTailIsBoundedAndNumbered() {
        Runbook runbook = new FakeBackup(0).build(Map.of("services", "redis", "to", "/b"));
        List<RunProgress> published = new ArrayList<>();
        RunTracker t = new RunTracker(runbook, CLOCK, published::add, () -> { });
        for (int i = 0; i < RunTracker.TAIL + 50; i++) t.output(runbook.steps().get(0), "line " + i);
        RunProgress p = t.snapshot();
        assertEquals(RunTracker.TAIL + 50, p.outputTotal());
        assertEquals(RunTracker.TAIL, p.outputTail().size());
        assertTrue(p.outputTail().get(0).endsWith("line 50"));
    }

    @Test
    void wording() {
        assertEquals("0.4 s", WizardWording.duration(Duration.ofMillis(420)));
        assertEquals("2 min 05 s", WizardWording.duration(Duration.ofSeconds(125)));
        assertEquals("1 h 03 min", WizardWording.duration(Duration.ofMinutes(63)));
        assertEquals("just now", WizardWording.age(Duration.ofSeconds(5)));
        assertEquals("5 h ago", WizardWording.age(Duration.ofHours(5)));
        assertEquals("UNDO INCOMPLETE", WizardWording.outcomeWord(RunResult.Outcome.FAILED_COMPENSATION_INCOMPLETE));
        assertEquals("Step 2 failed.\nUndone: a.", ResultFacts.withoutJournalLine("Step 2 failed.\nUndone: a.\nJournal: /x/y.jsonl"));
    }

    @Test
    void aSetIsChoosableOnlyWhenCompleteAndVerified(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        SetRow verified = SetRow.of(BackupSets.describe(FakeSets.verified(dir, "a", now.minus(Duration.ofHours(3)))), now);
        assertTrue(verified.choosable());
        assertEquals("VERIFIED", verified.status());
        assertTrue(verified.facts().endsWith("· 3 h ago · prometheus, redis"), verified.facts());
        SetRow unverified = SetRow.of(BackupSets.describe(FakeSets.complete(dir, "b", now)), now);
        assertFalse(unverified.choosable());
        assertTrue(unverified.why().contains("nightwatch backup verify"));
        SetRow incomplete = SetRow.of(BackupSets.describe(FakeSets.incomplete(dir, "c")), now);
        assertEquals("INCOMPLETE", incomplete.status());
        assertFalse(incomplete.choosable());
        SetRow damaged = SetRow.of(BackupSets.describe(FakeSets.damaged(dir, "d", now)), now);
        assertEquals("DAMAGED", damaged.status());
        assertFalse(damaged.choosable());
    }
}
