package io.nightwatch.ui.dashboard;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthState;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.NotDeployed;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.dashboard.actions.ActionDialog;
import io.nightwatch.ui.dashboard.actions.LogPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window over the real (private) engine, with only Prometheus, Alertmanager and Redis deployed, as issue 18
 * found the night: the profile says Loki, Grafana, the collector and Promtail are not deployed here, so their tiles are
 * grey, nothing is raised about them, and the header does not count them as down. A Redis kill then sorts first with
 * its NEW marker, and its tile restarts it (previewed, journaled, noted on the incident) and shows its log.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class DashboardActionsEngineTest {

    private static final Set<ServiceKind> ABSENT = Set.of(ServiceKind.LOKI, ServiceKind.GRAFANA, ServiceKind.OTEL_COLLECTOR, ServiceKind.PROMTAIL);

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private Path data;
    private Path marks;
    private Stage stage;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        StackProfile base = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        StackProfile profile = base.withNotDeployed(base.services().stream().filter(s -> ABSENT.contains(s.kind()))
                .map(ServiceSpec::id).collect(Collectors.toSet()));
        Map<String, String> env = engine.clientEnv();
        HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        Path dir = Files.createTempDirectory("nightwatch-tile-actions");
        data = dir.resolve("data");
        marks = dir.resolve("config").resolve(NotDeployed.FILE_NAME);
        store = AlertStore.open(dir.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, env, data, Clock.systemUTC()))
                .withNotDeployedFile(marks);
        app.start(stage);
        // the size at which issue 18 found Redis below the fold
        stage.setWidth(1100);
        stage.setHeight(700);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void servicesNotDeployedAreGreyAndQuietAndTheWindowCanMarkOne(FxRobot robot) throws Exception {
        // Nightwatch's own helper (a restore's short-lived container from the service's image, here one that exited):
        // without its label it would be discovered as a Redis and raise ServiceDown; with it, it is never watched.
        String helper = "nightwatch-helper-" + Long.toHexString(System.nanoTime());
        engine.docker("run", "-d", "--name", helper, "--label", "io.nightwatch.helper=true", "--network", "none",
                TestEngine.REDIS, "redis-server", "--version");
        try {
            await(60, () -> tile(robot, "prometheus").getState() == HealthState.UP);
            await(30, () -> tile(robot, "redis").getState() == HealthState.UP && tile(robot, "alertmanager").getState() == HealthState.UP);
            for (String absent : List.of("loki", "grafana", "otel-collector", "promtail")) {
                assertEquals(HealthState.NOT_DEPLOYED, onFx(() -> tile(robot, absent).getState()), absent);
                assertTrue(onFx(() -> tile(robot, absent).getPseudoClassStates().toString()).contains("not_deployed"), absent);
            }
            await(10, () -> app.window().model().summaryProperty().get().contains("4 not deployed"));
            String summary = onFx(() -> app.window().model().summaryProperty().get());
            assertFalse(summary.contains("down"), summary);
            assertEquals("ALL UP", onFx(() -> app.window().model().overallTextProperty().get()), summary);
            // let the flow monitor and the findings go round a few times: nothing about the absent services appears
            // (on the Flow view: a hidden one does not update its cards)
            robot.interact(() -> app.window().show(io.nightwatch.ui.MainWindow.View.FLOW));
            await(60, () -> app.window().flow().lane(io.nightwatch.flow.Pipeline.METRICS).getCards().stream()
                    .anyMatch(c -> c.id().equals("local/prometheus#samples-appended") && c.getFacts().state() == FlowState.FLOWING));
            assertEquals(List.of(), raisedAbout(Set.of("loki", "grafana", "otel-collector", "promtail")), "no alert about a service not deployed");
            assertTrue(app.window().model().getHosts().stream().flatMap(h -> h.getTiles().stream()).noneMatch(t -> t.id().contains(helper)),
                    "the helper is no tile");
            assertEquals(List.of(), raisedAbout(Set.of(helper)), "the helper raises nothing");
            assertTrue(app.window().flow().lane(io.nightwatch.flow.Pipeline.LOGS).getCards().stream()
                    .noneMatch(c -> c.id().startsWith("local/loki") || c.id().startsWith("local/promtail")), "no flow stages of Loki or Promtail");
            robot.interact(() -> app.window().show(io.nightwatch.ui.MainWindow.View.HEALTH));

            // the profile's own: the window cannot undo it
            assertEquals(List.of(DashboardWording.notDeployedByProfile()), onFx(() -> menu("local/loki").stream()
                    .filter(MenuItem::isDisable).map(MenuItem::getText).toList()));
            // the window's mark: grey at once, kept in the file, undone by Watch again
            robot.interact(() -> item("local/alertmanager", "not-deployed").fire());
            await(15, () -> tile(robot, "alertmanager").getState() == HealthState.NOT_DEPLOYED);
            assertTrue(Files.readAllLines(marks).contains("local/alertmanager"));
            assertEquals("not deployed on local (marked in the window)", onFx(() -> tile(robot, "alertmanager").getReason()));
            robot.interact(() -> item("local/alertmanager", "watch-again").fire());
            await(30, () -> tile(robot, "alertmanager").getState() == HealthState.UP);
            assertFalse(Files.readAllLines(marks).contains("local/alertmanager"));
        } finally {
            robot.interact(app::stop);
            engine.docker("rm", "-f", helper);
        }
    }

    @Test
    void aKilledRedisSortsFirstWithItsMarkerAndItsTileRestartsItAndShowsItsLog(FxRobot robot) throws Exception {
        try {
            await(60, () -> tile(robot, "redis").getState() == HealthState.UP && tile(robot, "prometheus").getState() == HealthState.UP);
            await(30, () -> tile(robot, "alertmanager").getState() == HealthState.UP);
            assertEquals("", onFx(() -> tile(robot, "redis").getNewProblem()));

            engine.docker("kill", "sva-studio-redis");
            await(30, () -> tile(robot, "redis").getState() == HealthState.DOWN);
            await(5, () -> firstTileId(robot).equals("tile-local-redis"));
            assertTrue(onFx(() -> tile(robot, "redis").getNewProblem()).startsWith("NEW · "));
            assertTrue(onFx(() -> tile(robot, "redis").getPseudoClassStates().toString()).contains("new-problem"));
            await(30, () -> tile(robot, "prometheus").getMemoryFraction() >= 0);
            save(Screenshots.save(app.window().scene(), "dashboard-problems-first.png"), "dashboard-problems-first.png");

            // the menu as a click opens it (built as it shows, from the tile's state)
            HealthTile redisTile = onFx(() -> tile(robot, "redis"));
            robot.interact(() -> redisTile.getContextMenu().show(redisTile, javafx.geometry.Side.RIGHT, -150, 60));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("Start", "Restart…", "Logs…", "Open runbook: The Redis session store is down or lost its data", "", "Not deployed here"),
                    onFx(() -> redisTile.getContextMenu().getItems().stream().map(i -> i.getText() == null ? "" : i.getText()).toList()));
            BufferedImage menu = transparentSnapshot(redisTile.getContextMenu().getScene().getRoot());
            robot.interact(() -> redisTile.getContextMenu().hide());

            // Restart from the tile's menu: the exact engine calls first, with the grace period the operator sets
            robot.interact(() -> item("local/redis", "restart").fire());
            ActionDialog dialog = onFx(() -> app.tileActions().lastDialog().orElseThrow());
            assertTrue(onFx(dialog::previewText).contains("POST /containers/sva-studio-redis/stop?t=10"), onFx(dialog::previewText));
            robot.interact(() -> dialog.setGrace(3));
            assertTrue(onFx(dialog::previewText).contains("stop?t=3"), onFx(dialog::previewText));
            assertTrue(onFx(dialog::previewText).contains("POST /containers/sva-studio-redis/start"));
            BufferedImage preview = snapshot(dialog.stage().getScene());
            robot.interact(dialog::confirm);
            await(90, () -> dialog.statusText().startsWith("Done") || dialog.statusText().startsWith("Failed"));
            assertTrue(onFx(dialog::statusText).startsWith("Done: redis answers healthy"), onFx(dialog::statusText));
            await(30, () -> tile(robot, "redis").getState() == HealthState.UP);
            try (Stream<Path> runs = Files.walk(data.resolve("runs"), 3)) {
                assertTrue(runs.anyMatch(p -> p.getFileName().toString().contains("service-restart")), "the run is journaled");
            }
            // noted on the incident the crash opened
            try {
                await(15, () -> store.incidents().list().stream().flatMap(i -> store.incidents().events(i.id()).stream())
                        .anyMatch(e -> e.kind() == IncidentEvent.Kind.NOTE && e.text().contains("restart of redis from its tile: succeeded")));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("incidents: " + store.incidents().list() + " events: " + store.incidents().list().stream()
                        .flatMap(i -> store.incidents().events(i.id()).stream()).map(ev -> ev.kind() + " " + ev.text()).toList()
                        + " alerts: " + store.search(AlertQuery.all()).stream().map(a -> a.alertname() + " " + a.service() + " " + a.severity()).toList(), e);
            }
            assertTrue(store.incidents().openFor(IncidentRecorder.STACK).isPresent() || !store.incidents().list().isEmpty());

            // its log: follow, search
            robot.interact(() -> item("local/redis", "logs").fire());
            LogPane log = onFx(() -> app.tileActions().lastLog().orElseThrow());
            try {
                await(30, () -> log.shownLines().stream().anyMatch(l -> l.contains("Ready to accept connections")));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("log: " + onFx(log::statusText) + " " + onFx(log::shownLines), e);
            }
            robot.interact(() -> log.setSearch("ready to accept"));
            List<String> found = onFx(log::shownLines);
            assertFalse(found.isEmpty());
            assertTrue(found.stream().allMatch(l -> l.toLowerCase().contains("ready to accept")), found.toString());
            robot.interact(() -> log.setSearch(""));
            picture(robot, menu, preview, snapshot(log.stage().getScene()));
        } finally {
            robot.interact(app::stop);
            engine.runReferenceServices(); // later tests expect the stack up
        }
    }

    /** The window with the restart preview and the log pane over it: what docs/images/tile-actions.png shows. */
    private void picture(FxRobot robot, BufferedImage menu, BufferedImage preview, BufferedImage log) throws Exception {
        BufferedImage window = snapshot(app.window().scene());
        BufferedImage all = new BufferedImage(window.getWidth(), window.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.drawImage(window, 0, 0, null);
        g.setColor(new Color(0, 0, 0, 110));
        g.fillRect(0, 0, window.getWidth(), window.getHeight());
        int logWidth = Math.min(log.getWidth(), window.getWidth() - 40);
        int logHeight = Math.min(log.getHeight(), 360);
        g.drawImage(log.getSubimage(0, 0, logWidth, logHeight), 20, window.getHeight() - logHeight - 20, null);
        g.drawImage(preview, window.getWidth() - preview.getWidth() - 20, 20, null);
        g.drawImage(menu, 170, 150, null); // where a click on the first tile opens it
        g.dispose();
        Path shot = Path.of(System.getProperty("nightwatch.screenshots", "target/screenshots"), "tile-actions.png");
        Files.createDirectories(shot.getParent());
        ImageIO.write(all, "png", shot.toFile());
        save(shot, "tile-actions.png");
    }

    private static BufferedImage snapshot(Scene scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return SwingFXUtils.fromFXImage(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS), null);
    }

    private static BufferedImage transparentSnapshot(javafx.scene.Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return SwingFXUtils.fromFXImage(WaitForAsyncUtils.asyncFx(() -> node.snapshot(params, null)).get(10, TimeUnit.SECONDS), null);
    }

    private static void save(Path shot, String name) throws Exception {
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> raisedAbout(Set<String> services) {
        return store.search(AlertQuery.all()).stream().filter(a -> services.contains(a.service()))
                .map(a -> a.alertname() + " " + a.service()).toList();
    }

    /** The tile's menu as it would open now (it is built on showing, from the tile's state and the wired actions). */
    private List<MenuItem> menu(String serviceId) {
        ServiceTileModel model = app.window().model().getHosts().stream().flatMap(h -> h.getTiles().stream())
                .filter(t -> t.id().equals(serviceId)).findFirst().orElseThrow();
        return TileMenu.items(model, app.window().model(), app.window().scene().getWindow());
    }

    private MenuItem item(String serviceId, String action) {
        return menu(serviceId).stream().filter(i -> ("tile-action-" + action).equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in the menu of " + serviceId));
    }

    private static String firstTileId(FxRobot robot) {
        return robot.lookup("#host-local .host-tiles").queryAs(javafx.scene.layout.FlowPane.class).getChildren().get(0).getId();
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }
}
