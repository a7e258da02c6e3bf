package io.nightwatch.flow;

import java.time.Instant;
import java.util.List;

/** Every stage, error-log rate, data volume and canary at one moment; what the flow capability publishes. */
public record FlowSnapshot(Instant takenAt, FlowSettings settings, List<StageStatus> stages,
                           List<ContainerErrors> logErrors, List<DiskHeadroom> disks, List<CanaryResult> canaries) {

    public FlowSnapshot {
        stages = List.copyOf(stages);
        logErrors = List.copyOf(logErrors);
        disks = List.copyOf(disks);
        canaries = List.copyOf(canaries);
    }

    public boolean anyStalled() {
        return stages.stream().anyMatch(s -> s.state() == FlowState.STALLED)
                || canaries.stream().anyMatch(c -> c.state() == FlowState.STALLED);
    }

    public List<StageStatus> stalled() {
        return stages.stream().filter(s -> s.state() == FlowState.STALLED).toList();
    }
}
