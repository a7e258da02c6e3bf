package io.nightwatch.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where Nightwatch keeps things, per the XDG base directory rules: config, data (history, journals), state (logs). */
public final class XdgDirs {

    private XdgDirs() {}

    /** {@code $XDG_CONFIG_HOME/nightwatch}, else {@code ~/.config/nightwatch}. */
    public static Optional<Path> config(Map<String, String> env) {
        return dir(env, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_DATA_HOME/nightwatch}, else {@code ~/.local/share/nightwatch}. */
    public static Optional<Path> data(Map<String, String> env) {
        return dir(env, "XDG_DATA_HOME", ".local/share");
    }

    /** {@code $XDG_STATE_HOME/nightwatch}, else {@code ~/.local/state/nightwatch}. */
    public static Optional<Path> state(Map<String, String> env) {
        return dir(env, "XDG_STATE_HOME", ".local/state");
    }

    private static Optional<Path> dir(Map<String, String> env, String variable, String underHome) {
        String xdg = env.get(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Optional.of(Path.of(xdg, "nightwatch"));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home).resolve(underHome).resolve("nightwatch"));
    }
}
