package io.nightwatch.ui.dashboard.compact;

import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.text.Language;
import io.nightwatch.ui.FleetFixture;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.support.Fx;
import javafx.css.PseudoClass;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet of 20 hosts × 10 services in the real window, fed by hand-built snapshots (no engine): it opens compact, a
 * cell per service, the hosts with problems first, folding works, and the tiles are one click away. In German.
 */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {


    private MainWindow window;
    private DashboardViewModel model;

    @Start
    void start(Stage stage) {
        Language.use(Language.DE);
        Clock clock = Clock.fixed(FleetFixture.START, ZoneOffset.UTC);
        StackProfile profile = FleetFixture.profile();
        model = new DashboardViewModel(profile, clock);
        window = MainWindow.of(model, new FlowViewModel(profile, FlowSettings.DEFAULT, clock), Theme.DARK);
        window.showIn(stage);
    }

    @Stop
    void stop() {
        window.dispose();
    }

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void theWholeFleetAtOnceProblemsFirst(FxRobot robot) throws Exception {
        StackProfile profile = FleetFixture.profile();
        Thread poller = new Thread(() -> model.publish(FleetFixture.snapshot(profile, 0)), "fake-health-monitor");
        poller.start();
        poller.join();
        await(() -> robot.lookup("#cell-host-07-redis").tryQuery().map(n -> n.getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("down"))).orElse(false));

        assertEquals(200, robot.lookup(".fleet-cell").queryAll().size(), "a cell per service");
        assertEquals(0, robot.lookup(".health-tile").queryAll().size(), "the tiles are not built while compact");
        assertTrue(onFx(() -> robot.lookup("#density-compact").queryAs(ToggleButton.class).isSelected()));
        assertEquals("Kompakt", onFx(() -> robot.lookup("#density-compact").queryAs(Labeled.class).getText()));
        FleetView fleet = robot.lookup("#fleet-view").queryAs(FleetView.class);
        List<String> order = onFx(fleet::hostOrder);
        assertEquals(List.of("host-07", "host-13", "host-01"), order.subList(0, 3), "problems first, then profile order");
        String tip = onFx(() -> robot.lookup("#cell-host-07-redis").queryAs(Labeled.class).getTooltip().getText());
        assertTrue(tip.contains("ausgefallen") && tip.contains("exited (code 137)"), tip);
        assertEquals("1 zu prüfen", onFx(() -> ((Labeled) robot.lookup("#fleet-host-host-07").queryAs(HostRow.class)
                .lookup(".fleet-host-problems")).getText()));

        // fold a host that is well: its cells go, its line stays
        Fx.click(robot, "#fleet-fold-host-01");
        await(() -> !robot.lookup("#cell-host-01-redis").queryAs(Labeled.class).getParent().isVisible());
        assertTrue(onFx(() -> robot.lookup("#fleet-host-host-01").queryAs(HostRow.class).isVisible()));

        Path shot = Screenshots.save(window.scene(), "fleet-compact-de.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("fleet-compact-de.png"), StandardCopyOption.REPLACE_EXISTING);

        // the tiles, one click away, over the same model
        Fx.click(robot, "#density-tiles");
        await(() -> robot.lookup(".health-tile").queryAll().size() == 200);
        assertFalse(onFx(() -> fleet.getScene() != null), "the compact view leaves the scene while tiles are shown");
    }

}
