package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.OwnerWindow;
import io.nightwatch.ui.wizard.backup.BackupChoice;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import io.nightwatch.ui.wizard.drill.DrillChoice;
import io.nightwatch.ui.wizard.imagechange.ImageChangeChoice;
import io.nightwatch.ui.wizard.recovery.RecoveryChoice;
import io.nightwatch.ui.wizard.recovery.RecoveryTarget;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import io.nightwatch.ui.wizard.stack.StackChoice;
import io.nightwatch.ui.wizard.stack.StackRunbooks;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every wizard family by keyboard alone (issue 13), over the same fakes as the wizards' own tests (no Docker): Tab
 * reaches each control of the first page with its focus shown, Space ticks or picks, Enter fires the default button
 * (Next, then Start), Esc cancels and closes the window, and nothing runs before Start.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {

    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused");

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

    private <C extends WizardChoice> WizardModel<C> open(WizardModel<C> model) throws Exception {
        wizard = onFx(() -> RunbookWizard.open(owner, model));
        await(() -> wizard.isFocused());
        return model;
    }

    private static RunbookRunner runner(Path dir) {
        return new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
    }

    @Test
    void theBackupWizardTicksWithSpaceGoesOnWithEnterAndRunsToItsResult(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(20);
        WizardModel<BackupChoice> model = open(onFx(() -> BackupChoice.wizard(definition, FakeBackup.options(), dir.resolve("backups"),
                ServiceCheck.NONE, runner(dir), Clock.systemDefaultZone())));

        CheckBox redis = (CheckBox) tabTo(robot, "service-redis");
        robot.type(KeyCode.SPACE);
        await(() -> !redis.isSelected());
        robot.type(KeyCode.SPACE);
        await(redis::isSelected);
        tabTo(robot, "wizard-folder");
        robot.type(KeyCode.ENTER); // from the folder field too: the default button (Enter on a focused button presses that one)
        await(() -> model.getPage() == WizardPage.PREVIEW);
        assertTrue(redis.isSelected(), "Enter on the page never toggles a box");
        assertEquals("wizard-next", onFx(() -> wizard.getScene().getFocusOwner().getId()), "the preview puts the focus on Start");
        assertTrue(definition.log.isEmpty(), "nothing ran before Start");

        robot.type(KeyCode.ENTER); // Start
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("wizard-close", onFx(() -> wizard.getScene().getFocusOwner().getId()));
        robot.type(KeyCode.ENTER); // Close
        await(() -> !wizard.isShowing());
    }

    @Test
    void escCancelsTheBackupWizardOnEitherPageAndNothingRuns(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeBackup definition = new FakeBackup(20);
        open(onFx(() -> BackupChoice.wizard(definition, FakeBackup.options(), dir.resolve("backups"),
                ServiceCheck.NONE, runner(dir), Clock.systemDefaultZone())));
        tabTo(robot, "service-prometheus");
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());

        WizardModel<BackupChoice> again = open(onFx(() -> BackupChoice.wizard(definition, FakeBackup.options(), dir.resolve("backups"),
                ServiceCheck.NONE, runner(dir), Clock.systemDefaultZone())));
        toPreviewWithEnter(robot, again);
        tabTo(robot, "wizard-back"); // Back is reachable; Space on it goes back
        robot.type(KeyCode.SPACE);
        await(() -> again.getPage() == WizardPage.CHOOSE);
        toPreviewWithEnter(robot, again);
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
        assertTrue(definition.log.isEmpty(), "a cancelled wizard ran nothing");
    }

    @Test
    void theRestoreWizardTakesAVerifiedSetWithSpace(FxRobot robot, @TempDir Path dir) throws Exception {
        Path sets = dir.resolve("backups");
        FakeSets.incomplete(sets, "20261125-030000-local"); // newest, first in the list, and not choosable
        FakeSets.verified(sets, "20261124-030000-local", Instant.now().minus(Duration.ofHours(5)));
        WizardModel<RestoreChoice> model = open(onFx(() -> RestoreChoice.wizard(new FakeRestore(), sets, runner(dir), Clock.systemDefaultZone())));
        await(() -> model.choice().sets().size() == 2);

        tabTo(robot, "wizard-sets");
        robot.type(KeyCode.SPACE); // takes the first set that can be restored
        await(() -> model.choice().chosenSetProperty().get() != null);
        assertEquals("20261124-030000-local", onFx(() -> model.choice().chosenSetProperty().get().id()));
        CheckBox prometheus = (CheckBox) tabTo(robot, "service-prometheus");
        robot.type(KeyCode.SPACE);
        await(() -> !prometheus.isSelected());
        Screenshots.save(wizard.getScene(), "wizard-keyboard-restore.png");
        toPreviewWithEnter(robot, model);
        assertEquals(List.of("Services: redis"), onFx(() -> model.planProperty().get().choices().subList(1, 2)));
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
    }

    @Test
    void theDrillWizardTakesAVerifiedSetWithSpace(FxRobot robot, @TempDir Path dir) throws Exception {
        Path sets = dir.resolve("backups");
        FakeSets.verified(sets, "20261124-030000-local", Instant.now().minus(Duration.ofHours(5)));
        WizardModel<DrillChoice> model = open(onFx(() -> DrillChoice.wizard(new FakeRestore(), sets, runner(dir), Clock.systemDefaultZone())));
        await(() -> model.choice().sets().sets().size() == 1);
        tabTo(robot, "wizard-sets");
        robot.type(KeyCode.SPACE);
        await(() -> model.choice().sets().chosenSetProperty().get() != null);
        tabTo(robot, "service-redis");
        toPreviewWithEnter(robot, model);
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
    }

    @Test
    void anUpgradeIsChosenWithSpaceAndTypedWithTheKeys(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeImageChange fake = new FakeImageChange("upgrade");
        WizardModel<ImageChangeChoice> model = open(imageChange(ImageChangeChoice.Direction.UPGRADE, fake, dir));
        RadioButton prometheus = (RadioButton) tabTo(robot, "change-service-prometheus");
        robot.type(KeyCode.SPACE);
        await(prometheus::isSelected);
        await(() -> model.choice().currentImageProperty().get().equals("prom/prometheus:v2.42.0"));
        Node target = tabTo(robot, "wizard-target");
        typeText(robot, "prom/prometheus:v2.42.1");
        await(() -> model.choice().targetProperty().get().equals("prom/prometheus:v2.42.1"));
        CheckBox backup = (CheckBox) tabTo(robot, "wizard-backup-first");
        robot.type(KeyCode.SPACE);
        await(backup::isSelected);
        assertTrue(target != null);
        toPreviewWithEnter(robot, model);
        assertEquals("Service: prometheus, backed up first", onFx(() -> model.planProperty().get().choices().get(0)));
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
        assertTrue(fake.built.stream().allMatch(p -> p.get("to").equals("prom/prometheus:v2.42.1")));
    }

    @Test
    void aRollbackTakesThePresetImageAndEnterGoesOnFromTheTargetField(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeImageChange fake = new FakeImageChange("rollback");
        WizardModel<ImageChangeChoice> model = open(imageChange(ImageChangeChoice.Direction.ROLLBACK, fake, dir));
        tabTo(robot, "change-service-prometheus");
        robot.type(KeyCode.SPACE);
        await(() -> model.choice().targetProperty().get().equals("prom/prometheus:v2.41.0"));
        tabTo(robot, "wizard-target");
        await(() -> model.blockerProperty().get().isEmpty());
        robot.type(KeyCode.ENTER); // from inside the editable box: the default button, not a swallowed key
        await(() -> model.getPage() == WizardPage.PREVIEW);
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
    }

    @Test
    void aRecoveryIsChosenWithSpace(FxRobot robot, @TempDir Path dir) throws Exception {
        RecoveryTarget redis = new RecoveryTarget("redis", "local", "redis · sva-studio-redis");
        FakeRecoveries family = new FakeRecoveries();
        RecoveryChoice choice = new RecoveryChoice(Map.of("redis-down", List.of(redis), "loki-ingestion", List.of()),
                params -> List.of("Why is " + params.get("service") + " down?"));
        WizardModel<RecoveryChoice> model = open(onFx(() -> WizardModel.of(choice, family, runner(dir), Clock.systemDefaultZone())));
        tabTo(robot, "recovery-scenario-redis-down");
        robot.type(KeyCode.SPACE);
        await(() -> redis.equals(model.choice().targetProperty().get()));
        javafx.scene.control.ComboBox<?> service = (javafx.scene.control.ComboBox<?>) tabTo(robot, "recovery-service");
        robot.interact(service::show);
        robot.type(KeyCode.ESCAPE); // closes the open list, not the wizard
        await(() -> !service.isShowing());
        assertTrue(onFx(wizard::isShowing), "Esc on an open list closed the wizard");
        toPreviewWithEnter(robot, model);
        assertTrue(family.log.isEmpty(), "only the diagnosis read, nothing of the plan ran");
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
    }

    @Test
    void aStackRestartIsChosenWithSpace(FxRobot robot, @TempDir Path dir) throws Exception {
        StackRunbooks runbooks = new StackRunbooks(a -> new StackRunbook(a, ReferenceStack.profile(), Map.of(), h -> null,
                io.nightwatch.runbook.recovery.VerifyRecovered.Timing.DEFAULT));
        WizardModel<StackChoice> model = open(onFx(() -> StackChoice.wizard(ReferenceStack.profile(), runbooks, ServiceCheck.NONE,
                runner(dir), Clock.systemDefaultZone())));
        tabTo(robot, "stack-action-restart");
        robot.type(KeyCode.SPACE);
        await(() -> model.choice().actionProperty().get() == StackRunbook.Action.RESTART);
        CheckBox grafana = (CheckBox) tabTo(robot, "service-grafana");
        robot.type(KeyCode.SPACE);
        await(() -> !grafana.isSelected());
        toPreviewWithEnter(robot, model);
        assertEquals("Start stack restart", text(wizard, "#wizard-next"));
        robot.type(KeyCode.ESCAPE);
        await(() -> !wizard.isShowing());
        try (var journals = Files.list(dir)) {
            assertFalse(journals.anyMatch(p -> p.getFileName().toString().equals("runs") && Files.isDirectory(p) && hasJournal(p)),
                    "nothing was journaled: nothing ran");
        }
    }

    private static boolean hasJournal(Path runs) {
        try (var files = Files.list(runs)) {
            return files.findAny().isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    private WizardModel<ImageChangeChoice> imageChange(ImageChangeChoice.Direction direction, FakeImageChange fake, Path dir) throws Exception {
        List<ServiceOption> services = List.of(new ServiceOption("prometheus", "sva-studio-prometheus on local"),
                new ServiceOption("redis", "sva-studio-redis on local"));
        return onFx(() -> ImageChangeChoice.wizard(direction, fake, services, fake, runner(dir), Clock.systemDefaultZone()));
    }

    /** Types {@code text} key by key (TestFX's write() does not reach an editable box's editor under Monocle). */
    private static void typeText(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            if (c == ':') {
                robot.press(KeyCode.SHIFT).type(KeyCode.SEMICOLON).release(KeyCode.SHIFT);
                continue;
            }
            KeyCode code = switch (c) {
                case '/' -> KeyCode.SLASH;
                case '.' -> KeyCode.PERIOD;
                case '-' -> KeyCode.MINUS;
                default -> Character.isDigit(c) ? KeyCode.valueOf("DIGIT" + c) : KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
            };
            robot.type(code);
        }
    }

    /** Enter fires Next (the default button) once the page allows it. */
    private void toPreviewWithEnter(FxRobot robot, WizardModel<?> model) throws Exception {
        await(() -> !onFx(() -> ((Button) root(wizard).lookup("#wizard-next")).isDisabled()));
        robot.type(KeyCode.ENTER);
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
    }

    /**
     * Tabs until the node with {@code id} has the focus (at most 40 presses, in the page's order) and checks that the
     * focus is shown there: styled as focused (the wizard's sheet rings it) and on show.
     */
    private Node tabTo(FxRobot robot, String id) throws Exception {
        for (int i = 0; i < 40 && !id.equals(onFx(() -> idOf(wizard.getScene().getFocusOwner()))); i++) robot.type(KeyCode.TAB);
        Node focused = onFx(() -> wizard.getScene().getFocusOwner());
        assertEquals(id, idOf(focused), "Tab never reached #" + id);
        assertTrue(onFx(() -> focused.getPseudoClassStates().contains(FOCUSED)), "#" + id + " is not styled as focused");
        assertTrue(WizardRobot.visible(wizard, "#" + id), "#" + id + " is hidden");
        return focused;
    }

    private static String idOf(Node n) {
        // the editable box's text field has the focus for the box
        if (n != null && n.getId() == null && n.getParent() != null && n.getParent().getId() != null
                && n.getStyleClass().contains("text-field")) return n.getParent().getId();
        return n == null ? null : n.getId();
    }
}
