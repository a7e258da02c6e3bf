package io.nightwatch.ui.dashboard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One service's tile, kept for the life of the window and updated in place as snapshots arrive (FX thread only). */
public final class ServiceTileModel {

    private final String id;
    private final ReadOnlyObjectWrapper<TileFacts> facts;
    private final ReadOnlyObjectWrapper<TileFlow> flow = new ReadOnlyObjectWrapper<>(this, "flow", TileFlow.NONE);
    private final ReadOnlyObjectWrapper<TileBackup> backup = new ReadOnlyObjectWrapper<>(this, "backup", TileBackup.UNREAD);

    ServiceTileModel(TileFacts initial) {
        this.id = initial.id();
        this.facts = new ReadOnlyObjectWrapper<>(this, "facts", initial);
    }

    /** Stable across snapshots: host/name. */
    public String id() { return id; }

    public ReadOnlyObjectProperty<TileFacts> factsProperty() { return facts.getReadOnlyProperty(); }
    public TileFacts getFacts() { return facts.get(); }

    /** The headline stage's sparkline and the container's error lines; {@link TileFlow#NONE} until flow is read. */
    public ReadOnlyObjectProperty<TileFlow> flowProperty() { return flow.getReadOnlyProperty(); }
    public TileFlow getFlow() { return flow.get(); }

    /** The age of the newest verified backup against the RPO; {@link TileBackup#UNREAD} until the sets are read. */
    public ReadOnlyObjectProperty<TileBackup> backupProperty() { return backup.getReadOnlyProperty(); }
    public TileBackup getBackup() { return backup.get(); }

    void showBackup(TileBackup next) {
        if (!next.equals(backup.get())) backup.set(next);
    }

    void show(TileFacts next) {
        if (!next.equals(facts.get())) facts.set(next);
    }

    void showFlow(TileFlow next) {
        if (!next.equals(flow.get())) flow.set(next);
    }
}
