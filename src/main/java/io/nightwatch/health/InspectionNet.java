package io.nightwatch.health;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerSummary;

import java.util.Map;
import java.util.Optional;

/**
 * Which containers a full round inspects while the event stream is open. The engine reports every change of a
 * container as an event (start, die, health, OOM, update), and each event re-inspects its container at once; the full
 * round is the net under those events. So it inspects a container only when the engine's list disagrees with what
 * the last inspection found (another id under the name, another state, appeared or gone), and every
 * {@link #FULL_ROUNDS_PER_SWEEP}th full round all of them, which catches a missed event within about 30 s at the
 * default interval. The others are probed again with the facts they have. Inspections were a third of the idle window's work.
 */
final class InspectionNet {

    static final int FULL_ROUNDS_PER_SWEEP = 3;

    /** Only the schedule's thread touches it (rounds of one watcher never overlap). */
    private int fullRounds;

    /** Counts a full round of the schedule; true when this one inspects every container. */
    boolean sweepNow() {
        fullRounds = (fullRounds + 1) % FULL_ROUNDS_PER_SWEEP;
        return fullRounds == 0;
    }

    /**
     * Whether the engine's list still shows what the last inspection found for {@code container}: the same id in
     * the same state, or, when the inspection found none, still no container of that name.
     */
    static boolean unchanged(Optional<ContainerFacts> lastFound, String container, Map<String, ContainerSummary> listedByName) {
        ContainerSummary listed = listedByName.get(container);
        if (lastFound.isEmpty()) return listed == null;
        return listed != null && listed.id().equals(lastFound.get().id()) && listed.state() == lastFound.get().state();
    }
}
