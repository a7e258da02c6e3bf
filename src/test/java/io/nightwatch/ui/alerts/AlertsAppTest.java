package io.nightwatch.ui.alerts;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole app over a temporary history, with the webhook port already taken (as when {@code nightwatch serve}
 * runs): the window opens anyway, says where the webhooks go, and Nightwatch's own findings (an engine that does not
 * answer) still become critical alerts in the Alerts view, counted on its switch and decided as a notice.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsAppTest {

    private ServerSocket taken;
    private AlertStore store;
    private NightwatchApp app;

    @Start
    void start(Stage stage) throws IOException {
        taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        store = AlertStore.open(Files.createTempDirectory("nightwatch-alerts-app").resolve("alerts.db"));
        DockerHostSpec nowhere = new DockerHostSpec("local", Optional.of("tcp://127.0.0.1:9"), Optional.of(false), Optional.empty());
        StackProfile profile = new StackProfile(List.of(nowhere),
                List.of(ServiceDefaults.forKind(ServiceKind.GRAFANA, nowhere, "grafana", "grafana-nowhere", 9),
                        ServiceDefaults.forKind(ServiceKind.LOKI, nowhere, "loki", "loki-nowhere", 9)),
                Duration.ofSeconds(2), Duration.ofMillis(500), "test profile");
        HealthMonitor health = new HealthMonitor(profile, System.getenv(), Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(health, FlowSettings.DEFAULT, System.getenv(), Clock.systemDefaultZone());
        app = new NightwatchApp(health, flow, store,
                AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort()))));
        app.start(stage);
    }

    @Stop
    void stop() throws IOException {
        app.stop();
        store.close();
        taken.close();
    }

    @Test
    void aTakenPortIsABannerAndFindingsStillArrive(FxRobot robot) throws Exception {
        robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
        await(5, () -> robot.lookup("#alerts-banner").query().isVisible());
        String banner = text(robot, ".alerts-banner-text");
        assertTrue(banner.startsWith("webhooks go elsewhere: 127.0.0.1:" + taken.getLocalPort()
                + " is in use (is `nightwatch serve` running?)"), banner);
        assertTrue(app.alertService().receiverPort().isEmpty());

        await(30, () -> app.window().alerts().getRows().stream().anyMatch(r -> r.alertname().equals("NightwatchEngineUnreachable")));
        await(5, () -> text(robot, "#alertsTab").equals("Alerts · 1 critical"));
        assertEquals("1 CRITICAL", text(robot, "#view-badge"));
        await(5, () -> app.window().alerts().getNotices().stream()
                .anyMatch(n -> n.title().equals("CRITICAL: NightwatchEngineUnreachable")));
        Screenshots.save(app.window().scene(), "alerts-receiver-elsewhere.png");
    }



}
