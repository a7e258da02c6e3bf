package io.nightwatch.ui.dashboard;

import javafx.stage.Window;

/**
 * What a tile's menu does with its service: start, restart, logs, and "not deployed here" / "watch again". The
 * window wires the real ones (engine, runbook runner, incidents); a dashboard without them offers none of these.
 * Every method is called on the FX thread and returns at once.
 */
public interface TileActions {

    /** Nothing wired: the menu offers no action on the service. */
    TileActions NONE = new TileActions() {
        @Override public boolean available() { return false; }
        @Override public void start(TileRef tile, Window owner) { }
        @Override public void restart(TileRef tile, Window owner) { }
        @Override public void logs(TileRef tile, Window owner) { }
        @Override public void setNotDeployed(TileRef tile, boolean notDeployed, Window owner) { }
        @Override public boolean notDeployedByProfile(TileRef tile) { return false; }
    };

    boolean available();

    /** Previews, then starts the container through a journaled runbook. */
    void start(TileRef tile, Window owner);

    /** Previews (with its grace period), then restarts the container through a journaled runbook. */
    void restart(TileRef tile, Window owner);

    /** The container's log: follow, search, copy. */
    void logs(TileRef tile, Window owner);

    /** The operator says the service is (not) deployed on its host; kept for the next start. */
    void setNotDeployed(TileRef tile, boolean notDeployed, Window owner);

    /** Listed under notDeployed in the profile: only an edit of the profile changes that. */
    boolean notDeployedByProfile(TileRef tile);
}
