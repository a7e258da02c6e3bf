package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.ui.support.OwnerWindow;
import io.nightwatch.ui.wizard.imagechange.ImageChangeChoice;
import javafx.scene.control.Button;
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
import java.util.List;
import java.util.Map;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static io.nightwatch.ui.wizard.WizardRobot.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upgrade and rollback wizards without an engine: a fake runbook with the real parameters and a fake that answers
 * the engine's questions about images (what runs, what it could go to, the plan's difference).
 */
@ExtendWith(ApplicationExtension.class)
class ImageChangeWizardTest {

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

    private WizardModel<ImageChangeChoice> open(ImageChangeChoice.Direction direction, FakeImageChange fake, Path dir) throws Exception {
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
        List<ServiceOption> services = List.of(new ServiceOption("prometheus", "sva-studio-prometheus on local"),
                new ServiceOption("redis", "sva-studio-redis on local"));
        WizardModel<ImageChangeChoice> model = onFx(() -> ImageChangeChoice.wizard(direction, fake, services, fake, runner, Clock.systemDefaultZone()));
        wizard = onFx(() -> RunbookWizard.open(owner, model));
        return model;
    }

    private boolean nextDisabled() throws Exception {
        return onFx(() -> ((Button) root(wizard).lookup("#wizard-next")).isDisabled());
    }

    @Test
    void anUpgradeSaysWhatRunsRefusesTheSameImageAndRunsThePlannedChange(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeImageChange fake = new FakeImageChange("upgrade");
        WizardModel<ImageChangeChoice> model = open(ImageChangeChoice.Direction.UPGRADE, fake, dir);
        ImageChangeChoice choice = model.choice();

        assertEquals("Choose the service to upgrade.", text(wizard, "#wizard-footer-note"));
        assertEquals("Choose a service to see what it runs.", text(wizard, "#wizard-current-image"));
        click(robot, wizard, "#change-service-prometheus");
        await(() -> choice.currentImageProperty().get().equals("prom/prometheus:v2.42.0"));
        assertEquals("prometheus runs prom/prometheus:v2.42.0 now.", text(wizard, "#wizard-current-image"));
        await(() -> choice.targets().size() == 2);
        assertTrue(text(wizard, "#wizard-candidates").startsWith("prom/prometheus:v2.41.0 — ran before the last change"));
        assertEquals("", onFx(() -> choice.targetProperty().get()), "an upgrade does not preset the target");
        assertEquals("Choose the image to go to.", text(wizard, "#wizard-footer-note"));

        robot.interact(() -> choice.targetProperty().set("prom/prometheus:v2.42.0"));
        assertTrue(nextDisabled());
        assertEquals("prometheus already runs prom/prometheus:v2.42.0.", text(wizard, "#wizard-footer-note"));

        robot.interact(() -> {
            choice.targetProperty().set("prom/prometheus:v2.42.1");
            choice.backupFirstProperty().set(true);
            choice.holdProperty().set("10m");
        });
        await(() -> !nextDisabled());
        click(robot, wizard, "#wizard-next");
        await(() -> model.getPage() == WizardPage.PREVIEW);
        List<String> lines = texts(root(wizard), ".wizard-choice");
        assertEquals(List.of("Service: prometheus, backed up first", "Old container: removed after a hold of 10m",
                "Image: prom/prometheus:v2.42.0 → prom/prometheus:v2.42.1",
                "Configuration: identical (env, mounts, ports, labels, networks, limits, healthcheck, restart, command)"), lines);
        assertEquals(Map.of("service", "prometheus", "to", "prom/prometheus:v2.42.1", "backup", "yes", "hold", "10m"), fake.built.get(0));

        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"));
        assertEquals("TOOK", text(wizard, "#wizard-duration-caption"), "only a restore reports an RTO");
    }

    @Test
    void aRollbackPresetsTheImageTheServiceRanBeforeAndSaysWhenTheEngineCannotTell(FxRobot robot, @TempDir Path dir) throws Exception {
        FakeImageChange fake = new FakeImageChange("rollback");
        fake.running.remove("redis"); // its container is gone: the engine cannot say what it runs
        WizardModel<ImageChangeChoice> model = open(ImageChangeChoice.Direction.ROLLBACK, fake, dir);
        ImageChangeChoice choice = model.choice();

        click(robot, wizard, "#change-service-prometheus");
        await(() -> choice.targetProperty().get().equals("prom/prometheus:v2.41.0"));
        await(() -> !nextDisabled());

        click(robot, wizard, "#change-service-redis");
        await(() -> model.problemProperty().get().startsWith("Cannot read redis's images: no container redis on local"));
        assertEquals(model.problemProperty().get(), text(wizard, "#wizard-problem"));
        assertEquals("prom/prometheus:v2.41.0", onFx(() -> choice.targetProperty().get()), "a typed or preset target is kept");
        assertEquals("No other image of this service is known here: type the one to go to.", text(wizard, "#wizard-candidates"));
    }
}
