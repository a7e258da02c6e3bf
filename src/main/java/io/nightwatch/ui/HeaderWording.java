package io.nightwatch.ui;

import java.util.List;

/** The header's and the shortcut sheet's words, in one place (they move to bundles with issue 13). */
final class HeaderWording {

    String pillTip() {
        return "The stack's verdict, the same in every view; each view's own count is beside the summary";
    }

    String muteTip(boolean muted) {
        return muted ? "Desktop notifications are muted; the alert history still records everything. Click to notify again."
                : "Desktop notifications: one for each new outage; click to mute";
    }

    String muteQuestion() { return "Mute desktop notifications?"; }
    String muteYes() { return "Mute"; }
    String muteNo() { return "Keep notifying"; }

    String shortcutsTitle() { return "Keyboard shortcuts"; }

    /** Key, then what it does. */
    List<String[]> shortcuts() {
        return List.of(
                new String[] {"Ctrl+1 … Ctrl+4", "Health, Flow, Alerts, Incidents"},
                new String[] {"Tab / Shift+Tab", "next / previous control (the ring shows where)"},
                new String[] {"Space", "press the focused button, tick the focused box"},
                new String[] {"Enter", "the highlighted (default) button, also from a check box"},
                new String[] {"Ctrl+Enter", "submit a note (acknowledge dialog)"},
                new String[] {"Esc", "cancel a dialog or a wizard"},
                new String[] {"Right / Left", "open / fold related alerts in the alert table"},
                new String[] {"Alt+Down", "open the runbooks menu or a drop-down when focused"},
                new String[] {"F1 or ?", "this sheet"});
    }
}
