package io.nightwatch.ui.settings;

import io.nightwatch.text.Language;

import java.util.Optional;

/**
 * What the window remembers between starts: where it was and how big, the view that was shown, the theme and the
 * language chosen in it. Every field may be absent (first start, or a value that did not pass the checks).
 */
public record WindowSettings(Optional<Bounds> bounds, boolean maximized, Optional<String> view, Optional<String> theme,
                             Optional<Language> language) {

    /** Smaller than this is a window nobody can read; larger than this is a broken file. */
    static final double MIN_SIZE = 400;
    static final double MAX_SIZE = 20_000;

    public record Bounds(double x, double y, double width, double height) {
        public Bounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > MAX_SIZE || Math.abs(y) > MAX_SIZE) {
                throw new IllegalArgumentException("position out of range");
            }
            if (!(width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE && height <= MAX_SIZE)) {
                throw new IllegalArgumentException("size out of range");
            }
        }
    }

    public static WindowSettings none() {
        return new WindowSettings(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public WindowSettings withBounds(Bounds b, boolean isMaximized) {
        return new WindowSettings(Optional.ofNullable(b), isMaximized, view, theme, language);
    }

    public WindowSettings withView(String v) {
        return new WindowSettings(bounds, maximized, Optional.ofNullable(v), theme, language);
    }

    public WindowSettings withTheme(String t) {
        return new WindowSettings(bounds, maximized, view, Optional.ofNullable(t), language);
    }

    public WindowSettings withLanguage(Language l) {
        return new WindowSettings(bounds, maximized, view, theme, Optional.ofNullable(l));
    }
}
