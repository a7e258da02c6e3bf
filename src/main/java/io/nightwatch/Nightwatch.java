package io.nightwatch;

import io.nightwatch.cli.NightwatchCommand;
import io.nightwatch.cli.WindowCommand;
import io.nightwatch.text.Language;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Entry point. Without arguments, with {@code gui} or with only the window's options ({@code --profile FILE},
 * {@code --host URI}) it opens the console window; with a command it runs the headless CLI.
 * {@code --lang de|en} anywhere on the line chooses the language of the window and the CLI's words.
 * It must not extend {@code javafx.application.Application}: from a plain jar on the class path the JavaFX
 * launcher refuses such a main class ("JavaFX runtime components are missing").
 */
public final class Nightwatch {

    private Nightwatch() {}

    public static void main(String[] givenArgs) {
        String[] args;
        try {
            args = Language.takeChoice(givenArgs, System.getenv(), Locale.getDefault());
        } catch (IllegalArgumentException e) {
            System.err.println("nightwatch: " + NightwatchCommand.languageRefused(givenArgs)); // tool text: the program's name
            System.exit(NightwatchCommand.EXIT_USAGE);
            return;
        }
        if (WindowCommand.wantsWindow(args)) {
            String[] windowArgs = WindowCommand.windowArgs(args);
            // the same checks and messages as the commands', before any window opens
            WindowCommand.Decision decision = WindowCommand.check(windowArgs, System.getenv(),
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            if (decision.profile().isEmpty()) System.exit(decision.exitCode());
            try {
                io.nightwatch.ui.NightwatchApp.launchWindow(windowArgs);
            } catch (UnsupportedOperationException | IllegalStateException e) {
                // No display, or no GTK 3: say what is missing instead of a stack trace.
                System.err.println("nightwatch: " + WindowCommand.cannotOpen(e.getMessage())); // tool text: the program's name
                System.exit(NightwatchCommand.EXIT_SOFTWARE);
            }
            return;
        }
        System.exit(NightwatchCommand.commandLine().execute(args));
    }
}
