package io.nightwatch.ui.fx;

import javafx.scene.Scene;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The base sheet holds every rule and a light palette as looked-up colours at {@code .root}; a theme sheet only
 * redefines those colours. Dark is the default: the console is mostly read at night.
 */
public enum Theme {
    DARK("/styles/nightwatch-dark.css"),
    LIGHT(null);

    static final String BASE = "/styles/nightwatch.css";

    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    /** {@code -Dnightwatch.theme=light} or {@code NIGHTWATCH_THEME=light}; otherwise dark. */
    public static Theme from(Map<String, String> env) {
        String wanted = System.getProperty("nightwatch.theme", env.getOrDefault("NIGHTWATCH_THEME", "dark"));
        return "light".equals(wanted.trim().toLowerCase(Locale.ROOT)) ? LIGHT : DARK;
    }

    /** The theme asked for by {@code -Dnightwatch.theme} or {@code NIGHTWATCH_THEME}; empty when neither is set. */
    public static java.util.Optional<Theme> explicit(Map<String, String> env) {
        String wanted = System.getProperty("nightwatch.theme", env.get("NIGHTWATCH_THEME"));
        return wanted == null || wanted.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(from(env));
    }

    public void applyTo(Scene scene) {
        List<String> sheets = new ArrayList<>();
        sheets.add(url(BASE));
        if (sheet != null) sheets.add(url(sheet));
        scene.getStylesheets().setAll(sheets);
    }

    private static String url(String resource) {
        URL url = Theme.class.getResource(resource);
        if (url == null) throw new IllegalStateException("stylesheet " + resource + " is missing from the class path");
        return url.toExternalForm();
    }
}
