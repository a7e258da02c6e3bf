package io.nightwatch.ui;

import io.nightwatch.health.HealthMonitor;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** The main window's scene: the FXML shell, the dashboard inside it, and the theme. Build on the FX thread. */
public final class MainWindow {

    public static final String TITLE = "Nightwatch";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final DashboardViewModel model;
    private final Scene scene;

    private MainWindow(DashboardViewModel model, Theme theme) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"));
        loader.setControllerFactory(type -> new MainWindowController(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml could not be loaded", e);
        }
        this.scene = new Scene(root, WIDTH, HEIGHT);
        theme.applyTo(scene);
    }

    /** A window fed by {@code monitor}; the caller starts and closes the monitor. */
    public static MainWindow watching(HealthMonitor monitor, Clock clock, Theme theme) {
        return new MainWindow(DashboardViewModel.watching(monitor, clock), theme);
    }

    /** A window over a view model fed by other means (tests push snapshots by hand). */
    public static MainWindow of(DashboardViewModel model, Theme theme) {
        return new MainWindow(model, theme);
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
        stage.show();
    }

    public Scene scene() { return scene; }
    public DashboardViewModel model() { return model; }

    public void dispose() {
        model.dispose();
    }
}
