package io.nightwatch.ui.dashboard;

import io.nightwatch.ui.controls.Styles;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.FakeFlow;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.controls.Sparkline;
import io.nightwatch.ui.flow.FlowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.textSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window over hand-built snapshots pushed through the real FxBridge: no engine needed. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock clock = Clock.fixed(FakeStack.NOW, ZoneOffset.UTC);
        DashboardViewModel model = new DashboardViewModel(FakeStack.profile(), clock);
        window = MainWindow.of(model, new FlowViewModel(FakeStack.profile(), FlowSettings.DEFAULT, clock), Theme.DARK);
        window.showIn(stage);
    }

    @Stop
    void stop() {
        window.dispose();
    }

    @Test
    void tilesAppearAndFollowNewSnapshotsInPlace(FxRobot robot) throws Exception {
        assertEquals("Nightwatch", stage.getTitle());
        // Before any snapshot the profile already lays out one waiting tile per service.
        assertEquals(9, robot.lookup(".health-tile").queryAll().size());
        assertEquals("waiting for the first check", onFx(() -> tile(robot, "local-redis").getReason()));

        publishFromBackground(FakeStack.first());
        await(() -> tile(robot, "local-redis").getState() == HealthState.UP);
        HealthTile redis = tile(robot, "local-redis");
        assertTrue(textSet(redis, ".tile-reason").contains("up 5 h, PONG in 1 ms"), textSet(redis, ".tile-reason").toString());
        assertTrue(textSet(redis, ".tile-state").contains("UP"));
        assertTrue(textSet(redis, ".tile-probe").contains("direct · < 10 ms"));
        assertTrue(textSet(redis, ".tile-findings").stream().anyMatch(t -> t.contains("no memory limit")));
        assertTrue(redis.getPseudoClassStates().contains(Styles.HEALTH.of(HealthState.UP)));
        assertTrue(textSet(tile(robot, "local-prometheus"), ".tile-probe").contains("exec in container · 40 ms"));
        assertEquals("DOWN", onFx(() -> window.model().overallTextProperty().get()));

        publishFromBackground(FakeStack.redisKilled());
        await(() -> tile(robot, "local-redis").getState() == HealthState.DOWN);
        assertSame(redis, tile(robot, "local-redis"), "the tile is updated in place, not rebuilt");
        assertTrue(redis.getPseudoClassStates().contains(Styles.HEALTH.of(HealthState.DOWN)));
        assertTrue(!redis.getPseudoClassStates().contains(Styles.HEALTH.of(HealthState.UP)));
        assertTrue(textSet(redis, ".tile-state").contains("DOWN"));
        assertTrue(textSet(redis, ".tile-reason").contains("exited (code 137) 2 s ago"));
        assertEquals(9, robot.lookup(".health-tile").queryAll().size());

        // Flow figures join the tiles by service id: the headline sparkline and the error lines.
        Thread flowThread = new Thread(() -> window.model().publishFlow(FakeFlow.stalled()), "fake-flow-monitor");
        flowThread.start();
        flowThread.join();
        await(() -> tile(robot, "local-promtail").getTrend() != null);
        Sparkline promtailLine = (Sparkline) tile(robot, "local-promtail").lookup(".sparkline");
        assertEquals(FlowState.STALLED, onFx(promtailLine::getState));
        assertEquals(FakeFlow.POINTS, onFx(() -> promtailLine.getSeries().size()));
        assertTrue(textSet(tile(robot, "local-promtail"), ".tile-trend-value").contains("STALLED"));
        assertTrue(textSet(tile(robot, "local-prometheus"), ".tile-trend-value").contains("2.4k samples/s"),
                textSet(tile(robot, "local-prometheus"), ".tile-trend-value").toString());
        assertEquals("3 error lines/min", onFx(() -> tile(robot, "local-loki").getErrorSummary()));
        assertEquals(FakeFlow.LOKI_ERRORS, onFx(() -> List.copyOf(tile(robot, "local-loki").getErrorLines())));
        assertEquals("no error lines", onFx(() -> tile(robot, "local-redis").getErrorSummary()));
        assertNull(onFx(() -> tile(robot, "local-grafana").getTrend()), "grafana has no headline stage");

        // The backup line: the newest verified set of each stateful service against the 24 h RPO.
        Instant now = Instant.now();
        window.model().publishBackups(new io.nightwatch.runbook.backup.BackupAges(java.util.Map.of(
                "prometheus", java.util.Optional.of(now.minus(java.time.Duration.ofHours(3))),
                "redis", java.util.Optional.empty(),
                "alertmanager", java.util.Optional.of(now.minus(java.time.Duration.ofHours(30)))), java.time.Duration.ofHours(24), now));
        await(() -> !tile(robot, "local-redis").getBackupSummary().isEmpty());
        assertEquals("3 h ago · RPO 24 h", onFx(() -> tile(robot, "local-prometheus").getBackupSummary()));
        assertEquals("none verified · RPO 24 h", onFx(() -> tile(robot, "local-redis").getBackupSummary()));
        assertEquals("30 h ago > RPO 24 h", onFx(() -> tile(robot, "local-alertmanager").getBackupSummary()));
        assertTrue(onFx(() -> tile(robot, "local-alertmanager").isBackupOverdue()));
        assertTrue(onFx(() -> tile(robot, "local-alertmanager").lookup(".tile-backup").getPseudoClassStates().toString()).contains("overdue"));
        assertEquals("no data to back up", onFx(() -> tile(robot, "local-promtail").getBackupSummary()));

        Screenshots.save(window.scene(), "dashboard-fake.png");

        // The local engine is a Swarm manager: its services and their tasks below the tiles.
        assertEquals(List.of("sva-studio_prometheus", "sva-studio_loki"), onFx(() -> robot.lookup(".swarm-name").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList()));
        javafx.scene.Node loki = robot.lookup("#swarm-sva-studio_loki").query();
        assertTrue(onFx(() -> loki.getPseudoClassStates().contains(Styles.HEALTH.of(HealthState.DOWN))), "a paused update is DOWN");
        assertTrue(textSet(loki.getParent(), ".swarm-update").iterator().next().startsWith("paused: update paused due to failure"));
        assertEquals(List.of("1/2 running", "rollback → grafana/loki:2.9.6"),
                List.of(textSet(loki, ".swarm-replicas").iterator().next(), textSet(loki, ".swarm-rollback").iterator().next()));
        assertTrue(textSet(loki.getParent(), ".swarm-tasks").iterator().next().contains(".1 running (grafana/loki:2.9.6) · .2 failed — task: non-zero exit (1)"),
                textSet(loki.getParent(), ".swarm-tasks").toString());
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".host-scroll").query()).setVvalue(0.55));
        Screenshots.save(window.scene(), "dashboard-swarm.png");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".host-scroll").query()).setVvalue(0));
        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.applyTo(window.scene())).get(5, TimeUnit.SECONDS);
        Screenshots.save(window.scene(), "dashboard-fake-light.png");
    }

    @Test
    void anUnreachableEngineShowsItsBannerWithTheAddressTried(FxRobot robot) throws Exception {
        publishFromBackground(FakeStack.first());
        await(() -> robot.lookup("#host-edge .engine-banner").query().isVisible());
        Node banner = robot.lookup("#host-edge .engine-banner").query();
        assertTrue(textSet(banner, ".engine-banner-title").contains("engine unreachable at " + FakeStack.EDGE_ADDRESS_SHOWN),
                textSet(banner, ".engine-banner-title").toString());
        assertTrue(textSet(banner, ".engine-banner-detail").contains("connect timed out after 3 s"));
        assertTrue(!robot.lookup("#host-local .engine-banner").query().isVisible(), "a reachable engine has no banner");
        assertTrue(textSet(robot.lookup("#host-local").query(), ".host-engine").contains("Docker 27.5.1 · API 1.47"));

        robot.interact(() -> robot.lookup(".host-scroll").queryAs(ScrollPane.class).setVvalue(1));
        Screenshots.save(window.scene(), "dashboard-fake-edge.png");
    }

    @Test
    void aBurstOfSnapshotsEndsOnTheNewest(FxRobot robot) throws Exception {
        Thread burst = new Thread(() -> {
            for (int i = 0; i < 500; i++) window.model().publish(i % 2 == 0 ? FakeStack.redisKilled() : FakeStack.first());
            window.model().publish(FakeStack.redisKilled());
        });
        burst.start();
        burst.join();
        await(() -> tile(robot, "local-redis").getState() == HealthState.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HealthState.DOWN, onFx(() -> tile(robot, "local-redis").getState()));
    }

    private void publishFromBackground(io.nightwatch.health.HealthSnapshot snapshot) throws InterruptedException {
        Thread monitorThread = new Thread(() -> window.model().publish(snapshot), "fake-monitor");
        monitorThread.start();
        monitorThread.join();
    }

    private static HealthTile tile(FxRobot robot, String id) {
        return robot.lookup("#tile-" + id).queryAs(HealthTile.class);
    }



}
