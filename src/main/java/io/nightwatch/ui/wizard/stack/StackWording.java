package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.stack.StackRunbook.Action;

import java.util.List;
import java.util.Locale;

/** The stack wizard's words, in one place so they can move to a bundle later. */
public final class StackWording {

    private StackWording() {}

    public static final String TITLE = "Stop, start or restart the stack";
    public static final String PURPOSE = "In dependency order, each service with its grace period; a start waits for health "
            + "and proves data flows. Alerts of stopped services are silenced meanwhile.";

    static final String WHAT = "What to do";
    static final String WHICH = "Which services";
    static final String ORDER = "Order";
    static final String CHOOSE_ACTION = "Choose stop, start or restart.";
    static final String TICK_ONE = "Tick at least one service.";
    static final String NO_SERVICES = "The profile has no service.";
    static final String STOPPED = "stopped now";
    static final String ORDER_NOTE = "Producers stop first so nothing new arrives; the stores that keep data stop last. "
            + "Start goes the other way.";

    static String word(Action action) {
        return action == null ? "stack run" : "stack " + verb(action);
    }

    static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    static String label(Action action) {
        return switch (action) {
            case STOP -> "Stop";
            case START -> "Start";
            case RESTART -> "Restart";
        };
    }

    static String explain(Action action) {
        return switch (action) {
            case STOP -> "Stops the services and leaves them stopped; the silences cover the downtime.";
            case START -> "Starts the services, each waiting for health, and proves data flows.";
            case RESTART -> "Stops, then starts again; lifts its silences at the end.";
        };
    }

    static String actionLine(Action action) {
        return "Action: " + verb(action);
    }

    static String servicesLine(List<String> names) {
        return "Services: " + String.join(", ", names);
    }

    static String stopOrder(List<String> names) {
        return "Stop order: " + (names.isEmpty() ? "—" : String.join(" → ", names));
    }

    static String startOrder(List<String> names) {
        return "Start order: " + (names.isEmpty() ? "—" : String.join(" → ", names));
    }
}
