package io.nightwatch.ui.wizard;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthState;
import io.nightwatch.incident.IncidentReport;
import io.nightwatch.incident.Incidents;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.wizard.launch.WizardKind;
import io.nightwatch.ui.wizard.recovery.RecoveryChoice;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import redis.clients.jedis.Jedis;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One recovery walked through in the real window over the real (private) engine: the testbed's Redis is stopped, its
 * tile goes DOWN, its alert's "Open runbook" opens the recovery wizard with redis-down, redis and local chosen; the
 * preview shows the diagnosis' findings before anything acts; the run restarts Redis and proves it healthy and its
 * data flowing; the open incident's timeline has the run. The tile's own entry is checked on the way.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class RecoveryWizardEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private Path data;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        HealthMonitor monitor = new HealthMonitor(profile, engine.clientEnv(), Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), engine.clientEnv(), Clock.systemDefaultZone());
        data = Files.createTempDirectory("nightwatch-recovery-wizard");
        store = AlertStore.open(data.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, engine.clientEnv(), data, Clock.systemUTC()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @AfterAll
    static void restoreTheStack() {
        engine.runReferenceServices();
    }

    @Test
    void aStoppedRedisIsRecoveredFromItsAlertThroughTheWizardAndTheRunLandsOnTheIncident(FxRobot robot) throws Exception {
        await(60, () -> tile(robot, "redis").getState() == HealthState.UP);
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            for (int i = 0; i < 12; i++) redis.setex("session:user-" + i, 3600, "token-" + i);
        }
        Incidents incidents = new Incidents(store, data.resolve("runs"), Clock.systemUTC());
        long incident = incidents.open("local", "Logins fail: Redis down", "engine test").id();

        // the night: Redis stops
        engine.docker("stop", "sva-studio-redis");
        await(30, () -> tile(robot, "redis").getState() == HealthState.DOWN);

        // the tile's menu offers the runbook that fits (shown directly: Monocle sends no context-menu request)
        HealthTile redisTile = tile(robot, "redis");
        robot.interact(() -> redisTile.getContextMenu().show(redisTile, javafx.geometry.Side.BOTTOM, 0, 0));
        javafx.scene.control.MenuItem item = onFx(() -> redisTile.getContextMenu().getItems().stream()
                .filter(i -> "tile-open-runbook".equals(i.getId())).findFirst().orElseThrow());
        assertEquals("Open runbook: The Redis session store is down or lost its data", onFx(item::getText));
        assertTrue(onFx(() -> !item.isDisable()));
        robot.interact(redisTile.getContextMenu()::hide);

        // the alert's detail offers it too: open it from there
        robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
        await(30, () -> app.window().alerts().getRows().stream().anyMatch(r -> r.alertname().equals("NightwatchServiceDown")
                && r.service().equals("redis") && r.state() == AlertState.FIRING));
        long alert = onFx(() -> app.window().alerts().getRows().stream().filter(r -> r.alertname().equals("NightwatchServiceDown")
                && r.service().equals("redis")).findFirst().orElseThrow().id());
        robot.interact(() -> app.window().alerts().select(alert));
        await(30, () -> robot.lookup("#open-runbook-button").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        // fired, not clicked: the header's reflow can move the detail pane while the robot's pointer travels
        robot.interact(() -> robot.lookup("#open-runbook-button").queryAs(javafx.scene.control.Button.class).fire());
        await(10, () -> wizard() != null);
        Stage wizard = onFx(this::wizard);
        WizardModel<?> model = onFx(() -> app.wizards().model(WizardKind.RECOVERY).orElseThrow());
        RecoveryChoice choice = (RecoveryChoice) model.choice();
        assertEquals("Recover from a failure", text(wizard, "#wizard-title"));
        assertEquals("redis-down", onFx(() -> choice.scenarioProperty().get().id()));
        assertEquals("redis on local", onFx(() -> choice.targetProperty().get().toString()));
        assertTrue(onFx(() -> ((javafx.scene.control.RadioButton) root(wizard).lookup("#recovery-scenario-redis-down")).isSelected()));

        // the diagnosis reads first and the preview shows its findings, then the actions
        click(robot, wizard, "#wizard-next");
        await(60, () -> model.getPage() == WizardPage.PREVIEW);
        List<String> choices = WizardRobot.texts(root(wizard), ".wizard-choice");
        assertTrue(choices.contains("Diagnosis (read only; nothing was changed):"), choices.toString());
        assertTrue(choices.stream().anyMatch(l -> l.contains("container exited")), choices.toString());
        assertTrue(choices.stream().anyMatch(l -> l.contains("Redis does not answer")), choices.toString());
        assertTrue(WizardRobot.texts(root(wizard), ".wizard-step-title").stream().anyMatch(t -> t.contains("only when Redis does not answer")));
        Path shot = Screenshots.save(wizard.getScene(), "wizard-recovery-preview.png");
        Files.createDirectories(Path.of("docs", "images"));
        Files.copy(shot, Path.of("docs", "images", "wizard-recovery.png"), StandardCopyOption.REPLACE_EXISTING);

        // run: restart, keys counted, healthy and flowing
        click(robot, wizard, "#wizard-next");
        await(240, () -> model.getPage() == WizardPage.RESULT);
        String log = String.join("\n", onFx(() -> List.copyOf(model.output())));
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"), log);
        assertTrue(log.contains("12 keys are there: the data survived"), log);
        assertTrue(log.contains("recovered: redis UP"), log);
        assertTrue(log.contains("redis.ops FLOWING"), log);
        Screenshots.save(wizard.getScene(), "wizard-recovery-result.png");
        await(30, () -> tile(robot, "redis").getState() == HealthState.UP);

        // the open incident's timeline has the run, as for `nightwatch recover`
        IncidentReport report = incidents.report(incident);
        assertTrue(report.runs().stream().anyMatch(r -> r.runbookId().equals("recover-redis-down") && r.outcome().equals("SUCCEEDED")),
                report.runs().toString());
        assertTrue(report.timeline().stream().anyMatch(l -> l.kind().equals("RUNBOOK")
                && l.text().startsWith("runbook \"Recover: The Redis session store is down or lost its data\" started")), report.timeline().toString());
        robot.interact(wizard::close);
    }

    private Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s != app.window().scene().getWindow()
                        && s.getScene().getRoot().lookup("#wizard-title") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }
}
