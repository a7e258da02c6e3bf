package io.nightwatch.ui;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.ui.alerts.AlertsViewModel;
import io.nightwatch.ui.alerts.DesktopNotices;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.wizard.launch.WizardLauncher;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The main window's scene: the FXML shell, the Health dashboard, the Flow view and the Alerts view inside it, and the
 * theme. Build on the FX thread. Shortcut+1 to Shortcut+4 switch between the views; F1 or ? shows the shortcuts. New critical alerts
 * show as desktop notifications over this window; clicking one opens the alert here.
 */
public final class MainWindow {

    private static final Texts T = Texts.of(MainWindow.class);

    public static final String TITLE = "Nightwatch";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    /** What the window's body shows. */
    public enum View { HEALTH, FLOW, ALERTS, INCIDENTS, READINESS }

    private final DashboardViewModel model;
    private final FlowViewModel flow;
    private final AlertsViewModel alerts;
    private final MainWindowController controller;
    private final Scene scene;
    private Runnable detach = () -> { };
    private Runnable refresh = () -> { };
    /** The stage outlives this window (a rebuilt window, the tests' shared stage): its listener must not keep us. */
    private Stage shownIn;
    private javafx.beans.value.ChangeListener<Boolean> focusWatch;
    private io.nightwatch.ui.incident.IncidentsViewModel incidents;
    private io.nightwatch.ui.readiness.ReadinessViewModel readiness;

    private Consumer<String> openUrl = MainWindow::copyToClipboard;

