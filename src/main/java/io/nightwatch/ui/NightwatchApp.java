package io.nightwatch.ui;

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
 * The console window. Owns the {@link HealthMonitor}'s life: it listens before starting it and closes it when the
 * window goes. Launched by {@code io.nightwatch.Nightwatch} (which must not extend Application itself).
 */
public class NightwatchApp extends Application {

    private final Map<String, String> env = System.getenv();
    private HealthMonitor monitor;
    private MainWindow window;

    /** For {@link Application#launch}: the profile is resolved as the CLI does, the monitor built in {@link #start}. */
    public NightwatchApp() {}

    /** For tests and embedding: a monitor built elsewhere, not yet started; this app starts and closes it. */
    public NightwatchApp(HealthMonitor monitor) {
        this.monitor = monitor;
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
        window = MainWindow.watching(monitor, Clock.systemDefaultZone(), Theme.from(env));
        window.showIn(stage);
        monitor.start(); // after the listener is in, so the first snapshot is not missed
    }

    /** The window this app shows; null before {@link #start}. */
    public MainWindow window() {
        return window;
    }

    /** Idempotent: tests may close early, then the toolkit calls it again. */
    @Override
    public void stop() {
        if (window != null) window.dispose();
        if (monitor != null) monitor.close();
        monitor = null;
    }

    private static void showProfileError(ProfileException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText("The profile cannot be used");
        alert.showAndWait();
    }
}
