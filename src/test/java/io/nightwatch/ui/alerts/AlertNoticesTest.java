package io.nightwatch.ui.alerts;

import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.store.AlertStore;
import io.nightwatch.ui.FakeAlerts;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.support.Fx;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real alert service with its webhook receiver on a free port: a critical alert POSTed to it becomes a notice the
 * view model decides to show (once, rate-limited by the core), a warning does not, and nothing does while muted. The
 * notice also reaches the screen as a ControlsFX notification, which opens the alert when clicked.
 */
@ExtendWith(ApplicationExtension.class)
class AlertNoticesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Stage stage;
    private AlertStore store;
    private AlertService service;
    private AlertsViewModel model;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 640, 400);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (model != null) onFx(() -> { model.dispose(); return null; });
        if (service != null) service.close();
        if (store != null) store.close();
    }

    @Test
    void aNewCriticalAlertIsANoticeAWarningIsNotAndMutedIsSilent(FxRobot robot) throws Exception {
        store = AlertStore.open(dir.resolve("alerts.db"));
        service = new AlertService(FakeAlerts.withoutSources(), store,
                AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))), Clock.systemUTC());
        model = onFx(() -> new AlertsViewModel(service, new AlertNotifier(Clock.systemUTC()), Clock.systemUTC(), "tester"));
        service.start(Optional.empty(), Optional.empty());
        int port = service.receiverPort().orElseThrow();

        post(port, "/alerts/critical", "LokiDown", "critical", "loki");
        await(() -> model.getNotices().size() == 1);
        AlertNotifier.Notice notice = onFx(() -> model.getNotices().get(0));
        assertEquals("CRITICAL: LokiDown (loki)", notice.title());
        assertEquals("LokiDown from the test", notice.text());
        long id = notice.alertId().orElseThrow();
        assertEquals("LokiDown", store.get(id).orElseThrow().alertname());
        await(() -> model.getRows().size() == 1); // the history was read again, without asking

        post(port, "/alerts/warning", "ContainerMemoryHigh", "warning", "grafana");
        await(() -> model.getRows().size() == 2);
        assertEquals(1, onFx(() -> model.getNotices().size()), "warnings do not pop up");

        onFx(() -> { model.mutedProperty().set(true); return null; });
        post(port, "/alerts/critical", "PrometheusDown", "critical", "prometheus");
        await(() -> model.getRows().size() == 3);
        assertEquals(1, onFx(() -> model.getNotices().size()), "muted: recorded, not shown");

        onFx(() -> { model.mutedProperty().set(false); return null; });
        post(port, "/alerts/critical", "GrafanaDown", "critical", "grafana");
        await(() -> model.getNotices().size() == 2);
        assertEquals("CRITICAL: GrafanaDown (grafana)", onFx(() -> model.getNotices().get(1).title()));
        await(() -> model.criticalFiringProperty().get() == 3);
    }

    @Test
    void aNoticeShowsOverTheWindowAndOpensItsAlert(FxRobot robot) throws Exception {
        AtomicLong opened = new AtomicLong(-1);
        AlertNotifier.Notice notice = new AlertNotifier.Notice("CRITICAL: NightwatchServiceDown (redis)", "redis is down", Optional.of(42L));
        robot.interact(() -> DesktopNotices.show(notice, stage, opened::set));
        await(() -> popup() != null);
        Node bar = onFx(() -> popup().getScene().getRoot().lookup(".notification-bar"));
        assertTrue(bar.getStyleClass().contains("nightwatch-notice"));
        io.nightwatch.ui.Screenshots.save(popup().getScene(), "alerts-notice.png");
        Fx.click(robot, bar);
        await(() -> opened.get() == 42L);
        DesktopNotices.show(notice, null, opened::set); // no window: nothing, and no failure
        AlertNotifier.Notice summary = new AlertNotifier.Notice("and 2 more critical alerts", "see the alert history", Optional.empty());
        robot.interact(() -> DesktopNotices.show(summary, stage, opened::set));
        // the first notice may still be fading out in the same popup: click the summary's own bar
        await(() -> bar("and 2 more critical alerts") != null);
        Fx.click(robot, onFx(() -> bar("and 2 more critical alerts")));
        await(() -> opened.get() == -1L); // the alert view, without a particular alert
    }

    private static PopupWindow popup() {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow p && p.isShowing()
                && p.getScene().getRoot().lookup(".notification-bar") != null).map(w -> (PopupWindow) w).findFirst().orElse(null);
    }

    /** The showing notification bar whose title is {@code title}, or null. */
    private static Node bar(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow p && p.isShowing())
                .flatMap(w -> w.getScene().getRoot().lookupAll(".notification-bar").stream())
                .filter(b -> b.lookupAll(".label").stream()
                        .anyMatch(l -> l instanceof javafx.scene.control.Label label && title.equals(label.getText())))
                .findFirst().orElse(null);
    }

    private void post(int port, String path, String alertname, String severity, String component) throws Exception {
        String body = "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"nightwatch\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"" + severity + "\",\"component\":\"" + component + "\"},"
                + "\"annotations\":{\"summary\":\"" + alertname + " from the test\"},\"startsAt\":\"" + Instant.now().minusSeconds(5) + "\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus:9090/graph\"}]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }


}
