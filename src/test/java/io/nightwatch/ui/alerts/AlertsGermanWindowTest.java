package io.nightwatch.ui.alerts;

import io.nightwatch.alerts.AlertNotifier;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertStore;
import io.nightwatch.text.Language;
import io.nightwatch.ui.FakeAlerts;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.support.Fx;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alerts view in German over the same real store and fake Alertmanager as {@link AlertsWindowTest}: table headers,
 * filters, the summary, the detail with its German runbook step, and the Acknowledge dialog, which stores the note as
 * in English. The picture docs/images/alerts-de.png is taken from it.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsGermanWindowTest {

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
        Language.use(Language.DE); // before the view is built: its words are taken as it is made
        store = AlertStore.open(Files.createTempDirectory(dir, "history").resolve("alerts.db"), CLOCK);
        ids = FakeAlerts.fill(store);
        alertmanager = new FakeAlertmanager(FakeStack.NOW);
        service = new AlertService(FakeAlerts.profile(alertmanager.port()), store,
                AlertSettings.defaults().withListen(Optional.empty()), CLOCK);
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
        Language.use(Language.EN);
        service.close();
        store.close();
        alertmanager.close();
    }

    @Test
    void theAlertsViewSpeaksGerman(FxRobot robot) throws Exception {
        await(() -> onFx(() -> window.alerts().getRows().size()) == FakeAlerts.IN_LAST_DAY);
        TableView<?> table = robot.lookup("#alert-table").queryAs(TableView.class);
        List<String> headers = onFx(() -> table.getColumns().stream().map(TableColumn::getText).toList());
        assertEquals(List.of("Schwere", "Alarm", "Dienst", "Beginn", "Dauer", "Zustand", "Quelle", "Quitt."), headers);
        assertEquals("5 aktiv · 1 quittiert · 1 ausstehend · 1 unterdrückt", onFx(() -> window.alerts().summaryProperty().get()));
        assertEquals("2 KRITISCH", onFx(() -> window.alerts().overallTextProperty().get()));
        assertEquals("Jede Schwere", onFx(() -> this.<String>combo(robot, "#severity-filter").getConverter().toString("")));
        assertEquals("Jeder Zustand", onFx(() -> this.<StateFilter>combo(robot, "#state-filter").getValue().toString()));
        assertEquals("24 h", text(robot, "#range-24h"));
        assertEquals("Labels und Annotationen durchsuchen", onFx(() -> robot.lookup("#alert-search")
                .queryAs(javafx.scene.control.TextField.class).getPromptText()));
        Set<String> severities = onFx(() -> robot.lookup(".alert-table .table-row-cell").queryAll().stream()
                .flatMap(n -> texts(n).stream()).filter(t -> t.equals("kritisch") || t.equals("AKTIV")).collect(Collectors.toSet()));
        assertEquals(Set.of("kritisch", "AKTIV"), severities, "severity and state in the rows are German words");

        robot.interact(() -> window.alerts().select(ids.redisDown()));
        await(() -> detailShows(robot, "NightwatchServiceDown"));
        Set<String> detail = texts(robot.lookup("#alert-detail").query());
        assertTrue(detail.contains("AKTIV seit 4 min · kritisch · redis"), detail.toString());
        assertTrue(detail.containsAll(List.of("Noch nicht quittiert.", "Runbook-Schritt", "Wann und wo", "Zustandswechsel", "Beginn", "bisher")),
                detail.toString());
        assertTrue(detail.stream().anyMatch(t -> t.startsWith("Redis wieder starten") && t.contains("nightwatch restore SET --service redis")),
                "the runbook step in German, the command unchanged: " + detail);
        assertEquals("Quittieren…", text(robot, "#acknowledge-button"));
        assertEquals("Stummschaltungen", text(robot, ".silences-panel .panel-title"));
        assertLabelsFit(robot.lookup(".alerts-filters").query());

        Path shot = Screenshots.save(window.scene(), "alerts-de.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("alerts-de.png"), StandardCopyOption.REPLACE_EXISTING);

        Fx.click(robot, "#acknowledge-button");
        await(() -> dialog("NightwatchServiceDown quittieren") != null);
        Scene dialog = dialog("NightwatchServiceDown quittieren");
        DialogPane pane = onFx(() -> (DialogPane) dialog.getRoot().lookup(".dialog-pane"));
        assertEquals("Diesen Alarm quittieren", onFx(pane::getHeaderText));
        assertEquals(List.of("Quittieren", "Abbrechen"), onFx(() -> pane.getButtonTypes().stream().map(b -> b.getText()).toList()));
        assertTrue(texts(dialog.getRoot()).contains("Gespeichert mit Name (tester) und Uhrzeit."), texts(dialog.getRoot()).toString());
        Screenshots.save(dialog, "alerts-acknowledge-de.png");
        Fx.click(robot, dialog.getRoot().lookup("#note")).write("Redis wird wiederhergestellt");
        Fx.click(robot, onFx(() -> pane.lookupButton(pane.getButtonTypes().get(0))));
        await(() -> store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).isPresent());
        assertEquals("Redis wird wiederhergestellt", store.get(ids.redisDown()).flatMap(AlertOccurrence::ack).orElseThrow().note());
        await(() -> texts(robot.lookup("#alert-detail").query()).stream().anyMatch(t -> t.startsWith("Quittiert von tester am 14.03.2025")));
        assertTrue(text(robot, "#alerts-status").startsWith("NightwatchServiceDown (redis) quittiert als tester"), text(robot, "#alerts-status"));

        // the Silence dialog: its FXML frame takes the German words through %keys
        Fx.click(robot, "#silence-button");
        await(() -> dialog("NightwatchServiceDown stummschalten") != null);
        Scene silence = dialog("NightwatchServiceDown stummschalten");
        DialogPane silencePane = onFx(() -> (DialogPane) silence.getRoot().lookup(".dialog-pane"));
        assertEquals("Alarme in Alertmanager stummschalten", onFx(silencePane::getHeaderText));
        Set<String> words = texts(silence.getRoot());
        assertTrue(words.containsAll(List.of("Matcher", "Dauer", "Kommentar (Pflicht)", "Grund im Kommentar angeben (er bleibt bei der Stummschaltung)")),
                words.toString());
        assertEquals("4 h", onFx(() -> ((Labeled) silence.getRoot().lookup("#duration-4h")).getText()));
        assertEquals(List.of("Stummschalten", "Abbrechen"), onFx(() -> silencePane.getButtonTypes().stream().map(b -> b.getText()).toList()));
        Screenshots.save(silence, "alerts-silence-de.png");
        Fx.click(robot, onFx(() -> silencePane.lookupButton(silencePane.getButtonTypes().get(1))));
        await(() -> dialog("NightwatchServiceDown stummschalten") == null);
    }

    /** Every label of the filter bar shows its whole text (German words are longer: nothing may be cut to "…"). */
    private static void assertLabelsFit(Node bar) throws Exception {
        List<String> cut = onFx(() -> bar.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().endsWith("…"))
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList());
        assertEquals(List.of(), cut, "clipped words in the filter bar");
        Bounds b = onFx(bar::getLayoutBounds);
        assertTrue(b.getWidth() > 0);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static boolean detailShows(FxRobot robot, String alertname) {
        return robot.lookup(".detail-title").tryQuery().map(n -> alertname.equals(((Labeled) n).getText()) && n.isVisible()).orElse(false);
    }

    private static Scene dialog(String title) throws Exception {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(Window::getScene).findFirst().orElse(null));
    }

    private static Set<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).collect(Collectors.toSet());
    }
}
