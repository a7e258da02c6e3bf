package io.nightwatch.ui.flow;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One thing on the flow view (a stage card, a data volume, a container's error lines), kept for the window's life
 * under a stable id and updated in place: a new snapshot replaces its facts, never the item, so its node stays.
 *
 * @param <F> the immutable, already worded facts the view shows
 */
public final class LiveItem<F> {

    private final String id;
    private final boolean seeded;
    private final ReadOnlyObjectWrapper<F> facts;

    LiveItem(String id, F initial, boolean seeded) {
        this.id = id;
        this.seeded = seeded;
        this.facts = new ReadOnlyObjectWrapper<>(this, "facts", initial);
    }

    public String id() { return id; }

    /** Laid out from the profile before any reading: kept when a snapshot does not mention it. */
    boolean seeded() { return seeded; }

    public ReadOnlyObjectProperty<F> factsProperty() { return facts.getReadOnlyProperty(); }
    public F getFacts() { return facts.get(); }

    void show(F next) {
        if (!next.equals(facts.get())) facts.set(next);
    }
}
