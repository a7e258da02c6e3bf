package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.store.AlertState;
import io.nightwatch.ui.fx.EnumStyles;

/**
 * The states the window colours, each as pseudo-classes: health {@code :up :degraded :down :unknown}, flow
 * {@code :flowing :idle :stalled :unknown}, alert severity {@code :critical :warning :info :other} and alert state
 * {@code :firing :pending :suppressed :resolved} (null clears it).
 */
public final class Styles {

    public static final EnumStyles<HealthState> HEALTH = EnumStyles.of(HealthState.class, HealthState.UNKNOWN);
    public static final EnumStyles<FlowState> FLOW = EnumStyles.of(FlowState.class, FlowState.UNKNOWN);
    public static final EnumStyles<Severity> SEVERITY = EnumStyles.of(Severity.class, Severity.OTHER);
    public static final EnumStyles<AlertState> ALERT_STATE = EnumStyles.of(AlertState.class, null);

    private Styles() {}
}
