package io.nightwatch.ui.dashboard.actions;

import java.util.List;

/** The words of the tile actions' windows in one place (they move to resource bundles with issue 13). */
final class ActionWording {

    static final String FOLLOW = "Follow";
    static final String SEARCH = "Search the lines";
    static final String COPY = "Copy";
    static final String LOG_OPENING = "opening the log…";
    static final String CLOSE = "Close";
    static final String CANCEL = "Cancel";
    static final String ENGINE_CALLS = "What will be done (exact engine calls):";
    static final String GRACE = "Grace period (s):";
    static final String RUNNING = "running…";

    private ActionWording() {}

    static String logTitle(String service) {
        return "Log · " + service;
    }

    static String logStatus(String container, int lines, boolean capped) {
        return container + " · " + lines + (lines == 1 ? " line" : " lines") + (capped ? " (the newest only)" : "")
                + " · secrets redacted";
    }

    static String logEnded(String container, int lines) {
        return container + " · " + lines + (lines == 1 ? " line" : " lines") + " · the log ended (container stopped or engine gone)";
    }

    static String title(boolean restart, String service) {
        return (restart ? "Restart " : "Start ") + service;
    }

    static String button(boolean restart) {
        return restart ? "Restart" : "Start";
    }

    static String explanation(boolean restart, String service, String host) {
        return restart
                ? service + " on " + host + " gets SIGTERM and the grace period to shut down cleanly, then starts again."
                : service + " on " + host + " starts from its existing container.";
    }

    static String done(String service, String journal) {
        return "Done: " + service + " answers healthy. Journal: " + journal;
    }

    static String failed(String sentence, String journal) {
        return "Failed: " + sentence + (journal.isEmpty() ? "" : "\nJournal: " + journal);
    }

    static String preview(List<String> lines) {
        return String.join("\n", lines);
    }

    static String incidentNote(boolean restart, String service, String outcome, String runId) {
        return (restart ? "restart of " : "start of ") + service + " from its tile: " + outcome + " (run " + runId + ")";
    }
}
