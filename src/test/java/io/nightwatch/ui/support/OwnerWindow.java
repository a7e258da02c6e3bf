package io.nightwatch.ui.support;

import io.nightwatch.ui.fx.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** A stand-in console window for tests of windows it owns (the wizards): dark-themed, small, shown. */
public final class OwnerWindow {

    private OwnerWindow() {}

    /** Call from a test's {@code @Start}. */
    public static Stage show(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Nightwatch")), 400, 300);
        Theme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Closes {@code window} on the FX thread, if there is one; call from {@code @Stop}. */
    public static void close(Stage window) throws Exception {
        if (window != null) Fx.onFx(() -> {
            window.close();
            return null;
        });
    }
}
