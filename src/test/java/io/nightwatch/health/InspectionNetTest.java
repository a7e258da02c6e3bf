package io.nightwatch.health;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.ContainerSummary;
import io.nightwatch.docker.HealthcheckStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a full round with the event stream open inspects again (the rest is probed with the facts it has). */
class InspectionNetTest {

    private static final String NAME = "sva-studio-prometheus";

    @Test
    void aContainerListedAsItWasInspectedIsNotInspectedAgain() {
        assertTrue(InspectionNet.unchanged(Optional.of(facts("abc", ContainerState.RUNNING)), NAME,
                Map.of(NAME, listed("abc", ContainerState.RUNNING))));
    }

    @Test
    void anotherStateAnotherIdOrNoEntryIsInspected() {
        Optional<ContainerFacts> running = Optional.of(facts("abc", ContainerState.RUNNING));
        assertFalse(InspectionNet.unchanged(running, NAME, Map.of(NAME, listed("abc", ContainerState.EXITED))), "died unseen");
        assertFalse(InspectionNet.unchanged(running, NAME, Map.of(NAME, listed("def", ContainerState.RUNNING))), "replaced under its name");
        assertFalse(InspectionNet.unchanged(running, NAME, Map.of()), "removed");
    }

    @Test
    void aContainerThatWasMissingIsInspectedOnceItIsListed() {
        assertTrue(InspectionNet.unchanged(Optional.empty(), NAME, Map.of("other", listed("x", ContainerState.RUNNING))));
        assertFalse(InspectionNet.unchanged(Optional.empty(), NAME, Map.of(NAME, listed("abc", ContainerState.CREATED))));
    }

    @Test
    void everyThirdFullRoundInspectsEverything() {
        InspectionNet net = new InspectionNet();
        StringBuilder sweeps = new StringBuilder();
        for (int round = 0; round < 9; round++) sweeps.append(net.sweepNow() ? 'S' : '-');
        assertEquals("--S--S--S", sweeps.toString());
    }

    private static ContainerFacts facts(String id, ContainerState state) {
        return new ContainerFacts(id, NAME, "local/prometheus:2.42.0", state, HealthcheckStatus.HEALTHY, "", 0, false, 0,
                Optional.empty(), Optional.empty(), 0, 0, Map.of(), "");
    }

    private static ContainerSummary listed(String id, ContainerState state) {
        return new ContainerSummary(id, NAME, "local/prometheus:2.42.0", state, Map.of(), Map.of());
    }
}
