package io.nightwatch.ui.alerts;

import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.ui.FakeAlerts;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.controls.AlertTimeline;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.support.Fx;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window on its Alerts view over a real alert store (filled through {@code recordAll}) and a real
 * {@link AlertService} whose Alertmanager is a fake on a local port: rows, filters, the timeline, the detail with its
 * runbook step, acknowledging with a note, and silences made, marked and expired from the console.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsWindowTest {

    private static final Clock CLOCK = Clock.fixed(FakeStack.NOW, ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private AlertStore store;
    private FakeAlertmanager alertmanager;
    private AlertService service;
    private FakeAlerts.Ids ids;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        store = AlertStore.open(Files.createTempDirectory(dir, "history").resolve("alerts.db"), CLOCK);
        ids = FakeAlerts.fill(store);
        alertmanager = new FakeAlertmanager(FakeStack.NOW);
        service = new AlertService(FakeAlerts.profile(alertmanager.port()), store,
                AlertSettings.defaults().withListen(Optional.empty()), CLOCK); // not started: nothing polls, nothing listens
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
        alertmanager.close();
    }

    @Test
    void rowsFiltersAndTheSelectedAlertsDetail(FxRobot robot) throws Exception {
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);
        assertTrue(robot.lookup(".alerts-pane").query().isVisible());
        assertEquals("Alerts · 2 critical", text(robot, "#alertsTab"), "the switch counts what needs a human: promtail's is acknowledged");
        assertEquals("2 CRITICAL", text(robot, "#view-badge"), "the view's own badge");
        assertEquals("5 firing · 1 acknowledged · 1 pending · 1 suppressed", text(robot, ".app-summary"));
        assertTrue(rows().stream().anyMatch(r -> r.alertname().equals("NightwatchEngineUnreachable")),
                "an alert open since before the range is part of it");
        AlertRow loki = row(ids.lokiMemory());
        assertEquals("prometheus + webhook", loki.sources(), "who reported it first, then who else");
        assertEquals("70 min", loki.duration());
        assertEquals(Optional.of("alice"), row(ids.promtailOom()).ackBy());
        assertEquals(Set.of("critical", "alice"), cellTexts(robot, ids.promtailOom()).stream()
                .filter(t -> t.equals("critical") || t.equals("alice")).collect(Collectors.toSet()), "icon and word in the row");

        // the timeline draws every alert of the range, critical ones first
        AlertTimeline timeline = robot.lookup("#alert-timeline").queryAs(AlertTimeline.class);
        await(() -> timeline.getLayout().placed().size() == FakeAlerts.IN_LAST_DAY);
        assertEquals(0, onFx(() -> timeline.getLayout().hidden()));

        // severity
        robot.interact(() -> combo(robot, "#severity-filter").setValue("critical"));
        await(() -> rows().size() == 7 && rows().stream().allMatch(r -> r.severity().equals("critical")));
        // and state
        robot.interact(() -> combo(robot, "#state-filter").setValue(StateFilter.FIRING));
        await(() -> rows().size() == FakeAlerts.CRITICAL_FIRING && rows().stream().allMatch(r -> r.state() == AlertState.FIRING));
        robot.interact(() -> {
            combo(robot, "#severity-filter").setValue("");
            combo(robot, "#state-filter").setValue(StateFilter.RESOLVED);
        });
        await(() -> rows().size() == 5 && rows().stream().noneMatch(AlertRow::open));
        robot.interact(() -> combo(robot, "#state-filter").setValue(StateFilter.ANY));
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);

        // free text, typed: prefixes match while typing
        Fx.click(robot, "#alert-search").write("promt");
        await(() -> rows().size() == 3 && rows().stream().allMatch(r -> r.service().equals("promtail")));
        robot.interact(() -> robot.lookup("#alert-search").queryAs(TextField.class).clear());
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);

        // the range
        Fx.click(robot, "#range-7d");
        await(() -> rows().size() == FakeAlerts.IN_LAST_WEEK);
        Fx.click(robot, "#range-24h");
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);

        // selecting a row shows everything about it, with the runbook step
        select(robot, ids.redisDown());
        await(() -> detailShows(robot, "NightwatchServiceDown"));
        Node detail = robot.lookup("#alert-detail").query();
        Set<String> texts = texts(detail);
        assertTrue(texts.containsAll(List.of("alertname", "severity", "service", "redis", "host", "local", "component")), texts.toString());
        assertTrue(texts.containsAll(List.of("summary", "redis is down", "description", "exited (code 137) 2 s ago")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("nightwatch restore SET --service redis")), "the runbook step: " + texts);
        assertTrue(texts.contains("FIRING for 4 min · critical · redis"), texts.toString());
        assertTrue(texts.contains("Not acknowledged yet."));
        assertEquals(ids.redisDown(), onFx(timeline::getSelectedId), "the timeline marks the selected alert");

        // a resolved one: its state changes
        select(robot, ids.grafanaDown());
        await(() -> detailShows(robot, "GrafanaDown"));
        Set<String> grafana = texts(robot.lookup("#alert-detail").query());
        assertTrue(grafana.stream().anyMatch(t -> t.endsWith("began FIRING (webhook)")), grafana.toString());
        assertTrue(grafana.stream().anyMatch(t -> t.endsWith("FIRING → RESOLVED (webhook)")), grafana.toString());
        assertTrue(grafana.contains("RESOLVED after 20 min · critical · grafana"), grafana.toString());

        // the picture for the README: Loki's memory alert, with its rule link and two sources
        select(robot, ids.lokiMemory());
        await(() -> detailShows(robot, "ContainerMemoryHigh"));
        await(() -> robot.lookup(".silences-table").queryAs(TableView.class).getItems().size() == 1);
        Path shot = Screenshots.save(window.scene(), "alerts.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("alerts.png"), StandardCopyOption.REPLACE_EXISTING);
        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.applyTo(window.scene())).get(5, TimeUnit.SECONDS);
        Screenshots.save(window.scene(), "alerts-light.png");
        WaitForAsyncUtils.asyncFx(() -> Theme.DARK.applyTo(window.scene())).get(5, TimeUnit.SECONDS);
    }

    @Test
    void acknowledgingStoresTheNoteWithWhoAndWhen(FxRobot robot) throws Exception {
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);
        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> detailShows(robot, "NightwatchServiceDown"));
        Fx.click(robot, "#acknowledge-button");
        await(() -> dialog("Acknowledge NightwatchServiceDown") != null);
        Scene dialog = dialog("Acknowledge NightwatchServiceDown");
        assertTrue(texts(dialog.getRoot()).stream().anyMatch(t -> t.contains("(tester)")), "who acknowledges is said");
        Screenshots.save(dialog, "alerts-acknowledge.png");
        Fx.click(robot, dialog.getRoot().lookup("#note")).write("restoring from last night's set");
        Fx.click(robot, button(dialog, "Acknowledge"));

        await(() -> store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).isPresent());
        var ack = store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).orElseThrow();
        assertEquals("tester", ack.who());
        assertEquals("restoring from last night's set", ack.note());
        assertEquals(FakeStack.NOW, ack.at());
        await(() -> texts(robot.lookup("#alert-detail").query()).stream()
                .anyMatch(t -> t.startsWith("Acknowledged by tester at 2025-03-14 03:12:45") && t.endsWith(": restoring from last night's set")));
        await(() -> row(ids.redisDown()).ackBy().equals(Optional.of("tester")));
        assertTrue(text(robot, "#alerts-status").startsWith("Acknowledged NightwatchServiceDown (redis) as tester"));
    }

    @Test
    void silencesAreMadeFromTheSelectedAlertMarkedAndExpired(FxRobot robot) throws Exception {
        await(() -> rows().size() == FakeAlerts.IN_LAST_DAY);
        TableView<?> silences = robot.lookup(".silences-table").queryAs(TableView.class);
        await(() -> silences.getItems().size() == 1);
        assertEquals("elsewhere", onFx(() -> window.alerts().getSilences().get(0).byNightwatch() ? "nightwatch" : "elsewhere"));

        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> detailShows(robot, "NightwatchServiceDown"));
        Fx.click(robot, "#silence-button");
        await(() -> dialog("Silence NightwatchServiceDown") != null);
        Scene dialog = dialog("Silence NightwatchServiceDown");
        // prefilled: alertname and the identifying labels, never severity
        List<String> matchers = onFx(() -> dialog.getRoot().lookupAll(".matcher-row").stream()
                .map(row -> ((TextField) row.lookup(".matcher-name")).getText() + "=" + ((TextField) row.lookup(".matcher-value")).getText())
                .toList());
        assertEquals(List.of("alertname=NightwatchServiceDown", "service=redis", "component=redis", "host=local"), matchers);
        Node silence = button(dialog, "Silence");
        assertTrue(silence.isDisabled(), "a comment is required");
        assertTrue(texts(dialog.getRoot()).contains("say why in the comment (it stays with the silence)"));

        // drop "host", choose 4 h, say why
        Node hostRow = dialog.getRoot().lookupAll(".matcher-row").stream().toList().get(3);
        Fx.click(robot, hostRow.lookup(".matcher-remove"));
        Fx.click(robot, dialog.getRoot().lookup("#duration-4h"));
        Fx.click(robot, dialog.getRoot().lookup("#comment")).write("restoring redis, see OPS-1413");
        await(() -> !silence.isDisabled());
        Screenshots.save(dialog, "alerts-silence.png");
        Fx.click(robot, silence);

        await(() -> alertmanager.created.size() == 1);
        var body = alertmanager.created.get(0);
        assertEquals("tester", body.path("createdBy").asText());
        assertEquals("[nightwatch] restoring redis, see OPS-1413", body.path("comment").asText());
        assertEquals(3, body.path("matchers").size());
        assertEquals("alertname", body.path("matchers").get(0).path("name").asText());
        assertEquals(FakeStack.NOW.plusSeconds(4 * 3600).toString(), body.path("endsAt").asText());

        // listed, marked as Nightwatch's, recorded in the history as such
        await(() -> silences.getItems().size() == 2);
        SilenceRow ours = onFx(() -> window.alerts().getSilences().stream().filter(SilenceRow::byNightwatch).findFirst().orElseThrow());
        assertEquals("alertname=NightwatchServiceDown, service=redis, component=redis", ours.matchers());
        assertEquals("restoring redis, see OPS-1413", ours.comment());
        assertTrue(store.silences().stream().anyMatch(s -> s.id().equals(ours.id()) && s.createdByNightwatch()));
        await(() -> robot.lookup(".silence-ours").tryQuery().isPresent());
        assertEquals("Nightwatch", text(robot, ".silence-ours"));
        assertTrue(text(robot, "#alerts-status").startsWith("Silenced alertname=NightwatchServiceDown, service=redis, component=redis for 4 h"));

        // expired from the console
        Fx.click(robot, "#expire-" + ours.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        await(() -> alertmanager.expired.equals(List.of(ours.id())));
        await(() -> silences.getItems().size() == 1);
        assertTrue(store.silences().stream().anyMatch(s -> s.id().equals(ours.id()) && !s.endsAt().isAfter(FakeStack.NOW)));
    }

    @Test
    void theSwitchReachesTheAlertsByShortcutToo(FxRobot robot) throws Exception {
        robot.interact(() -> window.show(MainWindow.View.HEALTH));
        assertFalse(robot.lookup(".alerts-pane").query().isVisible());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await(() -> window.shown() == MainWindow.View.ALERTS);
        assertTrue(robot.lookup(".alerts-pane").query().isVisible());
        // the notification switch
        ToggleButton mute = robot.lookup("#muteToggle").queryAs(ToggleButton.class);
        assertEquals("", text(robot, "#muteToggle"), "notifying: the bell alone");
        Fx.click(robot, mute);
        await(() -> window.alerts().mutedProperty().get());
        assertEquals("Muted", text(robot, "#muteToggle"));
    }

    /** Selects the alert's row in the table, as a click would. */
    private void select(FxRobot robot, long id) throws Exception {
        row(id);
        robot.interact(() -> window.alerts().select(id)); // opens its group when it is folded under a cause
        await(() -> table(robot).getSelectionModel().getSelectedItem() != null && table(robot).getSelectionModel().getSelectedItem().id() == id);
    }

    private List<AlertRow> rows() throws Exception {
        return onFx(() -> List.copyOf(window.alerts().getRows()));
    }

    private AlertRow row(long id) throws Exception {
        return rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }

    private static Set<String> cellTexts(FxRobot robot, long id) {
        return robot.lookup(".alert-table .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof AlertRow a && a.id() == id)
                .flatMap(n -> texts(n).stream()).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static TableView<AlertRow> table(FxRobot robot) {
        return robot.lookup("#alert-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static boolean detailShows(FxRobot robot, String alertname) {
        return robot.lookup(".detail-title").tryQuery().map(n -> alertname.equals(((Labeled) n).getText()) && n.isVisible()).orElse(false);
    }

    /** The dialog window with this title, once it shows. */
    private static Scene dialog(String title) throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(Window::getScene).findFirst().orElse(null));
    }

    private static Node button(Scene dialog, String text) throws Exception {
        return onFx(() -> {
            DialogPane pane = (DialogPane) dialog.getRoot().lookup(".dialog-pane");
            return pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).map(pane::lookupButton)
                    .findFirst().orElseThrow();
        });
    }

    private static Set<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).collect(Collectors.toSet());
    }



}
