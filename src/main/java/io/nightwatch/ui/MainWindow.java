package io.nightwatch.ui;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowViewModel;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The main window's scene: the FXML shell, the Health dashboard and the Flow view inside it, and the theme. Build on
 * the FX thread. Shortcut+1 and Shortcut+2 switch between the views.
 */
public final class MainWindow {

    public static final String TITLE = "Nightwatch";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    /** What the window's body shows. */
    public enum View { HEALTH, FLOW }

    private final DashboardViewModel model;
    private final FlowViewModel flow;
    private final MainWindowController controller;
    private final Scene scene;
    private Runnable detach = () -> { };

    private MainWindow(DashboardViewModel model, FlowViewModel flow, Theme theme) {
        this.model = model;
        this.flow = flow;
        this.controller = new MainWindowController(model, flow);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml could not be loaded", e);
        }
        this.scene = new Scene(root, WIDTH, HEIGHT);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+1"), () -> show(View.HEALTH));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+2"), () -> show(View.FLOW));
        theme.applyTo(scene);
    }

    /** A window fed by both monitors; the caller starts and closes them. */
    public static MainWindow watching(HealthMonitor monitor, FlowMonitor flowMonitor, Clock clock, Theme theme) {
        DashboardViewModel dashboard = DashboardViewModel.watching(monitor, clock);
        FlowViewModel flow = FlowViewModel.watching(flowMonitor, monitor.profile(), clock);
        MainWindow window = new MainWindow(dashboard, flow, theme);
        Consumer<FlowSnapshot> tiles = dashboard::publishFlow; // the tiles' sparklines and error lines
        flowMonitor.addListener(tiles);
        window.detach = () -> flowMonitor.removeListener(tiles);
        return window;
    }

    /** A window over view models fed by other means (tests push snapshots by hand). */
    public static MainWindow of(DashboardViewModel model, FlowViewModel flow, Theme theme) {
        return new MainWindow(model, flow, theme);
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

    /** Switches the body (and the header's summary and verdict) to {@code view}. */
    public void show(View view) {
        controller.select(view);
    }

    public View shown() { return controller.viewProperty().get(); }

    public Scene scene() { return scene; }
    public DashboardViewModel model() { return model; }
    public FlowViewModel flow() { return flow; }

    public void dispose() {
        detach.run();
        model.dispose();
        flow.dispose();
    }
}
