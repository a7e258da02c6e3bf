package io.nightwatch.ui.wizard.backup;

/**
 * Where a service stands on its host before a backup: running, stopped, not there at all, or unknown (the engine did
 * not answer). Asked off the FX thread.
 */
@FunctionalInterface
public interface ServiceCheck {

    /** Nothing is asked: every service counts as running (hand-fed wizards). */
    ServiceCheck NONE = service -> new Standing(State.RUNNING, "");

    enum State { RUNNING, STOPPED, ABSENT, UNKNOWN }

    /** @param words what the choose page says about it ("" while running) */
    record Standing(State state, String words) {}

    Standing standing(String service) throws Exception;

    /**
     * Asks where each of {@code services} stands on the wizard's lane, off the FX thread, and hands the answers to
     * {@code show} on it; nothing is asked for {@link #NONE} or no services.
     */
    default void askOnLane(java.util.List<io.nightwatch.ui.wizard.ServiceOption> services, io.nightwatch.ui.wizard.ChoiceContext context,
                           java.util.function.Consumer<java.util.Map<String, Standing>> show) {
        if (this == NONE || services.isEmpty()) return;
        java.util.List<String> names = services.stream().map(io.nightwatch.ui.wizard.ServiceOption::name).toList();
        context.lane().latest(show).ask(() -> {
            java.util.Map<String, Standing> found = new java.util.LinkedHashMap<>();
            for (String name : names) found.put(name, standing(name));
            return found;
        });
    }
}
