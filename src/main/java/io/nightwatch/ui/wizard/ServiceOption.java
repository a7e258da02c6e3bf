package io.nightwatch.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A service the operator may include, with a few words beside it, ticked by default. A service that cannot take part
 * here (no container on its host) is unavailable: unticked, not selectable, with the reason; a stopped one stays
 * selectable but is unticked and says so.
 */
public final class ServiceOption {

    private final String name;
    private final String detail;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", true);
    private final ReadOnlyBooleanWrapper stopped = new ReadOnlyBooleanWrapper(this, "stopped");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /** @param detail a few words beside the name, e.g. "prometheus on local · /prometheus" */
    public ServiceOption(String name, String detail) {
        this.name = name;
        this.detail = detail == null ? "" : detail;
    }

    public String name() { return name; }

    public String detail() { return detail; }

    public BooleanProperty selectedProperty() { return selected; }

    /** Ticked and able to take part: an unavailable service never counts, whatever was bound to its checkbox. */
    public boolean isSelected() { return selected.get() && available.get(); }

    public void setSelected(boolean value) { selected.set(value); }

    /** False when the service cannot take part here; see {@link #noteProperty()} for why. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    public boolean isAvailable() { return available.get(); }

    /** Its container exists but is not running. */
    public ReadOnlyBooleanProperty stoppedProperty() { return stopped.getReadOnlyProperty(); }

    public boolean isStopped() { return stopped.get(); }

    /** Why it is unavailable or what to know about it ("stopped (exited 137): start it first"); "" for nothing. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }

    /** It cannot take part: unticked, not selectable. */
    public void markUnavailable(String why) {
        available.set(false);
        stopped.set(false);
        note.set(why);
        selected.set(false);
    }

    /** Its container is stopped: unticked, still selectable, and said. */
    public void markStopped(String why) {
        available.set(true);
        stopped.set(true);
        note.set(why);
        selected.set(false);
    }

    /** What is known about it is worth a word, without changing whether it takes part (the engine could not be asked). */
    public void note(String words) {
        note.set(words);
    }
}
