package io.nightwatch.ui.incident;

import io.nightwatch.flow.FlowSettings;
import io.nightwatch.incident.Incidents;
import io.nightwatch.incident.Nights;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.support.Fx;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window's Incidents view over a real alert database holding a recorded night: the incident listed, its
 * timeline with the restore run's steps, a note added, the dashboard attached, a second incident opened and closed
 * from the panel, and the post-mortem exported.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentsWindowTest {

    private static Path dir;
    private MainWindow window;
    private AlertStore store;
    private IncidentsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("nightwatch-incidents-window");
        store = AlertStore.open(dir.resolve("alerts.db"));
        Path runs = Nights.record(store, dir);
        Clock clock = Clock.fixed(FakeStack.NOW, ZoneOffset.UTC);
        DashboardViewModel dashboard = new DashboardViewModel(FakeStack.profile(), clock);
        window = MainWindow.of(dashboard, new FlowViewModel(FakeStack.profile(), FlowSettings.DEFAULT, clock), Theme.DARK);
        model = new IncidentsViewModel(new Incidents(store, runs, Clock.systemUTC()), Clock.systemUTC(), "alice", window::dashboardSnapshot);
        window.offerIncidents(model);
        window.showIn(stage);
        window.show(MainWindow.View.INCIDENTS);
    }

    @Stop
    void stop() {
        window.dispose();
        store.close();
    }

    @Test
    void theNightIsOnTheTimelineAndTheOperatorWorksOnIt(FxRobot robot) throws Exception {
        await(() -> model.detailProperty().get() != null);
        assertEquals("#1 · NightwatchServiceDown on redis (closed)", text(robot, "#incident-title"));
        assertTrue(text(robot, "#incident-facts").contains("recovered in 5 min 5 s"), text(robot, "#incident-facts"));
        ListView<?> timeline = robot.lookup("#incident-timeline").queryAs(ListView.class);
        assertTrue(onFx(() -> timeline.getItems().stream().anyMatch(e -> ((IncidentsViewModel.Entry) e).text().contains("step Stop redis gracefully"))));
        assertTrue(onFx(() -> robot.lookup("#incident-note").queryAs(TextField.class).isDisabled()), "a closed incident takes no notes");
        assertEquals("Incidents", onFx(() -> robot.lookup("#incidentsTab").queryAs(Labeled.class).getText()), "none open");
        Files.copy(Screenshots.save(window.scene(), "incidents.png"), Path.of("docs", "images", "incidents.png"), StandardCopyOption.REPLACE_EXISTING);

        // a new one, from the panel: note, snapshot, export, close
        robot.interact(() -> model.open("Loki ingestion errors"));
        await(() -> model.detailProperty().get() != null && model.detailProperty().get().title().equals("Loki ingestion errors"));
        await(() -> onFx(() -> robot.lookup("#incidentsTab").queryAs(Labeled.class).getText()).equals("Incidents · 1"));
        Fx.click(robot, "#incident-note").write("distributor rejects pushes: rate limit");
        Fx.click(robot, "#incident-add-note");
        await(() -> model.detailProperty().get().timeline().stream().anyMatch(e -> e.kind().equals("note")
                && e.text().equals("alice: distributor rejects pushes: rate limit")));
        Fx.click(robot, "#incident-attach");
        await(() -> model.detailProperty().get().timeline().stream().anyMatch(e -> e.kind().equals("snapshot") && e.attachment()));
        long id = model.detailProperty().get().id();
        Screenshots.save(window.scene(), "incidents-new.png");

        Path html = dir.resolve("loki.html");
        robot.interact(() -> ((IncidentsView) window.scene().lookup(".incidents-view")).setExportTarget(f -> dir.resolve("loki." + f.extension()).toFile()));
        Fx.click(robot, "#incident-export");
        Fx.click(robot, "HTML with charts…");
        await(() -> Files.exists(html));
        String written = Files.readString(html);
        assertTrue(written.contains("Loki ingestion errors") && written.contains("data:image/png;base64,"), "the snapshot is in the HTML");
        assertEquals(IncidentEvent.Kind.SNAPSHOT, store.incidents().events(id).stream()
                .filter(e -> e.attachment().isPresent()).findFirst().orElseThrow().kind());

        robot.interact(() -> model.close("limits raised"));
        await(() -> !model.detailProperty().get().open());
        assertFalse(store.incidents().get(id).orElseThrow().open());
        await(() -> onFx(() -> robot.lookup("#incidentsTab").queryAs(Labeled.class).getText()).equals("Incidents"));
        assertTrue(onFx(() -> robot.lookup("#incident-export").queryAs(MenuButton.class).isDisabled()) == false);
    }



}
