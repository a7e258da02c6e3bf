package io.nightwatch.runbook.recovery;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.CrashLines;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The recovery runbooks in German: the disk-full plan with its previews, parameter help and refusals, and redis-down's
 * account of a kept death. Built from the reference profile alone: no step runs, so no engine is asked anything.
 */
class RecoveryInGermanTest {

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void theDiskFullPlanAndItsPreviewsReadInGerman(@TempDir Path dir) {
        Language.use(Language.DE);
        StackProfile profile = ReferenceStack.profile();
        RecoveryRunbook disk = Recoveries.find(new RecoveryRunbook.Context(profile, Map.of(), h -> null, dir), "disk-full").orElseThrow();
        Map<String, String> params = Map.of("service", "prometheus", "delete-oldest", "yes");
        Runbook plan = disk.build(params);
        RunContext ctx = RunContext.preview(params);

        Step diagnose = step(plan, "diagnose-disk-prometheus");
        assertEquals("Was belegt das Volume von prometheus", diagnose.title());
        assertTrue(diagnose.explanation().endsWith("um 20 % frei zu erreichen. Liest nur: nichts wird geändert."), diagnose.explanation());

        Step delete = step(plan, "delete-oldest-prometheus");
        assertEquals("Älteste Blöcke von prometheus löschen, bis 20 % frei sind (nur mit delete-oldest yes, wenn Blöcke weg müssen)",
                delete.title());
        assertTrue(delete.preview(ctx).get(0).contains("&end=<Ende des letzten zu löschenden Blocks> (exklusiv)"), delete.preview(ctx).toString());
        assertTrue(delete.compensation().startsWith("keine: gelöschte Samples kommen nur aus einem Sicherungssatz zurück"), delete.compensation());

        Step verify = plan.steps().get(plan.steps().size() - 1);
        assertEquals("Nachweisen, dass prometheus wieder läuft: gesund und Datenfluss läuft", verify.title());
        assertEquals("die Kachel läuft und prometheus.samples-appended fließt.", verify.verificationText());
        assertTrue(verify.preview(ctx).get(1).startsWith("Datenfluss-Monitor: prometheus.samples-appended, bis es fließt"), verify.preview(ctx).toString());

        assertEquals("Beheben: " + disk.scenario().title(), disk.title());
        Parameter target = disk.parameters().stream().filter(p -> p.name().equals("target-free")).findFirst().orElseThrow();
        assertEquals("Zu erreichender freier Platz, in Prozent des Volumes", target.description());
        IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class,
                () -> disk.build(Map.of("service", "prometheus", "target-free", "95")));
        assertEquals("target-free muss ein ganzer Prozentwert von 1 bis 90 sein, nicht „95“", tooMuch.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> disk.build(Map.of("service", "promethues")));
        assertTrue(typo.getMessage().contains("„promethues“ (zur Wahl: "), typo.getMessage());
    }

    @Test
    void redisDownTellsTheKeptDeathInGerman() {
        Language.use(Language.DE);
        ServiceSpec redis = ReferenceStack.profile().services().stream().filter(s -> s.name().equals("redis")).findFirst().orElseThrow();
        CrashLines.Crash oom = new CrashLines.Crash("local", "redis", "aaaaaaaaaaaa", Instant.parse("2026-12-06T03:00:00Z"), 137, true,
                List.of("1:M 06 Dec 2026 03:00:00.000 # MISCONF Errors writing to the AOF file: No space left on device"));
        List<String> said = KeptCrashes.describe((h, s, l) -> List.of(oom), redis, Optional.empty(), Pattern.compile("MISCONF"),
                "aufbewahrter Persistenzfehler");
        assertEquals("1 Absturz/Abstürze aufbewahrt; der letzte mit Zeilen um 2026-12-06T03:00:00Z, Exit-Code 137, OOM-Kill, Container "
                + "aaaaaaaaaaaa (seitdem neu erstellt oder entfernt: diese Zeilen hat die Engine nicht mehr)", said.get(0));
        assertEquals("aufbewahrte Zeilen vor diesem Absturz:", said.get(2));
        assertEquals(List.of("keine früheren Abstürze von redis aufbewahrt (Nightwatch bewahrt sie auf, solange das Fenster oder serve läuft)"),
                KeptCrashes.describe(CrashHistory.NONE, redis, Optional.empty(), Pattern.compile("x"), "x"));
        List<String> loki = DiskRecovery.lokiRetention("loki", 20, 3L * 1024 * 1024);
        assertTrue(loki.get(0).startsWith("für 20 % frei müssen 3"), loki.get(0));
        assertEquals("    retention_period: 72h", loki.get(2), "the configuration lines stay as Loki reads them");
    }

    private static Step step(Runbook plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in "
                + plan.steps().stream().map(Step::id).toList()));
    }
}
