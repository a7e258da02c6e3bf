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
}
