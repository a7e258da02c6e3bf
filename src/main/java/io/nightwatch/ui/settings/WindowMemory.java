package io.nightwatch.ui.settings;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * Puts the window back where it was: the remembered size, and the position only if it is still on a screen (a
 * laptop undocked since). What the operator changes is written when the window closes.
 */
public final class WindowMemory {

    private WindowMemory() {}

    /** Applies remembered bounds to a stage not yet shown; false when there are none worth using. */
    public static boolean restore(Stage stage, WindowSettings settings) {
        return restore(stage, settings, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    }

    static boolean restore(Stage stage, WindowSettings settings, List<Rectangle2D> screens) {
        if (settings.bounds().isEmpty() || screens.isEmpty()) return false;
        WindowSettings.Bounds b = settings.bounds().get();
        Rectangle2D home = screens.stream().filter(s -> s.contains(b.x() + 40, b.y() + 20)).findFirst().orElse(null);
        Rectangle2D fit = home != null ? home : screens.get(0);
        stage.setWidth(Math.min(b.width(), fit.getWidth()));
        stage.setHeight(Math.min(b.height(), fit.getHeight()));
        if (home != null) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setMaximized(settings.maximized());
        return true;
    }

    /** The stage's bounds now; when maximized, the last bounds it had before, so un-maximizing next time works. */
    public static WindowSettings capture(Stage stage, WindowSettings before) {
        if (stage.isMaximized()) return before.withBounds(before.bounds().orElse(null), true);
        try {
            return before.withBounds(new WindowSettings.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), false);
        } catch (IllegalArgumentException tooSmallOrOffScreen) {
            return before.withBounds(before.bounds().orElse(null), false);
        }
    }
}
