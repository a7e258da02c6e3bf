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
            io.nightwatch.ui.NightwatchApp.launchWindow(new String[0]);
            return;
        }
        System.exit(NightwatchCommand.commandLine().execute(args));
    }
}
