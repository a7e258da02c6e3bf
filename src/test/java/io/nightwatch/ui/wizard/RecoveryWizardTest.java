package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.OwnerWindow;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import io.nightwatch.ui.wizard.recovery.RecoveryChoice;
import io.nightwatch.ui.wizard.recovery.RecoveryTarget;
import io.nightwatch.ui.wizard.stack.StackChoice;
import io.nightwatch.ui.wizard.stack.StackRunbooks;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static io.nightwatch.ui.wizard.WizardRobot.texts;
import static io.nightwatch.ui.wizard.WizardRobot.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recovery and stack wizards in their own windows over a console window, without Docker: a recovery preselected
 * as "Open runbook" does it, its diagnosis on the preview, run to SUCCEEDED with its recovery time; a recovery the CLI
 * started and a crash cut off is offered and resumed; the stack wizard shows the order it will take.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryWizardTest {

    private static final RecoveryTarget REDIS = new RecoveryTarget("redis", "local", "redis · sva-studio-redis");

    private Stage owner;
    private Stage wizard;

    @Start
    void start(Stage stage) {
        owner = OwnerWindow.show(stage);
    }

    @Stop
    void stop() throws Exception {
        OwnerWindow.close(wizard);
    }

    private WizardModel<RecoveryChoice> open(FakeRecoveries family, Path dir) throws Exception {
        RecoveryChoice choice = new RecoveryChoice(Map.of("redis-down", List.of(REDIS), "loki-ingestion", List.of()),
                params -> List.of("Why is " + params.get("service") + " down?", "  container exited, exit code 137", "  Redis does not answer"));
        WizardModel<RecoveryChoice> model = onFx(() -> WizardModel.of(choice, family,
                new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone()), Clock.systemDefaultZone()));
        wizard = onFx(() -> RunbookWizard.open(owner, model));
        return model;
    }

    @Test
    void aPreselectedRecoveryShowsItsDiagnosisThenRunsToItsProof(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeRecoveries family = new FakeRecoveries();
        WizardModel<RecoveryChoice> model = open(family, dir);
        assertEquals("Choose what failed.", onFx(() -> model.blockerProperty().get()));
        robot.interact(() -> model.choice().preselect("redis-down", "redis", "local"));
        assertTrue(onFx(() -> ((RadioButton) root(wizard).lookup("#recovery-scenario-redis-down")).isSelected()));
        assertEquals(REDIS, onFx(() -> ((ComboBox<?>) root(wizard).lookup("#recovery-service")).getValue()));
        assertTrue(text(wizard, "#recovery-looks-at").startsWith("The diagnosis reads: exit code, OOM kill"));
        Screenshots.save(wizard.getScene(), "wizard-recovery-choose.png");

        click(robot, wizard, "#wizard-next");
        await(() -> model.getPage() == WizardPage.PREVIEW);
        assertEquals(List.of("Scenario: redis-down — The Redis session store is down or lost its data", "Service: redis on local",
                "Diagnosis (read only; nothing was changed):", "Why is redis down?", "  container exited, exit code 137", "  Redis does not answer",
                "The plan below repeats the diagnosis in the journal, then runs only the actions that fit."), texts(root(wizard), ".wizard-choice"));
        assertEquals("Start recovery", text(wizard, "#wizard-next"));
        assertTrue(family.log.isEmpty(), "nothing of the plan ran before Start");

        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("RTO ACHIEVED", text(wizard, "#wizard-duration-caption"), "a recovery's duration is its recovery time");
        assertTrue(onFx(() -> String.join("\n", model.output())).contains("recovered: redis UP · redis.ops FLOWING"));
        try (var journals = Files.list(dir.resolve("runs"))) {
            assertTrue(journals.anyMatch(p -> p.getFileName().toString().contains("recover-redis-down")),
                    "journaled under the scenario's runbook, as the CLI journals it");
        }
    }

    @Test
    void aRecoveryTheCliStartedAndACrashCutOffIsOfferedAndResumed(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeRecoveries family = new FakeRecoveries();
        Map<String, String> cliParams = Map.of("service", "redis"); // the CLI names no scenario parameter
        RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone())
                .run(family.members().get(0).build(cliParams), cliParams, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome());
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(r.journal())) {
            if (line.contains("\"run-finished\"") || line.contains("\"step-finished\"") && line.contains("verify-redis")) continue;
            kept.add(line);
        }
        Files.write(r.journal(), kept);
        family.log.clear();

        WizardModel<RecoveryChoice> model = open(family, dir);
        await(() -> visible(wizard, "#wizard-resume"));
        click(robot, wizard, "#wizard-resume");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals(List.of("execute verify-redis"), family.log, "only the step the crash cut off runs again");
        await(() -> model.interrupted().isEmpty());
    }

    @Test
    void theStackWizardShowsTheOrderOfWhatIsTicked(FxRobot robot, @TempDir Path dir) throws Exception {
        StackRunbooks runbooks = new StackRunbooks(a -> new StackRunbook(a, ReferenceStack.profile(), Map.of(), h -> null,
                io.nightwatch.runbook.recovery.VerifyRecovered.Timing.DEFAULT));
        WizardModel<StackChoice> model = onFx(() -> StackChoice.wizard(ReferenceStack.profile(), runbooks, ServiceCheck.NONE,
                new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone()), Clock.systemDefaultZone()));
        wizard = onFx(() -> RunbookWizard.open(owner, model));
        assertEquals("Stop, start or restart the stack", text(wizard, "#wizard-title"));
        click(robot, wizard, "#stack-action-restart");
        click(robot, wizard, "#service-grafana");
        assertEquals("Stop order: promtail → otel-collector → loki → prometheus → alertmanager → redis", text(wizard, "#stack-stop-order"));
        assertEquals("Start order: redis → alertmanager → prometheus → loki → otel-collector → promtail", text(wizard, "#stack-start-order"));
        Screenshots.save(wizard.getScene(), "wizard-stack.png");
        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
        List<String> titles = texts(root(wizard), ".wizard-step-title");
        assertTrue(titles.stream().noneMatch(t -> t.contains("grafana")), titles.toString());
        assertEquals("Start stack restart", text(wizard, "#wizard-next"));
    }
}
