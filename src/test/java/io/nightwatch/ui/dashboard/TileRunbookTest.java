package io.nightwatch.ui.dashboard;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.FakeFlow;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.wizard.launch.RunbookOpener;
import javafx.geometry.Side;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tile's "Open runbook" entry over hand-built snapshots, no engine: offered when DOWN or STALLED, and what it opens. */
@ExtendWith(ApplicationExtension.class)
class TileRunbookTest {

    /** What the window's launcher would be asked to open. */
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Clock clock = Clock.fixed(FakeStack.NOW, ZoneOffset.UTC);
        window = MainWindow.of(new DashboardViewModel(FakeStack.profile(), clock),
                new FlowViewModel(FakeStack.profile(), FlowSettings.DEFAULT, clock), Theme.DARK);
        window.showIn(stage);
    }

    @Stop
    void stop() {
        window.dispose();
    }

    @Test
    void aDownOrStalledTileOffersItsScenarioAndOpensItWithServiceAndHost(FxRobot robot) throws Exception {
        window.model().publish(FakeStack.redisKilled());
        window.model().publishFlow(FakeFlow.stalled());
        await(() -> tile(robot, "redis").getState() == HealthState.DOWN);
        assertEquals("Open runbook: none fits this state", item(robot, "redis").getText(), "no runbooks offered: nothing to open");

        robot.interact(() -> window.model().runbookOpenerProperty().set(new RunbookOpener() {
            @Override
            public void openRunbook(String scenarioId, String service, String host, Window owner) {
                opened.add(scenarioId + " " + service + " " + host);
            }

            @Override
            public Optional<Scenario> scenarioFor(String service, String host, HealthState health, FlowState flow) {
                return FakeStack.profile().services().stream().filter(s -> s.name().equals(service) && s.host().equals(host)).findFirst()
                        .flatMap(s -> RunbookOpener.forState(s.kind().id(), health, flow));
            }
        }));
        MenuItem redis = item(robot, "redis");
        assertEquals("Open runbook: The Redis session store is down or lost its data", redis.getText());
        robot.interact(redis::fire);
        assertEquals(List.of("redis-down redis local"), opened);

        await(() -> tile(robot, "promtail").lookup(".sparkline") != null);
        assertEquals("Open runbook: Promtail is ready but ships nothing", item(robot, "promtail").getText());
        MenuItem grafana = item(robot, "grafana");
        assertEquals("Open runbook: none fits this state", grafana.getText());
        assertTrue(grafana.isDisable());
    }

    /** The tile's entry as the menu shows it when it opens. */
    private static MenuItem item(FxRobot robot, String service) throws Exception {
        HealthTile tile = tile(robot, service);
        robot.interact(() -> tile.getContextMenu().show(tile, Side.BOTTOM, 0, 0));
        MenuItem item = onFx(() -> tile.getContextMenu().getItems().stream().filter(i -> TileRunbook.ITEM_ID.equals(i.getId())).findFirst().orElseThrow());
        robot.interact(tile.getContextMenu()::hide);
        return item;
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }
}
