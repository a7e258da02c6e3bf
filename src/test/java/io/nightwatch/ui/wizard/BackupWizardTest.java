package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.ui.support.Fx;
import io.nightwatch.ui.wizard.backup.BackupChoice;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.OwnerWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.stateOf;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static io.nightwatch.ui.wizard.WizardRobot.texts;
import static io.nightwatch.ui.wizard.WizardRobot.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup wizard in its own window over a console window, against a fake backup runbook (no Docker): chosen,
 * previewed, run to SUCCEEDED; cancelled mid-run and undone; failed and undone; closed mid-run (cancels instead);
 * an interrupted run found and resumed or aborted.
 */
@ExtendWith(ApplicationExtension.class)
class BackupWizardTest {

    private static final String SET = "20260101-030000-local";

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

    private WizardModel<BackupChoice> open(FakeBackup definition, Path dir) throws Exception {
        return open(definition, dir, ServiceCheck.NONE);
    }

    private WizardModel<BackupChoice> open(FakeBackup definition, Path dir, ServiceCheck check) throws Exception {
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
        WizardModel<BackupChoice> model = onFx(() -> BackupChoice.wizard(definition, FakeBackup.options(), dir.resolve("backups"), check,
                runner, Clock.systemDefaultZone()));
        wizard = onFx(() -> RunbookWizard.open(owner, model));
        return model;
    }

    private void toPreview(FxRobot robot, WizardModel<?> model) throws Exception {
        await(() -> !onFx(() -> button("#wizard-next").isDisabled()));
        click(robot, wizard, "#wizard-next");
        await(() -> model.getPage() == WizardPage.PREVIEW);
    }

    private Button button(String selector) {
        return (Button) root(wizard).lookup(selector);
    }

    @Test
    void servicesThatCannotBeBackedUpHereAreSaidOnTheChoosePage(FxRobot robot, @TempDir Path dir) throws Exception {
        // as the engine would answer: grafana has no container on this host, redis's is stopped
        ServiceCheck check = service -> switch (service) {
            case "grafana" -> new ServiceCheck.Standing(ServiceCheck.State.ABSENT, "not deployed here: no container sva-studio-grafana on local");
            case "redis" -> new ServiceCheck.Standing(ServiceCheck.State.STOPPED,
                    "stopped (exited, exit 137): the copy needs it running; start it first");
            default -> new ServiceCheck.Standing(ServiceCheck.State.RUNNING, "");
        };
        WizardModel<BackupChoice> model = open(new FakeBackup(50), dir, check);

        await(() -> ((Label) root(wizard).lookup("#service-note-grafana")).getText().startsWith("not deployed here"));
        await(() -> ((Label) root(wizard).lookup("#service-note-redis")).getText().startsWith("stopped"));
        Screenshots.save(wizard.getScene(), "wizard-backup-unavailable.png");
        CheckBox grafana = onFx(() -> (CheckBox) root(wizard).lookup("#service-grafana"));
        assertFalse(onFx(grafana::isSelected), "an absent service is not preselected");
        assertTrue(onFx(grafana::isDisabled), "and cannot be ticked");
        Fx.click(robot, grafana);
        assertFalse(onFx(grafana::isSelected), "a click changes nothing");
        robot.interact(() -> model.choice().services().stream().filter(o -> o.name().equals("grafana")).findFirst().orElseThrow().setSelected(true));
        assertFalse(onFx(() -> model.choice().parameters().get("services").contains("grafana")), "nor can the model include it");
        assertFalse(onFx(grafana::isSelected), "and it never looks included");
        assertEquals("stopped (exited, exit 137): the copy needs it running; start it first", text(wizard, "#service-note-redis"));
        CheckBox redis = onFx(() -> (CheckBox) root(wizard).lookup("#service-redis"));
        assertFalse(onFx(redis::isSelected), "a stopped service is not preselected");
        assertFalse(onFx(redis::isDisabled), "but may be ticked once started");
        assertTrue(visible(wizard, "#service-note-redis"));
        assertFalse(visible(wizard, "#service-note-prometheus"), "a running service has nothing to say");

        click(robot, wizard, "#service-redis");
        assertTrue(onFx(() -> button("#wizard-next").isDisabled()));
        assertEquals("redis is stopped: start it first, or untick it.", text(wizard, "#wizard-footer-note"));
        click(robot, wizard, "#service-redis");
        toPreview(robot, model);
        assertTrue(texts(root(wizard), ".wizard-choice").contains("Services: prometheus, alertmanager"));
    }

