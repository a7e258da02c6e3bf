package io.nightwatch.ui;

import io.nightwatch.text.Texts;

import java.util.List;

/** The header's and the shortcut sheet's words, from the ui bundle. */
final class HeaderWording {

    private static final Texts T = Texts.of(HeaderWording.class);
    /** The shortcut sheet's rows, in order: each has {@code shortcut.<row>.key} and {@code shortcut.<row>.what}. */
    private static final List<String> ROWS = List.of("views", "refresh", "runbooks", "engines", "settings", "tab", "space", "enter", "ctrlEnter", "esc", "arrows", "altDown", "help");

    String pillTip() {
        return T.get("header.pill.tip");
    }

    String muteTip(boolean muted) {
        return T.get(muted ? "header.mute.tip.muted" : "header.mute.tip");
    }

    String muteQuestion() { return T.get("header.mute.question"); }
    String muteYes() { return T.get("header.mute.yes"); }
    String muteNo() { return T.get("header.mute.no"); }

    String shortcutsTitle() { return T.get("shortcuts.title"); }

    /** Key, then what it does. */
    List<String[]> shortcuts() {
        return ROWS.stream().map(row -> new String[] {word(row, "key"), word(row, "what")}).toList();
    }

    private static String word(String row, String part) {
        String key = "shortcut." + row + "." + part;
        return T.get(key);
    }
}
