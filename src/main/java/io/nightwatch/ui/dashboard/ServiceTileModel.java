package io.nightwatch.ui.dashboard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One service's tile, kept for the life of the window and updated in place as snapshots arrive (FX thread only). */
public final class ServiceTileModel {

    private final String id;
    private final ReadOnlyObjectWrapper<TileFacts> facts;

    ServiceTileModel(TileFacts initial) {
        this.id = initial.id();
        this.facts = new ReadOnlyObjectWrapper<>(this, "facts", initial);
    }

    /** Stable across snapshots: host/name. */
    public String id() { return id; }

    public ReadOnlyObjectProperty<TileFacts> factsProperty() { return facts.getReadOnlyProperty(); }
    public TileFacts getFacts() { return facts.get(); }

    void show(TileFacts next) {
        if (!next.equals(facts.get())) facts.set(next);
    }
}