    @Test
    void theBackupWizardWalksToCompletion(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(250);
        WizardModel<BackupChoice> model = open(definition, dir);

        // 1. choose: every service that has data, ticked; the target folder; Next says why it cannot go on
        assertEquals("Back up the stack's data", text(wizard, "#wizard-title"));
        assertTrue(visible(wizard, ".wizard-choose"));
        assertTrue(onFx(() -> root(wizard).lookup("#trail-choose").getPseudoClassStates().toString()).contains("current"));
        for (String s : FakeBackup.SERVICES) assertTrue(onFx(() -> ((CheckBox) root(wizard).lookup("#service-" + s)).isSelected()), s);
        assertEquals(dir.resolve("backups").toString(), onFx(() -> ((TextField) root(wizard).lookup("#wizard-folder")).getText()));
        click(robot, wizard, "#service-grafana");
        assertFalse(onFx(() -> ((CheckBox) root(wizard).lookup("#service-grafana")).isSelected()));
        robot.interact(() -> model.choice().folderProperty().set(" "));
        assertTrue(onFx(() -> button("#wizard-next").isDisabled()));
        assertEquals("Choose the folder that receives the backup set.", text(wizard, "#wizard-footer-note"));
        robot.interact(() -> model.choice().folderProperty().set(dir.resolve("backups").toString()));
        Screenshots.save(wizard.getScene(), "wizard-choose.png");
        toPreview(robot, model);

        // 2. preview: every step, its exact actions in monospace, what is checked, what happens if a later one fails
        Node preview = onFx(() -> root(wizard).lookup(".wizard-preview"));
        assertTrue(visible(wizard, ".wizard-preview"));
        assertEquals(6, onFx(() -> preview.lookupAll(".wizard-step-card").size()), "set, 3 copies, manifest, verify");
        assertNull(onFx(() -> preview.lookup("#plan-copy-grafana")), "an unticked service is not in the plan");
        List<String> lines = texts(preview, ".wizard-preview-line");
        assertTrue(lines.contains("docker: GET /containers/sva-studio-redis/archive?path=/redis"), lines.toString());
        assertTrue(lines.contains("write <set>/manifest.json (atomically: temp file, fsync, rename)"), lines.toString());
        List<String> captions = texts(preview, ".wizard-fact-caption");
        assertTrue(captions.containsAll(List.of("CHECKED BEFORE", "DOES EXACTLY", "VERIFIED BY", "IF A LATER STEP FAILS")), captions.toString());
        assertTrue(texts(preview, ".wizard-step-text").contains("Delete redis's folder in the set."));
        assertTrue(texts(preview, ".wizard-choice").contains("Services: prometheus, redis, alertmanager"));
        assertEquals("Start backup", text(wizard, "#wizard-next"));
        assertFalse(Files.exists(dir.resolve("backups").resolve(SET)), "a preview changes nothing");
        Screenshots.save(wizard.getScene(), "wizard-preview.png");

        // 3. run: live states with icon and word, the current step's progress, the output
        click(robot, wizard, "#wizard-next");
        await(() -> model.getPage() == WizardPage.RUN);
        await(() -> stateOf(model, "copy-redis") == StepState.RUNNING);
        await(() -> model.progressTextProperty().get().contains("MiB"));
        assertTrue(text(wizard, "#wizard-current").startsWith("Step 3 of 6 · Copy redis's data out"), text(wizard, "#wizard-current"));
        assertEquals(StepState.DONE, stateOf(model, "copy-prometheus"));
        assertEquals("DONE", onFx(() -> ((Label) root(wizard).lookup("#step-copy-prometheus").lookup(".wizard-row-state")).getText()));
        assertTrue(onFx(() -> root(wizard).lookup("#step-copy-prometheus").lookup(".step-glyph").getPseudoClassStates().toString()).contains("done"));
        assertEquals("RUNNING", onFx(() -> ((Label) root(wizard).lookup("#step-copy-redis").lookup(".wizard-row-state")).getText()));
        assertEquals("Cancel backup", text(wizard, "#wizard-cancel"));

        // 4. result
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("The backup completed and every step was verified.", text(wizard, "#wizard-headline"));
        assertEquals("TOOK", text(wizard, "#wizard-duration-caption"));
        assertTrue(text(wizard, "#wizard-duration").endsWith(" s"));
        assertFalse(visible(wizard, ".wizard-message-box"), "no failure to explain");
        for (StepRow row : onFx(() -> new ArrayList<>(model.stepRows()))) assertEquals(StepState.DONE, row.getState(), row.plan().id());
        Path journal = Path.of(onFx(() -> ((TextField) root(wizard).lookup("#wizard-journal")).getText()));
        assertTrue(Files.readString(journal).contains("run-finished"), "the journal path shown is the run's journal");
        assertTrue(Files.isRegularFile(dir.resolve("backups").resolve(SET).resolve("manifest.json")));
        assertEquals(List.of("execute prepare-set", "execute copy-prometheus", "execute copy-redis", "execute copy-alertmanager",
                "execute write-manifest", "execute verify-set"), definition.log);
        assertTrue(onFx(() -> model.output().stream().anyMatch(l -> l.endsWith("redis: copied and checksummed"))));
        Path shot = Screenshots.save(wizard.getScene(), "wizard-done.png");
        Files.createDirectories(Path.of("docs", "images"));
        Files.copy(shot, Path.of("docs", "images", "backup-wizard.png"), StandardCopyOption.REPLACE_EXISTING);

        // the log stays one click away; Close closes
        click(robot, wizard, "#wizard-back");
        await(() -> model.getPage() == WizardPage.RUN);
        assertTrue(onFx(() -> ((ListView<?>) root(wizard).lookup("#wizard-log")).getItems().size()) > 10);
        assertEquals("Result ›", text(wizard, "#wizard-next"));
        Screenshots.save(wizard.getScene(), "wizard-run-log.png");
        click(robot, wizard, "#wizard-next");
        await(() -> model.getPage() == WizardPage.RESULT);
        click(robot, wizard, "#wizard-close");
        await(() -> !wizard.isShowing());
    }

