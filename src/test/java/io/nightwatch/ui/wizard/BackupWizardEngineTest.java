package io.nightwatch.ui.wizard;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.ui.support.Fx;
import io.nightwatch.ui.wizard.imagechange.ImageChangeChoice;
import io.nightwatch.ui.wizard.launch.WizardKind;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window over the real (private) engine: the header's Runbooks menu opens the backup wizard, which is walked
 * through to a verified set of the real Prometheus and Redis. Loki and Grafana are not real here, so they are unticked
 * as an operator would for services the host does not run.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class BackupWizardEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private Path data;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        Map<String, String> env = engine.clientEnv();
        HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        data = Files.createTempDirectory("nightwatch-wizard-engine");
        app = new NightwatchApp(monitor, flow).withRunbooks(new RunbookCatalog(profile, env, data, Clock.systemUTC()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theRunbooksMenuOpensTheBackupWizardWhichBacksUpTheRealServices(FxRobot robot) throws Exception {
        Fx.click(robot, "#runbooksMenu");
        Fx.click(robot, "Back up…");
        await(() -> wizard() != null);
        Stage wizard = onFx(this::wizard);
        assertEquals("Back up the stack's data", text(wizard, "#wizard-title"));
        assertEquals(data.resolve("backups").toString(), onFx(() -> ((javafx.scene.control.TextField) root(wizard).lookup("#wizard-folder")).getText()));
        // services of the profile with no container here are shown unavailable, with the reason, and cannot be ticked
        for (String absent : List.of("loki", "grafana")) {
            await(30, () -> ((Labeled) root(wizard).lookup("#service-note-" + absent)).getText().startsWith("not deployed here: no container"));
            assertFalse(onFx(() -> ((CheckBox) root(wizard).lookup("#service-" + absent)).isSelected()), absent);
            assertTrue(onFx(() -> root(wizard).lookup("#service-" + absent).isDisabled()), absent);
        }
        WizardModel<?> model = onFx(() -> app.wizards().model(WizardKind.BACKUP).orElseThrow());

        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
        assertTrue(WizardRobot.texts(root(wizard), ".wizard-preview-line").stream()
                .anyMatch(l -> l.contains("POST") && l.contains("/api/v1/admin/tsdb/snapshot")), "the preview names the snapshot call");
        click(robot, wizard, "#wizard-next");
        await(120, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"), () -> String.join("\n", model.output()));

        Path set;
        try (Stream<Path> sets = Files.list(data.resolve("backups"))) {
            set = sets.filter(p -> Files.isRegularFile(p.resolve(BackupManifest.FILE))).findFirst().orElseThrow();
        }
        BackupManifest manifest = BackupManifest.read(set);
        assertEquals(java.util.Set.of("prometheus", "redis", "alertmanager"), manifest.services().stream().map(BackupManifest.ServiceBackup::service).collect(java.util.stream.Collectors.toSet()));

        Path shot = Screenshots.save(wizard.getScene(), "backup-wizard-engine.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("backup-wizard.png"), StandardCopyOption.REPLACE_EXISTING);
        Screenshots.save(app.window().scene(), "runbooks-menu.png");
        robot.interact(wizard::close);
        assertEquals("", onFx(() -> robot.lookup("#runbooksMenu").queryAs(Labeled.class).getText()), "nothing left interrupted");
    }

    @Test
    void theUpgradeWizardMovesPrometheusToTheNewTagAndTheRollbackWizardBringsItBack(FxRobot robot) throws Exception {
        // upgrade: choose the service, see what it runs, pick the new tag, preview the difference, run through the gate
        Fx.click(robot, "#runbooksMenu");
        Fx.click(robot, "Upgrade a service…");
        await(() -> wizard() != null);
        Stage upgrade = onFx(this::wizard);
        WizardModel<?> model = onFx(() -> app.wizards().model(WizardKind.UPGRADE).orElseThrow());
        ImageChangeChoice change = (ImageChangeChoice) onFx(model::choice);
        click(robot, upgrade, "#change-service-prometheus");
        await(30, () -> change.currentImageProperty().get().equals(TestEngine.PROMETHEUS));
        assertEquals("prometheus runs " + TestEngine.PROMETHEUS + " now.", text(upgrade, "#wizard-current-image"));
        await(() -> change.targets().stream().anyMatch(t -> t.image().equals(TestEngine.PROMETHEUS_NEXT)));
        robot.interact(() -> {
            change.targetProperty().set(TestEngine.PROMETHEUS_NEXT);
            change.holdProperty().set("0s");
        });
        Screenshots.save(upgrade.getScene(), "upgrade-wizard-choose.png");
        click(robot, upgrade, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
        List<String> choices = WizardRobot.texts(root(upgrade), ".wizard-choice");
        assertTrue(choices.contains("Image: " + TestEngine.PROMETHEUS + " → " + TestEngine.PROMETHEUS_NEXT), choices.toString());
        assertTrue(choices.contains("label org.opencontainers.image.version (from the image): 2.42.0 → 2.42.1"), choices.toString());
        assertTrue(choices.stream().anyMatch(c -> c.startsWith("Compose: compose project sva-studio, service prometheus")), choices.toString());
        Files.copy(Screenshots.save(upgrade.getScene(), "upgrade-wizard-preview.png"), Path.of("docs", "images", "upgrade-wizard.png"),
                StandardCopyOption.REPLACE_EXISTING);
        click(robot, upgrade, "#wizard-next");
        await(120, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(upgrade, "#wizard-outcome-word"), () -> String.join("\n", model.output()));
        Screenshots.save(upgrade.getScene(), "upgrade-wizard.png");
        robot.interact(upgrade::close);

        // rollback: the target is preset to what it ran before
        Fx.click(robot, "#runbooksMenu");
        Fx.click(robot, "Roll back a service…");
        await(() -> wizard() != null);
        Stage rollback = onFx(this::wizard);
        WizardModel<?> back = onFx(() -> app.wizards().model(WizardKind.ROLLBACK).orElseThrow());
        ImageChangeChoice backTo = (ImageChangeChoice) onFx(back::choice);
        click(robot, rollback, "#change-service-prometheus");
        await(30, () -> backTo.targetProperty().get().equals(TestEngine.PROMETHEUS));
        assertTrue(text(rollback, "#wizard-candidates").startsWith(TestEngine.PROMETHEUS + " — ran before the last change (deployment journal)"),
                text(rollback, "#wizard-candidates"));
        robot.interact(() -> backTo.holdProperty().set("0s"));
        click(robot, rollback, "#wizard-next");
        await(30, () -> back.getPage() == WizardPage.PREVIEW);
        click(robot, rollback, "#wizard-next");
        await(120, () -> back.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(rollback, "#wizard-outcome-word"), () -> String.join("\n", back.output()));
        robot.interact(rollback::close);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreTheStack() {
        engine.runReferenceServices();
    }

    private Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s != app.window().scene().getWindow()
                        && s.getScene().getRoot().lookup("#wizard-title") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

}
