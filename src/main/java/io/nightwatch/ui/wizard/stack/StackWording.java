package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.stack.StackRunbook.Action;
import io.nightwatch.text.Texts;

import java.util.List;
import java.util.Locale;

/** The stack wizard's words, from this package's bundle. */
public final class StackWording {

    private static final Texts T = Texts.of(StackWording.class);
    /** Keys of the form word.NAME, one per value. */
    private static final String KEYS_WORD = "word.";
    /** Keys of the form label.NAME, one per value. */
    private static final String KEYS_LABEL = "label.";
    /** Keys of the form explain.NAME, one per value. */
    private static final String KEYS_EXPLAIN = "explain.";
    /** Keys of the form verb.NAME, one per value. */
    private static final String KEYS_VERB = "verb.";

    private StackWording() {}

    public static String title() { return T.get("title"); }

    public static String purpose() { return T.get("purpose"); }

    static String what() { return T.get("form.what"); }

    static String which() { return T.get("form.which"); }

    static String order() { return T.get("form.order"); }

    static String chooseAction() { return T.get("blocker.action"); }

    static String tickOne() { return T.get("blocker.tickOne"); }

    static String noServices() { return T.get("blocker.noServices"); }

    static String stopped() { return T.get("stoppedNow"); }

    static String orderNote() { return T.get("form.orderNote"); }

    static String onHost(String kind, String host) { return T.get("service.onHost", kind, host); }

    static String word(Action action) {
        return action == null ? T.get("word.none") : T.get(KEYS_WORD + action.name());
    }

    /** The action as the runbook's parameter and the CLI take it: stop, start, restart. */
    static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    static String label(Action action) {
        return T.get(KEYS_LABEL + action.name());
    }

    static String explain(Action action) {
        return T.get(KEYS_EXPLAIN + action.name());
    }

    static String actionLine(Action action) {
        return T.get("summary.action", T.get(KEYS_VERB + action.name()));
    }

    static String servicesLine(List<String> names) {
        return T.get("summary.services", String.join(", ", names));
    }

    static String stopOrder(List<String> names) {
        return T.get("summary.stopOrder", names.isEmpty() ? "—" : String.join(" → ", names));
    }

    static String startOrder(List<String> names) {
        return T.get("summary.startOrder", names.isEmpty() ? "—" : String.join(" → ", names));
    }
}
