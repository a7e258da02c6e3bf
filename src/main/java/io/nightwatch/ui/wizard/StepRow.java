package io.nightwatch.ui.wizard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step of the run as the run and result pages show it: its plan and its live state. FX thread only. */
public final class StepRow {

    private final StepPlan plan;
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state", StepState.PENDING);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

    StepRow(StepPlan plan) {
        this.plan = plan;
    }

    public StepPlan plan() {
        return plan;
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StepState getState() {
        return state.get();
    }

    /** "in 1.2 s", the reason it failed, "undone", … */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public String getDetail() {
        return detail.get();
    }

    void show(RunProgress.StepLive live) {
        state.set(live.state());
        detail.set(live.detail());
    }
}
