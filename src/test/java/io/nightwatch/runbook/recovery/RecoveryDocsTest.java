package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RecoveryDocsTest {

    private final RecoveryRunbook.Context context = new RecoveryRunbook.Context(ReferenceStack.profile(), Map.of(), h -> null,
            Path.of("~/.local/share/nightwatch/backups"));

    @Test
    void everyScenarioHasARunbookThatDiagnosesFirstAndProvesFlowLast() {
        assertEquals(RunbookHints.SCENARIOS.stream().map(RunbookHints.Scenario::id).toList(),
                Recoveries.all(context).stream().map(r -> r.scenario().id()).toList());
        for (RecoveryRunbook r : Recoveries.all(context)) {
            Map<String, String> params = Map.of("service", r.parameters().get(0).example());
            Runbook rb = r.build(params);
            List<Step> steps = rb.steps();
            assertInstanceOf(Diagnose.class, steps.get(0), r.id());
            assertInstanceOf(VerifyRecovered.class, steps.get(steps.size() - 1), r.id());
            for (Step s : steps) assertFalse(s.preview(RunContext.preview(Map.of())).isEmpty(), r.id() + "/" + s.id() + " previews nothing");
            assertFalse(r.diagnosis(params).steps().isEmpty());
            assertTrue(r.diagnosis(params).steps().stream().allMatch(s -> s instanceof Diagnose), "the CLI runs only reads before it asks");
        }
    }

    @Test
    void badInputIsRefusedWithTheChoices() {
        RecoveryRunbook disk = Recoveries.find(context, "disk-full").orElseThrow();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> disk.build(Map.of("service", "promethues")));
        assertTrue(unknown.getMessage().contains("choose from prometheus"), unknown.getMessage());
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> disk.build(Map.of("service", "prometheus", "target-free", "95")));
        assertEquals("target-free must be a whole percentage from 1 to 90, not '95'", target.getMessage());
    }

    @Test
    void theCommittedPagesHaveASectionPerScenarioAndTheStopStartProcedure() throws Exception {
        Path ops = Path.of("docs/operations");
        String dr = Files.readString(ops.resolve("disaster-recovery.md"));
        for (RecoveryRunbook r : Recoveries.all(context)) assertTrue(dr.contains("\n## " + r.title() + "\n"), r.title());
        String ts = Files.readString(ops.resolve("troubleshooting.md"));
        for (RunbookHints.Scenario s : RunbookHints.SCENARIOS) assertTrue(ts.contains("`" + s.command() + "`"), s.id());
        String stopStart = Files.readString(ops.resolve("stop-start.md"));
        assertTrue(stopStart.contains("\n## Stop the stack safely\n") && stopStart.contains("nightwatch stack restart"), stopStart);
    }
}