    private MainWindow(DashboardViewModel model, FlowViewModel flow, AlertsViewModel alerts, Theme theme) {
        this.model = model;
        this.flow = flow;
        this.alerts = alerts;
        this.controller = new MainWindowController(model, flow, alerts, url -> openUrl.accept(url));
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"));
        loader.setControllerFactory(type -> controller);
        loader.setResources(T.bundle());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml could not be loaded", e);
        }
        this.scene = new Scene(root, WIDTH, HEIGHT);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+1"), () -> show(View.HEALTH));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+2"), () -> show(View.FLOW));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+3"), () -> show(View.ALERTS));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+4"), () -> show(View.INCIDENTS));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+5"), () -> show(View.READINESS));
        scene.getAccelerators().put(KeyCombination.keyCombination("F5"), () -> refresh.run());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), controller::openRunbooksMenu);
        theme.applyTo(scene);
        io.nightwatch.ui.fx.KeyboardHabits.install(scene);
        ShortcutSheet.install(scene, new HeaderWording());
        DesktopNotices.follow(alerts, scene::getWindow, id -> {
            show(View.ALERTS);
            if (id >= 0) alerts.select(id);
        });
    }

    /** A window fed by both monitors, without an alert history; the caller starts and closes them. */
    public static MainWindow watching(HealthMonitor monitor, FlowMonitor flowMonitor, Clock clock, Theme theme) {
        return watching(monitor, flowMonitor, AlertsViewModel.unavailable(T.get("alerts.noHistory"), clock), clock, theme);
    }

    /** A window fed by both monitors and an alerts model (listening to its service already); the caller starts them. */
    public static MainWindow watching(HealthMonitor monitor, FlowMonitor flowMonitor, AlertsViewModel alerts, Clock clock, Theme theme) {
        DashboardViewModel dashboard = DashboardViewModel.watching(monitor, clock);
        FlowViewModel flow = FlowViewModel.watching(flowMonitor, monitor.profile(), clock);
        MainWindow window = new MainWindow(dashboard, flow, alerts, theme);
        Consumer<FlowSnapshot> tiles = dashboard::publishFlow; // the tiles' sparklines and error lines
        flowMonitor.addListener(tiles);
        window.detach = () -> flowMonitor.removeListener(tiles);
        return window;
    }

    /** A window over view models fed by other means (tests push snapshots by hand), without an alert history. */
    public static MainWindow of(DashboardViewModel model, FlowViewModel flow, Theme theme) {
        return new MainWindow(model, flow, AlertsViewModel.unavailable(T.get("alerts.noHistory"), Clock.systemDefaultZone()), theme);
    }

    /** A window over view models fed by other means. */
    public static MainWindow of(DashboardViewModel model, FlowViewModel flow, AlertsViewModel alerts, Theme theme) {
        return new MainWindow(model, flow, alerts, theme);
    }

    /** How a rule's link is opened (the application's browser); by default it is copied to the clipboard. */
    public void setOpenUrl(Consumer<String> open) {
        openUrl = open == null ? MainWindow::copyToClipboard : open;
    }

    /** Shows the incident panel (the incident log of the alert history's database). */
    public void offerIncidents(io.nightwatch.ui.incident.IncidentsViewModel incidents) {
        this.incidents = incidents;
        controller.offerIncidents(incidents);
    }

    public io.nightwatch.ui.incident.IncidentsViewModel incidents() { return incidents; }

    /** Shows the Readiness view (the readiness audit of the live stack and its history). */
    public void offerReadiness(io.nightwatch.ui.readiness.ReadinessViewModel readiness) {
        this.readiness = readiness;
        controller.offerReadiness(readiness, java.time.ZoneId.systemDefault());
    }

    public io.nightwatch.ui.readiness.ReadinessViewModel readiness() { return readiness; }

    /** What the dashboard shows, for an incident's timeline: each host's and tile's state in words, and a PNG. */
    public io.nightwatch.ui.incident.IncidentsViewModel.Snapshot dashboardSnapshot() {
        StringBuilder words = new StringBuilder(model.summaryProperty().get());
        model.getHosts().forEach(h -> h.getTiles().forEach(t -> words.append("; ").append(t.getFacts().title()).append(" ")
                .append(t.getFacts().state()).append(" (").append(t.getFacts().reason()).append(")")));
        java.util.Optional<byte[]> png = java.util.Optional.empty();
        try {
            javafx.scene.image.WritableImage image = scene.getRoot().snapshot(null, null);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            if (javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", out)) png = java.util.Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the words still go on the timeline
        }
        return new io.nightwatch.ui.incident.IncidentsViewModel.Snapshot(words.toString(), png);
    }

    /** Enables the runbooks menu (backup, restore) over the application's runbook catalog. */
    public void offerRunbooks(WizardLauncher launcher) {
        controller.offerRunbooks(launcher);
    }

    /** What F5 does: ask every engine and endpoint again now, instead of at the next poll. */
    public void onRefresh(Runnable refreshNow) {
        refresh = refreshNow == null ? () -> { } : refreshNow;
    }

    /** Applies another theme to the window at once (dialogs opened later copy its sheets). */
    public void applyTheme(Theme theme) {
        theme.applyTo(scene);
    }

    /** Adds header controls after the runbooks menu: {@code Shortcut+,} opens {@code settings}, {@code Shortcut+E} the engines. */
    public void addToHeader(javafx.scene.control.MenuButton settings, javafx.scene.control.MenuButton engines) {
        controller.addToHeader(engines, settings);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+COMMA"), () -> open(settings));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+E"), () -> open(engines));
    }

    private static void open(javafx.scene.control.MenuButton menu) {
        menu.requestFocus();
        menu.show();
    }

    /** Opens the keyboard sheet (as F1 does). */
    public void showShortcuts() {
        ShortcutSheet.open(scene.getWindow(), new HeaderWording());
    }

    /** The view shown, as it changes (the window remembers the last one). */
    public javafx.beans.value.ObservableValue<View> shownProperty() {
        return controller.viewProperty();
    }

    /** Shows the window at its designed size, or the screen's if that is smaller. */
    public void showIn(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setWidth(Math.min(WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        // the operator looks again: problems that began while the window was in the background lose their NEW marker
        focusWatch = (o, was, now) -> { if (now) model.markSeen(); };
        shownIn = stage;
        stage.focusedProperty().addListener(focusWatch);
        stage.show();
    }

    /** Switches the body (and the header's summary and verdict) to {@code view}. */
    public void show(View view) {
        controller.select(view);
    }

    public View shown() { return controller.viewProperty().get(); }

    public Scene scene() { return scene; }
    public DashboardViewModel model() { return model; }
    public FlowViewModel flow() { return flow; }
    public AlertsViewModel alerts() { return alerts; }

    public void dispose() {
        if (shownIn != null) shownIn.focusedProperty().removeListener(focusWatch);
        shownIn = null;
        detach.run();
        model.dispose();
        flow.dispose();
        alerts.dispose();
        if (incidents != null) incidents.dispose();
        if (readiness != null) readiness.dispose();
    }

    private static void copyToClipboard(String url) {
        ClipboardContent content = new ClipboardContent();
        content.putString(io.nightwatch.redact.Redactor.clean(url)); // the clipboard leaves the process
        Clipboard.getSystemClipboard().setContent(content);
    }
}