    @Test
    void cancelDuringARunUndoesTheFinishedStepsAndEndsCancelled(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(100).waitingForCancelIn("copy-redis").undoTaking(400);
        WizardModel<BackupChoice> model = open(definition, dir);
        toPreview(robot, model);
        click(robot, wizard, "#wizard-next");
        await(() -> stateOf(model, "copy-redis") == StepState.RUNNING);
        await(() -> model.progressTextProperty().get().startsWith("waiting for the engine"));
        Screenshots.save(wizard.getScene(), "wizard-run.png");

        click(robot, wizard, "#wizard-cancel");
        // the click is handled before the robot returns; undoing three steps takes 1.2 s
        assertTrue(onFx(() -> model.cancellingProperty().get()));
        assertTrue(visible(wizard, "#wizard-cancelling-text"));
        assertTrue(text(wizard, "#wizard-cancelling-text").startsWith("Cancelling… undoing finished steps"));
        assertEquals("Cancelling…", text(wizard, "#wizard-cancel"));
        assertTrue(onFx(() -> button("#wizard-cancel").isDisabled()));
        await(() -> stateOf(model, "copy-prometheus") == StepState.UNDOING || stateOf(model, "prepare-set") == StepState.UNDOING);
        Screenshots.save(wizard.getScene(), "wizard-cancelling.png");

        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("CANCELLED", text(wizard, "#wizard-outcome-word"));
        assertEquals(StepState.UNDONE, stateOf(model, "prepare-set"));
        assertEquals(StepState.UNDONE, stateOf(model, "copy-prometheus"));
        assertEquals(StepState.UNDONE, stateOf(model, "copy-redis"), "the step that was cut off is undone too");
        assertTrue(onFx(() -> model.stepRows().get(2).getDetail()).contains("cancelled by the operator"));
        for (String notRun : List.of("copy-alertmanager", "copy-grafana", "write-manifest", "verify-set")) {
            assertEquals(StepState.NOT_RUN, stateOf(model, notRun), notRun);
        }
        assertTrue(visible(wizard, ".wizard-message-box"));
        assertTrue(text(wizard, "#wizard-message").contains(
                "Undone, last step first: Copy redis's data out, Copy prometheus's data out, Create the backup set folder."));
        assertEquals(List.of("Copy redis's data out", "Copy prometheus's data out", "Create the backup set folder"),
                onFx(() -> model.resultFactsProperty().get().undone()));
        assertFalse(visible(wizard, "#wizard-undone"), "nothing was left half-done");
        assertTrue(text(wizard, "#wizard-message").startsWith("Cancelled by the operator during step 3 of 7"), text(wizard, "#wizard-message"));
        assertEquals(List.of("compensate copy-redis", "compensate copy-prometheus", "compensate prepare-set"),
                definition.log.stream().filter(l -> l.startsWith("compensate")).toList());
        assertFalse(Files.exists(dir.resolve("backups").resolve(SET)), "the set folder was removed again");
        Path journal = model.resultProperty().get().journal();
        assertTrue(Files.readString(journal).contains("run-cancelled"));
        Screenshots.save(wizard.getScene(), "wizard-cancelled.png");
    }

