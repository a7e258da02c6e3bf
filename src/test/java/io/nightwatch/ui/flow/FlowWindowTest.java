package io.nightwatch.ui.flow;

import io.nightwatch.ui.controls.Styles;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import io.nightwatch.ui.FakeFlow;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.controls.Sparkline;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.click;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static io.nightwatch.ui.support.Fx.textSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window on its Flow view, fed hand-made flow snapshots through the real FxBridge from a background
 * thread: lanes and cards appear, states change in place, STALLED is marked, error lines open in a popup.
 */
@ExtendWith(ApplicationExtension.class)
class FlowWindowTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock clock = Clock.fixed(FakeFlow.NOW, ZoneOffset.UTC);
        DashboardViewModel dashboard = new DashboardViewModel(FakeFlow.profile(), clock);
        FlowViewModel flow = new FlowViewModel(FakeFlow.profile(), FakeFlow.SETTINGS, clock);
        window = MainWindow.of(dashboard, flow, Theme.DARK);
        window.showIn(stage);
    }

    @Stop
    void stop() {
        window.dispose();
    }

    @Test
    void lanesShowEveryStageAndFollowNewSnapshotsInPlace(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(MainWindow.View.FLOW));
        assertTrue(robot.lookup(".flow-scroll").query().isVisible());
        assertFalse(robot.lookup(".host-scroll").query().isVisible());
        // Before any reading the profile already lays out every stage, waiting.
        assertEquals(25, robot.lookup(".stage-card").queryAll().size());
        assertTrue(textSet(card(robot, "local-promtail-entries-sent"), ".stage-detail").contains("waiting for the first reading"));
        assertEquals("WAITING", text(robot, "#view-badge"));

        publishFromBackground(FakeFlow.stalled());
        await(() -> has(card(robot, "local-promtail-entries-sent"), FlowState.STALLED));

        // one lane per pipeline, canaries in the lanes they prove
        for (Pipeline pipeline : Pipeline.values()) assertNotNull(robot.lookup("#lane-" + pipeline.name().toLowerCase()).query());
        assertEquals(27, robot.lookup(".stage-card").queryAll().size(), "25 stages (Loki discards included) and 2 canaries");
        assertNotNull(robot.lookup("#lane-logs #stage-canary-local-loki-Loki-log-canary").query());
        assertNotNull(robot.lookup("#lane-metrics #stage-canary-local-otel-collector-OTLP-metric-canary").query());

        // STALLED: pseudo-class, icon and word, never colour alone
        Node promtail = card(robot, "local-promtail-entries-sent");
        Node promtailCard = promtail.lookup(".stage-card");
        assertTrue(has(promtailCard, FlowState.STALLED));
        assertTrue(textSet(promtail, ".stage-state").contains("STALLED"));
        assertTrue(textSet(promtail, ".stage-detail").contains("nothing for 75 s while promtail is up"));
        assertEquals(Set.of("0"), textSet(promtail, ".stage-value"));
        assertEquals(Set.of("entries/s"), textSet(promtail, ".stage-unit"));
        assertEquals(FlowState.STALLED, onFx(() -> ((Sparkline) promtail.lookup(".sparkline")).getState()));
        assertTrue(has(robot.lookup("#lane-logs").query(), FlowState.STALLED), "the lane says it too");

        // the other states, failures per integration, unknowns, canaries
        assertTrue(has(card(robot, "local-prometheus-samples-appended").lookup(".stage-card"), FlowState.FLOWING));
        assertEquals(Set.of("2.4k"), textSet(card(robot, "local-prometheus-samples-appended"), ".stage-value"));
        assertEquals(Set.of("samples/s"), textSet(card(robot, "local-prometheus-samples-appended"), ".stage-unit"));
        assertTrue(has(card(robot, "local-loki-lines-received").lookup(".stage-card"), FlowState.IDLE));
        assertTrue(has(card(robot, "local-prometheus-targets-down").lookup(".stage-card"), FlowState.UNKNOWN));
        assertTrue(textSet(card(robot, "local-prometheus-targets-down"), ".stage-detail").contains("/api/v1/targets returns 503"));
        Node webhook = card(robot, "local-alertmanager-notifications-failed");
        assertTrue(has(webhook.lookup(".stage-card"), FlowState.STALLED));
        assertTrue(textSet(webhook, ".stage-detail").contains("failing now (webhook 0.03 notifications/s)"));
        Node lokiCanary = robot.lookup("#stage-canary-local-loki-Loki-log-canary").query();
        assertTrue(has(lokiCanary.lookup(".stage-card"), FlowState.STALLED));
        assertTrue(textSet(lokiCanary, ".stage-value").contains("did not arrive"));
        Node otlp = robot.lookup("#stage-canary-local-otel-collector-OTLP-metric-canary").query();
        assertEquals(Set.of("2 s"), textSet(otlp, ".stage-value"));
        assertEquals(Set.of("round trip"), textSet(otlp, ".stage-unit"));
        assertEquals("3 STALLED", text(robot, "#view-badge"));
        assertEquals("Flow · 3 stalled", onFx(() -> robot.lookup("#flowTab").queryAs(ToggleButton.class).getText()));
        assertEquals("27 stages · 12 flowing · 10 idle · 3 stalled · 2 unknown", text(robot, ".app-summary"));

        // data volumes: free of size, time to full
        Node loki = robot.lookup("#disk-local-loki--loki").query();
        assertTrue(textSet(loki, ".disk-ttf").contains("full in ~14 h"));
        assertTrue(textSet(loki, ".disk-free").contains("1.6 GiB free of 20 GiB (8 %)"), textSet(loki, ".disk-free").toString());
        assertTrue(loki.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("down")), "8 % free is critical");
        assertTrue(textSet(robot.lookup("#disk-local-prometheus--prometheus").query(), ".disk-ttf").contains("full in ~2 d"));
        assertTrue(textSet(robot.lookup("#disk-local-alertmanager--alertmanager").query(), ".disk-ttf").contains("not filling up"));
        assertTrue(textSet(robot.lookup("#disk-local-grafana--var-lib-grafana").query(), ".disk-free")
                .contains("cannot run df in the container: no shell in image"), "what stops the measuring is said");

        // error lines: rate per container
        assertTrue(textSet(robot.lookup("#errors-local-loki").query(), ".errors-summary").contains("3 error lines/min"),
                textSet(robot.lookup("#errors-local-loki").query(), ".errors-summary").toString());
        assertTrue(textSet(robot.lookup("#errors-local-prometheus").query(), ".errors-summary").contains("no error lines"));

        saveFlowPicture();

        // a new snapshot: the same nodes, new states
        Node promtailBefore = promtail;
        publishFromBackground(FakeFlow.recovered());
        await(() -> has(card(robot, "local-promtail-entries-sent").lookup(".stage-card"), FlowState.FLOWING));
        assertSame(promtailBefore, card(robot, "local-promtail-entries-sent"), "the card is updated in place, not rebuilt");
        assertFalse(has(promtailCard, FlowState.STALLED));
        assertTrue(textSet(promtail, ".stage-state").contains("FLOWING"));
        assertTrue(has(lokiCanary.lookup(".stage-card"), FlowState.FLOWING));
        assertSame(lokiCanary, robot.lookup("#stage-canary-local-loki-Loki-log-canary").query());
        assertTrue(has(webhook.lookup(".stage-card"), FlowState.IDLE));
        assertEquals("FLOWING", text(robot, "#view-badge"));
        assertEquals("Flow", onFx(() -> robot.lookup("#flowTab").queryAs(ToggleButton.class).getText()));
        assertEquals(27, robot.lookup(".stage-card").queryAll().size());
        assertEquals(2, onFx(() -> ((Sparkline) lokiCanary.lookup(".sparkline")).getSeries().size()),
                "the canary card keeps a trail of round trips");
    }

    @Test
    void theLastErrorLinesAreOneClickAway(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(MainWindow.View.FLOW));
        publishFromBackground(FakeFlow.stalled());
        await(() -> robot.lookup("#errors-local-loki .errors-open").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> robot.lookup(".flow-scroll").queryAs(ScrollPane.class).setVvalue(1));
        Node open = robot.lookup("#errors-local-loki .errors-open").query();
        assertEquals("last 5 lines ›", ((Labeled) open).getText());
        click(robot, open);

        await(() -> robot.lookup(".error-lines-text").tryQuery().isPresent());
        TextArea lines = robot.lookup(".error-lines-text").queryAs(TextArea.class);
        assertEquals(String.join("\n\n", FakeFlow.LOKI_ERRORS), onFx(lines::getText), "newest last, as in the log");
        assertTrue(textSet(lines.getScene().getRoot(), ".error-lines-title").contains("Error lines · sva-studio-loki"));
        Screenshots.save(window.scene(), "flow-errors.png");
        Screenshots.save(lines.getScene(), "flow-error-lines-popup.png");

        click(robot, "#flow-disks .panel-title"); // a click elsewhere closes them
        await(() -> robot.lookup(".error-lines-text").tryQuery().isEmpty());
    }

    @Test
    void theSwitchKeepsTheHealthViewAndTellsOfStalls(FxRobot robot) throws Exception {
        assertEquals(MainWindow.View.HEALTH, onFx(window::shown));
        assertTrue(robot.lookup(".host-scroll").query().isVisible());
        publishFromBackground(FakeFlow.stalled());
        await(() -> onFx(() -> robot.lookup("#flowTab").queryAs(ToggleButton.class).getText()).equals("Flow · 3 stalled"));
        assertTrue(robot.lookup("#flowTab").query().getPseudoClassStates().contains(Styles.FLOW.of(FlowState.STALLED)));
        // Hidden, the Flow view's cards wait (nothing laid out or painted for them); shown, they are brought up to date.
        assertTrue(onFx(() -> textSet(card(robot, "local-promtail-entries-sent"), ".stage-detail")).contains("waiting for the first reading"));

        click(robot, "#flowTab");
        await(() -> onFx(window::shown) == MainWindow.View.FLOW);
        assertTrue(robot.lookup(".flow-scroll").query().isVisible());
        await(() -> has(card(robot, "local-promtail-entries-sent"), FlowState.STALLED));
        click(robot, "#healthTab");
        await(() -> onFx(window::shown) == MainWindow.View.HEALTH);
        click(robot, "#healthTab"); // clicking the shown view again keeps it
        assertEquals(MainWindow.View.HEALTH, onFx(window::shown));
        assertTrue(robot.lookup(".host-scroll").query().isVisible());
    }

    /**
     * The window as it opens, then the whole Flow view for the README: a second window over the same models, laid
     * out off screen in a scene tall enough for every lane (a real window that tall exceeds the headless screen).
     */
    private void saveFlowPicture() throws Exception {
        Screenshots.save(window.scene(), "flow-window.png");
        Scene tall = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow whole = MainWindow.of(window.model(), window.flow(), Theme.DARK);
            whole.show(MainWindow.View.FLOW);
            Parent root = whole.scene().getRoot();
            whole.scene().setRoot(new Group()); // a root lives in one scene at a time
            Scene probe = new Scene(root, MainWindow.WIDTH, 4000); // lay out once to learn the content's height
            Theme.DARK.applyTo(probe);
            root.applyCss();
            root.layout();
            ScrollPane scroll = (ScrollPane) root.lookup(".flow-scroll");
            double body = scroll.getContent().getLayoutBounds().getHeight();
            double header = root.lookup(".app-header").getLayoutBounds().getHeight();
            probe.setRoot(new Group());
            Scene scene = new Scene(root, MainWindow.WIDTH, Math.ceil(header + body + 2));
            Theme.DARK.applyTo(scene);
            return scene;
        }).get(10, TimeUnit.SECONDS);
        Path shot = Screenshots.save(tall, "flow.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("flow.png"), StandardCopyOption.REPLACE_EXISTING);
        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.applyTo(tall)).get(5, TimeUnit.SECONDS);
        Screenshots.save(tall, "flow-light.png");
    }

    private void publishFromBackground(FlowSnapshot snapshot) throws InterruptedException {
        Thread monitorThread = new Thread(() -> window.flow().publish(snapshot), "fake-flow-monitor");
        monitorThread.start();
        monitorThread.join();
    }

    private static Node card(FxRobot robot, String id) {
        return robot.lookup("#stage-" + id).query();
    }

    private static boolean has(Node node, FlowState state) {
        Node target = node.getStyleClass().contains("stage-item") ? node.lookup(".stage-card") : node;
        return target.getPseudoClassStates().contains(Styles.FLOW.of(state));
    }




}
