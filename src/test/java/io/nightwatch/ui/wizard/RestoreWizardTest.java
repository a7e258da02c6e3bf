package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.ui.support.Fx;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.OwnerWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static io.nightwatch.ui.wizard.WizardRobot.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restore wizard over real backup sets on disk (written and verified by the real manifest and verifier) and a
 * fake restore runbook: only a verified set can be chosen, the others say why; the chosen set's services are offered;
 * a run that works reports the RTO achieved.
 */
@ExtendWith(ApplicationExtension.class)
class RestoreWizardTest {

    private static final Instant NOW = Instant.now();

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

    @Test
    void onlyAVerifiedSetCanBeChosenAndItsRestoreReportsTheRto(FxRobot robot, @TempDir Path dir) throws Exception {
        Path root = dir.resolve("backups");
        FakeSets.incomplete(root, "20261125-030000-local");
        FakeSets.verified(root, "20261124-030000-local", NOW.minus(Duration.ofHours(5)));
        FakeSets.complete(root, "20261123-030000-local", NOW.minus(Duration.ofDays(1)));
        FakeSets.damaged(root, "20261122-030000-local", NOW.minus(Duration.ofDays(2)));
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
        WizardModel<RestoreChoice> wizardModel = onFx(() -> RestoreChoice.wizard(new FakeRestore(), root, runner, Clock.systemDefaultZone()));
        RestoreChoice model = wizardModel.choice();
        wizard = onFx(() -> RunbookWizard.open(owner, wizardModel));

        await(() -> model.sets().size() == 4);
        assertEquals("4 sets in " + root + ", 1 verified; only verified sets can be restored.",
                onFx(() -> model.setsStatusProperty().get()));
        Node verified = cell("20261124-030000-local");
        assertEquals(List.of("VERIFIED"), texts(verified, ".wizard-set-status"));
        assertTrue(texts(verified, ".wizard-set-facts").get(0).matches("\\d+ KiB · 5 h ago · prometheus, redis"),
                texts(verified, ".wizard-set-facts").toString());
        assertFalse(onFx(verified::isDisabled));
        Node incomplete = cell("20261125-030000-local");
        assertEquals(List.of("INCOMPLETE"), texts(incomplete, ".wizard-set-status"));
        assertTrue(onFx(incomplete::isDisabled));
        assertTrue(texts(incomplete, ".wizard-set-why").get(0).startsWith("the backup did not finish"));
        assertEquals(List.of("UNVERIFIED"), texts(cell("20261123-030000-local"), ".wizard-set-status"));
        assertTrue(onFx(() -> cell("20261123-030000-local").isDisabled()));
        assertEquals(List.of("DAMAGED"), texts(cell("20261122-030000-local"), ".wizard-set-status"));
        assertTrue(texts(cell("20261122-030000-local"), ".wizard-set-why").get(0).startsWith("redis/dump.rdb: checksum mismatch"));

        // an incomplete set cannot be taken, by click or by the model
        Fx.click(robot, incomplete);
        assertNull(onFx(() -> model.chosenSetProperty().get()));
        assertFalse(onFx(() -> model.choose(model.sets().get(0))));
        assertTrue(onFx(() -> ((Button) root(wizard).lookup("#wizard-next")).isDisabled()));
        assertEquals("Choose a verified backup set.", text(wizard, "#wizard-footer-note"));

        // the verified one offers its services
        Fx.click(robot, verified);
        await(() -> model.chosenSetProperty().get() != null);
        assertEquals("20261124-030000-local", onFx(() -> model.chosenSetProperty().get().id()));
        await(() -> root(wizard).lookup("#service-redis") != null);
        assertTrue(onFx(() -> ((CheckBox) root(wizard).lookup("#service-prometheus")).isSelected()));
        click(robot, wizard, "#service-prometheus");
        Screenshots.save(wizard.getScene(), "wizard-restore-choose.png");
        click(robot, wizard, "#wizard-next");
        await(() -> wizardModel.getPage() == WizardPage.PREVIEW);
        List<String> choices = texts(root(wizard), ".wizard-choice");
        assertTrue(choices.get(0).startsWith("Set: 20261124-030000-local (verified, "), choices.toString());
        assertEquals("Services: redis", choices.get(1));
        assertNull(onFx(() -> root(wizard).lookup("#plan-stop-prometheus")), "prometheus was unticked");
        assertEquals("Start restore", text(wizard, "#wizard-next"));

        click(robot, wizard, "#wizard-next");
        await(30, () -> wizardModel.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("RTO ACHIEVED", text(wizard, "#wizard-duration-caption"));
        Screenshots.save(wizard.getScene(), "wizard-restore-done.png");
    }

    @Test
    void anEmptyOrMissingFolderSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
        WizardModel<RestoreChoice> wizardModel = onFx(() -> RestoreChoice.wizard(new FakeRestore(), dir.resolve("nothing-here"), runner, Clock.systemDefaultZone()));
        RestoreChoice model = wizardModel.choice();
        wizard = onFx(() -> RunbookWizard.open(owner, wizardModel));
        await(() -> model.setsStatusProperty().get().startsWith("No backup sets in "));
        FakeSets.verified(dir.resolve("other"), "20261124-030000-local", NOW);
        robot.interact(() -> model.folderProperty().set(dir.resolve("other").toString()));
        await(() -> model.sets().size() == 1);
        assertTrue(onFx(() -> model.setsStatusProperty().get()).startsWith("1 set in "));
    }

    /** The set's row, once the list has laid it out (the model may hold the sets a pulse before the cells exist). */
    private Node cell(String setId) throws Exception {
        await(() -> root(wizard).lookup("#set-" + setId) != null);
        return onFx(() -> root(wizard).lookup("#set-" + setId));
    }
}
