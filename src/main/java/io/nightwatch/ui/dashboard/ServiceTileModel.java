package io.nightwatch.ui.dashboard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One service's tile, kept for the life of the window and updated in place as snapshots arrive (FX thread only). */
public final class ServiceTileModel {

    private final String id;
    private final ReadOnlyObjectWrapper<TileFacts> facts;
    private final ReadOnlyObjectWrapper<TileFlow> flow = new ReadOnlyObjectWrapper<>(this, "flow", TileFlow.NONE);
    private final ReadOnlyObjectWrapper<TileBackup> backup = new ReadOnlyObjectWrapper<>(this, "backup", TileBackup.UNREAD);
    private final javafx.beans.property.ReadOnlyStringWrapper newProblem = new javafx.beans.property.ReadOnlyStringWrapper(this, "newProblem", "");
    /** Whether a real verdict has been seen: the first one is the standing state when the window opened, not news. */
    private boolean baselineTaken;
    private boolean wasProblem;

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

    /** "NEW · 03:12" while a problem that began since the operator last looked stands; empty otherwise. */
    public javafx.beans.property.ReadOnlyStringProperty newProblemProperty() { return newProblem.getReadOnlyProperty(); }
    public String getNewProblem() { return newProblem.get(); }

    /** DOWN, DEGRADED, or its headline flow STALLED: what goes first in the host's tile order. */
    public boolean isProblem() {
        return getFacts().state().isProblem() || getFlow().state() == io.nightwatch.flow.FlowState.STALLED;
    }

    /** Sort rank within a host: problems first, then the watched, then those not deployed. */
    int rank() {
        if (isProblem()) return 0;
        return getFacts().state() == io.nightwatch.health.HealthState.NOT_DEPLOYED ? 2 : 1;
    }

    /** The operator has looked (the window got focus, or they acted on this tile): the marker goes. */
    void markSeen() {
        newProblem.set("");
    }

    /** Sets the marker when a problem begins after the first verdict; clears it when the problem ends. */
    void trackProblem(java.time.Instant at, java.time.ZoneId zone) {
        boolean problem = isProblem();
        if (!baselineTaken) {
            if (getFacts().reason().equals(TileFacts.waiting())) return;
            baselineTaken = true;
        } else if (problem && !wasProblem) {
            newProblem.set(DashboardWording.newSince(at, zone));
        }
        if (!problem) newProblem.set("");
        wasProblem = problem;
    }

    void showBackup(TileBackup next) {
        if (!next.equals(backup.get())) backup.set(next);
    }

    void show(TileFacts next) {
        TileFacts shown = facts.get();
        // With a limit, bar and figure move when the use moves by more than a percent: not with every MiB the service
        // breathes at each poll, nor back and forth across a rounding edge (each change repaints the window).
        if (shown != null && shown.memoryFraction() >= 0 && next.memoryFraction() >= 0
                && Math.abs(shown.memoryFraction() - next.memoryFraction()) < 0.015) {
            next = next.withMemory(shown.memoryFraction(), shown.memoryText());
        }
        if (!next.equals(shown)) facts.set(next);
    }

    void showFlow(TileFlow next) {
        if (!next.equals(flow.get())) flow.set(next);
    }
}
