package io.nightwatch.ui;

import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthState;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.alerts.AlertRow;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.wizard.WizardPage;
import io.nightwatch.ui.wizard.launch.WizardKind;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's night on the real window, the real monitors and the real (private) Docker engine, where Loki, Grafana,
 * the collector and Promtail are absent and so DOWN from the start: a Redis kill minutes later gets its own desktop
 * notice (not an "and N more") and its own incident (not "#1 … on loki"), and its new row leaves the operator's
 * selection alone; at 900×600 the header keeps the stack's verdict and its actions on screen; and the backup wizard is
 * walked from the runbooks menu to its result with the keyboard alone.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class NightAtTheWindowEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private Stage stage;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @AfterAll
    static void restoreTheStack() {
        engine.runReferenceServices(); // later tests expect the stack up
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        Map<String, String> env = engine.clientEnv();
        HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        Path data = Files.createTempDirectory("nightwatch-night-window");
        store = AlertStore.open(data.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, env, data, Clock.systemUTC()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void aRedisKillGetsItsOwnNoticeAndIncidentAndLeavesTheSelectionAlone(FxRobot robot) throws Exception {
        try {
            await(60, () -> tile(robot, "redis").getState() == HealthState.UP);
            // the absent services' outage opens incident #1 first; the Redis crash comes well after it
            await(60, () -> store.incidents().openFor(IncidentRecorder.STACK).isPresent());
            Incident first = store.incidents().openFor(IncidentRecorder.STACK).orElseThrow();
            await(60, () -> Duration.between(first.openedAt(), Instant.now()).compareTo(TOGETHER.plusSeconds(2)) > 0);

            robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
            await(30, () -> !app.window().alerts().getTableRows().isEmpty());
            long chosen = onFx(() -> app.window().alerts().getTableRows().get(0).id());
            robot.interact(() -> table(robot).getSelectionModel().select(0)); // the operator's pick, the newest row
            await(() -> app.window().alerts().selectedIdProperty().get() == chosen);
            int noticesBefore = onFx(() -> app.window().alerts().getNotices().size());

            engine.docker("kill", "sva-studio-redis");
            await(30, () -> app.window().alerts().getNotices().stream().skip(noticesBefore)
                    .anyMatch(n -> n.title().equals("CRITICAL: NightwatchServiceDown (redis)")));
            List<String> later = onFx(() -> app.window().alerts().getNotices().stream().skip(noticesBefore).map(AlertNotifier.Notice::title).toList());
            assertTrue(later.stream().noneMatch(t -> t.startsWith("and ")), "nothing is summed up: " + later);

            await(30, () -> store.incidents().openFor(IncidentRecorder.STACK + "/redis").isPresent());
            Incident redis = store.incidents().openFor(IncidentRecorder.STACK + "/redis").orElseThrow();
            assertEquals("NightwatchServiceDown on redis", redis.title());
            assertTrue(store.incidents().events(first.id()).stream().noneMatch(e -> e.kind() == IncidentEvent.Kind.ALERT_FIRED
                    && e.service().equals("redis")), "the Redis crash did not join " + first.title());
            robot.interact(() -> app.window().show(MainWindow.View.INCIDENTS));
            await(30, () -> app.window().incidents().rows().stream().anyMatch(r -> r.line().endsWith("stack/redis")));

            // the Redis row arrived at the top of the alert table; the operator's alert stays selected
            await(30, () -> app.window().alerts().getTableRows().stream().anyMatch(NightAtTheWindowEngineTest::redisDown));
            assertTrue(onFx(() -> app.window().alerts().getTableRows().indexOf(app.window().alerts().getTableRows().stream()
                    .filter(NightAtTheWindowEngineTest::redisDown).findFirst().orElseThrow()) == 0), "the new outage is on top");
            assertEquals(chosen, onFx(() -> table(robot).getSelectionModel().getSelectedItem().id()));
            assertEquals(chosen, onFx(() -> app.window().alerts().selectedIdProperty().get()));

            // 900×600: the header reflows, the stack's verdict and the actions stay whole on screen
            robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
            robot.interact(() -> {
                stage.setWidth(900);
                stage.setHeight(600);
            });
            await(() -> robot.lookup("#app-header-second").query().isVisible());
            for (String id : List.of("#stack-verdict", "#view-badge", ".app-summary", "#muteToggle", "#runbooksMenu",
                    "#acknowledge-button", "#silence-button")) {
                assertTrue(onFx(() -> onScreen(robot.lookup(id).query())), id + " is whole on the 900×600 window");
            }
            assertEquals("DOWN", onFx(() -> robot.lookup(".overall-state-text").queryAs(Labeled.class).getText()),
                    "the pill is the stack's verdict, on the Alerts view too");
            Screenshots.save(app.window().scene(), "header-900x600-engine.png");
        } finally {
            robot.interact(app::stop);
            engine.runReferenceServices(); // Redis back for the next test
        }
    }

    @Test
    void theBackupWizardByKeyboardAloneFromTheRunbooksMenuToItsResult(FxRobot robot) throws Exception {
        await(60, () -> tile(robot, "redis").getState() == HealthState.UP);
        // Tab to the runbooks menu, as someone without a mouse does
        for (int i = 0; i < 30 && !onFx(() -> focusOwner() != null && "runbooksMenu".equals(focusOwner().getId())); i++) robot.type(KeyCode.TAB);
        assertEquals("runbooksMenu", onFx(() -> focusOwner().getId()));
        assertTrue(onFx(() -> focusOwner().lookup(".runbooks-menu") != null));
        robot.type(KeyCode.DOWN); // opens the menu
        await(() -> Window.getWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // "Back up…", the first item
        await(30, () -> wizard() != null);
        Stage wizard = onFx(this::wizard);
        var model = onFx(() -> app.wizards().model(WizardKind.BACKUP).orElseThrow());

        // Tab to Redis' box: Space ticks it off and on again, Enter on it goes on (the default button), never toggles
        await(30, () -> wizard.getScene().getRoot().lookup("#service-redis") != null
                && !wizard.getScene().getRoot().lookup("#service-redis").isDisabled());
        for (int i = 0; i < 40 && !onFx(() -> "service-redis".equals(idOf(wizard.getScene().getFocusOwner()))); i++) robot.type(KeyCode.TAB);
        CheckBox redis = onFx(() -> (CheckBox) wizard.getScene().getFocusOwner());
        boolean ticked = onFx(redis::isSelected);
        robot.type(KeyCode.SPACE);
        await(() -> redis.isSelected() != ticked);
        robot.type(KeyCode.SPACE);
        await(() -> redis.isSelected() == ticked);
        await(30, () -> !wizard.getScene().getRoot().lookup("#wizard-next").isDisabled());
        robot.type(KeyCode.ENTER);
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
        assertEquals(ticked, onFx(redis::isSelected), "Enter on the box did not toggle it");

        robot.type(KeyCode.ENTER); // the preview's default button starts the run
        await(180, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", onFx(() -> ((Labeled) wizard.getScene().getRoot().lookup("#wizard-outcome-word")).getText()),
                () -> String.join("\n", model.output()));
        Screenshots.save(wizard.getScene(), "backup-wizard-keyboard.png");
        robot.type(KeyCode.ENTER); // and Close
        await(30, () -> !wizard.isShowing());
    }

    /** IncidentRecorder.TOGETHER: failures arriving this close to an opening join it. */
    private static final Duration TOGETHER = Duration.ofSeconds(20);

    private Node focusOwner() {
        return app.window().scene().getFocusOwner();
    }

    private static String idOf(Node n) {
        return n == null ? null : n.getId();
    }

    private Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s != app.window().scene().getWindow()
                        && s.getScene().getRoot().lookup("#wizard-title") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static boolean redisDown(AlertRow r) {
        return r.alertname().equals("NightwatchServiceDown") && r.service().equals("redis") && r.state() == AlertState.FIRING;
    }

    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        return scene != null && b.getWidth() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5
                && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    @SuppressWarnings("unchecked")
    private static TableView<AlertRow> table(FxRobot robot) {
        return robot.lookup("#alert-table").queryAs(TableView.class);
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }
}
