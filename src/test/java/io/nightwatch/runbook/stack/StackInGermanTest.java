package io.nightwatch.runbook.stack;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.recovery.VerifyRecovered;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A safe stack restart planned in German: what each step does and shows before anything runs. No engine is asked. */
class StackInGermanTest {

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void theRestartPlanAndItsPreviewsReadInGerman() {
        Language.use(Language.DE);
        StackRunbook restart = new StackRunbook(StackRunbook.Action.RESTART, ReferenceStack.profile(), Map.of(), h -> null,
                VerifyRecovered.Timing.DEFAULT);
        Map<String, String> params = Map.of("services", "prometheus,redis");
        Runbook plan = restart.build(params);
        RunContext ctx = RunContext.preview(params);

        assertEquals("Stack sicher neu starten", plan.title());
        assertTrue(plan.purpose().startsWith("Stoppt in Abhängigkeitsreihenfolge"), plan.purpose());
        assertTrue(plan.purpose().contains("Danach: Startet in umgekehrter Reihenfolge"), plan.purpose());
        Step stopRedis = step(plan, "stop-redis");
        assertEquals("redis stoppen", stopRedis.title());
        assertEquals("BGSAVE; LASTSAVE abfragen, bis es sich ändert (≤ 2 min)", stopRedis.preview(ctx).get(0));
        assertTrue(step(plan, "stop-prometheus").explanation().startsWith("SIGTERM mit 120 s: Prometheus schließt Head-Block und WAL"));
        assertEquals("der Container läuft nicht mehr (ein Swarm-Dienst: kein Task läuft).", stopRedis.verificationText());
        Step startRedis = step(plan, "start-redis");
        assertEquals("redis starten und auf Health warten", startRedis.title());
        assertEquals("PING prüfen, bis gesund (≤ 120 s)", startRedis.preview(ctx).get(1));
        assertEquals("Nachweisen, dass redis wieder läuft: gesund und Datenfluss läuft", step(plan, "verify-redis").title());
        assertEquals("Dienste, durch Komma getrennt, oder all", restart.parameters().get(0).description());

        StackRunbook start = new StackRunbook(StackRunbook.Action.START, ReferenceStack.profile(), Map.of(), h -> null, VerifyRecovered.Timing.DEFAULT);
        Step lift = step(start.build(params), "lift-stop-silences");
        assertEquals("Stummschaltungen des Stopps aufheben", lift.title());
        assertTrue(lift.preview(ctx).get(1).contains("für jede aktive Stummschaltung „[nightwatch] stack stop of <Dienst> (run …)“"),
                lift.preview(ctx).toString());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> restart.build(Map.of("services", "prometheus,lokki")));
        assertTrue(typo.getMessage().startsWith("kein Dienst „lokki“ (zur Wahl: "), typo.getMessage());
    }

    private static Step step(Runbook plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in "
                + plan.steps().stream().map(Step::id).toList()));
    }
}
