package io.nightwatch.ui;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthState;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.alerts.AlertRow;
import io.nightwatch.ui.controls.Sparkline;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, the real monitors, the real (private) Docker engine, and the real alert service over a temporary
 * history with its receiver on a free port: a killed Redis turns its tile DOWN and becomes a critical alert with its
 * runbook step, counted on the Alerts switch and decided as a desktop notice.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class MainWindowEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        HealthMonitor monitor = new HealthMonitor(profile, engine.clientEnv(), Clock.systemDefaultZone());
        // reads every 5 s (the default is 15 s) so the sparklines below get their points in seconds
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(new io.nightwatch.stack.FlowOptions(java.time.Duration.ofSeconds(5),
                profile.flow().window(), profile.flow().history(), false)), System.getenv(), Clock.systemDefaultZone());
        store = AlertStore.open(Files.createTempDirectory("nightwatch-engine-alerts").resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store,
                AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void showsTheStackAndNoticesAKilledRedis(FxRobot robot) throws Exception {
        try {
            await(60, () -> tile(robot, "prometheus").getState() == HealthState.UP);
            await(30, () -> tile(robot, "redis").getState() == HealthState.UP);
            assertEquals("direct", onFx(() -> tile(robot, "prometheus").getTransport()));

            engine.docker("kill", "sva-studio-redis");
            await(30, () -> tile(robot, "redis").getState() == HealthState.DOWN);
            assertTrue(onFx(() -> tile(robot, "redis").getReason()).startsWith("exited"),
                    onFx(() -> tile(robot, "redis").getReason()));
            // Let the other tiles settle, memory figures included, before the picture is taken.
            await(30, () -> tile(robot, "alertmanager").getState() == HealthState.UP);
            await(30, () -> tile(robot, "prometheus").getMemoryFraction() >= 0);
            // The flow monitor reads every 5 s: wait for a few real points on Prometheus' sparkline.
            await(60, () -> sparklinePoints(tile(robot, "prometheus")) >= 3);
            assertTrue(onFx(() -> tile(robot, "prometheus").getErrorSummary()).contains("error line"),
                    "the container's log is followed: " + onFx(() -> tile(robot, "prometheus").getErrorSummary()));

            Path shot = Screenshots.save(app.window().scene(), "dashboard.png");
            Path docs = Path.of("docs", "images");
            Files.createDirectories(docs);
            Files.copy(shot, docs.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

            // The same stack on the Flow view: real Prometheus samples and Redis figures.
            robot.interact(() -> app.window().show(MainWindow.View.FLOW));
            await(30, () -> app.window().flow().lane(Pipeline.METRICS).getCards().stream()
                    .anyMatch(c -> c.id().equals("local/prometheus#samples-appended") && c.getFacts().state() == FlowState.FLOWING));
            Screenshots.save(app.window().scene(), "flow-engine.png");

            // The same kill in the alert history: Nightwatch's own finding, critical, with its runbook step.
            robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
            await(30, () -> app.window().alerts().getRows().stream().anyMatch(MainWindowEngineTest::redisDown));
            assertTrue(onFx(() -> robot.lookup("#alertsTab").queryAs(Labeled.class).getText()).matches("Alerts · \\d+ critical"));
            // decided as desktop notices: one per new outage, Redis' own among them (issue 18); only critical findings pop up
            await(10, () -> app.window().alerts().getNotices().stream().anyMatch(n -> n.title().equals("CRITICAL: NightwatchServiceDown (redis)")));
            List<String> notices = onFx(() -> app.window().alerts().getNotices().stream().map(n -> n.title()).toList());
            assertTrue(notices.stream().allMatch(t -> t.startsWith("CRITICAL: Nightwatch") || t.matches("and \\d+ more critical outages?")),
                    notices.toString());
            long id = onFx(() -> app.window().alerts().getRows().stream().filter(MainWindowEngineTest::redisDown).findFirst().orElseThrow().id());
            robot.interact(() -> app.window().alerts().select(id));
            await(10, () -> app.window().alerts().detailProperty().get() != null
                    && app.window().alerts().detailProperty().get().hint().orElse("").contains("nightwatch restore SET --service redis"));
            // and a webhook, received on the window's own port
            int port = app.alertService().receiverPort().orElseThrow();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":"
                                    + "\"EngineTestWebhook\",\"severity\":\"warning\",\"component\":\"loki\"},\"startsAt\":\""
                                    + java.time.Instant.now() + "\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            await(10, () -> app.window().alerts().getRows().stream().anyMatch(r -> r.alertname().equals("EngineTestWebhook")));
            Screenshots.save(app.window().scene(), "alerts-engine.png");
        } finally {
            // Stop watching before the stack is recreated: its flurry of engine events would only race the close.
            robot.interact(app::stop);
            engine.runReferenceServices(); // later tests expect the stack up
        }
    }


    private static boolean redisDown(AlertRow r) {
        return r.alertname().equals("NightwatchServiceDown") && r.service().equals("redis") && r.state() == AlertState.FIRING;
    }

    private static int sparklinePoints(HealthTile tile) {
        return tile.lookup(".sparkline") instanceof Sparkline line ? line.getSeries().size() : 0;
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }


}
