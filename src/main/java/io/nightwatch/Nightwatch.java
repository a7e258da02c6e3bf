package io.nightwatch;

import io.nightwatch.cli.NightwatchCommand;

/**
 * Entry point. Without arguments it opens the console window; with arguments it runs the headless CLI.
 * It must not extend {@code javafx.application.Application}: from a plain jar on the class path the JavaFX
 * launcher refuses such a main class ("JavaFX runtime components are missing").
 */
public final class Nightwatch {

    private Nightwatch() {}

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("gui"))) {
            try {
                io.nightwatch.ui.NightwatchApp.launchWindow(new String[0]);
            } catch (UnsupportedOperationException | IllegalStateException e) {
                // No display, or no GTK 3: say what is missing instead of a stack trace.
                System.err.println("nightwatch: cannot open the window: " + e.getMessage()
                        + "\nThe window needs a graphical session (DISPLAY or WAYLAND_DISPLAY) and GTK 3 (Debian: libgtk-3-0)."
                        + "\nWithout a screen, use the CLI: nightwatch status --help");
                System.exit(NightwatchCommand.EXIT_SOFTWARE);
            }
            return;
        }
        System.exit(NightwatchCommand.commandLine().execute(args));
    }
}
