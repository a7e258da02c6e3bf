package io.nightwatch.ui.alerts;

import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncomingAlert;
import io.nightwatch.ui.FakeAlerts;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.support.Fx;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alerts view as issue 18 found it at 3 a.m., on the real main window over a real history (no Alertmanager:
 * nothing is polled): a missing Loki's four alerts are one row under their cause, a refresh that inserts rows at the
 * top leaves the selection and the rows in sight where they were, the filter clears the detail of an alert it removed,
 * the Acknowledge dialog submits on Ctrl+Enter, the keyboard finds a ring on every header control and a question
 * before muting, F1 shows the shortcuts, and at 900×600 the header reflows with the verdict and the actions on screen.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsAtThreeWindowTest {

    private static final Clock CLOCK = Clock.fixed(FakeStack.NOW, ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private AlertStore store;
    private AlertService service;
    private FakeAlerts.Ids ids;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = AlertStore.open(Files.createTempDirectory(dir, "history").resolve("alerts.db"), CLOCK);
        ids = FakeAlerts.fill(store);
        service = new AlertService(FakeAlerts.withoutSources(), store, AlertSettings.defaults().withListen(Optional.empty()), CLOCK);
        AlertsViewModel alerts = new AlertsViewModel(service, new AlertNotifier(CLOCK), CLOCK, "tester");
        window = MainWindow.of(new DashboardViewModel(FakeStack.profile(), CLOCK),
                new FlowViewModel(FakeStack.profile(), FlowSettings.DEFAULT, CLOCK), alerts, Theme.DARK);
        window.showIn(stage);
        window.show(MainWindow.View.ALERTS);
    }

    @Stop
    void stop() {
        window.dispose();
    }

    @AfterEach
    void close() throws Exception {
        service.close();
        store.close();
    }

    @Test
    void aMissingLokisFourAlertsAreOneRowUnderTheirCause(FxRobot robot) throws Exception {
        long lokiDown = record("LokiDown", "critical", Map.of("job", "loki"), 30, "prometheus");
        record("NightwatchServiceDown", "critical", Map.of("service", "loki", "host", "local", "component", "loki"), 29, "nightwatch");
        record("NightwatchBackupOverdue", "warning", Map.of("service", "loki"), 28, "nightwatch");
        record("NightwatchFlowStalled", "warning", Map.of("service", "loki", "host", "local", "stage", "loki/ingested"), 20, "nightwatch");
        robot.interact(() -> window.alerts().refresh());
        await(() -> tableRows().stream().anyMatch(r -> r.id() == lokiDown && r.related() == 4));
        // four about loki (one the fixture's memory warning), one row: the outage heads it
        assertEquals(0, tableRows().stream().filter(r -> r.cause().equals("service:loki") && r.id() != lokiDown).count());
        assertEquals("+4 related", onFx(() -> ((Labeled) robot.lookup("#group-service-loki").query()).getText().substring(2)));

        Fx.click(robot, "#group-service-loki");
        await(() -> tableRows().stream().filter(AlertRow::member).count() == 4);
        assertEquals(List.of(lokiDown), tableRows().stream().filter(r -> r.cause().equals("service:loki") && !r.member())
                .map(AlertRow::id).toList(), "the head stays on top of its members");
        Path shot = Screenshots.save(window.scene(), "alerts-grouped.png");
        Files.createDirectories(Path.of("docs", "images"));
        Files.copy(shot, Path.of("docs", "images", "alerts-grouped.png"), StandardCopyOption.REPLACE_EXISTING);

        // Left on the keyboard folds it again
        robot.interact(() -> window.alerts().select(lokiDown));
        Fx.click(robot, "#alert-table").type(KeyCode.LEFT);
        await(() -> tableRows().stream().noneMatch(AlertRow::member));
        robot.type(KeyCode.RIGHT);
        await(() -> tableRows().stream().filter(AlertRow::member).count() == 4);
    }

    @Test
    void insertsAtTheTopMoveNeitherTheSelectionNorTheRowsInSight(FxRobot robot) throws Exception {
        for (int i = 0; i < 30; i++) record("OldWarning" + i, "warning", Map.of("component", "svc" + i), 600 + i, "webhook");
        robot.interact(() -> window.alerts().refresh());
        await(() -> tableRows().size() >= 40);
        // scroll into the middle and click a row there, as an operator would
        robot.interact(() -> table(robot).scrollTo(15));
        await(() -> flow(robot).getFirstVisibleCell() != null && flow(robot).getFirstVisibleCell().getIndex() == 15);
        long firstInSight = onFx(() -> tableRows().get(flow(robot).getFirstVisibleCell().getIndex()).id());
        long clicked = onFx(() -> tableRows().get(18).id());
        robot.interact(() -> table(robot).getSelectionModel().select(18));
        await(() -> window.alerts().selectedIdProperty().get() == clicked);

        for (int i = 0; i < 5; i++) record("NewCritical" + i, "critical", Map.of("component", "new" + i), 0, "webhook");
        robot.interact(() -> window.alerts().refresh());
        await(() -> tableRows().stream().filter(r -> r.alertname().startsWith("NewCritical")).count() == 5);
        await(() -> flow(robot).getFirstVisibleCell() != null
                && tableRows().get(flow(robot).getFirstVisibleCell().getIndex()).id() == firstInSight);
        assertEquals(clicked, onFx(() -> table(robot).getSelectionModel().getSelectedItem().id()), "the selection follows the alert");
        assertEquals(clicked, onFx(() -> window.alerts().selectedIdProperty().get()));
    }

    @Test
    void theFilterClearsTheDetailAndTheClockIsOne(FxRobot robot) throws Exception {
        await(() -> tableRows().size() > 0);
        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> window.alerts().detailProperty().get() != null && window.alerts().detailProperty().get().id() == ids.redisDown());
        // the Duration column and the detail's "so far" read the same clock
        String soFar = onFx(() -> robot.lookup("#alert-detail").queryAll().stream().findFirst().map(n -> n.lookupAll(".detail-value"))
                .orElseThrow().stream().map(v -> ((Labeled) v).getText()).filter(t -> t.endsWith("min")).findFirst().orElse(""));
        String cell = onFx(() -> robot.lookup(".alert-table .table-row-cell:selected .col-duration .cell-text").queryAs(Labeled.class).getText());
        assertEquals(cell, soFar);

        Fx.click(robot, "#alert-search").write("grafana");
        await(() -> window.alerts().getRows().stream().noneMatch(r -> r.id() == ids.redisDown()));
        await(() -> window.alerts().detailProperty().get() == null);
        assertTrue(onFx(() -> robot.lookup(".detail-placeholder").query().isVisible()), "the detail says to select an alert");
    }

    @Test
    void ctrlEnterAcknowledges(FxRobot robot) throws Exception {
        await(() -> tableRows().size() > 0);
        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> window.alerts().detailProperty().get() != null);
        Fx.click(robot, "#acknowledge-button");
        await(() -> dialog("Acknowledge NightwatchServiceDown") != null);
        Scene ack = dialog("Acknowledge NightwatchServiceDown");
        Fx.click(robot, ack.getRoot().lookup("#note")).write("on it"); // (a click gives the headless dialog window the keys)
        await(() -> "on it".equals(((javafx.scene.control.TextArea) dialog("Acknowledge NightwatchServiceDown").getFocusOwner()).getText()));
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        await(() -> store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).isPresent());
        assertEquals("on it", store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).orElseThrow().note());
        await(() -> dialog("Acknowledge NightwatchServiceDown") == null);
    }

    @Test
    void theKeyboardSeesWhereItIsAndAsksBeforeMuting(FxRobot robot) throws Exception {
        await(() -> tableRows().size() > 0);
        // (the runbooks menu is disabled in a window without engines; the engine test walks through it)
        for (String id : List.of("#healthTab", "#flowTab", "#alertsTab", "#incidentsTab", "#muteToggle")) {
            robot.interact(() -> robot.lookup(id).query().requestFocus());
            await(() -> robot.lookup(id).query().isFocused());
            Region control = robot.lookup(id).queryAs(Region.class);
            assertNotNull(onFx(control::getBorder), id + " shows a focus ring");
            assertFalse(onFx(() -> control.getBorder().getStrokes().isEmpty()), id + " shows a focus ring");
        }
        ToggleButton mute = robot.lookup("#muteToggle").queryAs(ToggleButton.class);
        robot.interact(mute::requestFocus);
        robot.type(KeyCode.SPACE);
        await(() -> dialog("Mute desktop notifications?") != null);
        assertFalse(onFx(mute::isSelected), "Space alone does not mute");
        robot.type(KeyCode.ENTER); // the default answer keeps notifying
        await(() -> dialog("Mute desktop notifications?") == null);
        assertFalse(onFx(mute::isSelected));
        robot.interact(mute::requestFocus);
        robot.type(KeyCode.SPACE);
        await(() -> dialog("Mute desktop notifications?") != null);
        Scene question = dialog("Mute desktop notifications?");
        robot.interact(() -> question.lookup("#mute-confirm").requestFocus());
        robot.type(KeyCode.SPACE);
        await(() -> mute.isSelected());
        assertEquals("Muted", onFx(mute::getText), "the state in words");
        robot.interact(mute::requestFocus);
        robot.type(KeyCode.SPACE);
        await(() -> !mute.isSelected());

        robot.interact(() -> robot.lookup("#alertsTab").query().requestFocus());
        robot.type(KeyCode.F1);
        await(() -> dialog("Keyboard shortcuts") != null);
        Scene sheet = dialog("Keyboard shortcuts");
        assertTrue(onFx(() -> sheet.getRoot().lookupAll(".shortcut-key").stream().map(n -> ((Labeled) n).getText()).toList())
                .contains("Ctrl+Enter"));
        robot.type(KeyCode.ESCAPE);
        await(() -> dialog("Keyboard shortcuts") == null);
    }

    @Test
    void at900x600TheHeaderReflowsAndKeepsTheVerdictAndTheActions(FxRobot robot) throws Exception {
        await(() -> tableRows().size() > 0);
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> window.alerts().detailProperty().get() != null);
        await(() -> robot.lookup("#app-header-second").query().isVisible());
        for (String id : List.of("#stack-verdict", "#view-badge", ".app-summary", "#muteToggle", "#runbooksMenu",
                "#acknowledge-button", "#silence-button", "#incidentsTab")) {
            assertTrue(onFx(() -> onScreen(robot.lookup(id).query())), id + " is whole on the 900×600 window");
        }
        assertEquals(onFx(() -> window.model().overallTextProperty().get()), text(robot, ".overall-state-text"),
                "the pill is the stack's verdict on the Alerts view too");
        Path shot = Screenshots.save(window.scene(), "header-900x600.png");
        Files.createDirectories(Path.of("docs", "images"));
        Files.copy(shot, Path.of("docs", "images", "header-900x600.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean onScreen(Node node) {
        if (!node.isVisible() || node.getScene() == null) return false;
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        return b.getWidth() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5
                && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    private long record(String name, String severity, Map<String, String> more, long minutesAgo, String source) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(FakeAlerts.labels(name, severity));
        labels.putAll(more);
        var at = FakeStack.NOW.minus(Duration.ofMinutes(minutesAgo));
        return store.recordAll(List.of(new IncomingAlert(null, labels, Map.of("summary", name + " summary"), AlertState.FIRING, at,
                Optional.empty(), source, "", "", at))).get(0).id();
    }

    private List<AlertRow> tableRows() throws Exception {
        return onFx(() -> List.copyOf(window.alerts().getTableRows()));
    }

    @SuppressWarnings("unchecked")
    private static TableView<AlertRow> table(FxRobot robot) {
        return robot.lookup("#alert-table").queryAs(TableView.class);
    }

    private static VirtualFlow<?> flow(FxRobot robot) {
        return (VirtualFlow<?>) table(robot).lookup(".virtual-flow");
    }

    private static Scene dialog(String title) throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(Window::getScene).findFirst().orElse(null));
    }
}
