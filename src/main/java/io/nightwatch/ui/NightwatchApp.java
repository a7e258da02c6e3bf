package io.nightwatch.ui;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.ProfileLoader;
import io.nightwatch.stack.StackProfile;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Map;

/**
 * The console window. Owns the {@link HealthMonitor}'s and the {@link FlowMonitor}'s lives: it listens before
 * starting them and closes them when the window goes. Launched by {@code io.nightwatch.Nightwatch} (which must not
 * extend Application itself).
 */
public class NightwatchApp extends Application {

    private final Map<String, String> env = System.getenv();
    private HealthMonitor monitor;
    private FlowMonitor flowMonitor;
    private MainWindow window;

    /** For {@link Application#launch}: the profile is resolved as the CLI does, the monitor built in {@link #start}. */
    public NightwatchApp() {}

    /**
     * For tests and embedding: a monitor built elsewhere, not yet started; this app adds a flow monitor with the
     * default settings over it, and starts and closes both.
     */
    public NightwatchApp(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    /** For tests and embedding: both monitors built elsewhere (the flow one over {@code monitor}), not yet started. */
    public NightwatchApp(HealthMonitor monitor, FlowMonitor flowMonitor) {
        this.monitor = monitor;
        this.flowMonitor = flowMonitor;
    }

    public static void launchWindow(String[] args) {
        Application.launch(NightwatchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (monitor == null) {
            try {
                StackProfile profile = ProfileLoader.resolve(null, env);
                monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
            } catch (ProfileException e) {
                showProfileError(e);
                Platform.exit();
                return;
            }
        }
        if (flowMonitor == null) {
            flowMonitor = new FlowMonitor(monitor, FlowSettings.of(monitor.profile().flow()), env, Clock.systemDefaultZone());
        }
        window = MainWindow.watching(monitor, flowMonitor, Clock.systemDefaultZone(), Theme.from(env));
        window.showIn(stage);
        monitor.start(); // after the listeners are in, so the first snapshots are not missed
        flowMonitor.start();
    }

    /** The window this app shows; null before {@link #start}. */
    public MainWindow window() {
        return window;
    }

    /** Idempotent: tests may close early, then the toolkit calls it again. */
    @Override
    public void stop() {
        if (window != null) window.dispose();
        if (flowMonitor != null) flowMonitor.close(); // first: its rounds read the health monitor
        if (monitor != null) monitor.close();
        flowMonitor = null;
        monitor = null;
    }

    private static void showProfileError(ProfileException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText("The profile cannot be used");
        alert.showAndWait();
    }
}
