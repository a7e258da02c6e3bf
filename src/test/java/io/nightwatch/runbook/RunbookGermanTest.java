package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.nightwatch.runbook.FakeStep.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In German the operator reads German: the run's account of success, failure and undo. The journal's tokens for tools
 * (events, outcomes, the cancel reason) stay English whatever the language.
 */
class RunbookGermanTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Language.use(Language.EN);
    }

    private static Runbook runbook(Step... steps) {
        return new Runbook("backup", "Sichern", "Testrunbook.", List.of(), List.of(steps));
    }

    @Test
    void aSuccessfulRunIsReportedInGerman() {
        Language.use(Language.DE);
        RunResult r = new RunbookRunner(dir, new TickingClock()).run(runbook(step("a", log), step("b", log)), Map.of(), null);

        assertEquals(Outcome.SUCCEEDED, r.outcome(), r.message());
        assertTrue(r.message().startsWith("„Sichern“ abgeschlossen: alle 2 Schritte erledigt in "), r.message());
        assertTrue(r.message().contains("\nProtokoll: " + r.journal()), r.message());
        // a decimal comma: "0,3 s", not "0.3 s"
        assertTrue(r.message().matches("(?s).* in \\d+,\\d s\\..*"), r.message());
    }

    @Test
    void aFailureAndItsUndoAreExplainedInGermanWhileTheJournalKeepsItsTokens() throws IOException {
        Language.use(Language.DE);
        RunResult r = new RunbookRunner(dir, new TickingClock()).run(runbook(
                step("a", log),
                step("b", log).onExecute(ctx -> {
                    throw new IllegalStateException("Datenträger voll");
                })), Map.of(), null);

        assertEquals(Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().startsWith("Schritt 2 von 2 „Step B“ fehlgeschlagen: Datenträger voll."), r.message());
        assertTrue(r.message().contains("Rückgängig gemacht, letzter Schritt zuerst: Step B, Step A."), r.message());
        assertFalse(r.message().contains("Undone"), r.message());

        JsonNode end = Journals.last(r.journal());
        assertEquals("run-failed", end.get("event").asText());
        assertEquals("FAILED_COMPENSATED", end.get("outcome").asText());
    }

    @Test
    void aCancelSaysSoInGermanButJournalsTheEnglishToken() throws IOException {
        Language.use(Language.DE);
        RunbookRunner runner = new RunbookRunner(dir, new TickingClock());
        RunResult r = runner.run(runbook(step("a", log).onExecute(RunContext::throwIfCancelled),
                step("b", log).onExecute(ctx -> {
                    runner.cancel();
                    ctx.throwIfCancelled();
                })), Map.of(), null);

        assertEquals(Outcome.CANCELLED, r.outcome(), r.message());
        assertTrue(r.message().startsWith("Vom Operator abgebrochen während Schritt 2 von 2 „Step B“."), r.message());
        JsonNode failed = Journals.events(r.journal()).stream().filter(e -> e.get("event").asText().equals("step-failed"))
                .findFirst().orElseThrow();
        assertEquals("cancelled by the operator", failed.get("reason").asText());
    }
}
