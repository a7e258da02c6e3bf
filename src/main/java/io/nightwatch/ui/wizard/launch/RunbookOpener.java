package io.nightwatch.ui.wizard.launch;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import javafx.stage.Window;

import java.util.Optional;

/**
 * "Open runbook" from wherever a failure shows (an alert's detail, a DOWN or STALLED tile): the recovery wizard with
 * the scenario, service and host already chosen. The entry points know only this seam, not the wizards.
 */
public interface RunbookOpener {

    /**
     * Opens (or brings forward) the recovery wizard over {@code owner} with scenario {@code scenarioId} and the service
     * chosen; {@code host} may be "" when unknown. A wizard already past its first page keeps what it is doing. FX thread.
     */
    void openRunbook(String scenarioId, String service, String host, Window owner);

    /**
     * The scenario that fits service {@code service} on {@code host} in this state, if any: only a DOWN service or a
     * STALLED flow has one (and only when its kind has a recovery runbook).
     */
    Optional<Scenario> scenarioFor(String service, String host, HealthState health, FlowState flow);

    /** The scenario for a service of kind {@code kindId} ({@code redis}) that is DOWN or whose flow STALLED. Pure. */
    static Optional<Scenario> forState(String kindId, HealthState health, FlowState flow) {
        if (health == HealthState.DOWN) {
            Optional<Scenario> down = RunbookHints.scenarioFor("NightwatchServiceDown", kindId);
            if (down.isPresent()) return down;
        }
        if (flow == FlowState.STALLED) return RunbookHints.scenarioFor("NightwatchFlowStalled", kindId);
        return Optional.empty();
    }
}
