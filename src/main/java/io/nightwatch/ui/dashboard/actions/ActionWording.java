package io.nightwatch.ui.dashboard.actions;

import io.nightwatch.text.Texts;

import java.util.List;

/** The words of the tile actions' windows, looked up when a window opens. */
final class ActionWording {

    private static final Texts T = Texts.of(ActionWording.class);

    private ActionWording() {}

    static String follow() { return T.get("log.follow"); }
    static String search() { return T.get("log.search"); }
    static String copy() { return T.get("log.copy"); }
    static String logOpening() { return T.get("log.opening"); }
    static String close() { return T.get("action.close"); }
    static String cancel() { return T.get("action.cancel"); }
    static String engineCalls() { return T.get("action.engineCalls"); }
    static String grace() { return T.get("action.grace"); }
    static String running() { return T.get("action.running"); }

    static String logTitle(String service) {
        return T.get("log.title", service);
    }

    static String logStatus(String container, int lines, boolean capped) {
        return T.get(capped ? "log.status.capped" : "log.status", container, lines(lines));
    }

    static String logEnded(String container, int lines) {
        return T.get("log.ended", container, lines(lines));
    }

    private static String lines(int lines) {
        return T.get(lines == 1 ? "log.lines.one" : "log.lines.many", lines);
    }

    static String title(boolean restart, String service) {
        return T.get(restart ? "action.restart.title" : "action.start.title", service);
    }

    static String button(boolean restart) {
        return T.get(restart ? "action.restart.button" : "action.start.button");
    }

    static String explanation(boolean restart, String service, String host) {
        return T.get(restart ? "action.restart.explanation" : "action.start.explanation", service, host);
    }

    static String done(String service, String journal) {
        return T.get("action.done", service, journal);
    }

    static String failed(String sentence, String journal) {
        return T.get("action.failed", sentence) + (journal.isEmpty() ? "" : "\n" + T.get("action.journal", journal));
    }

    static String preview(List<String> lines) {
        return String.join("\n", lines);
    }

    static String incidentNote(boolean restart, String service, String outcome, String runId) {
        return T.get(restart ? "action.restart.note" : "action.start.note", service, outcome, runId);
    }

    static String noEngine(String host) {
        return T.get("log.noEngine", host);
    }
}
