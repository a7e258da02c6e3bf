package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.recovery.Recoveries;
import io.nightwatch.runbook.recovery.RecoveryRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.ui.wizard.launch.RunbookOpener;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery wizard's first page without a window or an engine: what it offers, asks, refuses and hands on. */
class RecoveryChoiceTest {

    private static final RecoveryTarget REDIS = new RecoveryTarget("redis", "local", "redis · sva-studio-redis");
    private static final RecoveryTarget LOKI_A = new RecoveryTarget("loki", "local", "loki on local");
    private static final RecoveryTarget LOKI_B = new RecoveryTarget("loki", "edge", "loki on edge");

    private static RecoveryChoice choice(Diagnosis diagnosis) {
        return new RecoveryChoice(Map.of("redis-down", List.of(REDIS), "loki-ingestion", List.of(LOKI_A, LOKI_B), "disk-full", List.of()),
                diagnosis);
    }

    @Test
    void offersOnlyTheScenariosWithARunbookInCatalogueOrderAndAsksUntilEverythingIsChosen() {
        RecoveryChoice c = choice(Diagnosis.NONE);
        assertEquals(List.of("disk-full", "redis-down", "loki-ingestion"), c.scenarios().stream().map(RunbookHints.Scenario::id).toList());
        assertEquals("Choose what failed.", c.blocker());

        c.scenarioProperty().set(RunbookHints.DISK_FULL);
        assertEquals("The profile has no service this runbook can recover (disk-full).", c.blocker());

        c.scenarioProperty().set(RunbookHints.LOKI_INGESTION);
        assertEquals(List.of(LOKI_A, LOKI_B), c.targets());
        assertNull(c.targetProperty().get(), "two Lokis: the operator chooses");
        assertEquals("Choose the service.", c.blocker());

        c.scenarioProperty().set(RunbookHints.REDIS_DOWN);
        assertEquals(REDIS, c.targetProperty().get(), "the only Redis is chosen at once");
        assertEquals("", c.blocker());
        assertEquals(Map.of("scenario", "redis-down", "service", "redis", "host", "local"), c.parameters());
        assertEquals(List.of("Scenario: redis-down — The Redis session store is down or lost its data", "Service: redis on local"), c.summary());
        assertTrue(c.measuresRecoveryTime());
    }

    @Test
    void openRunbookPreselectsScenarioServiceAndHost() {
        RecoveryChoice c = choice(Diagnosis.NONE);
        assertTrue(c.preselect("loki-ingestion", "loki", "edge"));
        assertEquals(LOKI_B, c.targetProperty().get());
        assertEquals("", c.blocker());

        assertTrue(c.preselect("loki-ingestion", "loki-typo", ""));
        assertEquals(LOKI_B, c.targetProperty().get(), "a service it does not know leaves the choice as it was");
        assertFalse(c.preselect("no-such", "redis", "local"));
        assertEquals(RunbookHints.LOKI_INGESTION, c.scenarioProperty().get());
    }

    @Test
    void thePreviewOpensWithTheDiagnosisFindings() throws Exception {
        RecoveryChoice c = choice(params -> List.of("Why is " + params.get("service") + " down?", "  Redis does not answer: connection refused"));
        c.preselect("redis-down", "redis", "local");
        List<String> lines = c.planLines(c.parameters());
        assertEquals(List.of("Diagnosis (read only; nothing was changed):", "Why is redis down?", "  Redis does not answer: connection refused",
                "The plan below repeats the diagnosis in the journal, then runs only the actions that fit."), lines);
        assertEquals("The diagnosis found nothing to report.", choice(Diagnosis.NONE).planLines(Map.of()).get(1));
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> choice(params -> { throw new IllegalStateException("the diagnosis failed: engine unreachable"); }).planLines(Map.of()));
        assertEquals("the diagnosis failed: engine unreachable", failed.getMessage());
    }

    @Test
    void longLogBlocksInTheFindingsKeepTheirNewestLines() {
        List<String> found = new java.util.ArrayList<>(List.of("Why is redis down?", "  last log lines:"));
        for (int i = 1; i <= 9; i++) found.add("    line " + i);
        found.add("  Redis does not answer");
        assertEquals(List.of("Why is redis down?", "  last log lines:", "    … 3 earlier lines: the run log has them",
                "    line 4", "    line 5", "    line 6", "    line 7", "    line 8", "    line 9", "  Redis does not answer"),
                RecoveryChoice.shortened(found, 6));
        assertEquals(List.of("a", "    b"), RecoveryChoice.shortened(List.of("a", "    b"), 6));
    }

    @Test
    void theWizardsDefinitionHandsTheRunToTheScenariosOwnRunbook() {
        RecoveryRunbook.Context context = new RecoveryRunbook.Context(ReferenceStack.profile(), Map.of(), h -> null, Path.of("/nonexistent-backups"));
        ScenarioRunbooks runbooks = new ScenarioRunbooks(Recoveries.all(context));
        assertEquals(List.of(new RecoveryTarget("redis", "local", "redis · sva-studio-redis")), runbooks.targets().get("redis-down"));
        assertEquals(RunbookHints.SCENARIOS.stream().map(RunbookHints.Scenario::id).toList(), List.copyOf(runbooks.targets().keySet()));
        Runbook built = runbooks.build(Map.of("scenario", "redis-down", "service", "redis", "host", "local"));
        assertEquals("recover-redis-down", built.id(), "journaled under the CLI's id, so the incident and `runs` see the same run");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> runbooks.build(Map.of("scenario", "redis-gone")));
        assertEquals("no recovery runbook 'redis-gone'", unknown.getMessage());
    }

    @Test
    void aTileOffersTheRunbookOnlyWhenDownOrStalledAndAKindFits() {
        assertEquals("redis-down", RunbookOpener.forState("redis", HealthState.DOWN, FlowState.UNKNOWN).orElseThrow().id());
        assertEquals("promtail-stalled", RunbookOpener.forState("promtail", HealthState.UP, FlowState.STALLED).orElseThrow().id());
        assertEquals("disk-full", RunbookOpener.forState("prometheus", HealthState.UP, FlowState.STALLED).orElseThrow().id());
        assertEquals("collector-crash", RunbookOpener.forState("otel-collector", HealthState.DOWN, FlowState.STALLED).orElseThrow().id());
        assertTrue(RunbookOpener.forState("redis", HealthState.UP, FlowState.FLOWING).isEmpty());
        assertTrue(RunbookOpener.forState("redis", HealthState.DEGRADED, FlowState.IDLE).isEmpty());
        assertTrue(RunbookOpener.forState("grafana", HealthState.DOWN, FlowState.UNKNOWN).isEmpty(), "no recovery runbook for Grafana");
    }
}
