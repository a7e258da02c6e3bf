package io.nightwatch.runbook.rollback;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Upgrade and Swarm runbooks in German: titles, explanations, previews and refusals. The plans are built from the
 * reference profile alone (an engine that cannot be asked is no Swarm manager), so no step runs and nothing is changed.
 */
class ImageChangeInGermanTest {

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void theUpgradePlanReadsInGerman(@TempDir Path dir) {
        Language.use(Language.DE);
        ImageChangeRunbook upgrade = new ImageChangeRunbook(ImageChangeRunbook.Direction.UPGRADE, ReferenceStack.profile(), Map.of(),
                h -> null, dir.resolve("backups"), new DeploymentLog(dir), Clock.systemUTC());
        Map<String, String> params = Map.of("service", "prometheus", "to", "prom/prometheus:v2.53.0", "hold", "10m");
        Runbook plan = upgrade.build(params);
        RunContext ctx = RunContext.preview(params);

        assertEquals("Upgrade: Dienst auf ein anderes Image umstellen", plan.title());
        assertEquals("Ziel-Image prüfen und Konfiguration vergleichen", step(plan, "check-change").title());
        assertEquals("Konfiguration vergleichen: nur das Image darf sich ändern", step(plan, "check-change").preview(ctx).get(2));
        assertEquals("prometheus geordnet stoppen", step(plan, "stop-old").title());
        assertEquals("Alten Container als sva-studio-prometheus-kept-<Zeit> aufbewahren", step(plan, "keep-old").title());
        Step gate = step(plan, "health-gate");
        assertEquals("Health-Prüfung: prometheus gesund und schnell", gate.title());
        assertTrue(gate.explanation().contains("die Abfrage `up` beantworten in unter 2000 ms (Median aus 3)"), gate.explanation());
        assertEquals("GET /api/v1/query?query=up ×3, Median < 2000 ms", gate.preview(ctx).get(1));
        assertEquals("prometheus für 10 min beobachten", step(plan, "hold").title());
        assertEquals("alle 2 s prüfen, 10 min lang", step(plan, "hold").preview(ctx).get(0));
        assertEquals("Aufbewahrten Container entfernen", step(plan, "retire-old").title());

        IllegalArgumentException noTarget = assertThrows(IllegalArgumentException.class, () -> upgrade.build(Map.of("service", "prometheus")));
        assertEquals("to (das Ziel-Image) ist für ein Upgrade erforderlich", noTarget.getMessage());
        IllegalArgumentException badHold = assertThrows(IllegalArgumentException.class,
                () -> upgrade.build(Map.of("service", "prometheus", "to", "x:1", "hold", "bald")));
        assertEquals("hold: „bald“ ist keine Dauer (etwa 90s, 10m, 1h)", badHold.getMessage());
        assertTrue(ComposeHint.forContainer(Map.of(ComposeHint.PROJECT, "sva-studio", ComposeHint.SERVICE, "prometheus"), "prom/prometheus:v2.53.0")
                .orElseThrow().startsWith("Compose-Projekt sva-studio, Dienst prometheus: dessen `image:` in der Compose-Datei auf prom/prometheus:v2.53.0 setzen"));
    }

    @Test
    void theSwarmPlanReadsInGerman() {
        Language.use(Language.DE);
        SwarmServiceRunbook swarm = new SwarmServiceRunbook(ReferenceStack.profile(), h -> null);
        Map<String, String> params = Map.of("service", "sva-studio_prometheus", "action", "update", "to", "prom/prometheus:v2.53.0");
        Runbook plan = swarm.build(params);
        RunContext ctx = RunContext.preview(params);
        assertEquals("Swarm-Dienst aktualisieren oder zurückrollen", plan.title());
        assertEquals("Dienst auf dem Swarm-Manager prüfen", step(plan, "check-service").title());
        Step apply = step(plan, "apply-and-follow");
        assertEquals("sva-studio_prometheus auf prom/prometheus:v2.53.0 aktualisieren", apply.title());
        assertTrue(apply.explanation().contains("die Engine das Update wegen Fehlern anhält oder 300 s vergehen"), apply.explanation());
        assertEquals("GET /services/sva-studio_prometheus und seine Tasks alle 1 s, bis konvergiert", apply.preview(ctx).get(1));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> swarm.build(Map.of("service", "sva-studio_prometheus", "action", "downgrade")));
        assertEquals("action ist rollback oder update, nicht „downgrade“", bad.getMessage());
    }

    private static Step step(Runbook plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in "
                + plan.steps().stream().map(Step::id).toList()));
    }
}