    @Test
    void aFailedVerificationIsExplainedWithWhatWasUndone(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(40).failingVerificationOf("write-manifest");
        WizardModel<BackupChoice> model = open(definition, dir);
        toPreview(robot, model);
        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("FAILED", text(wizard, "#wizard-outcome-word"));
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, onFx(() -> model.resultProperty().get().outcome()));
        assertTrue(text(wizard, "#wizard-message").startsWith(
                "Step 6 of 7 \"Write the manifest\" failed: its verification failed: size 0 instead of 4 KiB."), text(wizard, "#wizard-message"));
        assertFalse(text(wizard, "#wizard-message").contains("Journal: "), "the journal has its own line");
        assertEquals(StepState.UNDONE, stateOf(model, "write-manifest"));
        assertTrue(onFx(() -> model.stepRows().get(5).getDetail()).startsWith("failed: its verification failed"));
        assertEquals(StepState.NOT_RUN, stateOf(model, "verify-set"));
        assertTrue(text(wizard, "#wizard-message").contains("Undone, last step first: Write the manifest, Copy grafana's data out"));
        Screenshots.save(wizard.getScene(), "wizard-failed.png");
    }

    @Test
    void closingTheWindowDuringARunCancelsItInstead(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(50).waitingForCancelIn("copy-prometheus").undoTaking(200);
        WizardModel<BackupChoice> model = open(definition, dir);
        toPreview(robot, model);
        click(robot, wizard, "#wizard-next");
        await(() -> stateOf(model, "copy-prometheus") == StepState.RUNNING);
        robot.interact(() -> wizard.fireEvent(new WindowEvent(wizard, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(onFx(wizard::isShowing), "the window stays while the run undoes");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("CANCELLED", text(wizard, "#wizard-outcome-word"));
        robot.interact(() -> wizard.fireEvent(new WindowEvent(wizard, WindowEvent.WINDOW_CLOSE_REQUEST)));
        click(robot, wizard, "#wizard-close");
        await(() -> !wizard.isShowing());
    }

    @Test
    void anInterruptedRunIsOfferedAndResumed(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(20);
        interruptedBackup(definition, dir);
        definition.log.clear();
        WizardModel<BackupChoice> model = open(definition, dir);
        await(() -> visible(wizard, "#wizard-resume"));
        assertTrue(texts(root(wizard), ".wizard-interrupted-text").get(0).contains("stopped"), "when it stopped is said");
        assertTrue(texts(root(wizard), ".wizard-interrupted-text").get(0).contains("in step verify-set"));
        click(robot, wizard, "#wizard-resume");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("done before the interruption", onFx(() -> model.stepRows().get(0).getDetail()));
        assertEquals(List.of("execute verify-set"), definition.log, "only the step the crash cut off runs again");
        await(() -> model.interrupted().isEmpty());
    }

    @Test
    void anInterruptedRunCanBeAbortedCleanly(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(20);
        interruptedBackup(definition, dir);
        definition.log.clear();
        WizardModel<BackupChoice> model = open(definition, dir);
        await(() -> visible(wizard, "#wizard-abort"));
        click(robot, wizard, "#wizard-abort");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("ABORTED", text(wizard, "#wizard-outcome-word"));
        for (StepRow row : onFx(() -> new ArrayList<>(model.stepRows()))) assertEquals(StepState.UNDONE, row.getState(), row.plan().id());
        assertEquals("compensate write-manifest", definition.log.get(0), "undone last step first (verify-set has nothing to undo)");
        assertFalse(Files.exists(dir.resolve("backups").resolve(SET)));
    }

    /** A finished backup whose journal lost its last two events, as if the machine died during the verification. */
    private static void interruptedBackup(FakeBackup definition, Path dir) throws Exception {
        Map<String, String> params = Map.of("services", "prometheus,redis", "to", dir.resolve("backups").toString());
        RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone()).run(definition.build(params), params, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome());
        List<String> lines = Files.readAllLines(r.journal());
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("\"run-finished\"")) continue;
            if (line.contains("\"step-finished\"") && line.contains("verify-set")) continue;
            kept.add(line);
        }
        Files.write(r.journal(), kept);
    }
}
